import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// One agenda item in its full wording: За / Против / Воздержался.
ScreenPage {
    id: page
    objectName: "voteItemScreen"
    readonly property VotingFlow voting: kiosk.voting
    title: "Вопрос " + (voting.itemIndex + 1) + " из " + voting.itemCount
    spokenText: title + "\n" + (voting.consultative ? voting.consultativeText + "\n" : "")
                + voting.itemTitle + "\nВыберите: За, Против или Воздержался."

    BodyText {
        theme: page.theme
        text: page.voting.assemblyTitle
        Layout.fillWidth: true
    }
    ConsultativeNote {
        objectName: "consultativeNote"
        theme: page.theme
        text: page.voting.consultativeText
        visible: page.voting.consultative
        Layout.fillWidth: true
    }
    Flickable {
        id: scroller
        clip: true
        contentHeight: wording.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        Layout.fillWidth: true
        Layout.fillHeight: true

        BodyText {
            id: wording
            objectName: "itemWording"
            width: scroller.width
            theme: page.theme
            font.pixelSize: page.theme.titlePixelSize
            text: page.voting.itemTitle
        }
    }
    // Stacked in portrait, side by side in landscape.
    GridLayout {
        columns: page.theme.portrait ? 1 : 3
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap
        Layout.fillWidth: true

        // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
        // ComponentBehavior: Bound before 6.5).
        // qmllint disable unqualified
        Repeater {
            model: [{key: "for", title: "За", name: "choiceFor"},
                    {key: "against", title: "Против", name: "choiceAgainst"},
                    {key: "abstain", title: "Воздержался", name: "choiceAbstain"}]
            delegate: BigButton {
                id: choice
                required property var modelData
                objectName: choice.modelData.name
                theme: page.theme
                text: choice.modelData.title
                kind: page.voting.itemChoice === choice.modelData.key ? "selected" : "primary"
                enabled: !page.voting.busy
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: page.theme.buttonHeight * 5 / 4
                onClicked: page.voting.choose(choice.modelData.key)
            }
        }
        // qmllint enable unqualified
    }
}
