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
        name: "ReadNotice"
        view: kioskView

        function test_emergency_first_then_open_and_read_aloud() {
            startVisit();
            compare(named("buildingAddress").text, "ул. Садовая, д. 12");
            click("homeNotices");
            compare(kioskController.screen, "noticeCategories");
            const categories = kioskController.notices.categories;
            compare(categories.count, 6);
            // Экстренное is the first button, above the five categories.
            const emergency = named("category_emergency");
            const housing = named("category_housing");
            verify(emergency.mapToItem(kioskView, 0, 0).y < housing.mapToItem(kioskView, 0, 0).y);
            compare(emergency.text, "Экстренное");

            click("category_emergency");
            compare(kioskController.screen, "noticeList");
            click("notice_0");
            compare(kioskController.screen, "notice");
            compare(named("screenTitle").text, "Отключение воды 12 марта");
            verify(named("noticeBody").text.indexOf("холодной воды") >= 0);
            verify(named("noticeBody").font.pixelSize >= 36);

            probe.clearSpoken();
            click("readNoticeButton");
            tryVerify(() => probe.spoken().length >= 2);
            compare(probe.spoken()[0], "Отключение воды 12 марта");

            click("backButton");
            compare(kioskController.screen, "noticeList");
        }
    }
}
