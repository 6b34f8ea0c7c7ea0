import QtQuick
import Veche.Kiosk

// The plain statement that a kiosk ballot in this assembly is advisory.
Rectangle {
    id: note

    required property Theme theme
    property string text: "Голос, поданный в киоске, учитывается как совещательный"

    implicitHeight: label.implicitHeight + 2 * theme.gap
    color: theme.surface
    radius: theme.radius
    border.width: theme.borderWidth
    border.color: theme.outline

    Text {
        id: label
        anchors.fill: parent
        anchors.margins: note.theme.gap
        text: note.text
        color: note.theme.text
        font.family: note.theme.fontFamily
        font.pixelSize: note.theme.bodyPixelSize
        font.bold: true
        wrapMode: Text.WordWrap
    }
}
