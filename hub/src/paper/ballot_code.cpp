#include "veche/hub/paper/ballot_code.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace veche::hub::paper {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kBase = 32;
constexpr std::string_view kQrPrefix = "veche://ballot/?";

using Digest = std::array<unsigned char, 32>;

// The standard Russian ЙЦУКЕН layout, key by key: the letter each key types
// (UTF-8, two bytes each), unshifted then shifted, and the US character on
// the same key.
constexpr std::string_view kRussianLetters =
    "ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ";
constexpr std::string_view kUsForLetters =
    "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>";
static_assert(kRussianLetters.size() == 2 * kUsForLetters.size());
// Punctuation the layout moves to other keys (Shift+2 types ", Shift+7 ?, the
// / key . and Shift+/ ,), and the US character on that key.
constexpr std::string_view kRussianPunctuation = "\";:?.,/";
constexpr std::string_view kUsForPunctuation = "@$^&/?|";
constexpr std::string_view kNumero = "№";  // Shift+3

// The index of the Russian letter `text` starts with in kUsForLetters, or npos.
std::size_t russianLetter(std::string_view text) {
    if (text.size() < 2) {
        return std::string_view::npos;
    }
    for (std::size_t i = 0; i < kUsForLetters.size(); ++i) {
        if (text.substr(0, 2) == kRussianLetters.substr(2 * i, 2)) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool typedUnderRussianLayout(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (russianLetter(text.substr(pos)) != std::string_view::npos ||
            text.substr(pos, kNumero.size()) == kNumero) {
            return true;
        }
    }
    return false;
}

// `text` typed under the Russian layout, as the US layout types the same keys.
std::string onUsKeys(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        if (text.substr(pos, kNumero.size()) == kNumero) {
            out += '#';
            pos += kNumero.size();
        } else if (const std::size_t letter = russianLetter(text.substr(pos));
                   letter != std::string_view::npos) {
            out += kUsForLetters[letter];
            pos += 2;
        } else {
            const std::size_t mark = kRussianPunctuation.find(text[pos]);
            out += mark == std::string_view::npos ? text[pos] : kUsForPunctuation[mark];
            ++pos;
        }
    }
    return out;
}

// The key that types `c`, as its unshifted US character, for the keys whose
// shift Caps Lock inverts: letters, and under the Russian layout the keys
// that carry Russian letters in place of ` [ ] ; ' , .
char keyOf(char c) {
    constexpr std::string_view kShifted = "~{}:\"<>";
    constexpr std::string_view kUnshifted = "`[];',.";
    const std::size_t i = kShifted.find(c);
    return i != std::string_view::npos
               ? kUnshifted[i]
               : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Whether `a` and `b` were typed with the same keys, Shift or Caps Lock aside.
bool sameKeys(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return keyOf(x) == keyOf(y); });
}

int valueOf(char symbol) {
    return static_cast<int>(kAlphabet.find(symbol));
}

// The Luhn mod 32 check symbol of `symbols`.
char luhnSymbol(std::string_view symbols) {
    int factor = 2, sum = 0;
    for (auto it = symbols.rbegin(); it != symbols.rend(); ++it) {
        int addend = factor * valueOf(*it);
        factor = factor == 2 ? 1 : 2;
        sum += addend / kBase + addend % kBase;
    }
    return kAlphabet[static_cast<std::size_t>((kBase - sum % kBase) % kBase)];
}

// The first `count` 5-bit groups of `digest` as symbols.
std::string symbolsOf(const Digest& digest, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        int value = 0;
        for (std::size_t bit = i * 5; bit < i * 5 + 5; ++bit) {
            value = value * 2 + ((digest[bit / 8] >> (7 - bit % 8)) & 1);
        }
        out += kAlphabet[static_cast<std::size_t>(value)];
    }
    return out;
}

std::string withLuhn(std::string symbols) {
    symbols += luhnSymbol(symbols);
    return symbols;
}

// The value of `key` in a query string "a=1&b=2"; nullopt when absent. The key
// may arrive in upper case (Caps Lock).
std::optional<std::string> queryValue(std::string_view query, std::string_view key) {
    std::size_t pos = 0;
    while (pos <= query.size()) {
        const std::size_t end = std::min(query.find('&', pos), query.size());
        const std::string_view pair = query.substr(pos, end - pos);
        if (pair.size() > key.size() && sameKeys(pair.substr(0, key.size()), key) &&
            pair[key.size()] == '=') {
            return std::string(pair.substr(key.size() + 1));
        }
        pos = end + 1;
    }
    return std::nullopt;
}

Parsed failure(std::string field, std::string message) {
    return {std::nullopt, CodeError{std::move(field), std::move(message)}};
}

