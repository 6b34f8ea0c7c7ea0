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
        name: "Poll"
        view: kioskView

        function test_answer_one_question_per_screen() {
            startVisit();
            verifyPhone("homePolls", "9031112233");
            tryCompare(kioskController, "screen", "poll");
            compare(named("screenTitle").text, "Опрос 1 из 1");
            compare(named("pollQuestion").text, "Нужна ли во дворе новая детская площадка?");
            compare(named("option_0").text, "Да");
            click("option_1");
            compare(kioskController.screen, "pollsDone");
            compare(probe.pollAnswerCount(), 1);
            compare(named("pollsSummary").text, "Ответов сохранено: 1.");
        }
    }
}
