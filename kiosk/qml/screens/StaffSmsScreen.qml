import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only: a test SMS from the kiosk's own modem to a number typed
// on the keypad, and what became of it.
ScreenPage {
    id: page
    objectName: "staffSmsScreen"
    readonly property StaffSmsTest sms: kiosk.staffSms
    title: "Тестовое SMS"
    spokenText: title + "\nВведите номер телефона и нажмите «Отправить».\n" + sms.message

    GridLayout {
        columns: page.theme.portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        ColumnLayout {
            spacing: page.theme.gap
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop

            BodyText {
                theme: page.theme
                text: "Модем терминала отправит короткое SMS на этот номер."
                Layout.fillWidth: true
            }
            TypedValue {
                objectName: "staffSmsPhone"
                theme: page.theme
                text: page.sms.phoneText
                Layout.fillWidth: true
            }
            MessageText {
                objectName: "staffSmsMessage"
                theme: page.theme
                text: page.sms.message
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "sendTestSms"
                theme: page.theme
                text: "Отправить"
                enabled: page.sms.phoneComplete
                Layout.fillWidth: true
                onClicked: page.sms.send()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.sms.typeDigit(value)
            onErase: page.sms.eraseDigit()
        }
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
