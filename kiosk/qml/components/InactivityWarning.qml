import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Вы ещё здесь?» over the whole screen, with the seconds left and a large
// «Продолжить». It is also spoken (KioskController does that).
Rectangle {
    id: overlay

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme

    visible: kiosk.inactivity.warning
    color: Qt.rgba(0, 0, 0, 0.6)

    // Any tap on the overlay also means "I am here"; it never reaches the
    // screen underneath.
    MouseArea {
        objectName: "warningBackground"
        anchors.fill: parent
        onClicked: overlay.kiosk.inactivity.keepAlive()
    }

    Rectangle {
        anchors.centerIn: parent
        width: parent.width - 2 * overlay.theme.margin
        height: panel.implicitHeight + 2 * overlay.theme.margin
        color: overlay.theme.surface
        radius: overlay.theme.radius
        border.width: overlay.theme.borderWidth * 2
        border.color: overlay.theme.outline

        ColumnLayout {
            id: panel
            anchors.fill: parent
            anchors.margins: overlay.theme.margin
            spacing: overlay.theme.gap * 2

            Text {
                objectName: "warningTitle"
                text: "Вы ещё здесь?"
                color: overlay.theme.text
                font.family: overlay.theme.fontFamily
                font.pixelSize: overlay.theme.hugePixelSize
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            BodyText {
                objectName: "warningCountdown"
                theme: overlay.theme
                text: "Если никто не нажмёт «Продолжить», через " + overlay.kiosk.inactivity.secondsLeft
                      + " с экран вернётся к началу, а введённые данные будут стёрты."
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "continueButton"
                theme: overlay.theme
                text: "Продолжить"
                Layout.fillWidth: true
                Layout.preferredHeight: overlay.theme.buttonHeight * 3 / 2
                onClicked: overlay.kiosk.inactivity.keepAlive()
            }
        }
    }
}
