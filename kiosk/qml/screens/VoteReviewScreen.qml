import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// Every answer before the ballot is cast, each with «Изменить»; then
// «Подтвердить». «Ваш голос принят» comes only after the ballot is stored.
// The answers on the left (landscape) or on top (portrait); the
// consultative note, the pager and «Подтвердить» on the right or below.
// Fewer answers to a page in landscape and at larger text
// (Theme::reviewRowsPerPage), so that «Подтвердить» always stays on screen.
ScreenPage {
    id: page
    objectName: "voteReviewScreen"
    readonly property VotingFlow voting: kiosk.voting
    title: "Проверьте ваш голос"
    spokenText: title + "\n" + (voting.consultative ? voting.consultativeText + "\n" : "")
                + voting.review.pageSpokenText
                + "\nЕсли всё верно, нажмите «Подтвердить».\n" + voting.message

    GridLayout {
        id: review

        readonly property bool portrait: page.theme.portrait
        // In landscape three fifths for the answers, two for «Подтвердить».
        // From the page's width, which the layout does not change.
        readonly property real room: Math.max(0, page.width - 2 * page.theme.margin)
        readonly property real answersWidth: portrait ? room : (room - columnSpacing) * 3 / 5
        readonly property real confirmWidth: portrait ? room : room - columnSpacing - answersWidth

        columns: portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        ColumnLayout {
            spacing: page.theme.gap
            Layout.fillWidth: true
            Layout.fillHeight: !review.portrait
            Layout.preferredWidth: review.answersWidth

            // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
            // ComponentBehavior: Bound before 6.5).
            // qmllint disable unqualified
            Repeater {
                model: page.voting.review
                delegate: Rectangle {
                    id: row
                    required property int rowIndex
                    required property int number
                    required property string itemTitle
                    required property string choiceTitle
                    objectName: "review_" + row.rowIndex
                    color: page.theme.surface
                    radius: page.theme.radius
                    border.width: page.theme.borderWidth
                    border.color: page.theme.outline
                    implicitHeight: Math.max(rowLayout.implicitHeight, page.theme.buttonHeight)
                                    + 2 * page.theme.gap
                    Layout.fillWidth: true

                    RowLayout {
                        id: rowLayout
                        anchors.fill: parent
                        anchors.margins: page.theme.gap
                        spacing: page.theme.gap

                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            BodyText {
                                theme: page.theme
                                text: row.number + ". " + row.itemTitle
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            BodyText {
                                objectName: "reviewChoice_" + row.rowIndex
                                theme: page.theme
                                text: "Ваш ответ: " + row.choiceTitle
                                font.bold: true
                                Layout.fillWidth: true
                            }
                        }
                        BigButton {
                            objectName: "change_" + row.rowIndex
                            theme: page.theme
                            kind: "secondary"
                            text: "Изменить"
                            enabled: !page.voting.busy
                            onClicked: page.voting.changeItem(row.rowIndex)
                        }
                    }
                }
            }
            // qmllint enable unqualified
            Item {
                Layout.fillHeight: true
            }
        }
        ColumnLayout {
            spacing: page.theme.gap
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: review.confirmWidth

            ConsultativeNote {
                objectName: "consultativeNote"
                theme: page.theme
                text: page.voting.consultativeText
                visible: page.voting.consultative
                Layout.fillWidth: true
            }
            Item {
                Layout.fillHeight: true
            }
            PagerButtons {
                theme: page.theme
                model: page.voting.review
                Layout.fillWidth: true
            }
            MessageText {
                objectName: "voteMessage"
                theme: page.theme
                text: page.voting.message
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "confirmVote"
                theme: page.theme
                text: page.voting.busy ? "Сохраняем голос…" : "Подтвердить"
                enabled: !page.voting.busy
                Layout.fillWidth: true
                onClicked: page.voting.confirm()
            }
        }
    }
}
