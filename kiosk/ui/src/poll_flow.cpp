#include "poll_flow.h"

#include <stdexcept>

#include "russian_text.h"

namespace veche::kiosk::ui {

PollFlow::PollFlow(KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {}

QString PollFlow::question() const {
    if (index_ >= pollCount()) {
        return {};
    }
    return toQString(polls_[static_cast<size_t>(index_)].question);
}

void PollFlow::begin(const QString& phone) {
    reset();
    phone_ = phone.toStdString();
    polls_ = services_.openPolls(phone_, nowMillis());
    show(0);
}

void PollFlow::answer(int option) {
    if (index_ >= pollCount()) {
        return;
    }
    const Poll& poll = polls_[static_cast<size_t>(index_)];
    try {
        services_.answerPoll(phone_, poll.id, option, nowMillis());
    } catch (const std::invalid_argument& refused) {
        setMessage(QString::fromStdString(refused.what()));
        return;
    } catch (const std::exception&) {
        setMessage(QStringLiteral("Не удалось сохранить ответ. Попробуйте ещё раз."));
        return;
    }
    ++answered_;
    show(index_ + 1);
}

void PollFlow::skip() {
    show(index_ + 1);
}

void PollFlow::reset() {
    phone_.clear();
    polls_.clear();
    options_.setChoices({});
    index_ = 0;
    answered_ = 0;
    setMessage({});
    emit pollChanged();
}

void PollFlow::showForPreview(std::vector<Poll> polls) {
    reset();
    polls_ = std::move(polls);
    show(0);
}

void PollFlow::show(int index) {
    index_ = index;
    setMessage({});
    std::vector<ChoiceListModel::Choice> choices;
    if (index_ < pollCount()) {
        const Poll& poll = polls_[static_cast<size_t>(index_)];
        for (size_t i = 0; i < poll.options.size(); ++i) {
            choices.push_back({QString::number(i), toQString(poll.options[i]), {}, false});
        }
    }
    options_.setChoices(std::move(choices));
    emit pollChanged();
    if (index_ < pollCount()) {
        emit pollShown();
    } else {
        emit finished();
    }
}

void PollFlow::setMessage(const QString& message) {
    if (message == message_) {
        return;
    }
    message_ = message;
    emit messageChanged();
}

}  // namespace veche::kiosk::ui
