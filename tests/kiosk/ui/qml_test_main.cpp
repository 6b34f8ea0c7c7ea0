// Qt Quick Test harness: each tst_*.qml gets its own engine with a fresh
// fake backend, a KioskController on it (context property kioskController)
// and a TestProbe to inspect the fake (context property probe).
#include <QtQuickTest/quicktest.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>

#include "qr_image_provider.h"
#include "test_probe.h"

Q_IMPORT_QML_PLUGIN(Veche_KioskPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        // The module's QML files live under qrc:/Veche/Kiosk (Qt 6.4).
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->addImageProvider(QStringLiteral("qr"), new veche::kiosk::ui::QrImageProvider);
        auto* probe = new veche::kiosk::ui::test::TestProbe(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("probe"), probe);
        engine->rootContext()->setContextProperty(QStringLiteral("kioskController"),
                                                  probe->controller());
    }
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_ui_qml, Setup)

#include "qml_test_main.moc"
