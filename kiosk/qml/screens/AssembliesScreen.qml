import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The assemblies this phone may vote in, four to a page.
ScreenPage {
    id: page
    objectName: "assembliesScreen"
    readonly property VotingFlow voting: kiosk.voting
    title: "Голосование"
    spokenText: title + "\n" + (voting.assemblies.total === 0 ? empty.text
                                : "Выберите собрание.\n" + voting.assemblies.pageSpokenText)

    BodyText {
        id: empty
        objectName: "noAssemblies"
        theme: page.theme
        visible: page.voting.assemblies.total === 0
        text: "Сейчас нет собраний, в которых можно голосовать с этого телефона."
        Layout.fillWidth: true
    }
    // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
    // ComponentBehavior: Bound before 6.5).
    // qmllint disable unqualified
    Repeater {
        model: page.voting.assemblies
        delegate: BigButton {
            id: assembly
            required property int rowIndex
            required property string title
            required property string itemCountText
            required property string closesText
            required property bool consultative
            objectName: "assembly_" + assembly.rowIndex
            theme: page.theme
            text: assembly.title
            detail: assembly.itemCountText + ". " + assembly.closesText
                    + (assembly.consultative ? ".\n" + page.voting.consultativeText : "")
            Layout.fillWidth: true
            onClicked: page.voting.openAssembly(assembly.rowIndex)
        }
    }
    // qmllint enable unqualified
    Item {
        Layout.fillHeight: true
    }
    PagerButtons {
        theme: page.theme
        model: page.voting.assemblies
        Layout.fillWidth: true
    }
}
