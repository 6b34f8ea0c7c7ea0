#include "cabinet_bridge.h"

#include <QMetaObject>
#include <QStringList>

namespace veche::kiosk::ui {

QString cabinetSummary(const hardware::CabinetStatus& status) {
    using hardware::Signal;
    QStringList parts;
    const auto& v = status.values;
    if (v.contains(Signal::Temperature)) {
        parts << QString::number(v.at(Signal::Temperature), 'f', 1).replace('.', ',') + " °C";
    }
    if (v.contains(Signal::Mains)) {
        QString power = v.at(Signal::Mains) != 0.0 ? QStringLiteral("питание от сети")
                                                   : QStringLiteral("питание от аккумулятора");
        if (v.contains(Signal::BatteryLevel)) {
            power += QStringLiteral(", заряд %1 %").arg(qRound(v.at(Signal::BatteryLevel)));
        }
        parts << power;
    }
    QStringList silent;
    for (const auto& device : status.devices) {
        if (!device.online) {
            silent << QString::fromStdString(device.name);
        }
    }
    parts << (silent.isEmpty() ? QStringLiteral("модули отвечают")
                               : QStringLiteral("не отвечают: ") + silent.join(", "));
    if (status.locked) {
        parts << QStringLiteral("корпус или дверца открыты");
    }
    return parts.join("; ");
}

CabinetBridge::CabinetBridge(hardware::CabinetMonitor& monitor, QObject* parent)
    : QObject(parent), monitor_(monitor) {
    monitor_.setListener(this);
}

CabinetBridge::~CabinetBridge() {
    monitor_.setListener(nullptr);
}

void CabinetBridge::noteActivity() {
    if (sinceActivityNoted_.isValid() && sinceActivityNoted_.elapsed() < 1000) {
        return;
    }
    sinceActivityNoted_.start();
    monitor_.noteActivity();
}

void CabinetBridge::onWake() {
    QMetaObject::invokeMethod(
        this, [this] { emit woke(); }, Qt::QueuedConnection);
}

void CabinetBridge::onStatus(const hardware::CabinetStatus& status) {
    const bool locked = status.locked;
    QMetaObject::invokeMethod(
        this, [this, locked] { emit lockedChanged(locked); }, Qt::QueuedConnection);
}

void CabinetBridge::onShutdown(const std::string& reason) {
    const auto text = QString::fromStdString(reason);
    QMetaObject::invokeMethod(
        this, [this, text] { emit shutdownRequested(text); }, Qt::QueuedConnection);
}

}  // namespace veche::kiosk::ui
