#include "veche/kiosk/ui/kiosk_ui.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>
#include <QtQml/QQmlExtensionPlugin>

#include "cabinet_bridge.h"
#include "kiosk_controller.h"
#include "qr_image_provider.h"
#include "qt_speech_engine.h"
#include "screenshot_tour.h"

Q_IMPORT_QML_PLUGIN(Veche_KioskPlugin)

namespace veche::kiosk::ui {

struct KioskUi::Impl {
    Impl(KioskServices& backend, UiOptions opts, hardware::CabinetMonitor* cabinet,
         StaffTools tools)
        : services(backend),
          options(std::move(opts)),
          controller(backend, options.speechEngine == QLatin1String("none")
                                  ? nullptr
                                  : std::make_unique<QtSpeechEngine>(options.speechEngine)) {
        controller.inactivity()->setIdleMs(options.idleTimeoutMs);
        controller.inactivity()->setWarningMs(options.warningTimeoutMs);
        if (cabinet) {
            watchCabinet(*cabinet);
        }
        controller.staffEnrolment()->setReenrolment(tools.reenrolment);
        controller.staffPaper()->setPaperEntry(tools.paperEntry);
        // Staff read «Терминал подключён заново» before the kiosk restarts.
        QObject::connect(controller.staffEnrolment(), &StaffEnrolment::enrolledAgain, &controller,
                         [this] {
                             QTimer::singleShot(kRestartDelayMs, &controller,
                                                [] { QCoreApplication::exit(kEnrolledAgainExit); });
                         });
    }

    static constexpr int kRestartDelayMs = 3000;

    void watchCabinet(hardware::CabinetMonitor& cabinet) {
        bridge = std::make_unique<CabinetBridge>(cabinet);
        QObject::connect(bridge.get(), &CabinetBridge::woke, &controller, &KioskController::wake);
        QObject::connect(bridge.get(), &CabinetBridge::lockedChanged, &controller,
                         &KioskController::setLocked);
        QObject::connect(controller.inactivity(), &InactivityWatch::activity, bridge.get(),
                         &CabinetBridge::noteActivity);
        controller.staff()->setCabinetSource(
            [&cabinet] { return cabinetSummary(cabinet.status()); });
        QObject::connect(bridge.get(), &CabinetBridge::shutdownRequested, [](const QString& why) {
            qWarning("veche-kiosk: shutting down: %s", qUtf8Printable(why));
            QCoreApplication::exit(kBatteryShutdownExit);
        });
    }

    // Loads Main.qml once; null when it failed.
    QQuickWindow* window() {
        if (engine.rootObjects().isEmpty()) {
            // The module's QML-only types live under qrc:/Veche/Kiosk (Qt 6.4).
            engine.addImportPath(QStringLiteral("qrc:/"));
            engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider);
            engine.setInitialProperties(
                {{QStringLiteral("kiosk"), QVariant::fromValue(&controller)}});
            engine.load(QUrl(QStringLiteral("qrc:/Veche/Kiosk/qml/Main.qml")));
        }
        return engine.rootObjects().isEmpty()
                   ? nullptr
                   : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    }

    KioskServices& services;
    UiOptions options;
    KioskController controller;
    std::unique_ptr<CabinetBridge> bridge;  // detaches from the cabinet before the controller goes
    QQmlApplicationEngine engine;           // destroyed before the controller it shows
};

void KioskUi::prepareEnvironment() {
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE")) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }
}

KioskUi::KioskUi(KioskServices& services, UiOptions options, hardware::CabinetMonitor* cabinet,
                 StaffTools tools)
    : impl_(std::make_unique<Impl>(services, std::move(options), cabinet, tools)) {}

KioskUi::~KioskUi() = default;

bool KioskUi::show() {
    QQuickWindow* window = impl_->window();
    if (window == nullptr) {
        return false;
    }
    if (impl_->options.windowed) {
        window->resize(impl_->options.windowSize);
        window->show();
    } else {
        window->showFullScreen();
    }
    return true;
}

int KioskUi::saveScreenshots(const QString& dir) {
    QQuickWindow* window = impl_->window();
    if (window == nullptr) {
        return 1;
    }
    window->show();
    const int failures = saveScreenshotTour(*window, impl_->controller, impl_->services,
                                            impl_->options.samplePhone, dir);
    return failures == 0 ? 0 : 1;
}

}  // namespace veche::kiosk::ui
