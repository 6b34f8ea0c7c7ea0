import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// Shown while nobody uses the kiosk: what it is for, and «touch anywhere».
ScreenPage {
    id: page
    objectName: "attractScreen"
    showTitle: false
    title: "Информация для жителей"
    spokenText: title + "\n" + kiosk.buildingAddress + "\nКоснитесь экрана, чтобы начать."

    Item {
        Layout.fillWidth: true
        Layout.fillHeight: true

        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width
            spacing: page.theme.gap * 2

            Text {
                text: page.kiosk.timeText
                color: page.theme.text
                font.family: page.theme.fontFamily
                font.pixelSize: page.theme.hugePixelSize * 2
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            BodyText {
                theme: page.theme
                text: page.kiosk.dateText
                Layout.alignment: Qt.AlignHCenter
            }
            Text {
                text: page.title
                color: page.theme.text
                font.family: page.theme.fontFamily
                font.pixelSize: page.theme.hugePixelSize
                font.bold: true
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            BodyText {
                theme: page.theme
                text: page.kiosk.buildingAddress + (page.kiosk.territoryName.length > 0
                                                    ? "\n" + page.kiosk.territoryName : "")
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "startButton"
                theme: page.theme
                text: "Коснитесь экрана, чтобы начать"
                Layout.fillWidth: true
                Layout.preferredHeight: page.theme.buttonHeight * 3 / 2
                onClicked: page.kiosk.start()
            }
        }

        // Anywhere on the screen starts a visit, not only the button.
        MouseArea {
            objectName: "attractTouch"
            anchors.fill: parent
            onClicked: page.kiosk.start()
        }
    }
}
