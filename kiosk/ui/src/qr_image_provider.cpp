#include "qr_image_provider.h"

#include <qrencode.h>

#include <QPainter>

#include <algorithm>
#include <memory>

namespace veche::kiosk::ui {
namespace {

constexpr int kQuietZone = 4;
constexpr int kDefaultModulePixels = 8;

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrImageProvider::QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const int side = std::max(requestedSize.width(), requestedSize.height());
    QImage image = render(id, side);
    if (size != nullptr) {
        *size = image.size();
    }
    return image;
}

QImage QrImageProvider::render(const QString& text, int sidePixels) {
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        return {};
    }
    const int modules = code->width + 2 * kQuietZone;
    const int modulePixels =
        sidePixels > 0 ? std::max(1, sidePixels / modules) : kDefaultModulePixels;
    QImage image(modules * modulePixels, modules * modulePixels, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // Bit 0 of each byte: the module is dark.
            if ((code->data[y * code->width + x] & 1) != 0) {
                painter.fillRect((x + kQuietZone) * modulePixels, (y + kQuietZone) * modulePixels,
                                 modulePixels, modulePixels, Qt::black);
            }
        }
    }
    return image;
}

}  // namespace veche::kiosk::ui
