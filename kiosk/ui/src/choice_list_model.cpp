#include "choice_list_model.h"

namespace veche::kiosk::ui {

int ChoiceListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant ChoiceListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Choice& choice = choices_.at(static_cast<size_t>(index.row()));
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

QHash<int, QByteArray> ChoiceListModel::roleNames() const {
    return {
        {KeyRole, "key"}, {TitleRole, "title"}, {DetailRole, "detail"}, {EmphasisRole, "emphasis"}};
}

void ChoiceListModel::setChoices(std::vector<Choice> choices) {
    const int before = count();
    beginResetModel();
    choices_ = std::move(choices);
    endResetModel();
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

}  // namespace veche::kiosk::ui

namespace veche::kiosk::ui {

QString ChoiceListModel::spokenText() const {
    QStringList lines;
    for (const Choice& choice : choices_) {
        lines << (choice.detail.isEmpty() ? choice.title
                                          : choice.title + QStringLiteral(". ") + choice.detail);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace veche::kiosk::ui
