import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The report is stored: its number.
ScreenPage {
    id: page
    objectName: "reportDoneScreen"
    title: "Обращение принято"
    spokenText: title + "\nНомер обращения: " + kiosk.report.reportNumber
                + "\nЗапишите номер: по нему можно узнать, что сделано."

    BodyText {
        theme: page.theme
        text: "Номер обращения:"
        Layout.fillWidth: true
    }
    Text {
        objectName: "reportNumber"
        text: "№ " + page.kiosk.report.reportNumber
        color: page.theme.text
        font.family: page.theme.fontFamily
        font.pixelSize: page.theme.hugePixelSize
        font.bold: true
        Layout.fillWidth: true
    }
    BodyText {
        theme: page.theme
        text: "Запишите номер: по нему можно узнать, что сделано."
        Layout.fillWidth: true
    }
    Item {
        Layout.fillHeight: true
    }
    BigButton {
        objectName: "finishButton"
        theme: page.theme
        text: "Завершить"
        Layout.fillWidth: true
        onClicked: page.kiosk.endVisit()
    }
}
