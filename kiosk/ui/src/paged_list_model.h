#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

namespace veche::kiosk::ui {

// A list shown a page at a time, so that a screen never offers more than a
// few choices and nobody has to scroll. The model's rows are the current
// page only; every row also has the role `rowIndex`, its index in the whole
// list, which QML passes back to the controllers.
class PagedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PagedListModel is abstract")
    Q_PROPERTY(int total READ total NOTIFY pagingChanged)
    Q_PROPERTY(int page READ page NOTIFY pagingChanged)
    Q_PROPERTY(int pageSize READ pageSize NOTIFY pagingChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY pagingChanged)
    Q_PROPERTY(bool hasNextPage READ hasNextPage NOTIFY pagingChanged)
    Q_PROPERTY(bool hasPreviousPage READ hasPreviousPage NOTIFY pagingChanged)
    Q_PROPERTY(QString pageSpokenText READ pageSpokenText NOTIFY pagingChanged)

public:
    static constexpr int kRowIndexRole = Qt::UserRole + 100;

    explicit PagedListModel(int pageSize, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int total() const { return totalRows(); }
    int page() const { return page_; }
    int pageSize() const { return pageSize_; }
    // At least 1. Shows the page that holds the current page's first row.
    void setPageSize(int pageSize);
    int pageCount() const;
    bool hasNextPage() const { return page_ + 1 < pageCount(); }
    bool hasPreviousPage() const { return page_ > 0; }
    Q_INVOKABLE void nextPage() { showPage(page_ + 1); }
    Q_INVOKABLE void previousPage() { showPage(page_ - 1); }
    // The rows of the current page, one a line, for reading aloud.
    QString pageSpokenText() const;
    // Shows the page holding the row `rowIndex` of the whole list.
    void showRow(int rowIndex);

signals:
    void pagingChanged();

protected:
    virtual int totalRows() const = 0;
    virtual QVariant rowData(int rowIndex, int role) const = 0;
    virtual QHash<int, QByteArray> rowRoleNames() const = 0;
    // One row as it is read aloud.
    virtual QString rowSpeech(int rowIndex) const = 0;
    // Subclasses replace their rows inside beginReplaceRows()/endReplaceRows();
    // the first page is shown afterwards.
    void beginReplaceRows();
    void endReplaceRows();

private:
    void showPage(int page);

    int pageSize_;
    int page_ = 0;
};

}  // namespace veche::kiosk::ui
