import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Сообщить о проблеме», step 3: a phone for the answer, if wanted.
ScreenPage {
    id: page
    objectName: "reportPhoneScreen"
    readonly property ReportFlow report: kiosk.report
    title: "Телефон для ответа"
    spokenText: title + "\nЕсли хотите получить ответ, введите номер телефона. Можно не вводить. "
                + "Затем нажмите «Отправить обращение».\n" + report.message

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
                text: "Если хотите получить ответ, введите номер телефона. Можно не вводить."
                Layout.fillWidth: true
            }
            TypedValue {
                objectName: "reportPhoneValue"
                theme: page.theme
                text: page.report.phoneText
                Layout.fillWidth: true
            }
            MessageText {
                objectName: "reportMessage"
                theme: page.theme
                text: page.report.message
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "reportSubmit"
                theme: page.theme
                text: page.report.busy ? "Отправляем…" : "Отправить обращение"
                enabled: !page.report.busy
                Layout.fillWidth: true
                onClicked: page.report.submit()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.report.typePhoneDigit(value)
            onErase: page.report.erasePhoneDigit()
        }
        // Takes the spare height, so that the rows above stay together at the top.
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
