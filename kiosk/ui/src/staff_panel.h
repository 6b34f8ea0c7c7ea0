#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <functional>
#include <string>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The hidden staff screens: the staff PIN first (typed on the keypad, shown
// as dots), then the state of the link to the hub, the modem and the
// cabinet. Residents never see any of this.
class StaffPanel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StaffPanel is owned by KioskController")

    Q_PROPERTY(QString kioskId READ kioskId NOTIFY changed)
    Q_PROPERTY(QString lastSuccessText READ lastSuccessText NOTIFY changed)
    Q_PROPERTY(QString lastAttemptText READ lastAttemptText NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(int pendingEvents READ pendingEvents NOTIFY changed)
    Q_PROPERTY(int rejectedEvents READ rejectedEvents NOTIFY changed)
    Q_PROPERTY(int queuedSms READ queuedSms NOTIFY changed)
    Q_PROPERTY(bool modemConnected READ modemConnected NOTIFY changed)
    Q_PROPERTY(QString cabinetText READ cabinetText NOTIFY changed)
    Q_PROPERTY(bool pinSet READ pinSet NOTIFY changed)
    Q_PROPERTY(int pinDigitCount READ pinDigitCount NOTIFY pinChanged)
    Q_PROPERTY(QString pinMessage READ pinMessage NOTIFY pinChanged)

public:
    static constexpr int kMaxPinDigits = 8;

    explicit StaffPanel(KioskServices& services, QObject* parent = nullptr);

    QString kioskId() const;
    QString lastSuccessText() const;
    QString lastAttemptText() const;
    QString lastError() const;
    int pendingEvents() const { return static_cast<int>(state_.pendingEvents); }
    int rejectedEvents() const { return static_cast<int>(state_.rejectedEvents); }
    int queuedSms() const { return static_cast<int>(state_.queuedSms); }
    bool modemConnected() const { return state_.modemConnected; }
    // The cabinet's sensors and modules, or that it has none.
    QString cabinetText() const { return cabinetText_; }
    // False when the kiosk opened without a PIN (none in its settings).
    bool pinSet() const { return pinSet_; }
    int pinDigitCount() const { return static_cast<int>(pin_.size()); }
    QString pinMessage() const { return pinMessage_; }

    // Where cabinetText comes from (the kiosk's cabinet monitor), read at
    // each refresh.
    void setCabinetSource(std::function<QString()> source);

    Q_INVOKABLE void typePinDigit(int digit);
    Q_INVOKABLE void erasePinDigit();
    // Checks the PIN typed: unlocked() when it is right (or none is set),
    // else a message saying why not. The typed PIN is forgotten either way.
    Q_INVOKABLE void submitPin();
    // Forgets the typed PIN and its message.
    void resetPin();

    // Re-reads syncState() and the cabinet.
    void refresh();

signals:
    void changed();
    void pinChanged();
    void unlocked();

private:
    KioskServices& services_;
    SyncState state_;
    std::function<QString()> cabinetSource_;
    QString cabinetText_;
    bool pinSet_ = true;
    std::string pin_;
    QString pinMessage_;
};

}  // namespace veche::kiosk::ui
