#pragma once

// Text of SMS messages: GSM 03.38 7-bit alphabet, UCS-2 (UTF-16BE), and how
// many parts a text needs (TS 23.038 / 23.040).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veche::modem {

// How the user data of an SMS is coded (the alphabet bits of TP-DCS).
// planSms() only ever chooses Gsm7 or Ucs2; EightBit appears in decoded PDUs.
enum class SmsEncoding { Gsm7, EightBit, Ucs2 };

// Septets in a single GSM-7 SMS, and per part of a concatenated one (8-bit-ref UDH).
inline constexpr int kGsm7SingleUnits = 160;
inline constexpr int kGsm7PartUnits = 153;
// UTF-16 code units in a single UCS-2 SMS, and per part of a concatenated one.
inline constexpr int kUcs2SingleUnits = 70;
inline constexpr int kUcs2PartUnits = 67;

struct SmsPlan {
    SmsEncoding encoding = SmsEncoding::Gsm7;
    int units = 0;  // GSM-7: septets (extension characters count 2); UCS-2: UTF-16 code units
    int parts = 1;  // an empty text still takes one SMS
};

// Chooses the encoding for a UTF-8 text and counts its parts.
//
// Gsm7 when every character is in the GSM 03.38 default alphabet or its
// extension table (|^{}[]~\ € and form feed cost 2 septets), else Ucs2.
// A text that fits a single SMS (160 septets / 70 code units) takes one part;
// otherwise parts of 153 septets / 67 code units, never splitting an escape
// pair or a surrogate pair (so parts can exceed ceil(units / per-part) by one
// when such a pair straddles a boundary). Throws std::invalid_argument on
// invalid UTF-8.
SmsPlan planSms(std::string_view utf8);

// Splits a UTF-8 text into the texts of its parts, exactly as planSms() counts
// them (one element, possibly empty, when it fits a single SMS). Throws
// std::invalid_argument on invalid UTF-8.
std::vector<std::string> splitSms(std::string_view utf8);

// Decodes UTF-8 into code points. Throws std::invalid_argument on malformed,
// overlong or truncated sequences, surrogates and code points above U+10FFFF.
std::u32string utf8ToCodePoints(std::string_view utf8);

// Encodes code points as UTF-8. Throws std::invalid_argument for surrogates
// and values above U+10FFFF.
std::string codePointsToUtf8(std::u32string_view text);

// The GSM 03.38 septets (0..127) for a text, extension characters as 0x1B
// followed by their code; std::nullopt when some character is not in the
// default alphabet or its extension table.
std::optional<std::vector<std::uint8_t>> toGsm7Septets(std::u32string_view text);

// Code points for GSM 03.38 septets. An escape followed by a code that is not
// in the extension table yields the default-alphabet character for that code;
// a trailing escape yields a space. Septet values above 127 throw
// std::invalid_argument.
std::u32string fromGsm7Septets(std::span<const std::uint8_t> septets);

// Packs septets (values 0..127) into octets, LSB first (TS 23.038 §6.1.2.1).
// fillBits (0..6) zero bits precede the first septet, as after a UDH.
std::vector<std::uint8_t> packSeptets(std::span<const std::uint8_t> septets, int fillBits = 0);

// Unpacks `count` septets from octets packed by packSeptets() with the same
// fillBits. Throws std::invalid_argument when the octets are too few.
std::vector<std::uint8_t> unpackSeptets(std::span<const std::uint8_t> octets, std::size_t count,
                                        int fillBits = 0);

// UTF-8 to UCS-2 big-endian octets (UTF-16BE: characters beyond the BMP become
// surrogate pairs). Throws std::invalid_argument on invalid UTF-8.
std::vector<std::uint8_t> utf8ToUcs2Be(std::string_view utf8);

// UCS-2 / UTF-16 big-endian octets to UTF-8. Unpaired surrogates become
// U+FFFD. Throws std::invalid_argument on an odd number of octets.
std::string ucs2BeToUtf8(std::span<const std::uint8_t> octets);

// Upper-case hex of octets ("0A1B").
std::string toHex(std::span<const std::uint8_t> octets);

// Octets from hex (either case). Throws std::invalid_argument on an odd
// length or a non-hex character.
std::vector<std::uint8_t> fromHex(std::string_view hex);

}  // namespace veche::modem
