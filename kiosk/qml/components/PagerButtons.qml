import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Страница 1 из 2», then «Предыдущие» / «Следующие» side by side, equally
// wide, for a PagedListModel; hidden for one page. The page line stands
// apart so that both buttons keep their words whole at every text size.
// A plain Item around its own layout, so that the screen's layout treats
// it as one item.
Item {
    id: pager

    required property Theme theme
    required property PagedListModel model
    readonly property bool paged: model.pageCount > 1

    visible: paged
    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: pager.theme.gap / 2

        BodyText {
            objectName: "pageText"
            theme: pager.theme
            text: "Страница " + (pager.model.page + 1) + " из " + pager.model.pageCount
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: pager.theme.gap
            Layout.fillWidth: true

            BigButton {
                objectName: "previousPage"
                theme: pager.theme
                kind: "secondary"
                text: "Предыдущие"
                enabled: pager.model.hasPreviousPage
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: pager.model.previousPage()
            }
            BigButton {
                objectName: "nextPage"
                theme: pager.theme
                kind: "secondary"
                text: "Следующие"
                enabled: pager.model.hasNextPage
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: pager.model.nextPage()
            }
        }
    }
}
