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
        name: "Accessibility"
        view: kioskView

        function test_text_size_steps_contrast_and_speech() {
            startVisit();
            const theme = kioskController.theme;
            verify(named("homeNotices").height >= 100);

            click("accessibilityButton");
            compare(kioskController.screen, "accessibility");
            const smallest = named("textSizeLabel").font.pixelSize;
            verify(smallest >= 36, "body " + smallest + " px at 1080 px width");
            click("textLarger");
            compare(theme.textStep, 1);
            const middle = named("textSizeLabel").font.pixelSize;
            verify(middle > smallest);
            click("textLarger");
            verify(named("textSizeLabel").font.pixelSize > middle);
            // The frame keeps its size; the content gets the room.
            compare(named("buildingAddress").font.pixelSize, 40);
            verify(!named("textLarger").enabled);

            const normalBackground = String(kioskView.color);
            click("contrastToggle");
            verify(theme.highContrast);
            verify(!Qt.colorEqual(kioskView.color, normalBackground));
            verify(Qt.colorEqual(kioskView.color, "black"));
            verify(Qt.colorEqual(named("buildingAddress").color, "white"));
            verify(theme.contrastRatio(theme.text, theme.background) >= 7);
            verify(theme.contrastRatio(theme.onPrimary, theme.primary) >= 7);

            click("volumeUp");
            compare(kioskController.speech.volumeLevel, 8);

            // Every screen can be read aloud: the accessibility screen itself.
            probe.clearSpoken();
            click("readAloudButton");
            tryVerify(() => probe.spoken().length > 0);
            compare(probe.spoken()[0], "Для слабовидящих");

            click("accessibilityDone");
            compare(kioskController.screen, "home");
            probe.clearSpoken();
            click("readAloudButton");
            tryVerify(() => probe.spoken().length >= 6);
            verify(probe.spoken().indexOf("Голосование") >= 0);
        }
    }
}
