#include "paged_list_model.h"

#include <algorithm>

namespace veche::kiosk::ui {

PagedListModel::PagedListModel(int pageSize, QObject* parent)
    : QAbstractListModel(parent), pageSize_(std::max(1, pageSize)) {}

int PagedListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) {
        return 0;
    }
    return std::clamp(totalRows() - page_ * pageSize_, 0, pageSize_);
}

QVariant PagedListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int rowIndex = page_ * pageSize_ + index.row();
    if (role == kRowIndexRole) {
        return rowIndex;
    }
    return rowData(rowIndex, role);
}

QHash<int, QByteArray> PagedListModel::roleNames() const {
    QHash<int, QByteArray> names = rowRoleNames();
    names.insert(kRowIndexRole, "rowIndex");
    return names;
}

int PagedListModel::pageCount() const {
    return std::max(1, (totalRows() + pageSize_ - 1) / pageSize_);
}

QString PagedListModel::pageSpokenText() const {
    QStringList lines;
    const int first = page_ * pageSize_;
    for (int row = first; row < first + rowCount(); ++row) {
        lines << rowSpeech(row);
    }
    return lines.join(QLatin1Char('\n'));
}

void PagedListModel::setPageSize(int pageSize) {
    pageSize = std::max(1, pageSize);
    if (pageSize == pageSize_) {
        return;
    }
    const int firstRow = page_ * pageSize_;
    beginResetModel();
    pageSize_ = pageSize;
    page_ = firstRow / pageSize_;
    endResetModel();
    emit pagingChanged();
}

void PagedListModel::showRow(int rowIndex) {
    showPage(rowIndex / pageSize_);
}

void PagedListModel::beginReplaceRows() {
    beginResetModel();
}

void PagedListModel::endReplaceRows() {
    page_ = 0;
    endResetModel();
    emit pagingChanged();
}

void PagedListModel::showPage(int page) {
    page = std::clamp(page, 0, pageCount() - 1);
    if (page == page_) {
        return;
    }
    beginResetModel();
    page_ = page;
    endResetModel();
    emit pagingChanged();
}

}  // namespace veche::kiosk::ui
