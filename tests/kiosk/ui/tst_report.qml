import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
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
        name: "ReportProblem"
        view: kioskView

        function test_category_text_phone_number() {
            startVisit();
            click("homeReport");
            compare(kioskController.screen, "reportCategory");
            compare(named("reportCategory_improvement").text, "Благоустройство");
            click("reportCategory_housing");
            compare(kioskController.screen, "reportText");

            // A blank text is refused on the spot.
            click("reportTextNext");
            compare(kioskController.screen, "reportText");
            verify(named("reportMessage").text.length > 0);

            const input = named("reportTextInput");
            mouseClick(input);
            tryVerify(() => input.activeFocus);
            // Typed through the on-screen keyboard's input engine, as its keys do.
            compare(VirtualKeyboardSettings.locale, "ru_RU");
            for (const letter of "Нет света")
                InputContext.inputEngine.virtualKeyClick(letter === " " ? Qt.Key_Space
                                                         : letter.toUpperCase().charCodeAt(0),
                                                         letter, 0);
            compare(input.text, "Нет света");
            compare(kioskController.report.text, "Нет света");
            click("reportTextNext");
            compare(kioskController.screen, "reportPhone");

            typeDigits("9001234567");
            compare(named("reportPhoneValue").text, "+7 900 123-45-67");
            click("reportSubmit");
            tryCompare(kioskController, "screen", "reportDone");
            compare(named("reportNumber").text, "№ 17");
            compare(probe.lastReportText(), "Нет света");
            compare(probe.lastReportCategory(), "housing");
            compare(probe.lastReportPhone(), "+79001234567");
        }

        function test_keyboard_is_russian() {
            verify(findChild(kioskView, "keyboard") !== null);
            compare(VirtualKeyboardSettings.locale, "ru_RU");
            compare(VirtualKeyboardSettings.activeLocales, ["ru_RU"]);
        }
    }
}
