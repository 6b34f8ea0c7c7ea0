#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

#include "choice_list_model.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// «Опросы» for a verified phone: the open polls it has not answered, one
// question per screen, one answer each. finished() follows the last poll.
class PollFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PollFlow is owned by KioskController")

    Q_PROPERTY(int pollCount READ pollCount NOTIFY pollChanged)
    Q_PROPERTY(int pollIndex READ pollIndex NOTIFY pollChanged)
    Q_PROPERTY(QString question READ question NOTIFY pollChanged)
    Q_PROPERTY(veche::kiosk::ui::ChoiceListModel* options READ options CONSTANT)
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY pollChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit PollFlow(KioskServices& services, QObject* parent = nullptr);

    int pollCount() const { return static_cast<int>(polls_.size()); }
    int pollIndex() const { return index_; }
    QString question() const;
    // Options shown on one page: with the pager, six choices at most.
    static constexpr int kOptionsPerPage = 5;

    // The current poll's options, kOptionsPerPage to a page; key is the
    // option's index in the whole poll.
    ChoiceListModel* options() { return &options_; }
    int answeredCount() const { return answered_; }
    QString message() const { return message_; }

    // Loads the polls `phone` (verified) has not answered. Emits
    // pollShown() for the first one, or finished() when there are none.
    void begin(const QString& phone);
    // Stores option `option` of the current poll and moves on.
    Q_INVOKABLE void answer(int option);
    // Moves on without answering.
    Q_INVOKABLE void skip();

    void reset();

    // For the screenshot tour only: shows `polls` without asking the services.
    void showForPreview(std::vector<Poll> polls);

signals:
    void pollChanged();
    void messageChanged();
    void pollShown();
    void finished();

private:
    void show(int index);
    void setMessage(const QString& message);

    KioskServices& services_;
    std::string phone_;
    std::vector<Poll> polls_;
    ChoiceListModel options_{nullptr, kOptionsPerPage};
    int index_ = 0;
    int answered_ = 0;
    QString message_;
};

}  // namespace veche::kiosk::ui
