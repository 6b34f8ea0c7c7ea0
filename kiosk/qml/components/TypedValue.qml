import QtQuick
import Veche.Kiosk

// What the resident has typed so far, in a large framed field.
Rectangle {
    id: field

    required property Theme theme
    property string text

    implicitHeight: theme.buttonHeight * 5 / 4
    implicitWidth: label.implicitWidth + 2 * theme.gap
    color: theme.surface
    radius: theme.radius
    border.width: theme.borderWidth
    border.color: theme.outline

    Text {
        id: label
        anchors.centerIn: parent
        text: field.text
        color: field.theme.text
        font.family: field.theme.fontFamily
        font.pixelSize: field.theme.hugePixelSize
        font.bold: true
    }
}
