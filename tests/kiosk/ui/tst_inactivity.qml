import QtQuick
import Veche.Kiosk

Item {
    width: 1080
    height: 1920

    KioskView {
        id: kioskView
        anchors.fill: parent
        kiosk: kioskController
    }

    KioskTestCase {
        name: "Inactivity"
        view: kioskView

        function init() {
            failOnLayoutWarnings();
            kioskController.inactivity.idleMs = 400;
            kioskController.inactivity.warningMs = 1500;
        }

        function test_warning_continue_then_timeout_forgets_everything() {
            startVisit();
            verifyPhone("homeVote", "9267654321");
            tryCompare(kioskController, "screen", "assemblies");
            verify(probe.sessionPhone().length > 0);
            click("assembly_0");
            click("choiceFor");
            kioskController.theme.textStep = 2;
            kioskController.theme.highContrast = true;
            kioskController.speech.louder();

            // The warning comes, spoken; «Продолжить» keeps the visit.
            probe.clearSpoken();
            tryCompare(kioskController.inactivity, "warning", true, 3000);
            verify(named("continueButton").visible);
            tryVerify(() => probe.spoken().indexOf("Вы ещё здесь?") >= 0, 3000, probe.spoken().join("|"));
            click("continueButton");
            compare(kioskController.inactivity.warning, false);
            // The touch did not fall through to the answer buttons underneath.
            compare(kioskController.screen, "voteItem");
            compare(kioskController.voting.itemIndex, 1);
            verify(probe.sessionPhone().length > 0);

            // No answer this time: back to the attract screen, all forgotten.
            tryCompare(kioskController.inactivity, "warning", true, 3000);
            tryCompare(kioskController, "screen", "attract", 5000);
            compare(probe.sessionPhone(), "");
            compare(kioskController.identified, false);
            compare(kioskController.phone.phoneDigitCount, 0);
            compare(kioskController.phone.codeDigitCount, 0);
            compare(kioskController.voting.assemblies.total, 0);
            compare(kioskController.voting.itemCount, 0);
            compare(kioskController.report.text, "");
            compare(kioskController.theme.textStep, 0);
            compare(kioskController.theme.highContrast, false);
            compare(kioskController.speech.volumeLevel, 7);
            compare(kioskController.inactivity.watching, false);
            compare(probe.ballotCount(), 0);
        }
    }
}
