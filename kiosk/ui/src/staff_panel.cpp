#include "staff_panel.h"

#include "russian_text.h"

namespace veche::kiosk::ui {

StaffPanel::StaffPanel(KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {}

void StaffPanel::setCabinetSource(std::function<QString()> source) {
    cabinetSource_ = std::move(source);
}

void StaffPanel::typePinDigit(int digit) {
    if (digit < 0 || digit > 9 || pin_.size() >= kMaxPinDigits) {
        return;
    }
    pin_.push_back(static_cast<char>('0' + digit));
    emit pinChanged();
}

void StaffPanel::erasePinDigit() {
    if (!pin_.empty()) {
        pin_.pop_back();
        emit pinChanged();
    }
}

void StaffPanel::submitPin() {
    const auto result = services_.checkStaffPin(pin_);
    pin_.clear();
    switch (result) {
        case KioskServices::StaffPin::Accepted:
        case KioskServices::StaffPin::NotSet:
            pinSet_ = result == KioskServices::StaffPin::Accepted;
            pinMessage_.clear();
            emit pinChanged();
            emit unlocked();
            return;
        case KioskServices::StaffPin::Wrong:
            pinMessage_ = QStringLiteral("Неверный PIN. Попробуйте ещё раз.");
            break;
        case KioskServices::StaffPin::Locked:
            pinMessage_ =
                QStringLiteral("Слишком много неверных попыток. Попробуйте через 5 минут.");
            break;
    }
    emit pinChanged();
}

void StaffPanel::resetPin() {
    pin_.clear();
    pinMessage_.clear();
    emit pinChanged();
}

QString StaffPanel::kioskId() const {
    return toQString(state_.kioskId);
}

QString StaffPanel::lastSuccessText() const {
    return state_.lastSuccess == 0 ? QStringLiteral("ещё не было")
                                   : dateTimeText(state_.lastSuccess);
}

QString StaffPanel::lastAttemptText() const {
    return state_.lastAttempt == 0 ? QStringLiteral("ещё не было")
                                   : dateTimeText(state_.lastAttempt);
}

QString StaffPanel::lastError() const {
    return toQString(state_.lastError);
}

void StaffPanel::refresh() {
    state_ = services_.syncState();
    cabinetText_ = cabinetSource_ ? cabinetSource_() : QStringLiteral("не подключён");
    emit changed();
}

}  // namespace veche::kiosk::ui
