import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// One poll question per screen; one answer, or «Пропустить».
ScreenPage {
    id: page
    objectName: "pollScreen"
    readonly property PollFlow polls: kiosk.polls
    title: "Опрос " + (polls.pollIndex + 1) + " из " + polls.pollCount
    spokenText: title + "\n" + polls.question + "\nВарианты ответа:\n" + polls.options.spokenText
                + "\n" + polls.message

    BodyText {
        objectName: "pollQuestion"
        theme: page.theme
        font.pixelSize: page.theme.titlePixelSize
        font.bold: true
        text: page.polls.question
        Layout.fillWidth: true
    }
    MessageText {
        objectName: "pollMessage"
        theme: page.theme
        text: page.polls.message
        Layout.fillWidth: true
    }
    ChoiceColumn {
        theme: page.theme
        model: page.polls.options
        namePrefix: "option_"
        Layout.fillWidth: true
        onChosen: key => page.polls.answer(parseInt(key))
    }
    Item {
        Layout.fillHeight: true
    }
    BigButton {
        objectName: "skipPoll"
        theme: page.theme
        kind: "secondary"
        text: "Пропустить вопрос"
        Layout.fillWidth: true
        onClicked: page.polls.skip()
    }
}