// Checks the id and check value (already split) and gives the code.
Parsed codeOf(std::string assembly, std::string_view id, std::string_view check) {
    const auto normId = normalise(id);
    if (!normId || normId->size() != kIdLength) {
        return failure("ballot_id", "the ballot id must be " + std::to_string(kIdLength) +
                                        " letters and digits (as printed under the QR code)");
    }
    if (!luhnValid(*normId)) {
        return failure("ballot_id", "the ballot id " + printedId(*normId) +
                                        " is mistyped: its last symbol does not match");
    }
    const auto normCheck = normalise(check);
    if (!normCheck || normCheck->size() != kCheckLength) {
        return failure("check", "the check value must be " + std::to_string(kCheckLength) +
                                    " letters and digits");
    }
    if (!luhnValid(*normCheck)) {
        return failure("check", "the check value " + *normCheck +
                                    " is mistyped: its last symbol does not match");
    }
    return {BallotCode{std::move(assembly), *normId, *normCheck}, std::nullopt};
}

Parsed parseQr(std::string_view text) {
    const std::string_view query = text.substr(kQrPrefix.size());
    const auto a = queryValue(query, "a");
    const auto b = queryValue(query, "b");
    const auto c = queryValue(query, "c");
    if (!a || a->empty()) {
        return failure("assembly", "the QR text names no assembly (a=)");
    }
    if (!b) {
        return failure("ballot_id", "the QR text has no ballot id (b=)");
    }
    if (!c) {
        return failure("check", "the QR text has no check value (c=)");
    }
    return codeOf(*a, *b, *c);
}

}  // namespace

std::optional<std::string> normalise(std::string_view text) {
    std::string out;
    for (char raw : text) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
        if (c == ' ' || c == '-') {
            continue;
        }
        const char mapped = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
        if (kAlphabet.find(mapped) == std::string_view::npos) {
            return std::nullopt;
        }
        out += mapped;
    }
    return out;
}

bool luhnValid(std::string_view symbols) {
    return !symbols.empty() && luhnSymbol(symbols.substr(0, symbols.size() - 1)) == symbols.back();
}

std::string ballotIdOf(std::string_view assemblyId, std::string_view voterId) {
    std::string input = "veche-ballot\n";
    input.append(assemblyId).append("\n").append(voterId);
    Digest digest{};
    SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest.data());
    return withLuhn(symbolsOf(digest, kIdLength - 1));
}

std::string checkOf(std::string_view secret, std::string_view assemblyId,
                    std::string_view ballotId) {
    std::string input = "veche-ballot-check\n";
    input.append(assemblyId).append("\n").append(ballotId);
    Digest digest{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest.data(),
         &length);
    return withLuhn(symbolsOf(digest, kCheckLength - 1));
}

std::string qrTextOf(const BallotCode& code) {
    return std::string(kQrPrefix) + "a=" + code.assemblyId + "&b=" + code.ballotId +
           "&c=" + code.check;
}

std::string printedId(std::string_view ballotId) {
    return std::string(ballotId.substr(0, 4)) + "-" + std::string(ballotId.substr(4));
}

std::string typedFormOf(const BallotCode& code) {
    return printedId(code.ballotId) + "-" + code.check;
}

Parsed parseCode(std::string_view raw) {
    while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) {
        raw.remove_suffix(1);
    }
    while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front()))) {
        raw.remove_prefix(1);
    }
    const bool russian = typedUnderRussianLayout(raw);
    const std::string text = russian ? onUsKeys(raw) : std::string(raw);
    if (sameKeys(std::string_view(text).substr(0, kQrPrefix.size()), kQrPrefix)) {
        return parseQr(text);
    }
    const auto symbols = normalise(text);
    if (!symbols || symbols->size() != kIdLength + kCheckLength) {
        return failure(
            "code",
            "give the scanned QR text or the ballot id and check value as printed, "
            "e.g. B7K2-M9QX-4F7A9Z" +
                (russian ? "; read under the Russian keyboard layout as " + text : std::string()));
    }
    return codeOf("", symbols->substr(0, kIdLength), symbols->substr(kIdLength));
}

bool sameAssembly(std::string_view fromCode, std::string_view expected) {
    return fromCode.size() == expected.size() &&
           std::equal(fromCode.begin(), fromCode.end(), expected.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool verify(std::string_view secret, std::string_view assemblyId, const BallotCode& code) {
    const std::string expected = checkOf(secret, assemblyId, code.ballotId);
    return expected.size() == code.check.size() &&
           CRYPTO_memcmp(expected.data(), code.check.data(), expected.size()) == 0;
}

}  // namespace veche::hub::paper
