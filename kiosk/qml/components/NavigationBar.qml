import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The controls every screen has: «Назад», «На главную» (or «Завершить» on
// the home screen), «Прочитать вслух» and «Для слабовидящих».
Rectangle {
    id: bar

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme
    // What «Прочитать вслух» reads: the current screen's spokenText.
    property string spokenText

    implicitHeight: buttons.implicitHeight + 2 * theme.gap
    color: theme.surface
    border.width: theme.highContrast ? theme.borderWidth : 0
    border.color: theme.outline

    // Two columns in portrait, so that «Для слабовидящих» fits at full size.
    GridLayout {
        id: buttons
        anchors.fill: parent
        anchors.margins: bar.theme.gap
        columns: bar.theme.portrait ? 2 : 4
        rowSpacing: bar.theme.gap
        columnSpacing: bar.theme.gap

        BigButton {
            objectName: "backButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: "Назад"
            visible: bar.kiosk.canGoBack
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: bar.kiosk.back()
        }
        BigButton {
            objectName: bar.kiosk.screen === "home" ? "endButton" : "homeButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: bar.kiosk.screen === "home" ? "Завершить" : "На главную"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: bar.kiosk.screen === "home" ? bar.kiosk.endVisit() : bar.kiosk.home()
        }
        BigButton {
            objectName: "readAloudButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: bar.kiosk.speech.speaking ? "Остановить чтение" : "Прочитать вслух"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: bar.kiosk.speech.speaking ? bar.kiosk.speech.stop()
                                                 : bar.kiosk.readAloud(bar.spokenText)
        }
        BigButton {
            objectName: "accessibilityButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: bar.kiosk.screen === "accessibility" ? "selected" : "secondary"
            text: "Для слабовидящих"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: bar.kiosk.openAccessibility()
        }
    }
}
