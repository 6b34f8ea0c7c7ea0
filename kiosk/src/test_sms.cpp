#include "veche/kiosk/test_sms.h"

#include "veche/core/phone.h"

namespace veche::kiosk {

TestSmsSender::TestSmsSender(KioskSmsOutbox& outbox, std::string kioskId, Environment env,
                             std::function<bool()> modemUp, std::function<void()> poke)
    : outbox_(outbox),
      kioskId_(std::move(kioskId)),
      env_(std::move(env)),
      modemUp_(std::move(modemUp)),
      poke_(std::move(poke)) {}

std::string TestSmsSender::textFor(const std::string& kioskId) {
    return "Вече: тестовое SMS с терминала " + kioskId;
}

namespace {

// Why the SMS failed, for staff: the queue's own reasons in Russian, the
// modem's as it gave them.
std::string failureText(const std::string& reason) {
    if (reason == kUndelivered) {
        return "Отправлено, но не доставлено: сеть не доставила SMS (телефон выключен, номер "
               "не существует или не принимает SMS).";
    }
    if (reason.starts_with("expired")) {
        return "Не отправлено: модем не смог отправить его за 10 минут.";
    }
    return "Не отправлено: " + (reason.empty() ? std::string("причина неизвестна.")
                                               : "ошибка модема (" + reason + ").");
}

}  // namespace

TestSms TestSmsSender::send(const std::string& phoneAsTyped) {
    const auto phone = core::normalisePhone(phoneAsTyped);
    if (!phone) {
        return {TestSms::Outcome::BadNumber, 0, "Неверный номер: нужен мобильный номер России."};
    }
    if (!modemUp_()) {
        return {TestSms::Outcome::NoModem, 0,
                "Модем не подключён или SIM-карта не готова: SMS не отправить. Запустите "
                "veche-provision doctor."};
    }
    std::lock_guard lock(mutex_);
    const Millis at = env_.now();
    if (lastSent_ != 0 && at - lastSent_ < KioskServices::kTestSmsInterval) {
        return {TestSms::Outcome::TooSoon, 0, "Тестовое SMS уже отправлено. Подождите полминуты."};
    }
    const auto id =
        outbox_.enqueue(*phone, textFor(kioskId_), modem::SmsPriority::Reply, at, at + kLifetime);
    lastSent_ = at;
    poke_();
    return {TestSms::Outcome::Queued, id, ""};
}

TestSmsState TestSmsSender::state(std::int64_t id) const {
    const auto sms = outbox_.status(id);
    if (sms.status == "queued") {
        return {"В очереди модема…", false};
    }
    if (sms.status == "sending") {
        return {"Отправляется…", false};
    }
    if (sms.status == "sent") {
        return {"Отправлено оператору; ждём отчёт о доставке.", false};
    }
    if (sms.status == "delivered") {
        return {"Доставлено.", true};
    }
    if (sms.status == "failed") {
        return {failureText(sms.reason), true};
    }
    return {"Об этом SMS сведений нет.", true};
}

}  // namespace veche::kiosk
