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
        name: "Vote"
        view: kioskView

        function cleanup() {
            probe.releaseBallots();
        }

        function test_items_review_change_confirm_receipt() {
            probe.setConsultative(false);
            startVisit();
            verifyPhone("homeVote", "9161234567");
            tryCompare(kioskController, "screen", "assemblies");
            click("assembly_0");
            compare(kioskController.screen, "voteItem");
            compare(named("screenTitle").text, "Вопрос 1 из 2");
            compare(named("itemWording").text, "Избрать председателем собрания Иванову А. П.");
            verify(!named("consultativeNote").visible);
            click("choiceFor");
            compare(named("screenTitle").text, "Вопрос 2 из 2");
            click("choiceAgainst");
            compare(kioskController.screen, "voteReview");
            compare(named("reviewChoice_0").text, "Ваш ответ: За");
            compare(named("reviewChoice_1").text, "Ваш ответ: Против");

            // Change the first answer; the item screen returns to the review.
            click("change_0");
            compare(kioskController.screen, "voteItem");
            compare(named("screenTitle").text, "Вопрос 1 из 2");
            click("choiceAbstain");
            compare(kioskController.screen, "voteReview");
            compare(named("reviewChoice_0").text, "Ваш ответ: Воздержался");

            // «Ваш голос принят» only once castBallot has returned.
            const ballotsBefore = probe.ballotCount();
            probe.holdBallots();
            click("confirmVote");
            tryVerify(() => probe.ballotInProgress());
            compare(kioskController.screen, "voteReview");
            compare(named("confirmVote").text, "Сохраняем голос…");
            compare(probe.ballotCount(), ballotsBefore);
            probe.releaseBallots();
            tryCompare(kioskController, "screen", "voteAccepted");
            compare(probe.ballotCount(), ballotsBefore + 1);
            compare(probe.lastBallotChoice("i1"), "abstain");
            compare(probe.lastBallotChoice("i2"), "against");
            compare(named("screenTitle").text, "Ваш голос принят");
            compare(named("receiptCode").text, "AB12-CD34");
            const qr = named("receiptQr");
            compare(qr.source.toString(), "image://qr/AB12-CD34");
            tryCompare(qr, "status", Image.Ready);
            verify(qr.implicitWidth > 100);
            verify(!named("consultativeNote").visible);
        }

        function test_consultative_wording_before_voting_and_on_receipt() {
            probe.setConsultative(true);
            startVisit();
            verifyPhone("homeVote", "9161234568");
            tryCompare(kioskController, "screen", "assemblies");
            const wording = "Голос, поданный в киоске, учитывается как совещательный";
            verify(named("assembly_0").detail.indexOf(wording) >= 0);
            click("assembly_0");
            compare(named("consultativeNote").text, wording);
            verify(named("consultativeNote").visible);
            click("choiceFor");
            click("choiceFor");
            verify(named("consultativeNote").visible);
            click("confirmVote");
            tryCompare(kioskController, "screen", "voteAccepted");
            verify(named("consultativeNote").visible);
            compare(named("consultativeNote").text, wording);
        }
    }
}
