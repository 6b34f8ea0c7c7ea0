#pragma once

#include <QString>

#include <string>

class QQuickWindow;

namespace veche::kiosk {
class KioskServices;
}

namespace veche::kiosk::ui {

class KioskController;

// Drives `controller` through every screen in both orientations and both
// themes and saves `window`'s picture of each as
// <dir>/<portrait|landscape>-<normal|contrast>-<screen>.png. Only reads the
// services. Returns the number of files that could not be written (0: all).
int saveScreenshotTour(QQuickWindow& window, KioskController& controller,
                       const KioskServices& services, const std::string& samplePhone,
                       const QString& dir);

}  // namespace veche::kiosk::ui
