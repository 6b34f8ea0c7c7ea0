#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The hidden staff screen: the state of the link to the hub. Residents never
// see any of this.
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

public:
    explicit StaffPanel(const KioskServices& services, QObject* parent = nullptr);

    QString kioskId() const;
    QString lastSuccessText() const;
    QString lastAttemptText() const;
    QString lastError() const;
    int pendingEvents() const { return static_cast<int>(state_.pendingEvents); }
    int rejectedEvents() const { return static_cast<int>(state_.rejectedEvents); }
    int queuedSms() const { return static_cast<int>(state_.queuedSms); }
    bool modemConnected() const { return state_.modemConnected; }

    // Re-reads syncState().
    void refresh();

signals:
    void changed();

private:
    const KioskServices& services_;
    SyncState state_;
};

}  // namespace veche::kiosk::ui
