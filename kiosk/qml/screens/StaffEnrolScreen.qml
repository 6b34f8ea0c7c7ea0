import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// For staff only: enrol this kiosk again with a new one-time code, typed on
// the on-screen keyboard or read from the label by a scanner (it types the
// label's text and Enter into the field, which has focus). The field and its
// button share a row, so that both stay above the on-screen keyboard.
ScreenPage {
    id: page
    objectName: "staffEnrolScreen"
    readonly property StaffEnrolment enrolment: kiosk.staffEnrolment
    title: "Подключить терминал заново"
    spokenText: title + "\n" + intro.text + "\n" + enrolment.message

    BodyText {
        id: intro
        theme: page.theme
        text: "Отсканируйте метку подключения или введите код с неё. Терминал получит новый "
              + "ключ и перезапустится."
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: page.theme.gap
        Layout.fillWidth: true

        Rectangle {
            color: page.theme.surface
            radius: page.theme.radius
            border.width: input.activeFocus ? page.theme.borderWidth * 2 : page.theme.borderWidth
            border.color: page.theme.outline
            Layout.fillWidth: true
            Layout.preferredHeight: page.theme.buttonHeight

            TextInput {
                id: input
                objectName: "staffEnrolInput"
                anchors.fill: parent
                anchors.margins: page.theme.gap
                verticalAlignment: TextInput.AlignVCenter
                text: page.enrolment.text
                color: page.theme.text
                font.family: page.theme.fontFamily
                font.pixelSize: page.theme.bodyPixelSize
                clip: true
                readOnly: page.enrolment.busy
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                onTextEdited: page.enrolment.text = text
                onAccepted: page.enrolment.submit()
                // A scanner types into whatever has focus: this field, at once.
                Component.onCompleted: forceActiveFocus()
            }
        }
        BigButton {
            objectName: "submitEnrolment"
            theme: page.theme
            text: page.enrolment.busy ? "Подключаем…" : "Подключить"
            enabled: page.enrolment.text.length > 0 && !page.enrolment.busy
            Layout.preferredWidth: page.width / 3
            onClicked: page.enrolment.submit()
        }
    }
    MessageText {
        objectName: "staffEnrolMessage"
        theme: page.theme
        text: page.enrolment.message
        Layout.fillWidth: true
    }
    Item {
        Layout.fillHeight: true
    }
}
