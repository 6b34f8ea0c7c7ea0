import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Терминал временно недоступен» over everything while the cabinet is open
// (tamper switch or service door). It takes every touch: nothing underneath
// can be used until the cabinet is closed.
Rectangle {
    id: overlay

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme

    objectName: "lockedOverlay"
    visible: kiosk.locked
    color: theme.background

    MouseArea {
        anchors.fill: parent
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * overlay.theme.margin
        spacing: overlay.theme.gap * 2

        Text {
            objectName: "lockedTitle"
            text: "Терминал временно недоступен"
            color: overlay.theme.text
            font.family: overlay.theme.fontFamily
            font.pixelSize: overlay.theme.hugePixelSize
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        BodyText {
            theme: overlay.theme
            text: "Пожалуйста, подойдите позже."
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
