#include "veche/signing/receipt.h"

#include <algorithm>
#include <cctype>

#include "veche/signing/ed25519.h"

namespace veche::signing {

std::string receiptOf(std::string_view ballotId) {
    std::string hex = sha256Hex(ballotId).substr(0, 8);
    std::transform(hex.begin(), hex.end(), hex.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return hex.substr(0, 4) + "-" + hex.substr(4);
}

}  // namespace veche::signing
