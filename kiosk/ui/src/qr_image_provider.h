#pragma once

#include <QImage>
#include <QQuickImageProvider>

namespace veche::kiosk::ui {

// Serves "image://qr/<text>": a QR code of <text> (libqrencode, error
// correction M) with a four-module quiet zone, black on white, scaled to
// whole pixels per module to fit the requested size (8 px per module when no
// size is requested). A text that cannot be encoded gives a null image.
class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider();

    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

    // The same image, for use outside QML.
    static QImage render(const QString& text, int sidePixels);
};

}  // namespace veche::kiosk::ui
