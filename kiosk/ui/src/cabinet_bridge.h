#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "veche/hardware/cabinet_monitor.h"

namespace veche::kiosk::ui {

// The cabinet for the staff screen: «3,5 °C; питание от сети, заряд 95 %;
// модули отвечают» (or which do not; or that it is open).
QString cabinetSummary(const hardware::CabinetStatus& status);

// Carries the cabinet monitor's news from its bus threads to the GUI thread
// (as queued signals) and the residents' touches back to it, at most once a
// second. Attaches itself to the monitor on construction and detaches on
// destruction; lives on the GUI thread.
class CabinetBridge : public QObject, public hardware::CabinetListener {
    Q_OBJECT

public:
    CabinetBridge(hardware::CabinetMonitor& monitor, QObject* parent = nullptr);
    ~CabinetBridge() override;

    // A touch, click or key: keeps the backlight on.
    void noteActivity();

    void onWake() override;
    void onStatus(const hardware::CabinetStatus& status) override;
    void onShutdown(const std::string& reason) override;

signals:
    void woke();
    void lockedChanged(bool locked);
    void shutdownRequested(const QString& reason);

private:
    hardware::CabinetMonitor& monitor_;
    QElapsedTimer sinceActivityNoted_;
};

}  // namespace veche::kiosk::ui
