import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// After the last poll, or when there is none for this phone.
ScreenPage {
    id: page
    objectName: "pollsDoneScreen"
    title: kiosk.polls.pollCount === 0 ? "Опросов нет" : "Спасибо!"
    spokenText: title + "\n" + summary.text

    BodyText {
        id: summary
        objectName: "pollsSummary"
        theme: page.theme
        font.pixelSize: page.theme.titlePixelSize
        text: page.kiosk.polls.pollCount === 0
              ? "Сейчас нет опросов, на которые вы ещё не ответили."
              : "Ответов сохранено: " + page.kiosk.polls.answeredCount + "."
        Layout.fillWidth: true
    }
    Item {
        Layout.fillHeight: true
    }
    BigButton {
        objectName: "finishButton"
        theme: page.theme
        text: "Завершить"
        Layout.fillWidth: true
        onClicked: page.kiosk.endVisit()
    }
}
