#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace veche::kiosk::ui {

// A short list of buttons (at most six): notice categories, report
// categories. Roles: key (what QML passes back), title, detail (a second
// line, may be empty), emphasis (shown as an alert, e.g. «Экстренное»).
class ChoiceListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ChoiceListModel is filled by the controllers")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString spokenText READ spokenText NOTIFY choicesChanged)

public:
    struct Choice {
        QString key;
        QString title;
        QString detail;
        bool emphasis = false;
    };
    enum Role { KeyRole = Qt::UserRole + 1, TitleRole, DetailRole, EmphasisRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(choices_.size()); }
    void setChoices(std::vector<Choice> choices);
    const std::vector<Choice>& choices() const { return choices_; }
    // The title of the choice `key`; empty when there is none.
    QString titleOf(const QString& key) const;
    // Every choice, one a line, for reading aloud.
    QString spokenText() const;

signals:
    void countChanged();
    void choicesChanged();

private:
    std::vector<Choice> choices_;
};

}  // namespace veche::kiosk::ui
