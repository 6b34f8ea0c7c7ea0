import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The notice categories; «Экстренное» first whenever there is one.
ScreenPage {
    id: page
    objectName: "noticeCategoriesScreen"
    title: "Объявления"
    spokenText: title + "\nВыберите раздел.\n" + kiosk.notices.categories.spokenText

    ChoiceColumn {
        theme: page.theme
        model: page.kiosk.notices.categories
        namePrefix: "category_"
        Layout.fillWidth: true
        onChosen: key => page.kiosk.notices.openCategory(key)
    }
    Item {
        Layout.fillHeight: true
    }
}
