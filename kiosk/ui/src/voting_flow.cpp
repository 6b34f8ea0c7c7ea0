#include "voting_flow.h"

#include <map>
#include <stdexcept>

#include "background.h"
#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

// What castBallot() came to, carried back to the GUI thread.
struct CastResult {
    std::optional<Receipt> receipt;
    QString error;  // Russian, for the resident
};

}  // namespace

VotingFlow::VotingFlow(KioskServices& services, QThreadPool& pool, QObject* parent)
    : QObject(parent), services_(services), pool_(pool) {}

QString VotingFlow::assemblyTitle() const {
    return assembly_ ? toQString(assembly_->title) : QString();
}

QString VotingFlow::consultativeText() const {
    return QStringLiteral("Голос, поданный в киоске, учитывается как совещательный");
}

int VotingFlow::itemCount() const {
    return assembly_ ? static_cast<int>(assembly_->agenda.size()) : 0;
}

QString VotingFlow::itemTitle() const {
    if (!assembly_ || itemIndex_ >= itemCount()) {
        return {};
    }
    return toQString(assembly_->agenda[static_cast<size_t>(itemIndex_)].title);
}

QString VotingFlow::itemChoice() const {
    if (itemIndex_ >= static_cast<int>(answers_.size())) {
        return {};
    }
    return choiceKey(answers_[static_cast<size_t>(itemIndex_)]);
}

QString VotingFlow::receiptQrSource() const {
    return receipt_ ? QStringLiteral("image://qr/") + toQString(receipt_->code) : QString();
}

void VotingFlow::begin(const QString& phone) {
    reset();
    phone_ = phone.toStdString();
    reloadAssemblies();
}

void VotingFlow::reloadAssemblies() {
    if (phone_.empty() || assembly_) {
        return;
    }
    assemblies_.setAssemblies(services_.assembliesFor(phone_, nowMillis()));
}

void VotingFlow::openAssembly(int rowIndex) {
    const Assembly* chosen = assemblies_.assemblyAt(rowIndex);
    if (chosen == nullptr || chosen->agenda.empty()) {
        return;
    }
    assembly_ = *chosen;
    answers_.assign(assembly_->agenda.size(), core::Choice::Unanswered);
    itemIndex_ = 0;
    changingFromReview_ = false;
    setMessage({});
    emit assemblyChanged();
    emit itemChanged();
    emit itemShown();
}

void VotingFlow::choose(const QString& key) {
    const core::Choice choice = choiceFromKey(key);
    if (!assembly_ || busy_ || choice == core::Choice::Unanswered) {
        return;
    }
    answers_[static_cast<size_t>(itemIndex_)] = choice;
    if (changingFromReview_ || itemIndex_ + 1 >= itemCount()) {
        showReview();
        return;
    }
    ++itemIndex_;
    emit itemChanged();
    emit itemShown();
}

bool VotingFlow::previousItem() {
    if (!assembly_ || itemIndex_ == 0 || changingFromReview_) {
        return false;
    }
    --itemIndex_;
    emit itemChanged();
    emit itemShown();
    return true;
}

void VotingFlow::changeItem(int index) {
    if (!assembly_ || busy_ || index < 0 || index >= itemCount()) {
        return;
    }
    itemIndex_ = index;
    changingFromReview_ = true;
    emit itemChanged();
    emit itemShown();
}

void VotingFlow::confirm() {
    if (!assembly_ || busy_) {
        return;
    }
    std::map<std::string, core::Choice> answers;
    for (size_t i = 0; i < answers_.size(); ++i) {
        answers[assembly_->agenda[i].id] = answers_[i];
    }
    setBusy(true);
    setMessage({});
    const int generation = generation_;
    runInBackground<CastResult>(
        pool_, this,
        [&services = services_, phone = phone_, id = assembly_->id, answers] {
            CastResult result;
            try {
                result.receipt = services.castBallot(phone, id, answers, nowMillis());
            } catch (const std::invalid_argument& refused) {
                result.error = QString::fromStdString(refused.what());
            } catch (const std::exception&) {
                result.error = QStringLiteral("Не удалось сохранить голос. Попробуйте ещё раз.");
            }
            return result;
        },
        [this, generation](const CastResult& result) {
            if (generation != generation_) {
                return;
            }
            setBusy(false);
            if (!result.receipt) {
                setMessage(result.error);
                return;
            }
            receipt_ = result.receipt;
            emit receiptChanged();
            emit accepted();
        });
}

void VotingFlow::reset() {
    ++generation_;
    phone_.clear();
    assemblies_.setAssemblies({});
    assembly_.reset();
    answers_.clear();
    review_.setBallot({}, {});
    itemIndex_ = 0;
    changingFromReview_ = false;
    receipt_.reset();
    setBusy(false);
    setMessage({});
    emit assemblyChanged();
    emit itemChanged();
    emit receiptChanged();
}

void VotingFlow::showForPreview(std::vector<Assembly> assemblies) {
    reset();
    assemblies_.setAssemblies(std::move(assemblies));
}

void VotingFlow::showReceiptForPreview(const Receipt& receipt) {
    receipt_ = receipt;
    emit receiptChanged();
}

void VotingFlow::showReview() {
    changingFromReview_ = false;
    review_.setBallot(assembly_->agenda, answers_);
    review_.showRow(itemIndex_);
    emit itemChanged();
    emit reviewShown();
}

void VotingFlow::setBusy(bool busy) {
    if (busy == busy_) {
        return;
    }
    busy_ = busy;
    emit busyChanged();
}

void VotingFlow::setMessage(const QString& message) {
    if (message == message_) {
        return;
    }
    message_ = message;
    emit messageChanged();
}

}  // namespace veche::kiosk::ui
