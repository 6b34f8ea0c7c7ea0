import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The code from the SMS, typed on the keypad and shown as dots only. The
// spoken text counts the digits but never says them.
ScreenPage {
    id: page
    objectName: "codeScreen"
    readonly property PhoneVerification phone: kiosk.phone
    title: "Код из SMS"
    spokenText: title + "\n" + phone.sentText + "\nВведите 6 цифр кода и нажмите «Подтвердить».\n"
                + "Введено цифр: " + phone.codeDigitCount + " из " + phone.codeLength + ".\n"
                + phone.message

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
                objectName: "codeSentText"
                theme: page.theme
                text: page.phone.sentText.length > 0 ? page.phone.sentText
                                                      : "Код придёт в SMS."
                Layout.fillWidth: true
            }
            CodeDots {
                objectName: "codeDots"
                theme: page.theme
                length: page.phone.codeLength
                typed: page.phone.codeDigitCount
                Layout.alignment: Qt.AlignHCenter
            }
            MessageText {
                objectName: "codeMessage"
                theme: page.theme
                text: page.phone.message
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "submitCode"
                theme: page.theme
                text: page.phone.busy ? "Проверяем…" : "Подтвердить"
                visible: !page.phone.canRequestAgain
                enabled: page.phone.codeComplete && !page.phone.busy
                Layout.fillWidth: true
                onClicked: page.phone.submitCode()
            }
            BigButton {
                objectName: "requestNewCode"
                theme: page.theme
                text: "Получить новый код"
                visible: page.phone.canRequestAgain
                enabled: !page.phone.busy
                Layout.fillWidth: true
                onClicked: page.phone.submitPhone()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.phone.typeCodeDigit(value)
            onErase: page.phone.eraseCodeDigit()
        }
        // Takes the spare height, so that the rows above stay together at the top.
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
