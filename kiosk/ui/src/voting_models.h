#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "paged_list_model.h"
#include "veche/core/ballot.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The assemblies a verified phone may vote in. Roles: title, consultative,
// itemCountText («3 вопроса»), closesText («до 20 марта 2025, 20:00»).
class AssemblyListModel : public veche::kiosk::ui::PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AssemblyListModel is filled by VotingFlow")

public:
    enum Role { TitleRole = Qt::UserRole + 1, ConsultativeRole, ItemCountTextRole, ClosesTextRole };

    explicit AssemblyListModel(QObject* parent = nullptr) : PagedListModel(4, parent) {}

    void setAssemblies(std::vector<Assembly> assemblies);
    const Assembly* assemblyAt(int rowIndex) const;

protected:
    int totalRows() const override { return static_cast<int>(assemblies_.size()); }
    QVariant rowData(int rowIndex, int role) const override;
    QHash<int, QByteArray> rowRoleNames() const override;
    QString rowSpeech(int rowIndex) const override;

private:
    std::vector<Assembly> assemblies_;
};

// The review before «Подтвердить»: each agenda item and its choice. Roles:
// number (from 1), itemTitle, choiceTitle («За», «Против», «Воздержался»).
class ReviewModel : public veche::kiosk::ui::PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ReviewModel is filled by VotingFlow")

public:
    enum Role { NumberRole = Qt::UserRole + 1, ItemTitleRole, ChoiceTitleRole };

    explicit ReviewModel(QObject* parent = nullptr) : PagedListModel(4, parent) {}

    // `answers` has one entry per agenda item.
    void setBallot(const std::vector<AgendaItem>& agenda, const std::vector<core::Choice>& answers);

protected:
    int totalRows() const override { return static_cast<int>(rows_.size()); }
    QVariant rowData(int rowIndex, int role) const override;
    QHash<int, QByteArray> rowRoleNames() const override;
    QString rowSpeech(int rowIndex) const override;

private:
    struct Row {
        QString itemTitle;
        QString choiceTitle;
    };
    std::vector<Row> rows_;
};

}  // namespace veche::kiosk::ui
