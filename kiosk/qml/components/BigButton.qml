import QtQuick
import Veche.Kiosk

// A large touch target: at least theme.buttonHeight high (≥ 20 mm on the
// kiosk's panel), one short label and an optional second line, both centred.
// kind: "primary", "secondary", "alert" or "selected".
//
// The implicit width is the labels' natural (unwrapped) width and never
// depends on the width the button is given, so that layouts settle in one
// pass; the implicit height follows the wrapped labels (height for width).
Rectangle {
    id: button

    required property Theme theme
    property string text
    property string detail
    property string kind: "primary"
    // Overridden by the navigation bar, which keeps the frame's sizes.
    property int labelPixelSize: theme.buttonPixelSize
    property int minimumHeight: theme.buttonHeight
    // The label's size as drawn: a label that misses one line by a tenth or
    // less is shrunk to fit on one line; longer ones wrap between words, and
    // shrink only if their longest word would not fit (never broken).
    readonly property int fittedLabelPixelSize: {
        const room = (width - 2 * theme.gap) * 0.98;
        const natural = labelMetrics.advanceWidth;
        if (natural <= room || room <= 0)
            return labelPixelSize;
        const fitted = Math.floor(labelPixelSize * room / natural);
        if (fitted * 11 >= labelPixelSize * 10)
            return fitted;
        const word = wordMetrics.advanceWidth;
        return word <= room ? labelPixelSize : Math.max(1, Math.floor(labelPixelSize * room / word));
    }

    signal clicked()

    readonly property color foreground: kind === "primary" ? theme.onPrimary
                                      : kind === "alert" ? theme.onAlert
                                      : kind === "selected" ? theme.onSelected
                                      : theme.onSecondary

    implicitWidth: Math.max(theme.buttonHeight * 2,
                            Math.ceil(Math.max(labelMetrics.advanceWidth,
                                               detailLabel.visible ? detailLabel.implicitWidth : 0))
                            + 2 * theme.gap)
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

    TextMetrics {
        id: labelMetrics
        font.family: button.theme.fontFamily
        font.pixelSize: button.labelPixelSize
        font.bold: true
        text: button.text
    }

    TextMetrics {
        id: wordMetrics
        font: labelMetrics.font
        text: button.text.split(/\s+/).reduce((longest, word) => word.length > longest.length ? word : longest, "")
    }

    Column {
        id: labels
        anchors.centerIn: parent
        width: parent.width - 2 * button.theme.gap
        spacing: button.theme.gap / 4

        Text {
            objectName: "label"
            width: parent.width
            text: button.text
            color: button.foreground
            font.family: button.theme.fontFamily
            font.pixelSize: button.fittedLabelPixelSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
        }
        Text {
            id: detailLabel
            width: parent.width
            visible: button.detail.length > 0
            text: button.detail
            color: button.foreground
            font.family: button.theme.fontFamily
            font.pixelSize: button.theme.bodyPixelSize
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
        }
    }

    MouseArea {
        id: touch
        anchors.fill: parent
        enabled: button.enabled
        onClicked: button.clicked()
    }
}
