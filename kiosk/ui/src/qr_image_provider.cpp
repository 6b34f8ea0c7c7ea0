#include "qr_image_provider.h"

#include <QPainter>

#include <algorithm>
#include <stdexcept>

#include "veche/provisioning/qr.h"

namespace veche::kiosk::ui {
namespace {

constexpr int kDefaultModulePixels = 8;

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
    provisioning::QrMatrix code;
    try {
        code = provisioning::encodeQr(text.toStdString());
    } catch (const std::invalid_argument&) {
        return {};
    }
    const int modules = code.size + 2 * provisioning::kQrQuietZone;
    const int modulePixels =
        sidePixels > 0 ? std::max(1, sidePixels / modules) : kDefaultModulePixels;
    QImage image(modules * modulePixels, modules * modulePixels, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (code.at(x, y)) {
                painter.fillRect((x + provisioning::kQrQuietZone) * modulePixels,
                                 (y + provisioning::kQrQuietZone) * modulePixels, modulePixels,
                                 modulePixels, Qt::black);
            }
        }
    }
    return image;
}

}  // namespace veche::kiosk::ui
