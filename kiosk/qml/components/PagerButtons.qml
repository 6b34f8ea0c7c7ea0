import QtQuick
import QtQuick.Layouts
import Veche.Kiosk

// «Предыдущие» / «Следующие» for a PagedListModel; hidden for one page.
RowLayout {
    id: pager

    required property Theme theme
    required property PagedListModel model

    visible: model.pageCount > 1
    spacing: theme.gap

    BigButton {
        objectName: "previousPage"
        theme: pager.theme
        kind: "secondary"
        text: "Предыдущие"
        enabled: pager.model.hasPreviousPage
        Layout.fillWidth: true
        onClicked: pager.model.previousPage()
    }
    BodyText {
        theme: pager.theme
        text: "Страница " + (pager.model.page + 1) + " из " + pager.model.pageCount
        horizontalAlignment: Text.AlignHCenter
    }
    BigButton {
        objectName: "nextPage"
        theme: pager.theme
        kind: "secondary"
        text: "Следующие"
        enabled: pager.model.hasNextPage
        Layout.fillWidth: true
        onClicked: pager.model.nextPage()
    }
}
