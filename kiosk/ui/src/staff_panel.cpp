#include "staff_panel.h"

#include "russian_text.h"

namespace veche::kiosk::ui {

StaffPanel::StaffPanel(const KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {}

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
    emit changed();
}

}  // namespace veche::kiosk::ui
