import QtQuick
import QtTest
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

        function openStaffScreen() {
            openPinScreen();
            typePin("2468");
            click("submitStaffPin");
            tryCompare(kioskController, "screen", "staff");
        }

        function test_a_test_sms_is_sent_to_the_typed_number_and_followed() {
            openStaffScreen();
            click("openStaffSms");
            compare(kioskController.screen, "staffSms");
            verify(!named("sendTestSms").enabled);
            typePin("9001112233");
            click("sendTestSms");
            compare(probe.lastTestSmsPhone(), "+79001112233");
            compare(named("staffSmsMessage").text, "В очереди модема…");
            probe.setTestSmsState("Доставлено.", true);
            tryCompare(named("staffSmsMessage"), "text", "Доставлено.");
            kioskController.back();
            compare(kioskController.screen, "staff");
        }

        SignalSpy {
            id: enrolledAgain
            target: kioskController.staffEnrolment
            signalName: "enrolledAgain"
        }

        function test_a_scanned_label_enrols_the_kiosk_again() {
            openStaffScreen();
            click("openStaffEnrol");
            compare(kioskController.screen, "staffEnrol");
            probe.answerEnrolment(false, "", "Не удалось подключить: хаб отказал.");
            tryVerify(() => named("staffEnrolInput").activeFocus);  // with no touch
            const label = "veche://enrol/?hub=http%3A%2F%2Fhub.tos%3A8080&code=ABCD-EFGH-JKLM";
            for (let i = 0; i < label.length; ++i) {  // a keyboard-wedge scanner types it
                keyClick(label[i]);
            }
            keyClick(Qt.Key_Return);
            tryCompare(named("staffEnrolMessage"), "text", "Не удалось подключить: хаб отказал.");
            compare(probe.lastEnrolmentInput(), label);
            compare(enrolledAgain.count, 0);
            compare(kioskController.staffEnrolment.text, label);  // kept for another try

            probe.answerEnrolment(true, "k-new", "Терминал подключён заново: k-new.");
            click("submitEnrolment");
            enrolledAgain.wait();
            compare(enrolledAgain.signalArguments[0][0], "k-new");
            compare(named("staffEnrolMessage").text, "Терминал подключён заново: k-new.");
            compare(kioskController.staffEnrolment.text, "");
        }

        function test_staff_tools_open_only_past_the_pin() {
            startVisit();
            kioskController.openStaffTool("sms");
            kioskController.openStaffTool("enrol");
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
