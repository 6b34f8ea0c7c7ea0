import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// One poll question per screen; one answer, or «Пропустить». The options
// come five to a page with «Предыдущие» / «Следующие», so that no page
// offers more than six choices.
ScreenPage {
    id: page
    objectName: "pollScreen"
    readonly property PollFlow polls: kiosk.polls
    title: "Опрос " + (polls.pollIndex + 1) + " из " + polls.pollCount
    spokenText: title + "\n" + polls.question + "\nВарианты ответа"
                + (polls.options.pageCount > 1
                   ? ", страница " + (polls.options.page + 1) + " из " + polls.options.pageCount
                   : "")
                + ":\n" + polls.options.pageSpokenText + "\n" + polls.message

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
        objectName: "pollOptions"
        theme: page.theme
        model: page.polls.options
        namePrefix: "option_"
        Layout.fillWidth: true
        onChosen: key => page.polls.answer(parseInt(key))
    }
    Item {
        Layout.fillHeight: true
    }
    PagerButtons {
        objectName: "pollPager"
        theme: page.theme
        model: page.polls.options
        Layout.fillWidth: true
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
