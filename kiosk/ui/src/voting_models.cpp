#include "voting_models.h"

#include "russian_text.h"

namespace veche::kiosk::ui {

void AssemblyListModel::setAssemblies(std::vector<Assembly> assemblies) {
    beginReplaceRows();
    assemblies_ = std::move(assemblies);
    endReplaceRows();
}

const Assembly* AssemblyListModel::assemblyAt(int rowIndex) const {
    if (rowIndex < 0 || rowIndex >= totalRows()) {
        return nullptr;
    }
    return &assemblies_[static_cast<size_t>(rowIndex)];
}

QVariant AssemblyListModel::rowData(int rowIndex, int role) const {
    const Assembly* assembly = assemblyAt(rowIndex);
    if (assembly == nullptr) {
        return {};
    }
    switch (role) {
        case TitleRole:
            return toQString(assembly->title);
        case ConsultativeRole:
            return assembly->consultative;
        case ItemCountTextRole: {
            const auto n = static_cast<long>(assembly->agenda.size());
            return QString::number(n) + QLatin1Char(' ') +
                   pluralRu(n, QStringLiteral("вопрос"), QStringLiteral("вопроса"),
                            QStringLiteral("вопросов"));
        }
        case ClosesTextRole:
            return QStringLiteral("Голосование до %1").arg(dateTimeText(assembly->closesAt));
        default:
            return {};
    }
}

QHash<int, QByteArray> AssemblyListModel::rowRoleNames() const {
    return {{TitleRole, "title"},
            {ConsultativeRole, "consultative"},
            {ItemCountTextRole, "itemCountText"},
            {ClosesTextRole, "closesText"}};
}

void ReviewModel::setBallot(const std::vector<AgendaItem>& agenda,
                            const std::vector<core::Choice>& answers) {
    beginReplaceRows();
    rows_.clear();
    for (size_t i = 0; i < agenda.size(); ++i) {
        const core::Choice choice = i < answers.size() ? answers[i] : core::Choice::Unanswered;
        const QString title = choiceTitle(choice);
        rows_.push_back(
            {toQString(agenda[i].title), title.isEmpty() ? QStringLiteral("Нет ответа") : title});
    }
    endReplaceRows();
}

QVariant ReviewModel::rowData(int rowIndex, int role) const {
    if (rowIndex < 0 || rowIndex >= totalRows()) {
        return {};
    }
    const Row& row = rows_[static_cast<size_t>(rowIndex)];
    switch (role) {
        case NumberRole:
            return rowIndex + 1;
        case ItemTitleRole:
            return row.itemTitle;
        case ChoiceTitleRole:
            return row.choiceTitle;
        default:
            return {};
    }
}

QHash<int, QByteArray> ReviewModel::rowRoleNames() const {
    return {{NumberRole, "number"}, {ItemTitleRole, "itemTitle"}, {ChoiceTitleRole, "choiceTitle"}};
}

QString AssemblyListModel::rowSpeech(int rowIndex) const {
    const Assembly* assembly = assemblyAt(rowIndex);
    if (assembly == nullptr) {
        return {};
    }
    return rowData(rowIndex, TitleRole).toString() + QStringLiteral(". ") +
           rowData(rowIndex, ItemCountTextRole).toString() + QStringLiteral(". ") +
           rowData(rowIndex, ClosesTextRole).toString();
}

QString ReviewModel::rowSpeech(int rowIndex) const {
    if (rowIndex < 0 || rowIndex >= totalRows()) {
        return {};
    }
    const Row& row = rows_[static_cast<size_t>(rowIndex)];
    return QStringLiteral("Вопрос %1. %2. Ваш ответ: %3.")
        .arg(rowIndex + 1)
        .arg(row.itemTitle, row.choiceTitle);
}

}  // namespace veche::kiosk::ui
