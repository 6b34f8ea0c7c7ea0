import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// The frame of every screen: its title and, below, its content laid out in
// a column. `spokenText` is what «Прочитать вслух» reads: the screen's
// visible text in reading order, never a typed code.
Item {
    id: page

    required property KioskController kiosk
    readonly property Theme theme: kiosk.theme
    property string title
    property string spokenText: title
    property bool showTitle: true
    default property alias content: column.data

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: page.theme.margin
        spacing: page.theme.gap

        Text {
            objectName: "screenTitle"
            visible: page.showTitle && page.title.length > 0
            text: page.title
            color: page.theme.text
            font.family: page.theme.fontFamily
            font.pixelSize: page.theme.titlePixelSize * 6 / 5
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }
    }
}
