import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only: returned paper ballots entered one by one. The field has
// focus, so a scanner types the ballot's QR text and Enter straight in; the
// owner and the agenda follow, one answer per item, the time the paper was
// received (typed on its own screen), and «Записать». The hub decides whether it counts
// (docs/paper-ballots.md). Portrait: one column with the agenda in the
// middle; landscape: the agenda on the right.
ScreenPage {
    id: page
    objectName: "staffPaperScreen"
    readonly property StaffPaperEntry paper: kiosk.staffPaper
    readonly property bool oneColumn: theme.portrait
    title: "Бумажные бюллетени"
    showTitle: oneColumn  // landscape needs the height
    spokenText: title + "\n" + paper.message

    GridLayout {
        columns: page.oneColumn ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        RowLayout {
            spacing: page.theme.gap
            Layout.row: 0
            Layout.column: 0
            Layout.fillWidth: true

            Rectangle {
                color: page.theme.surface
                radius: page.theme.radius
                border.width: input.activeFocus ? page.theme.borderWidth * 2
                                                : page.theme.borderWidth
                border.color: page.theme.outline
                Layout.fillWidth: true
                Layout.preferredHeight: page.theme.buttonHeight

                TextInput {
                    id: input
                    objectName: "staffPaperInput"
                    anchors.fill: parent
                    anchors.margins: page.theme.gap
                    verticalAlignment: TextInput.AlignVCenter
                    text: page.paper.text
                    color: page.theme.text
                    font.family: page.theme.fontFamily
                    font.pixelSize: page.theme.bodyPixelSize
                    clip: true
                    readOnly: page.paper.busy
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    onTextEdited: page.paper.text = text
                    onAccepted: page.paper.lookUp()
                    // Back from typing the received time with a ballot shown:
                    // no keyboard over the answers.
                    Component.onCompleted: {
                        if (!page.paper.found)
                            forceActiveFocus();
                    }
                }
                // A ballot found: the on-screen keyboard gives way to the
                // answers («Следующий» gives the field its focus back).
                Connections {
                    target: page.paper
                    function onBallotChanged() {
                        if (page.paper.found)
                            input.focus = false;
                    }
                }
            }
            BigButton {
                objectName: "lookUpPaperBallot"
                theme: page.theme
                text: "Найти"
                enabled: page.paper.text.length > 0 && !page.paper.busy
                onClicked: page.paper.lookUp()
            }
        }
        BodyText {
            objectName: "staffPaperMessage"
            theme: page.theme
            visible: text.length > 0
            text: page.paper.message
            font.bold: true
            Layout.row: 1
            Layout.column: 0
            Layout.fillWidth: true
        }
        Flickable {
            id: agenda
            visible: page.paper.found
            clip: true
            contentHeight: answers.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            Layout.row: page.oneColumn ? 2 : 0
            Layout.column: page.oneColumn ? 0 : 1
            Layout.rowSpan: page.oneColumn ? 1 : 6
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: page.oneColumn ? -1 : page.width / 2

            ColumnLayout {
                id: answers
                width: agenda.width
                spacing: page.theme.gap

                BodyText {
                    objectName: "staffPaperOwner"
                    theme: page.theme
                    text: "Бюллетень № " + page.paper.ballotId + ". " + page.paper.assemblyTitle
                          + "\n" + page.paper.ownerText
                    font.bold: true
                    Layout.fillWidth: true
                }

                // Outer ids in delegates: valid, but flagged by Qt 6.4's qmllint (no
                // ComponentBehavior: Bound before 6.5).
                // qmllint disable unqualified
                Repeater {
                    model: page.paper.items
                    delegate: ColumnLayout {
                        id: agendaRow
                        required property string modelData
                        required property int index
                        readonly property string answer: page.paper.answers[agendaRow.index] ?? ""
                        spacing: page.theme.gap / 2
                        Layout.fillWidth: true

                        BodyText {
                            theme: page.theme
                            text: agendaRow.modelData
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            spacing: page.theme.gap / 2
                            Layout.fillWidth: true

                            Repeater {
                                model: [["for", "За"], ["against", "Против"],
                                        ["abstain", "Воздерж."], ["invalid", "Недейств."]]
                                delegate: BigButton {
                                    id: answerButton
                                    required property var modelData
                                    objectName: "paperAnswer" + agendaRow.index + "_"
                                                + answerButton.modelData[0]
                                    theme: page.theme
                                    text: answerButton.modelData[1]
                                    kind: agendaRow.answer === answerButton.modelData[0]
                                          ? "selected" : "secondary"
                                    enabled: !page.paper.recorded && !page.paper.busy
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1  // four equal buttons
                                    onClicked: page.paper.setAnswer(agendaRow.index,
                                                                    answerButton.modelData[0])
                                }
                            }
                        }
                    }
                }
            }
        }
        Item {
            visible: !page.paper.found || !page.oneColumn
            Layout.row: 2
            Layout.column: 0
            Layout.fillHeight: true
        }
        BigButton {
            objectName: "staffPaperReceived"
            theme: page.theme
            kind: page.paper.receivedSet ? "secondary" : "primary"
            text: "Получен: " + page.paper.receivedText
            enabled: !page.paper.busy
            Layout.row: 3
            Layout.column: 0
            Layout.fillWidth: true
            onClicked: page.kiosk.openPaperTime()
        }
        BodyText {
            objectName: "staffPaperLate"
            theme: page.theme
            visible: text.length > 0
            text: page.paper.lateWarning
            color: page.theme.highContrast ? page.theme.text : page.theme.alert
            font.bold: true
            Layout.row: 4
            Layout.column: 0
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: page.theme.gap
            Layout.row: 5
            Layout.column: 0
            Layout.fillWidth: true

            BigButton {
                objectName: "paperSecondPass"
                theme: page.theme
                kind: page.paper.secondPass ? "selected" : "secondary"
                text: page.paper.secondPass ? "Второй проход" : "Первый проход"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: page.paper.secondPass = !page.paper.secondPass
            }
            BigButton {
                objectName: page.paper.recorded ? "nextPaperBallot" : "submitPaperBallot"
                theme: page.theme
                text: page.paper.recorded ? "Следующий" : "Записать"
                enabled: !page.paper.busy
                         && (page.paper.recorded || page.paper.complete && page.paper.receivedSet)
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: {
                    if (page.paper.recorded) {
                        page.paper.next();
                        input.forceActiveFocus();
                    } else {
                        page.paper.submit();
                    }
                }
            }
        }
    }
}
