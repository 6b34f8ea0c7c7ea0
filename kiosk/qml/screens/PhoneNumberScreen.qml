import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The mobile number on a large keypad, then «Получить код». Used by «Мой
// телефон», «Голосование» and «Опросы» alike.
ScreenPage {
    id: page
    objectName: "phoneNumberScreen"
    readonly property PhoneVerification phone: kiosk.phone
    title: kiosk.purposeTitle + ": ваш телефон"
    spokenText: title + "\nВведите номер мобильного телефона: 10 цифр после плюс семь. "
                + "Затем нажмите «Получить код». Мы пришлём код в SMS.\n"
                + "Введено цифр: " + phone.phoneDigitCount + " из 10.\n" + phone.message

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
                text: "Введите номер мобильного телефона. Мы пришлём код в SMS."
                Layout.fillWidth: true
            }
            TypedValue {
                objectName: "phoneValue"
                theme: page.theme
                text: page.phone.phoneText
                Layout.fillWidth: true
            }
            MessageText {
                objectName: "phoneMessage"
                theme: page.theme
                text: page.phone.message
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "requestCode"
                theme: page.theme
                text: page.phone.busy ? "Отправляем код…" : "Получить код"
                enabled: page.phone.phoneComplete && !page.phone.busy
                Layout.fillWidth: true
                onClicked: page.phone.submitPhone()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.phone.typePhoneDigit(value)
            onErase: page.phone.erasePhoneDigit()
        }
        // Takes the spare height, so that the rows above stay together at the top.
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
