import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The buttons of a ChoiceListModel's current page (at most six), one column
// in portrait and two equal columns in landscape. Button objectNames:
// <namePrefix><key>. A paged model needs PagerButtons beside it.
GridLayout {
    id: choices

    required property Theme theme
    required property ChoiceListModel model
    property string namePrefix: "choice_"
    // The key shown as chosen, if any.
    property string selectedKey

    signal chosen(string key)

    columns: theme.portrait ? 1 : 2
    rowSpacing: theme.gap
    columnSpacing: theme.gap

    // Qt 6.4's qmllint flags outer ids in delegates with required properties
    // (pragma ComponentBehavior: Bound only arrives in 6.5); the access is valid.
    // qmllint disable unqualified
    Repeater {
        model: choices.model
        delegate: BigButton {
            id: choice
            required property string key
            required property string title
            required detail
            required property bool emphasis
            objectName: choices.namePrefix + choice.key
            theme: choices.theme
            text: choice.title
            kind: choice.emphasis ? "alert" : choice.key === choices.selectedKey ? "selected" : "primary"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: choices.chosen(choice.key)
        }
    }
    // qmllint enable unqualified
}
