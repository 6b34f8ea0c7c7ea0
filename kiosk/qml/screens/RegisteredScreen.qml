import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Мой телефон» is done: what was recorded.
ScreenPage {
    id: page
    objectName: "registeredScreen"
    title: "Готово"
    spokenText: title + "\n" + summary.text

    BodyText {
        id: summary
        objectName: "registeredSummary"
        theme: page.theme
        font.pixelSize: page.theme.titlePixelSize
        text: "Телефон " + page.kiosk.maskedPhone + " зарегистрирован.\n"
              + (page.kiosk.registration.consentGiven
                 ? "Вы согласились получать SMS-сообщения."
                 : "SMS-сообщения отправляться не будут.")
              + (page.kiosk.registration.linkRequested
                 ? "\nЗапрос на связь с квартирой " + page.kiosk.registration.apartment
                   + " отправлен в совет дома."
                 : "")
        Layout.fillWidth: true
    }
    Item {
        Layout.fillHeight: true
    }
    BigButton {
        objectName: "finishButton"
        theme: page.theme
        text: "Завершить"
        Layout.fillWidth: true
        onClicked: page.kiosk.endVisit()
    }
}
