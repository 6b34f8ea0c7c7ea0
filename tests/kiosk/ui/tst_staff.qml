import QtQuick
import Veche.Kiosk

Item {
    width: 1920
    height: 1080

    KioskView {
        id: kioskView
        anchors.fill: parent
        kiosk: kioskController
    }

    KioskTestCase {
        name: "Staff"
        view: kioskView

        function openPinScreen() {
            startVisit();
            const hold = named("clockHold");
            mousePress(hold);
            tryCompare(kioskController, "screen", "staffPin", 8000);
            mouseRelease(hold);
        }

        function typePin(pin) {
            for (let i = 0; i < pin.length; ++i) {
                click("key" + pin[i]);
            }
        }

        function test_long_press_on_clock_then_the_pin_opens_sync_state() {
            openPinScreen();
            typePin("2468");
            click("submitStaffPin");
            tryCompare(kioskController, "screen", "staff");
            const facts = named("staffFacts").text;
            verify(facts.indexOf("kiosk-7") >= 0, facts);
            verify(facts.indexOf("Событий ждут отправки: 3") >= 0, facts);
            verify(facts.indexOf("SMS в очереди модема: 2") >= 0, facts);
            verify(facts.indexOf("Модем: подключён") >= 0, facts);
            verify(facts.indexOf("Шкаф: не подключён") >= 0, facts);
            click("closeStaff");
            compare(kioskController.screen, "home");
        }

        function test_a_wrong_pin_keeps_the_staff_screen_shut() {
            openPinScreen();
            typePin("1111");
            click("submitStaffPin");
            compare(kioskController.screen, "staffPin");
            compare(named("staffPinMessage").text, "Неверный PIN. Попробуйте ещё раз.");
            compare(kioskController.staff.pinDigitCount, 0);
            typePin("0000");
            click("submitStaffPin");
            compare(named("staffPinMessage").text,
                    "Слишком много неверных попыток. Попробуйте через 5 минут.");
            compare(kioskController.screen, "staffPin");
        }
    }
}
