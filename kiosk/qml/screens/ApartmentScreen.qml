import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// An optional flat number, so that the council can link the phone to an
// owner: digits and the letters а–г on large keys.
ScreenPage {
    id: page
    objectName: "apartmentScreen"
    readonly property RegistrationFlow registration: kiosk.registration
    title: "Номер квартиры"
    spokenText: title + "\nЕсли хотите, укажите номер квартиры: совет дома свяжет телефон "
                + "с собственником. Это необязательно. Нажмите «Отправить» или «Пропустить».\n"
                + registration.message

    GridLayout {
        columns: page.theme.portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        ColumnLayout {
            spacing: page.theme.gap
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.alignment: Qt.AlignTop

            BodyText {
                theme: page.theme
                text: "Укажите номер квартиры, чтобы совет дома связал телефон с собственником. "
                      + "Это необязательно."
                Layout.fillWidth: true
            }
            TypedValue {
                objectName: "apartmentValue"
                theme: page.theme
                text: page.registration.apartment.length > 0 ? page.registration.apartment : "—"
                Layout.fillWidth: true
            }
            Row {
                spacing: page.theme.gap
                // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
                // ComponentBehavior: Bound before 6.5).
                // qmllint disable unqualified
                Repeater {
                    model: ["а", "б", "в", "г"]
                    delegate: BigButton {
                        id: letter
                        required property string modelData
                        objectName: "letter_" + letter.modelData
                        theme: page.theme
                        kind: "secondary"
                        text: letter.modelData
                        width: page.theme.keySize
                        height: page.theme.keySize
                        onClicked: page.registration.typeApartmentChar(letter.modelData)
                    }
                }
                // qmllint enable unqualified
            }
            MessageText {
                objectName: "apartmentMessage"
                theme: page.theme
                text: page.registration.message
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: page.theme.gap
                Layout.fillWidth: true

                BigButton {
                    objectName: "apartmentSubmit"
                    theme: page.theme
                    text: "Отправить"
                    enabled: page.registration.apartment.length > 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.registration.submitApartment()
                }
                BigButton {
                    objectName: "apartmentSkip"
                    theme: page.theme
                    kind: "secondary"
                    text: "Пропустить"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.registration.skipApartment()
                }
            }
        }
        NumericKeypad {
            id: keypad
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.registration.typeApartmentChar(String(value))
            onErase: page.registration.eraseApartmentChar()
        }
        // Takes the spare height, so that the rows above stay together at the top.
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
