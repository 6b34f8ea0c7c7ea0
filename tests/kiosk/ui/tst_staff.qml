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

        function test_long_press_on_clock_opens_sync_state() {
            startVisit();
            const hold = named("clockHold");
            mousePress(hold);
            tryCompare(kioskController, "screen", "staff", 8000);
            mouseRelease(hold);
            const facts = named("staffFacts").text;
            verify(facts.indexOf("kiosk-7") >= 0, facts);
            verify(facts.indexOf("Событий ждут отправки: 3") >= 0, facts);
            verify(facts.indexOf("SMS в очереди модема: 2") >= 0, facts);
            verify(facts.indexOf("Модем: подключён") >= 0, facts);
            click("closeStaff");
            compare(kioskController.screen, "home");
        }
    }
}
