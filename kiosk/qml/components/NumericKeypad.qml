import QtQuick
import Veche.Kiosk

// A large numeric keypad: 1–9, «Стереть», 0. Keys are theme.keySize square
// with gaps of theme.gap; objectNames key0 … key9 and keyErase.
Grid {
    id: keypad

    required property Theme theme

    signal digit(int value)
    signal erase()

    columns: 3
    spacing: theme.gap

    // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
    // ComponentBehavior: Bound before 6.5).
    // qmllint disable unqualified
    Repeater {
        model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
        delegate: BigButton {
            id: key
            required property int modelData
            objectName: "key" + key.modelData
            theme: keypad.theme
            kind: "secondary"
            text: String(key.modelData)
            width: keypad.theme.keySize * 3 / 2
            height: keypad.theme.keySize
            onClicked: keypad.digit(key.modelData)
        }
    }
    // qmllint enable unqualified
    BigButton {
        objectName: "keyErase"
        theme: keypad.theme
        kind: "secondary"
        text: "Стереть"
        width: keypad.theme.keySize * 3 / 2
        height: keypad.theme.keySize
        onClicked: keypad.erase()
    }
    BigButton {
        objectName: "key0"
        theme: keypad.theme
        kind: "secondary"
        text: "0"
        width: keypad.theme.keySize * 3 / 2
        height: keypad.theme.keySize
        onClicked: keypad.digit(0)
    }
}
