#include "veche/provisioning/qr.h"

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>
#include <qrencode.h>

#include <memory>
#include <sstream>
#include <stdexcept>

namespace veche::provisioning {
namespace {

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// Dark at (x, y) counting the quiet zone, which is light.
bool darkWithMargin(const QrMatrix& qr, int x, int y) {
    x -= kQrQuietZone;
    y -= kQrQuietZone;
    return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.at(x, y);
}

void putBigEndian(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
    }
}

// A PNG chunk: length, type, data, CRC-32 of type and data.
void putChunk(std::string& out, const std::string& type, const std::string& data) {
    putBigEndian(out, static_cast<std::uint32_t>(data.size()));
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(type + data);
    out += type + data;
    putBigEndian(out, crc.checksum());
}

}  // namespace

QrMatrix encodeQr(const std::string& text) {
    std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code) {
        throw std::invalid_argument("the text does not fit in a QR code (" +
                                    std::to_string(text.size()) + " bytes)");
    }
    QrMatrix qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<std::size_t>(qr.size * qr.size));
    for (std::size_t i = 0; i < qr.dark.size(); ++i) {
        qr.dark[i] = (code->data[i] & 1) != 0;  // bit 0: the module is dark
    }
    return qr;
}

std::string terminalQr(const QrMatrix& qr) {
    const int side = qr.size + 2 * kQrQuietZone;
    std::string out;
    for (int y = 0; y < side; y += 2) {
        out += "\x1b[30;47m";  // black on white
        for (int x = 0; x < side; ++x) {
            const bool top = darkWithMargin(qr, x, y);
            const bool bottom = y + 1 < side && darkWithMargin(qr, x, y + 1);
            out += top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ");
        }
        out += "\x1b[0m\n";
    }
    return out;
}

std::string pngOf(const QrMatrix& qr, int modulePixels) {
    if (modulePixels < 1 || modulePixels > 64) {
        throw std::invalid_argument("a QR module is 1 to 64 pixels, not " +
                                    std::to_string(modulePixels));
    }
    const int pixels = (qr.size + 2 * kQrQuietZone) * modulePixels;
    std::ostringstream compressed;
    {
        Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB);
        std::string row(static_cast<std::size_t>(pixels) + 1, '\0');  // filter 0, then pixels
        for (int y = 0; y < pixels; ++y) {
            for (int x = 0; x < pixels; ++x) {
                const bool dark = darkWithMargin(qr, x / modulePixels, y / modulePixels);
                row[static_cast<std::size_t>(x) + 1] = dark ? '\x00' : '\xFF';
            }
            deflate.write(row.data(), static_cast<std::streamsize>(row.size()));
        }
        deflate.close();
    }
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    putBigEndian(header, static_cast<std::uint32_t>(pixels));
    putBigEndian(header, static_cast<std::uint32_t>(pixels));
    header += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit greyscale, deflate, no interlace
    putChunk(png, "IHDR", header);
    putChunk(png, "IDAT", compressed.str());
    putChunk(png, "IEND", "");
    return png;
}

}  // namespace veche::provisioning
