import QtQuick
import Veche.Kiosk

// A masked code: one circle per digit, filled for each digit typed. The
// digits themselves are never shown nor spoken.
Row {
    id: dots

    required property Theme theme
    property int length: 6
    property int typed: 0

    spacing: theme.gap
    Accessible.role: Accessible.StaticText
    Accessible.name: "Введено цифр: " + typed + " из " + length

    // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
    // ComponentBehavior: Bound before 6.5).
    // qmllint disable unqualified
    Repeater {
        model: dots.length
        delegate: Rectangle {
            id: dot
            required property int index
            width: dots.theme.bodyPixelSize * 3 / 2
            height: width
            radius: width / 2
            color: dot.index < dots.typed ? dots.theme.text : dots.theme.surface
            border.width: dots.theme.borderWidth
            border.color: dots.theme.text
        }
    }
    // qmllint enable unqualified
}
