import QtQuick
import Veche.Kiosk

// Body text: the theme's body size and colour, wrapped.
Text {
    required property Theme theme

    color: theme.text
    font.family: theme.fontFamily
    font.pixelSize: theme.bodyPixelSize
    wrapMode: Text.WordWrap
    lineHeight: 1.15
}
