import QtQuick
import Veche.Kiosk

// A large numeric keypad: 1–9 in three rows, then «Стереть» (two keys wide,
// so that the word fits at full size) and 0. Keys are theme.keySize high
// with gaps of theme.gap; objectNames key0 … key9 and keyErase.
Column {
    id: keypad

    required property Theme theme
    readonly property int keyWidth: theme.keySize * 3 / 2

    signal digit(int value)
    signal erase()

    spacing: theme.gap

    Grid {
        columns: 3
        spacing: keypad.theme.gap

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
                width: keypad.keyWidth
                height: keypad.theme.keySize
                onClicked: keypad.digit(key.modelData)
            }
        }
        // qmllint enable unqualified
    }
    Row {
        spacing: keypad.theme.gap

        BigButton {
            objectName: "keyErase"
            theme: keypad.theme
            kind: "secondary"
            text: "Стереть"
            width: keypad.keyWidth * 2 + keypad.theme.gap
            height: keypad.theme.keySize
            onClicked: keypad.erase()
        }
        BigButton {
            objectName: "key0"
            theme: keypad.theme
            kind: "secondary"
            text: "0"
            width: keypad.keyWidth
            height: keypad.theme.keySize
            onClicked: keypad.digit(0)
        }
    }
}
