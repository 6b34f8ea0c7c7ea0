import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The notices of one category, four to a page.
ScreenPage {
    id: page
    objectName: "noticeListScreen"
    title: kiosk.notices.categoryTitle
    spokenText: title + "\n" + (kiosk.notices.list.total === 0
                                ? "В этом разделе сейчас нет объявлений."
                                : kiosk.notices.list.pageSpokenText)

    BodyText {
        theme: page.theme
        visible: page.kiosk.notices.list.total === 0
        text: "В этом разделе сейчас нет объявлений."
        Layout.fillWidth: true
    }
    // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
    // ComponentBehavior: Bound before 6.5).
    // qmllint disable unqualified
    Repeater {
        model: page.kiosk.notices.list
        delegate: BigButton {
            id: notice
            required property int rowIndex
            required property string title
            required property string dateText
            required property bool emergency
            objectName: "notice_" + notice.rowIndex
            theme: page.theme
            kind: notice.emergency ? "alert" : "secondary"
            text: notice.title
            detail: notice.dateText
            Layout.fillWidth: true
            onClicked: page.kiosk.notices.openNotice(notice.rowIndex)
        }
    }
    // qmllint enable unqualified
    Item {
        Layout.fillHeight: true
    }
    PagerButtons {
        theme: page.theme
        model: page.kiosk.notices.list
        Layout.fillWidth: true
    }
}
