import QtQuick
import Veche.Kiosk

// A large touch target: at least theme.buttonHeight high (≥ 20 mm on the
// kiosk's panel), one short label and an optional second line.
// kind: "primary", "secondary", "alert" or "selected".
Rectangle {
    id: button

    required property Theme theme
    property string text
    property string detail
    property string kind: "primary"
    // Overridden by the navigation bar, which keeps the frame's sizes.
    property int labelPixelSize: theme.buttonPixelSize
    property int minimumHeight: theme.buttonHeight

    signal clicked()

    readonly property color foreground: kind === "primary" ? theme.onPrimary
                                      : kind === "alert" ? theme.onAlert
                                      : kind === "selected" ? theme.onSelected
                                      : theme.onSecondary

    implicitWidth: Math.max(theme.buttonHeight * 2, labels.implicitWidth + 2 * theme.gap)
    implicitHeight: Math.max(minimumHeight, labels.implicitHeight + theme.gap)
    radius: theme.radius
    color: kind === "primary" ? theme.primary
         : kind === "alert" ? theme.alert
         : kind === "selected" ? theme.selected
         : theme.secondary
    border.width: touch.pressed ? theme.borderWidth * 2 : theme.borderWidth
    border.color: kind === "alert" ? theme.onAlert : theme.outline
    opacity: enabled ? 1 : 0.4

    Accessible.role: Accessible.Button
    Accessible.name: detail.length > 0 ? text + ". " + detail : text
    Accessible.onPressAction: button.clicked()

    Column {
        id: labels
        anchors.centerIn: parent
        width: parent.width - 2 * button.theme.gap
        spacing: button.theme.gap / 4

        Text {
            width: parent.width
            text: button.text
            color: button.foreground
            font.family: button.theme.fontFamily
            font.pixelSize: button.labelPixelSize
            font.bold: true
            // A long single word shrinks to fit, by a tenth at most.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: button.labelPixelSize * 10 / 11
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width
            visible: button.detail.length > 0
            text: button.detail
            color: button.foreground
            font.family: button.theme.fontFamily
            font.pixelSize: button.theme.bodyPixelSize
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }

    MouseArea {
        id: touch
        anchors.fill: parent
        enabled: button.enabled
        onClicked: button.clicked()
    }
}
