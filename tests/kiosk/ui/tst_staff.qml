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

        function test_paper_ballots_are_scanned_answered_and_entered_one_after_another() {
            openStaffScreen();
            click("openStaffPaper");
            compare(kioskController.screen, "staffPaper");
            tryVerify(() => named("staffPaperInput").activeFocus);  // a scanner types in at once
            const qr = "veche://ballot/?a=as-1&b=B7K2M9QX&c=4F7A9Z";
            for (let i = 0; i < qr.length; ++i) {
                keyClick(qr[i]);
            }
            keyClick(Qt.Key_Return);
            tryCompare(named("staffPaperMessage"), "text", "Бюллетень ещё не вводили.");
            verify(named("staffPaperOwner").text.indexOf("Антонова Анна Андреевна") >= 0);
            click("paperAnswer0_for");
            click("paperAnswer1_against");
            click("paperAnswer1_invalid");  // no mark, or several
            verify(!named("submitPaperBallot").enabled);  // no received time yet

            click("staffPaperReceived");
            compare(kioskController.screen, "staffPaperTime");
            typeDigits("31021030");  // no 31 February
            click("acceptPaperTime");
            compare(named("staffPaperTimeMessage").text,
                    "Такой даты или времени нет: проверьте ДД.ММ ЧЧ:ММ.");
            compare(kioskController.screen, "staffPaperTime");
            for (let i = 0; i < 8; ++i) {
                click("keyErase");
            }
            typeDigits("01011030");
            compare(named("staffPaperTime").text, "01.01 10:30");
            click("acceptPaperTime");
            compare(kioskController.screen, "staffPaper");
            const received = new Date(new Date().getFullYear(), 0, 1, 10, 30).getTime();
            click("submitPaperBallot");
            tryCompare(named("staffPaperMessage"), "text", "Записано.");
            compare(probe.lastPaperEntry(), qr + "|1=for,2=invalid,|" + received + "|first");

            click("nextPaperBallot");
            compare(kioskController.staffPaper.text, "");
            verify(!kioskController.staffPaper.found);
            tryVerify(() => named("staffPaperInput").activeFocus);
            kioskController.staffPaper.text = "B7K2-M9QX-4F7A9Z";
            click("lookUpPaperBallot");
            tryCompare(kioskController.staffPaper, "found", true);
            click("paperSecondPass");
            click("paperAnswer0_abstain");
            click("paperAnswer1_for");
            click("submitPaperBallot");  // the received time stays for the stack
            tryCompare(named("staffPaperMessage"), "text", "Записано.");
            compare(probe.lastPaperEntry(),
                    "B7K2-M9QX-4F7A9Z|1=abstain,2=for,|" + received + "|second");
        }

        function test_a_paper_received_after_voting_closed_is_flagged_before_it_is_entered() {
            openStaffScreen();
            click("openStaffPaper");
            kioskController.staffPaper.text = "поздний";
            click("lookUpPaperBallot");
            tryCompare(kioskController.staffPaper, "found", true);
            compare(named("staffPaperLate").text, "");
            click("staffPaperReceived");
            typeDigits("01011030");
            click("acceptPaperTime");
            verify(named("staffPaperLate").text.indexOf("Получен после окончания голосования")
                   === 0, named("staffPaperLate").text);
        }

        function test_a_ballot_not_found_shows_why_and_nothing_to_answer() {
            openStaffScreen();
            click("openStaffPaper");
            kioskController.staffPaper.text = "нет";
            click("lookUpPaperBallot");
            tryCompare(named("staffPaperMessage"), "text",
                       "Такого бюллетеня нет в собраниях этого дома.");
            verify(!named("staffPaperOwner").visible);
            verify(!named("submitPaperBallot").enabled);
        }

        function test_staff_tools_open_only_past_the_pin() {
            startVisit();
            kioskController.openStaffTool("sms");
            kioskController.openStaffTool("enrol");
            kioskController.openStaffTool("paper");
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
