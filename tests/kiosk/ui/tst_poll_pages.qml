import QtQuick
import Veche.Kiosk

// A poll with seven options: five to a page with the pager, so that no page
// offers more than six choices.
Item {
    width: 1080
    height: 1920

    KioskView {
        id: kioskView
        anchors.fill: parent
        kiosk: kioskController
    }

    KioskTestCase {
        name: "PollPages"
        view: kioskView

        // The option buttons shown now, by key.
        function shownOptions() {
            const shown = [];
            for (let key = 0; key < 7; ++key) {
                const button = findChild(view, "option_" + key);
                if (button !== null && button.visible)
                    shown.push(key);
            }
            return shown;
        }

        function test_seven_options_five_to_a_page() {
            probe.setPollOptionCount(7);
            startVisit();
            verifyPhone("homePolls", "9031112233");
            tryCompare(kioskController, "screen", "poll");
            const options = kioskController.polls.options;
            compare(options.count, 7);
            compare(options.pageCount, 2);

            tryVerify(() => laidOut(named("pollPager")));
            compare(shownOptions(), [0, 1, 2, 3, 4]);
            verify(named("pollPager").paged);
            verify(named("nextPage").visible);
            compare(named("previousPage").enabled, false);
            verify(named("nextPage").height >= 100);
            // Five options and the pager, all on screen above the navigation bar.
            const bar = named("readAloudButton").mapToItem(kioskView, 0, 0).y;
            const pager = named("nextPage");
            verify(pager.mapToItem(kioskView, 0, pager.height).y <= bar);
            verify(named("skipPoll").mapToItem(kioskView, 0, named("skipPoll").height).y <= bar);

            // Only this page's options are read aloud.
            const spoken = named("pollScreen").spokenText;
            verify(spoken.indexOf("страница 1 из 2") >= 0, spoken);
            verify(spoken.indexOf("Вариант 5") >= 0, spoken);
            verify(spoken.indexOf("Вариант 6") < 0, spoken);

            click("nextPage");
            tryCompare(options, "page", 1);
            compare(shownOptions(), [5, 6]);
            compare(named("nextPage").enabled, false);
            compare(named("option_6").text, "Вариант 7");

            click("option_6");
            compare(kioskController.screen, "pollsDone");
            compare(probe.pollAnswerCount(), 1);
            compare(probe.lastPollOption(), 6);
        }
    }
}
