#pragma once

#include <string>
#include <vector>

namespace veche::provisioning {

// Light modules around a code, as the QR standard asks.
constexpr int kQrQuietZone = 4;

// A QR code's modules, row by row (libqrencode, error correction M, 8-bit).
struct QrMatrix {
    int size = 0;            // modules a side, without the quiet zone
    std::vector<bool> dark;  // size * size
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// The QR code of `text`. Throws std::invalid_argument when it does not fit.
QrMatrix encodeQr(const std::string& text);

// The code for a terminal: two module rows a line of Unicode half blocks,
// black on white by ANSI colours (so it scans on dark terminals too), with a
// quiet zone of four modules.
std::string terminalQr(const QrMatrix& qr);

// The code as a greyscale PNG file's bytes, `modulePixels` (1–64) a module,
// with a quiet zone of four modules.
std::string pngOf(const QrMatrix& qr, int modulePixels = 8);

}  // namespace veche::provisioning
