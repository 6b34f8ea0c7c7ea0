import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The SMS consent, in full, on its own screen: «Согласен» / «Не согласен».
ScreenPage {
    id: page
    objectName: "consentScreen"
    title: "Согласие на SMS-сообщения"
    spokenText: title + "\n" + kiosk.registration.consentText
                + "\nНажмите «Согласен» или «Не согласен»."

    Flickable {
        id: scroller
        clip: true
        contentHeight: consent.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        Layout.fillWidth: true
        Layout.fillHeight: true

        BodyText {
            id: consent
            objectName: "consentText"
            width: scroller.width
            theme: page.theme
            text: page.kiosk.registration.consentText
        }
    }
    MessageText {
        objectName: "consentMessage"
        theme: page.theme
        text: page.kiosk.registration.message
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: page.theme.gap
        Layout.fillWidth: true

        BigButton {
            objectName: "consentYes"
            theme: page.theme
            text: "Согласен"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.kiosk.registration.answerConsent(true)
        }
        BigButton {
            objectName: "consentNo"
            theme: page.theme
            kind: "secondary"
            text: "Не согласен"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.kiosk.registration.answerConsent(false)
        }
    }
}
