import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The five sections, as large buttons: one column in portrait, two in
// landscape. «Для слабовидящих» is in the navigation bar on every screen.
ScreenPage {
    id: page
    objectName: "homeScreen"
    title: "Что вы хотите сделать?"
    spokenText: title + "\nОбъявления\nГолосование\nОпросы\nМой телефон\nСообщить о проблеме"
                + "\nВнизу: кнопка «Для слабовидящих» и кнопка «Прочитать вслух»."

    GridLayout {
        columns: page.theme.portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap
        Layout.fillWidth: true

        BigButton {
            objectName: "homeNotices"
            theme: page.theme
            text: "Объявления"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: page.theme.buttonHeight * 4 / 3
            onClicked: page.kiosk.open("notices")
        }
        BigButton {
            objectName: "homeVote"
            theme: page.theme
            text: "Голосование"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: page.theme.buttonHeight * 4 / 3
            onClicked: page.kiosk.open("vote")
        }
        BigButton {
            objectName: "homePolls"
            theme: page.theme
            text: "Опросы"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: page.theme.buttonHeight * 4 / 3
            onClicked: page.kiosk.open("polls")
        }
        BigButton {
            objectName: "homePhone"
            theme: page.theme
            text: "Мой телефон"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: page.theme.buttonHeight * 4 / 3
            onClicked: page.kiosk.open("phone")
        }
        BigButton {
            objectName: "homeReport"
            theme: page.theme
            text: "Сообщить о проблеме"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: page.theme.buttonHeight * 4 / 3
            onClicked: page.kiosk.open("report")
        }
    }
    Item {
        Layout.fillHeight: true
    }
}
