import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only (a 5-second hold on the clock, then the PIN): the link to
// the hub, the modem and the cabinet; a test SMS; enrolling again; paper
// ballot entry.
ScreenPage {
    id: page
    objectName: "staffScreen"
    readonly property StaffPanel staff: kiosk.staff
    title: "Служебная информация"
    spokenText: title + "\n" + facts.text

    BodyText {
        id: facts
        objectName: "staffFacts"
        theme: page.theme
        text: "Киоск: " + page.staff.kioskId
              + "\nПоследняя успешная синхронизация: " + page.staff.lastSuccessText
              + "\nПоследняя попытка: " + page.staff.lastAttemptText
              + (page.staff.lastError.length > 0 ? "\nОшибка: " + page.staff.lastError : "")
              + "\nСобытий ждут отправки: " + page.staff.pendingEvents
              + "\nОтклонено хабом: " + page.staff.rejectedEvents
              + "\nSMS в очереди модема: " + page.staff.queuedSms
              + "\nМодем: " + (page.staff.modemConnected ? "подключён" : "не подключён")
              + "\nШкаф: " + page.staff.cabinetText
              + (page.staff.pinSet ? "" : "\nPIN сотрудников не задан: задайте его при выдаче "
                                          + "кода (veche-provision code --staff-pin). Без PIN "
                                          + "тестовое SMS, новое подключение и ввод бюллетеней недоступны.")
        Layout.fillWidth: true
    }
    Item {
        Layout.fillHeight: true
    }
    GridLayout {
        columns: page.theme.portrait ? 2 : 4
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap
        Layout.fillWidth: true

        BigButton {
            objectName: "openStaffSms"
            theme: page.theme
            text: "Тестовое SMS"
            visible: page.staff.pinSet  // never for anyone who held the clock
            Layout.fillWidth: true
            onClicked: page.kiosk.openStaffTool("sms")
        }
        BigButton {
            objectName: "openStaffEnrol"
            theme: page.theme
            text: "Подключить заново"
            visible: page.staff.pinSet && page.kiosk.staffEnrolment.available
            Layout.fillWidth: true
            onClicked: page.kiosk.openStaffTool("enrol")
        }
        BigButton {
            objectName: "openStaffPaper"
            theme: page.theme
            text: "Бумажные бюллетени"
            visible: page.staff.pinSet && page.kiosk.staffPaper.available
            Layout.fillWidth: true
            onClicked: page.kiosk.openStaffTool("paper")
        }
        BigButton {
            objectName: "closeStaff"
            theme: page.theme
            text: "Закрыть"
            Layout.fillWidth: true
            onClicked: page.kiosk.home()
        }
    }
}
