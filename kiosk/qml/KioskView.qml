import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Veche.Kiosk

// Everything the kiosk shows: the header, the current screen, the
// navigation bar, the inactivity warning, the lock of an opened cabinet and
// the Russian on-screen keyboard.
// Lays out for any window; the Theme derives its sizes from this item's size.
Rectangle {
    id: view

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme
    readonly property bool attract: kiosk.screen === "attract"

    color: theme.background

    Binding {
        target: view.kiosk.theme
        property: "windowSize"
        value: Qt.size(view.width, view.height)
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["ru_RU"];
        VirtualKeyboardSettings.locale = "ru_RU";
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.bottomMargin: keyboard.active ? keyboard.height : 0
        spacing: 0

        KioskHeader {
            kiosk: view.kiosk
            visible: !view.attract
            Layout.fillWidth: true
        }
        ScreenHost {
            id: host
            kiosk: view.kiosk
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        NavigationBar {
            kiosk: view.kiosk
            spokenText: host.spokenText
            visible: !view.attract && !keyboard.active
            Layout.fillWidth: true
        }
    }

    InactivityWarning {
        anchors.fill: parent
        kiosk: view.kiosk
    }

    InputPanel {
        id: keyboard
        objectName: "keyboard"
        width: view.theme.portrait ? view.width : view.width * 3 / 4
        x: (view.width - width) / 2
        y: active ? view.height - height : view.height
        visible: active
    }

    LockedOverlay {
        anchors.fill: parent
        kiosk: view.kiosk
    }
}
