#include "choice_list_model.h"

#include <QStringList>

namespace veche::kiosk::ui {

QVariant ChoiceListModel::rowData(int rowIndex, int role) const {
    if (rowIndex < 0 || rowIndex >= count()) {
        return {};
    }
    const Choice& choice = choices_.at(static_cast<size_t>(rowIndex));
    switch (role) {
        case KeyRole:
            return choice.key;
        case TitleRole:
        case Qt::DisplayRole:
            return choice.title;
        case DetailRole:
            return choice.detail;
        case EmphasisRole:
            return choice.emphasis;
        default:
            return {};
    }
}

QHash<int, QByteArray> ChoiceListModel::rowRoleNames() const {
    return {
        {KeyRole, "key"}, {TitleRole, "title"}, {DetailRole, "detail"}, {EmphasisRole, "emphasis"}};
}

void ChoiceListModel::setChoices(std::vector<Choice> choices) {
    const int before = count();
    beginReplaceRows();
    choices_ = std::move(choices);
    endReplaceRows();
    emit choicesChanged();
    if (before != count()) {
        emit countChanged();
    }
}

QString ChoiceListModel::titleOf(const QString& key) const {
    for (const Choice& choice : choices_) {
        if (choice.key == key) {
            return choice.title;
        }
    }
    return {};
}

QString ChoiceListModel::rowSpeech(int rowIndex) const {
    const Choice& choice = choices_.at(static_cast<size_t>(rowIndex));
    return choice.detail.isEmpty() ? choice.title
                                   : choice.title + QStringLiteral(". ") + choice.detail;
}

QString ChoiceListModel::spokenText() const {
    QStringList lines;
    for (int row = 0; row < count(); ++row) {
        lines << rowSpeech(row);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace veche::kiosk::ui
