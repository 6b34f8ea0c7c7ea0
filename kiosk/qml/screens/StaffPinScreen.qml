import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only: the PIN before the staff screen, typed on the keypad and
// shown as dots. Never spoken digit by digit.
ScreenPage {
    id: page
    objectName: "staffPinScreen"
    readonly property StaffPanel staff: kiosk.staff
    title: "Служебный вход"
    spokenText: title + "\nВведите PIN сотрудника и нажмите «Войти».\n" + staff.pinMessage

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
                text: "Введите PIN сотрудника ТОС."
                Layout.fillWidth: true
            }
            CodeDots {
                objectName: "staffPinDots"
                theme: page.theme
                length: Math.max(4, page.staff.pinDigitCount)
                typed: page.staff.pinDigitCount
                Layout.alignment: Qt.AlignHCenter
            }
            MessageText {
                objectName: "staffPinMessage"
                theme: page.theme
                text: page.staff.pinMessage
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "submitStaffPin"
                theme: page.theme
                text: "Войти"
                enabled: page.staff.pinDigitCount >= 4
                Layout.fillWidth: true
                onClicked: page.staff.submitPin()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.staff.typePinDigit(value)
            onErase: page.staff.erasePinDigit()
        }
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
