import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The building's address and territory on the left, the date and time on
// the right. Holding the clock for 5 seconds opens the staff screen.
Rectangle {
    id: header

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme

    implicitHeight: content.implicitHeight + 2 * theme.gap
    color: theme.surface
    border.width: theme.highContrast ? theme.borderWidth : 0
    border.color: theme.outline

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: header.theme.margin
        anchors.rightMargin: header.theme.margin
        spacing: header.theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            BodyText {
                objectName: "buildingAddress"
                theme: header.theme
                font.pixelSize: header.theme.framePixelSize
                text: header.kiosk.buildingAddress
                font.bold: true
                Layout.fillWidth: true
            }
            BodyText {
                objectName: "territoryName"
                theme: header.theme
                font.pixelSize: header.theme.framePixelSize
                text: header.kiosk.territoryName
                visible: text.length > 0
                Layout.fillWidth: true
            }
        }
        Item {
            objectName: "clock"
            implicitWidth: clockText.implicitWidth
            implicitHeight: clockText.implicitHeight
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter

            Column {
                id: clockText
                anchors.right: parent.right
                Text {
                    anchors.right: parent.right
                    text: header.kiosk.timeText
                    color: header.theme.text
                    font.family: header.theme.fontFamily
                    font.pixelSize: header.theme.framePixelSize * 5 / 4
                    font.bold: true
                }
                BodyText {
                    anchors.right: parent.right
                    theme: header.theme
                font.pixelSize: header.theme.framePixelSize
                    text: header.kiosk.dateText
                }
            }
            MouseArea {
                objectName: "clockHold"
                anchors.fill: parent
                pressAndHoldInterval: 5000
                onPressAndHold: header.kiosk.openStaff()
            }
        }
    }
}
