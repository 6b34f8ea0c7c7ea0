import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Сообщить о проблеме», step 1: what the problem concerns.
ScreenPage {
    id: page
    objectName: "reportCategoryScreen"
    title: "Сообщить о проблеме"
    spokenText: title + "\nК чему относится проблема?\n" + kiosk.report.categories.spokenText

    BodyText {
        theme: page.theme
        text: "К чему относится проблема?"
        Layout.fillWidth: true
    }
    ChoiceColumn {
        theme: page.theme
        model: page.kiosk.report.categories
        namePrefix: "reportCategory_"
        Layout.fillWidth: true
        onChosen: key => page.kiosk.report.chooseCategory(key)
    }
    Item {
        Layout.fillHeight: true
    }
}
