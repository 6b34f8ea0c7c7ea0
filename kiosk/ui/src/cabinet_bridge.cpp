#include "cabinet_bridge.h"

#include <QMetaObject>

namespace veche::kiosk::ui {

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
