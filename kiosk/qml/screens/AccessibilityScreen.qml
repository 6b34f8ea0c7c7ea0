import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Для слабовидящих»: text size (three steps), the high-contrast colours and
// the speech volume. All return to normal when the visit ends.
ScreenPage {
    id: page
    objectName: "accessibilityScreen"
    title: "Для слабовидящих"
    spokenText: title + "\nРазмер текста: " + (theme.textStep + 1) + " из " + theme.textStepCount
                + ". Кнопки «Мельче» и «Крупнее».\nКонтрастные цвета: "
                + (theme.highContrast ? "включены" : "выключены")
                + ".\nГромкость: " + kiosk.speech.volumeLevel + " из 10. Кнопки «Тише» и «Громче»."

    BodyText {
        objectName: "textSizeLabel"
        theme: page.theme
        text: "Размер текста: " + (page.theme.textStep + 1) + " из " + page.theme.textStepCount
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: page.theme.gap
        Layout.fillWidth: true
        BigButton {
            objectName: "textSmaller"
            theme: page.theme
            kind: "secondary"
            text: "Мельче"
            enabled: page.theme.textStep > 0
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.theme.smallerText()
        }
        BigButton {
            objectName: "textLarger"
            theme: page.theme
            kind: "secondary"
            text: "Крупнее"
            enabled: page.theme.textStep + 1 < page.theme.textStepCount
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.theme.largerText()
        }
    }
    BigButton {
        objectName: "contrastToggle"
        theme: page.theme
        kind: page.theme.highContrast ? "selected" : "secondary"
        text: page.theme.highContrast ? "Контрастные цвета: включены" : "Контрастные цвета: выключены"
        Layout.fillWidth: true
        onClicked: page.theme.toggleContrast()
    }
    BodyText {
        objectName: "volumeLabel"
        theme: page.theme
        text: page.kiosk.speech.available
              ? "Громкость чтения вслух: " + page.kiosk.speech.volumeLevel + " из 10"
              : "Чтение вслух сейчас недоступно"
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: page.theme.gap
        Layout.fillWidth: true
        BigButton {
            objectName: "volumeDown"
            theme: page.theme
            kind: "secondary"
            text: "Тише"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.kiosk.speech.quieter()
        }
        BigButton {
            objectName: "volumeUp"
            theme: page.theme
            kind: "secondary"
            text: "Громче"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: page.kiosk.speech.louder()
        }
    }
    Item {
        Layout.fillHeight: true
    }
    BigButton {
        objectName: "accessibilityDone"
        theme: page.theme
        text: "Готово"
        Layout.fillWidth: true
        onClicked: page.kiosk.back()
    }
}
