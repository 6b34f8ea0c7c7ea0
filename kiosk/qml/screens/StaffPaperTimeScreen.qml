import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only: when the paper ballots were received, typed on the keypad
// from the register of received ballots as ДД.ММ ЧЧ:ММ. «Готово» returns to
// the paper ballots.
ScreenPage {
    id: page
    objectName: "staffPaperTimeScreen"
    readonly property StaffPaperEntry paper: kiosk.staffPaper
    title: "Когда бланки получены"
    spokenText: title + "\n" + intro.text + "\n" + paper.timeMessage

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
                id: intro
                theme: page.theme
                text: "Введите день, месяц, часы и минуты из журнала приёма бланков."
                Layout.fillWidth: true
            }
            TypedValue {
                objectName: "staffPaperTime"
                theme: page.theme
                text: page.paper.timeText
                Layout.fillWidth: true
            }
            MessageText {
                objectName: "staffPaperTimeMessage"
                theme: page.theme
                text: page.paper.timeMessage
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "acceptPaperTime"
                theme: page.theme
                text: "Готово"
                enabled: page.paper.timeComplete
                Layout.fillWidth: true
                onClicked: page.paper.acceptTime()
            }
        }
        NumericKeypad {
            theme: page.theme
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: value => page.paper.typeTimeDigit(value)
            onErase: page.paper.eraseTimeDigit()
        }
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
}
