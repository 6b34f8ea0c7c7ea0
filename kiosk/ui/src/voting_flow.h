#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <optional>
#include <vector>

#include "russian_text.h"
#include "voting_models.h"

namespace veche::kiosk::ui {

// «Голосование» for a verified phone: the assemblies it may vote in, one
// agenda item per screen (За / Против / Воздержался), a review where any
// answer can be changed, «Подтвердить». The ballot is cast off the GUI
// thread; accepted() (and so «Ваш голос принят») only follows once
// castBallot() has returned, i.e. once the ballot is stored durably.
class VotingFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("VotingFlow is owned by KioskController")

    Q_PROPERTY(veche::kiosk::ui::AssemblyListModel* assemblies READ assemblies CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::ReviewModel* review READ review CONSTANT)
    Q_PROPERTY(QString assemblyTitle READ assemblyTitle NOTIFY assemblyChanged)
    Q_PROPERTY(bool consultative READ consultative NOTIFY assemblyChanged)
    Q_PROPERTY(QString consultativeText READ consultativeText CONSTANT)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY assemblyChanged)
    Q_PROPERTY(int itemIndex READ itemIndex NOTIFY itemChanged)
    Q_PROPERTY(QString itemTitle READ itemTitle NOTIFY itemChanged)
    Q_PROPERTY(QString itemChoice READ itemChoice NOTIFY itemChanged)
    Q_PROPERTY(bool changingFromReview READ changingFromReview NOTIFY itemChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString receiptCode READ receiptCode NOTIFY receiptChanged)
    Q_PROPERTY(bool receiptConsultative READ receiptConsultative NOTIFY receiptChanged)
    Q_PROPERTY(QString receiptQrSource READ receiptQrSource NOTIFY receiptChanged)

public:
    VotingFlow(KioskServices& services, QThreadPool& pool, QObject* parent = nullptr);

    AssemblyListModel* assemblies() { return &assemblies_; }
    ReviewModel* review() { return &review_; }
    QString assemblyTitle() const;
    bool consultative() const { return assembly_ && assembly_->consultative; }
    QString consultativeText() const;
    int itemCount() const;
    int itemIndex() const { return itemIndex_; }
    QString itemTitle() const;
    // "for", "against", "abstain" or empty: the answer already given.
    QString itemChoice() const;
    bool changingFromReview() const { return changingFromReview_; }
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    QString receiptCode() const { return receipt_ ? toQString(receipt_->code) : QString(); }
    bool receiptConsultative() const { return receipt_ && receipt_->consultative; }
    // "image://qr/<code>" for an Image, empty before a receipt.
    QString receiptQrSource() const;

    // Lists the assemblies `phone` (verified) may vote in now.
    void begin(const QString& phone);
    // Re-reads the list (new content synced) unless a ballot is under way.
    void reloadAssemblies();
    // Starts the ballot of the assembly `rowIndex`; emits itemShown().
    Q_INVOKABLE void openAssembly(int rowIndex);
    // Answers the current item with "for", "against" or "abstain" and moves
    // on: to the next item (itemShown()) or to the review (reviewShown()).
    Q_INVOKABLE void choose(const QString& choiceKey);
    // Back one item; false on the first item.
    Q_INVOKABLE bool previousItem();
    // From the review: shows item `index` again; choose() then returns to
    // the review.
    Q_INVOKABLE void changeItem(int index);
    // Casts the ballot; accepted() or `message` follows.
    Q_INVOKABLE void confirm();

    // Forgets the phone, the answers, the receipt and any call in flight.
    void reset();

    // For the screenshot tour only: shows `assemblies` without asking the
    // services, and a receipt without casting a ballot.
    void showForPreview(std::vector<Assembly> assemblies);
    void showReceiptForPreview(const Receipt& receipt);

signals:
    void assemblyChanged();
    void itemChanged();
    void busyChanged();
    void messageChanged();
    void receiptChanged();
    void itemShown();
    void reviewShown();
    void accepted();

private:
    void showReview();
    void setBusy(bool busy);
    void setMessage(const QString& message);

    KioskServices& services_;
    QThreadPool& pool_;
    std::string phone_;
    AssemblyListModel assemblies_;
    ReviewModel review_;
    std::optional<Assembly> assembly_;
    std::vector<core::Choice> answers_;
    int itemIndex_ = 0;
    bool changingFromReview_ = false;
    bool busy_ = false;
    QString message_;
    std::optional<Receipt> receipt_;
    int generation_ = 0;  // bumped by reset(): late results of a past visit are dropped
};

}  // namespace veche::kiosk::ui
