import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// One notice, full screen, in large text, with «Прочитать вслух».
ScreenPage {
    id: page
    objectName: "noticeScreen"
    title: kiosk.notices.openedTitle
    spokenText: title + "\n" + kiosk.notices.openedBody + "\n" + kiosk.notices.openedAuthor

    BodyText {
        objectName: "noticeMeta"
        theme: page.theme
        text: page.kiosk.notices.openedCategoryTitle + " · " + page.kiosk.notices.openedDateText
        font.bold: page.kiosk.notices.openedEmergency
        Layout.fillWidth: true
    }
    Flickable {
        id: scroller
        clip: true
        contentHeight: body.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        Layout.fillWidth: true
        Layout.fillHeight: true

        BodyText {
            id: body
            objectName: "noticeBody"
            width: scroller.width
            theme: page.theme
            text: page.kiosk.notices.openedBody + (page.kiosk.notices.openedAuthor.length > 0
                                                   ? "\n\n" + page.kiosk.notices.openedAuthor : "")
            font.pixelSize: page.theme.titlePixelSize
        }
    }
    RowLayout {
        spacing: page.theme.gap
        Layout.fillWidth: true

        BigButton {
            objectName: "scrollUp"
            theme: page.theme
            kind: "secondary"
            text: "Выше"
            visible: scroller.contentHeight > scroller.height
            enabled: !scroller.atYBeginning
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: scroller.contentY = Math.max(0, scroller.contentY - scroller.height * 0.8)
        }
        BigButton {
            objectName: "scrollDown"
            theme: page.theme
            kind: "secondary"
            text: "Ниже"
            visible: scroller.contentHeight > scroller.height
            enabled: !scroller.atYEnd
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: scroller.contentY = Math.min(scroller.contentHeight - scroller.height,
                                                    scroller.contentY + scroller.height * 0.8)
        }
        BigButton {
            objectName: "readNoticeButton"
            theme: page.theme
            text: "Прочитать вслух"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.kiosk.readAloud(page.spokenText)
        }
    }
}
