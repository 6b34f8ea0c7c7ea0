import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The controls every screen has: «Назад», «На главную» (or «Завершить» on
// the home screen), «Прочитать вслух» and «Для слабовидящих».
//
// Every button keeps its place on every screen: two rows of two in portrait
// (so that «Для слабовидящих» fits at full size), one row of four in
// landscape. Where «Назад» is hidden its cell stays empty. All buttons have
// the same height, that of the tallest label, with centred labels.
Rectangle {
    id: bar

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme
    // What «Прочитать вслух» reads: the current screen's spokenText.
    property string spokenText
    // The common height of the buttons.
    readonly property int buttonHeight: Math.max(theme.frameButtonHeight,
                                                 backButton.visible ? backButton.implicitHeight : 0,
                                                 homeButton.implicitHeight,
                                                 readAloudButton.implicitHeight,
                                                 accessibilityButton.implicitHeight)

    implicitHeight: buttons.implicitHeight + 2 * theme.gap
    color: theme.surface
    border.width: theme.highContrast ? theme.borderWidth : 0
    border.color: theme.outline

    GridLayout {
        id: buttons
        anchors.fill: parent
        anchors.margins: bar.theme.gap
        columns: bar.theme.portrait ? 2 : 4
        rowSpacing: bar.theme.gap
        columnSpacing: bar.theme.gap

        BigButton {
            id: backButton
            objectName: "backButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: "Назад"
            visible: bar.kiosk.canGoBack
            Layout.row: 0
            Layout.column: 0
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: bar.buttonHeight
            onClicked: bar.kiosk.back()
        }
        BigButton {
            id: homeButton
            objectName: bar.kiosk.screen === "home" ? "endButton" : "homeButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: bar.kiosk.screen === "home" ? "Завершить" : "На главную"
            Layout.row: 0
            Layout.column: 1
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: bar.buttonHeight
            onClicked: bar.kiosk.screen === "home" ? bar.kiosk.endVisit() : bar.kiosk.home()
        }
        BigButton {
            id: readAloudButton
            objectName: "readAloudButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: "secondary"
            text: bar.kiosk.speech.speaking ? "Остановить чтение" : "Прочитать вслух"
            Layout.row: bar.theme.portrait ? 1 : 0
            Layout.column: bar.theme.portrait ? 0 : 2
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: bar.buttonHeight
            onClicked: bar.kiosk.speech.speaking ? bar.kiosk.speech.stop()
                                                 : bar.kiosk.readAloud(bar.spokenText)
        }
        BigButton {
            id: accessibilityButton
            objectName: "accessibilityButton"
            theme: bar.theme
            labelPixelSize: bar.theme.framePixelSize * 11 / 10
            minimumHeight: bar.theme.frameButtonHeight
            kind: bar.kiosk.screen === "accessibility" ? "selected" : "secondary"
            text: "Для слабовидящих"
            Layout.row: bar.theme.portrait ? 1 : 0
            Layout.column: bar.theme.portrait ? 1 : 3
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: bar.buttonHeight
            onClicked: bar.kiosk.openAccessibility()
        }
    }
}
