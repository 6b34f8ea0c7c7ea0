#include "veche/modem/sms_text.h"

#include <array>
#include <stdexcept>

namespace veche::modem {
namespace {

constexpr std::uint8_t kEscape = 0x1B;

// GSM 03.38 default alphabet, indexed by septet.
constexpr std::array<char32_t, 128> kDefaultAlphabet = {
    U'@', U'£', U'$', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç',  U'\n', U'Ø', U'ø',    U'\r', U'Å',
    U'å', U'Δ', U'_', U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ',  U'Θ',  U'Ξ', U'\x1B', U'Æ',  U'æ',
    U'ß', U'É', U' ', U'!', U'"', U'#', U'¤', U'%', U'&', U'\'', U'(',  U')', U'*',    U'+',  U',',
    U'-', U'.', U'/', U'0', U'1', U'2', U'3', U'4', U'5', U'6',  U'7',  U'8', U'9',    U':',  U';',
    U'<', U'=', U'>', U'?', U'¡', U'A', U'B', U'C', U'D', U'E',  U'F',  U'G', U'H',    U'I',  U'J',
    U'K', U'L', U'M', U'N', U'O', U'P', U'Q', U'R', U'S', U'T',  U'U',  U'V', U'W',    U'X',  U'Y',
    U'Z', U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'a', U'b', U'c',  U'd',  U'e', U'f',    U'g',  U'h',
    U'i', U'j', U'k', U'l', U'm', U'n', U'o', U'p', U'q', U'r',  U's',  U't', U'u',    U'v',  U'w',
    U'x', U'y', U'z', U'ä', U'ö', U'ñ', U'ü', U'à',
};

struct Extension {
    std::uint8_t code;
    char32_t character;
};

// GSM 03.38 extension table: characters written as ESC + code.
constexpr std::array<Extension, 10> kExtensions = {{
    {0x0A, U'\f'},
    {0x14, U'^'},
    {0x28, U'{'},
    {0x29, U'}'},
    {0x2F, U'\\'},
    {0x3C, U'['},
    {0x3D, U'~'},
    {0x3E, U']'},
    {0x40, U'|'},
    {0x65, U'€'},
}};

std::optional<std::uint8_t> defaultSeptet(char32_t c) {
    if (c == U'\x1B') {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < kDefaultAlphabet.size(); ++i) {
        if (kDefaultAlphabet[i] == c) {
            return static_cast<std::uint8_t>(i);
        }
    }
    return std::nullopt;
}

std::optional<std::uint8_t> extensionSeptet(char32_t c) {
    for (const auto& e : kExtensions) {
        if (e.character == c) {
            return e.code;
        }
    }
    return std::nullopt;
}

std::optional<char32_t> extensionCharacter(std::uint8_t code) {
    for (const auto& e : kExtensions) {
        if (e.code == code) {
            return e.character;
        }
    }
    return std::nullopt;
}

[[noreturn]] void badUtf8(std::size_t offset, const char* what) {
    throw std::invalid_argument("invalid UTF-8 at byte " + std::to_string(offset) + ": " + what);
}

// Length of the UTF-8 sequence that starts with `lead`, 0 if `lead` cannot start one.
int sequenceLength(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

char32_t decodeOne(std::string_view utf8, std::size_t& pos) {
    const std::size_t start = pos;
    const auto lead = static_cast<unsigned char>(utf8[pos]);
    const int length = sequenceLength(lead);
    if (length == 0) {
        badUtf8(start, "invalid lead byte");
    }
    if (start + static_cast<std::size_t>(length) > utf8.size()) {
        badUtf8(start, "truncated sequence");
    }
    if (length == 1) {
        ++pos;
        return lead;
    }
    char32_t c = lead & (0x7Fu >> length);
    for (int i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(utf8[start + static_cast<std::size_t>(i)]);
        if ((next & 0xC0) != 0x80) {
            badUtf8(start, "missing continuation byte");
        }
        c = (c << 6) | (next & 0x3Fu);
    }
    constexpr std::array<char32_t, 5> kMinimum = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMinimum[static_cast<std::size_t>(length)]) {
        badUtf8(start, "overlong sequence");
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        badUtf8(start, "code point out of range");
    }
    pos = start + static_cast<std::size_t>(length);
    return c;
}

// Cost of one character in units of the given encoding.
int unitsOf(char32_t c, SmsEncoding encoding) {
    if (encoding == SmsEncoding::Gsm7) {
        return defaultSeptet(c) ? 1 : 2;
    }
    return c > 0xFFFF ? 2 : 1;
}

bool fitsGsm7(std::u32string_view text) {
    for (char32_t c : text) {
        if (!defaultSeptet(c) && !extensionSeptet(c)) {
            return false;
        }
    }
    return true;
}

// Splits text into parts of at most `perPart` units, never splitting a character.
std::vector<std::u32string> splitUnits(std::u32string_view text, SmsEncoding encoding,
                                       int perPart) {
    std::vector<std::u32string> parts(1);
    int used = 0;
    for (char32_t c : text) {
        const int cost = unitsOf(c, encoding);
        if (used + cost > perPart) {
            parts.emplace_back();
            used = 0;
        }
        parts.back().push_back(c);
        used += cost;
    }
    return parts;
}

struct Layout {
    SmsEncoding encoding;
    int units;
    std::vector<std::u32string> parts;
};

Layout layout(std::string_view utf8) {
    const std::u32string text = utf8ToCodePoints(utf8);
    const SmsEncoding encoding = fitsGsm7(text) ? SmsEncoding::Gsm7 : SmsEncoding::Ucs2;
    int units = 0;
    for (char32_t c : text) {
        units += unitsOf(c, encoding);
    }
    const bool gsm = encoding == SmsEncoding::Gsm7;
    if (units <= (gsm ? kGsm7SingleUnits : kUcs2SingleUnits)) {
        return {encoding, units, {text}};
    }
    return {encoding, units, splitUnits(text, encoding, gsm ? kGsm7PartUnits : kUcs2PartUnits)};
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

SmsPlan planSms(std::string_view utf8) {
    const Layout l = layout(utf8);
    return {l.encoding, l.units, static_cast<int>(l.parts.size())};
}

std::vector<std::string> splitSms(std::string_view utf8) {
    std::vector<std::string> result;
    for (const auto& part : layout(utf8).parts) {
        result.push_back(codePointsToUtf8(part));
    }
    return result;
}

std::u32string utf8ToCodePoints(std::string_view utf8) {
    std::u32string result;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        result.push_back(decodeOne(utf8, pos));
    }
    return result;
}

std::string codePointsToUtf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            throw std::invalid_argument("cannot encode code point " + std::to_string(c) +
                                        " as UTF-8");
        }
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> toGsm7Septets(std::u32string_view text) {
    std::vector<std::uint8_t> septets;
    for (char32_t c : text) {
        if (auto basic = defaultSeptet(c)) {
            septets.push_back(*basic);
        } else if (auto ext = extensionSeptet(c)) {
            septets.push_back(kEscape);
            septets.push_back(*ext);
        } else {
            return std::nullopt;
        }
    }
    return septets;
}

std::u32string fromGsm7Septets(std::span<const std::uint8_t> septets) {
    std::u32string text;
    for (std::size_t i = 0; i < septets.size(); ++i) {
        if (septets[i] > 0x7F) {
            throw std::invalid_argument("GSM-7 septet out of range: " + std::to_string(septets[i]));
        }
        if (septets[i] != kEscape) {
            text.push_back(kDefaultAlphabet[septets[i]]);
            continue;
        }
        if (i + 1 == septets.size()) {
            text.push_back(U' ');
            break;
        }
        const std::uint8_t code = septets[++i] & 0x7F;
        text.push_back(extensionCharacter(code).value_or(kDefaultAlphabet[code]));
    }
    return text;
}

std::vector<std::uint8_t> packSeptets(std::span<const std::uint8_t> septets, int fillBits) {
    const std::size_t bits = static_cast<std::size_t>(fillBits) + septets.size() * 7;
    std::vector<std::uint8_t> out((bits + 7) / 8, 0);
    std::size_t bit = static_cast<std::size_t>(fillBits);
    for (std::uint8_t s : septets) {
        const unsigned value = s & 0x7Fu;
        const std::size_t shift = bit % 8;
        out[bit / 8] = static_cast<std::uint8_t>(out[bit / 8] | ((value << shift) & 0xFF));
        if (shift > 1) {
            out[bit / 8 + 1] = static_cast<std::uint8_t>(value >> (8 - shift));
        }
        bit += 7;
    }
    return out;
}

std::vector<std::uint8_t> unpackSeptets(std::span<const std::uint8_t> octets, std::size_t count,
                                        int fillBits) {
    const std::size_t bits = static_cast<std::size_t>(fillBits) + count * 7;
    if ((bits + 7) / 8 > octets.size()) {
        throw std::invalid_argument("packed GSM-7 data too short: " + std::to_string(count) +
                                    " septets need " + std::to_string((bits + 7) / 8) +
                                    " octets, got " + std::to_string(octets.size()));
    }
    std::vector<std::uint8_t> septets;
    septets.reserve(count);
    std::size_t bit = static_cast<std::size_t>(fillBits);
    for (std::size_t i = 0; i < count; ++i, bit += 7) {
        const std::size_t shift = bit % 8;
        unsigned value = static_cast<unsigned>(octets[bit / 8]) >> shift;
        if (shift > 1) {
            value |= static_cast<unsigned>(octets[bit / 8 + 1]) << (8 - shift);
        }
        septets.push_back(static_cast<std::uint8_t>(value & 0x7F));
    }
    return septets;
}

std::vector<std::uint8_t> utf8ToUcs2Be(std::string_view utf8) {
    std::vector<std::uint8_t> out;
    auto put = [&out](char32_t unit) {
        out.push_back(static_cast<std::uint8_t>(unit >> 8));
        out.push_back(static_cast<std::uint8_t>(unit & 0xFF));
    };
    for (char32_t c : utf8ToCodePoints(utf8)) {
        if (c > 0xFFFF) {
            const char32_t v = c - 0x10000;
            put(0xD800 + (v >> 10));
            put(0xDC00 + (v & 0x3FF));
        } else {
            put(c);
        }
    }
    return out;
}

std::string ucs2BeToUtf8(std::span<const std::uint8_t> octets) {
    if (octets.size() % 2 != 0) {
        throw std::invalid_argument("UCS-2 data has an odd number of octets: " +
                                    std::to_string(octets.size()));
    }
    std::u32string text;
    const std::size_t n = octets.size() / 2;
    auto unit = [&octets](std::size_t i) -> char32_t {
        return static_cast<char32_t>((octets[2 * i] << 8) | octets[2 * i + 1]);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && unit(i + 1) >= 0xDC00 &&
            unit(i + 1) <= 0xDFFF) {
            text.push_back(0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            text.push_back(0xFFFD);
        } else {
            text.push_back(u);
        }
    }
    return codePointsToUtf8(text);
}

std::string toHex(std::span<const std::uint8_t> octets) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(octets.size() * 2);
    for (std::uint8_t o : octets) {
        out.push_back(kDigits[o >> 4]);
        out.push_back(kDigits[o & 0x0F]);
    }
    return out;
}

std::vector<std::uint8_t> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        throw std::invalid_argument("hex string has an odd length: " + std::to_string(hex.size()));
    }
    std::vector<std::uint8_t> out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hexValue(hex[i]);
        const int lo = hexValue(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            throw std::invalid_argument("invalid hex character near offset " + std::to_string(i));
        }
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return out;
}

}  // namespace veche::modem
