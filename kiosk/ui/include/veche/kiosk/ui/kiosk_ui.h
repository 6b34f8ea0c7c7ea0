#pragma once

#include <QSize>
#include <QString>

#include <memory>
#include <string>

#include "veche/hardware/cabinet_monitor.h"
#include "veche/kiosk/paper_entry.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// What the staff screen offers besides the state of the kiosk; each must
// outlive the KioskUi.
struct StaffTools {
    KioskReenrolment* reenrolment = nullptr;  // «Подключить заново»
    KioskPaperEntry* paperEntry = nullptr;    // «Ввод бумажных бюллетеней»
};

struct UiOptions {
    // A window of `windowSize` instead of full screen (development).
    bool windowed = false;
    QSize windowSize{1080, 1920};
    // No input for idleTimeoutMs raises «Вы ещё здесь?»; warningTimeoutMs
    // more ends the visit.
    int idleTimeoutMs = 120'000;
    int warningTimeoutMs = 20'000;
    // QTextToSpeech engine: "speechd" on the kiosk, empty for Qt's default,
    // "none" for no speech. A missing engine or voice only disables speech.
    QString speechEngine = QStringLiteral("speechd");
    // saveScreenshots() shows the assemblies and polls of this phone (as if
    // verified); with none, or none open, it shows a marked sample.
    std::string samplePhone;
};

// The kiosk's screens: a QML engine, the root controller and the window.
//
// A main() does, in this order:
//     KioskUi::prepareEnvironment();          // before QGuiApplication
//     QGuiApplication app(argc, argv);
//     KioskUi ui(services, options, cabinet, tools); // all outlive ui
//     if (!ui.show()) return 1;               // or: return ui.saveScreenshots(dir);
//     return app.exec();
class KioskUi {
public:
    // Sets what must be set before QGuiApplication exists: QT_IM_MODULE =
    // qtvirtualkeyboard (the Russian on-screen keyboard), unless the caller
    // already set it.
    static void prepareEnvironment();

    // The event loop's exit code when the cabinet's battery runs low: main()
    // stops the backend (its writes are durable) and the service manager
    // powers the kiosk off (docs/hardware.md).
    static constexpr int kBatteryShutdownExit = 3;
    // The event loop's exit code a few seconds after staff enrolled the
    // kiosk again: main() builds the kiosk anew on its new identity.
    static constexpr int kEnrolledAgainExit = 4;

    // Needs a running QGuiApplication. Loads nothing yet. With a `cabinet`,
    // presence wakes the attract screen, an opened cabinet locks the screens,
    // touches keep the backlight on, and a low battery ends the event loop
    // with kBatteryShutdownExit. The staff screen offers the `tools` given.
    KioskUi(KioskServices& services, UiOptions options = {},
            hardware::CabinetMonitor* cabinet = nullptr, StaffTools tools = {});
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Loads the screens and shows them full screen (or windowed). False when
    // the QML could not be loaded (the errors are logged).
    bool show();

    // Walks every screen in portrait 1080×1920 and landscape 1920×1080, in
    // the normal and the high-contrast theme, and writes
    // <dir>/<portrait|landscape>-<normal|contrast>-<screen>.png. Never writes
    // to the services (no code is requested, no ballot cast). Meant for
    // QT_QPA_PLATFORM=offscreen. Returns 0 when every file was written, 1
    // otherwise: usable as main()'s exit code.
    int saveScreenshots(const QString& dir);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veche::kiosk::ui
