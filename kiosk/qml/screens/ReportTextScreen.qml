import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Сообщить о проблеме», step 2: a short text on the Russian on-screen
// keyboard (it opens when the field has focus).
ScreenPage {
    id: page
    objectName: "reportTextScreen"
    readonly property ReportFlow report: kiosk.report
    title: "Опишите проблему"
    spokenText: title + "\nРаздел: " + report.categoryTitle
                + "\nКоснитесь поля и напишите коротко, что случилось и где. Затем нажмите «Далее».\n"
                + report.message

    BodyText {
        theme: page.theme
        text: "Раздел: " + page.report.categoryTitle + ". Напишите коротко, что случилось и где."
        Layout.fillWidth: true
    }
    Rectangle {
        color: page.theme.surface
        radius: page.theme.radius
        border.width: input.activeFocus ? page.theme.borderWidth * 2 : page.theme.borderWidth
        border.color: page.theme.outline
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: page.theme.buttonHeight * 2

        TextEdit {
            id: input
            objectName: "reportTextInput"
            anchors.fill: parent
            anchors.margins: page.theme.gap
            text: page.report.text
            color: page.theme.text
            font.family: page.theme.fontFamily
            font.pixelSize: page.theme.bodyPixelSize
            wrapMode: TextEdit.Wrap
            focus: true
            inputMethodHints: Qt.ImhNoPredictiveText
            onTextChanged: page.report.text = text
        }
    }
    MessageText {
        objectName: "reportMessage"
        theme: page.theme
        text: page.report.message
        Layout.fillWidth: true
    }
    BigButton {
        objectName: "reportTextNext"
        theme: page.theme
        text: "Далее"
        Layout.fillWidth: true
        onClicked: {
            input.focus = false;
            page.report.acceptText();
        }
    }
}
