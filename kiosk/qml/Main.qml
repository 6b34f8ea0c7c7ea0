import QtQuick
import QtQuick.Window
import Veche.Kiosk

// The kiosk's window. KioskUi passes the root controller as `kiosk`.
Window {
    id: window

    required property KioskController kiosk

    width: 1080
    height: 1920
    visible: false
    title: "Вече — киоск"
    color: kiosk.theme.background

    KioskView {
        anchors.fill: parent
        kiosk: window.kiosk
    }
}
