import QtQuick
import Veche.Kiosk

// The navigation bar: every visible button equally high (≥ 100 px), labels
// centred both ways and whole, gaps ≥ 16 px; in both orientations, at every
// text size and in both themes, on the home screen («Назад» hidden) and on
// an inner screen.
Item {
    id: root
    width: 1080
    height: 1920

    KioskView {
        id: kioskView
        anchors.fill: parent
        kiosk: kioskController
    }

    KioskTestCase {
        name: "NavigationBar"
        view: kioskView

        readonly property var buttonNames: ["backButton", "homeButton", "endButton",
                                            "readAloudButton", "accessibilityButton"]

        function visibleButtons() {
            const buttons = [];
            for (const name of buttonNames) {
                const button = findChild(view, name);
                if (button !== null && button.visible)
                    buttons.push(button);
            }
            return buttons;
        }

        function checkBar(where) {
            const buttons = visibleButtons();
            tryVerify(() => buttons.every(b => laidOut(b)), 2000, where + ": still being laid out");
            verify(buttons.length >= 3, where);
            const height = buttons[0].height;
            verify(height >= 100, where + ": buttons " + height + " px high");
            for (const button of buttons) {
                const at = where + ", " + button.objectName;
                compare(button.height, height, at + ": heights differ");
                const label = findChild(button, "label");
                verify(label !== null, at);
                // Where the text is drawn, in the button's coordinates.
                const box = label.mapToItem(button, 0, 0);
                const top = box.y + (label.verticalAlignment === Text.AlignVCenter
                                     ? (label.height - label.contentHeight) / 2
                                     : label.verticalAlignment === Text.AlignBottom
                                       ? label.height - label.contentHeight : 0);
                const left = box.x + (label.width - label.contentWidth) / 2;
                verify(Math.abs(top + label.contentHeight / 2 - button.height / 2) <= 2,
                       at + ": label not centred vertically");
                verify(Math.abs(left + label.contentWidth / 2 - button.width / 2) <= 2,
                       at + ": label not centred horizontally");
                verify(label.contentWidth <= label.width + 1, at + ": label wider than the button");
                verify(label.contentHeight <= button.height, at + ": label taller than the button");
                verify(label.lineCount <= 2, at + ": " + label.lineCount + " lines");
            }
            // Neighbours in a row, and rows, at least 16 px apart; none overlap.
            for (const a of buttons) {
                for (const b of buttons) {
                    if (a === b)
                        continue;
                    const pa = a.mapToItem(view, 0, 0);
                    const pb = b.mapToItem(view, 0, 0);
                    const gapX = pb.x - (pa.x + a.width);
                    const gapY = pb.y - (pa.y + a.height);
                    const sameRow = Math.abs(pa.y - pb.y) < 1;
                    if (sameRow && pb.x > pa.x)
                        verify(gapX >= 16, where + ": " + gapX + " px between buttons");
                    if (!sameRow && pb.y > pa.y)
                        verify(gapY >= 16, where + ": " + gapY + " px between rows");
                }
            }
        }

        function test_equal_centred_buttons_everywhere() {
            for (const size of [[1080, 1920], [1920, 1080]]) {
                root.width = size[0];
                root.height = size[1];
                for (const screen of ["home", "inner"]) {
                    startVisit();
                    if (screen === "inner")
                        click("homeNotices");
                    for (let step = 0; step < 3; ++step) {
                        for (const contrast of [false, true]) {
                            kioskController.theme.textStep = step;
                            kioskController.theme.highContrast = contrast;
                            checkBar(size + " " + screen + " step " + step
                                     + (contrast ? " contrast" : ""));
                        }
                    }
                }
            }
        }

        function test_buttons_keep_their_places() {
            root.width = 1080;
            root.height = 1920;
            startVisit();
            tryVerify(() => laidOut(named("endButton")));
            const endButton = named("endButton").mapToItem(view, 0, 0);
            click("homeNotices");
            tryVerify(() => laidOut(named("backButton")));
            const homeButton = named("homeButton").mapToItem(view, 0, 0);
            const readAloud = named("readAloudButton").mapToItem(view, 0, 0);
            const back = named("backButton").mapToItem(view, 0, 0);
            // «Завершить» where «На главную» is; «Назад» first, read aloud below it.
            compare(endButton.x, homeButton.x);
            compare(endButton.y, homeButton.y);
            compare(back.x, readAloud.x);
            verify(back.y < readAloud.y);
        }
    }
}
