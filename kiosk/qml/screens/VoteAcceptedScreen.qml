import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Ваш голос принят» and the receipt: its code in large print and as a QR
// code, to check later that the ballot was counted.
ScreenPage {
    id: page
    objectName: "voteAcceptedScreen"
    readonly property VotingFlow voting: kiosk.voting
    title: "Ваш голос принят"
    spokenText: title + "\n" + (voting.receiptConsultative ? voting.consultativeText + "\n" : "")
                + "Код квитанции: " + voting.receiptCode.split("").join(" ")
                + "\nСфотографируйте или запишите код: по нему можно проверить, что голос учтён."

    GridLayout {
        columns: page.theme.portrait ? 1 : 2
        rowSpacing: page.theme.gap
        columnSpacing: page.theme.gap * 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        ColumnLayout {
            spacing: page.theme.gap
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.alignment: Qt.AlignTop

            ConsultativeNote {
                objectName: "consultativeNote"
                theme: page.theme
                text: page.voting.consultativeText
                visible: page.voting.receiptConsultative
                Layout.fillWidth: true
            }
            BodyText {
                theme: page.theme
                text: "Код квитанции:"
                Layout.fillWidth: true
            }
            Text {
                objectName: "receiptCode"
                text: page.voting.receiptCode
                color: page.theme.text
                font.family: page.theme.fontFamily
                font.pixelSize: page.theme.hugePixelSize
                font.bold: true
                Layout.fillWidth: true
            }
            BodyText {
                theme: page.theme
                text: "Сфотографируйте или запишите код: по нему можно проверить, что голос учтён."
                Layout.fillWidth: true
            }
        }
        Rectangle {
            // A white margin keeps the code readable in the dark theme too.
            color: "white"
            implicitWidth: qr.width + 2 * page.theme.gap
            implicitHeight: qr.height + 2 * page.theme.gap
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop

            Image {
                id: qr
                objectName: "receiptQr"
                anchors.centerIn: parent
                // Smaller in landscape, so that «Завершить» stays on screen.
                width: page.theme.buttonHeight * (page.theme.portrait ? 4 : 3)
                height: width
                source: page.voting.receiptQrSource
                sourceSize.width: width
                sourceSize.height: height
                smooth: false
                fillMode: Image.PreserveAspectFit
            }
        }
        // Takes the spare height, so that the rows above stay together at the top.
        Item {
            Layout.columnSpan: page.theme.portrait ? 1 : 2
            Layout.fillHeight: true
        }
    }
    BigButton {
        objectName: "finishButton"
        theme: page.theme
        text: "Завершить"
        Layout.fillWidth: true
        onClicked: page.kiosk.endVisit()
    }
}
