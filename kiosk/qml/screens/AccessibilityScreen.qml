import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Для слабовидящих»: text size (three steps), the high-contrast colours and
// the speech volume. All return to normal when the visit ends. One column in
// portrait; in landscape the size and volume on the left, the colours and
// «Готово» on the right, so that everything fits at the largest text size.
ScreenPage {
    id: page
    objectName: "accessibilityScreen"
    title: "Для слабовидящих"
    spokenText: title + "\nРазмер текста: " + (theme.textStep + 1) + " из " + theme.textStepCount
                + ". Кнопки «Мельче» и «Крупнее».\nКонтрастные цвета: "
                + (theme.highContrast ? "включены" : "выключены")
                + ".\nГромкость: " + kiosk.speech.volumeLevel + " из 10. Кнопки «Тише» и «Громче»."

    GridLayout {
        id: settings

        readonly property bool portrait: page.theme.portrait
        // Both columns equally wide, whatever their contents; from the page's
        // width, which the layout does not change.
        readonly property real room: Math.max(0, page.width - 2 * page.theme.margin)
        readonly property real cellWidth: portrait ? room : (room - columnSpacing) / 2

        columns: portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: false

        BodyText {
            objectName: "textSizeLabel"
            theme: page.theme
            text: "Размер текста: " + (page.theme.textStep + 1) + " из " + page.theme.textStepCount
            Layout.row: 0
            Layout.column: 0
            Layout.fillWidth: true
            Layout.preferredWidth: settings.cellWidth
        }
        RowLayout {
            spacing: page.theme.gap
            Layout.row: 1
            Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredWidth: settings.cellWidth
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
            Layout.row: settings.portrait ? 2 : 0
            Layout.column: settings.portrait ? 0 : 1
            Layout.rowSpan: settings.portrait ? 1 : 2
            Layout.fillWidth: true
            Layout.fillHeight: !settings.portrait
            Layout.preferredWidth: settings.cellWidth
            onClicked: page.theme.toggleContrast()
        }
        BodyText {
            objectName: "volumeLabel"
            theme: page.theme
            text: page.kiosk.speech.available
                  ? "Громкость чтения вслух: " + page.kiosk.speech.volumeLevel + " из 10"
                  : "Чтение вслух сейчас недоступно"
            Layout.row: settings.portrait ? 3 : 2
            Layout.column: 0
            Layout.fillWidth: true
            Layout.preferredWidth: settings.cellWidth
        }
        RowLayout {
            spacing: page.theme.gap
            Layout.row: settings.portrait ? 4 : 3
            Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredWidth: settings.cellWidth
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
        BigButton {
            objectName: "accessibilityDone"
            theme: page.theme
            text: "Готово"
            Layout.row: settings.portrait ? 5 : 3
            Layout.column: settings.portrait ? 0 : 1
            Layout.fillWidth: true
            Layout.preferredWidth: settings.cellWidth
            onClicked: page.kiosk.back()
        }
    }
    Item {
        Layout.fillHeight: true
    }
}
