import QtQuick
import Veche.Kiosk

// A message from the backend for the resident (a refusal, a wrong code),
// large and framed; invisible while `text` is empty.
Rectangle {
    id: box

    required property Theme theme
    property string text

    visible: text.length > 0
    implicitHeight: visible ? label.implicitHeight + 2 * theme.gap : 0
    color: theme.surface
    radius: theme.radius
    border.width: theme.borderWidth * 2
    border.color: theme.highContrast ? theme.primary : theme.alert

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Text {
        id: label
        anchors.fill: parent
        anchors.margins: box.theme.gap
        text: box.text
        color: box.theme.text
        font.family: box.theme.fontFamily
        font.pixelSize: box.theme.titlePixelSize
        font.bold: true
        wrapMode: Text.WordWrap
        verticalAlignment: Text.AlignVCenter
    }
}
