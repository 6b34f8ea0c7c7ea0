#pragma once

#include <QtQml/qqmlregistration.h>
#include <QString>

#include <vector>

#include "paged_list_model.h"

namespace veche::kiosk::ui {

// A short list of buttons: notice categories, report categories, the
// options of a poll. Roles: key (what QML passes back), title, detail (a
// second line, may be empty), emphasis (shown as an alert, e.g.
// «Экстренное»), and rowIndex. Shown a page at a time (PagerButtons), so
// that a screen never offers more than six choices: pageSize choices per
// page, six by default; a list that needs a pager should have five.
class ChoiceListModel : public veche::kiosk::ui::PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ChoiceListModel is filled by the controllers")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString spokenText READ spokenText NOTIFY choicesChanged)

public:
    static constexpr int kDefaultPageSize = 6;

    struct Choice {
        QString key;
        QString title;
        QString detail;
        bool emphasis = false;
    };
    enum Role { KeyRole = Qt::UserRole + 1, TitleRole, DetailRole, EmphasisRole };

    explicit ChoiceListModel(QObject* parent = nullptr, int pageSize = kDefaultPageSize)
        : PagedListModel(pageSize, parent) {}

    // Every choice, on every page.
    int count() const { return static_cast<int>(choices_.size()); }
    // Replaces the choices and shows the first page.
    void setChoices(std::vector<Choice> choices);
    const std::vector<Choice>& choices() const { return choices_; }
    // The title of the choice `key`; empty when there is none.
    QString titleOf(const QString& key) const;
    // Every choice (all pages), one a line, for reading aloud;
    // pageSpokenText has the current page's only.
    QString spokenText() const;

signals:
    void countChanged();
    void choicesChanged();

protected:
    int totalRows() const override { return count(); }
    QVariant rowData(int rowIndex, int role) const override;
    QHash<int, QByteArray> rowRoleNames() const override;
    QString rowSpeech(int rowIndex) const override;

private:
    std::vector<Choice> choices_;
};

}  // namespace veche::kiosk::ui
