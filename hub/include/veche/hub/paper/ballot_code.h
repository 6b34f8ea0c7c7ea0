#pragma once

// The identity of a personal paper ballot (решение собственника) and the
// check value that makes a forged or mistyped one refused (docs/paper-ballots.md).
//
// - The ballot id is derived from the assembly and the voter: 7 symbols of
//   SHA-256("veche-ballot", assembly, voter) and one Luhn mod 32 check symbol.
// - The check value is 5 symbols of HMAC-SHA256(hub secret, assembly, ballot
//   id) and one Luhn mod 32 check symbol.
// Symbols are Crockford's base 32 (0-9 and A-Z without I, L, O, U). Typed
// input is read leniently: case, spaces and hyphens are ignored, and O reads
// as 0, I and L as 1. The Luhn symbols catch every single mistyped character
// and most swaps of neighbours before the hub looks anything up.
//
// Pure functions: no clock, no storage.

#include <optional>
#include <string>
#include <string_view>

namespace veche::hub::paper {

inline constexpr std::size_t kIdLength = 8;     // with its check symbol
inline constexpr std::size_t kCheckLength = 6;  // with its check symbol

struct BallotCode {
    std::string assemblyId;  // empty when it came typed (the caller knows it)
    std::string ballotId;    // kIdLength symbols, normalised
    std::string check;       // kCheckLength symbols, normalised
};

// The ballot id of `voterId` in `assemblyId`.
std::string ballotIdOf(std::string_view assemblyId, std::string_view voterId);

// The check value of `ballotId` in `assemblyId` under the hub's `secret`.
std::string checkOf(std::string_view secret, std::string_view assemblyId,
                    std::string_view ballotId);

// "veche://ballot/?a=<assembly>&b=<ballot id>&c=<check>", for the QR code.
std::string qrTextOf(const BallotCode& code);

// "B7K2-M9QX-4F7A9Z": id in two groups of four, then the check value.
std::string typedFormOf(const BallotCode& code);
// "B7K2-M9QX"
std::string printedId(std::string_view ballotId);

// Why a code was refused; `field` names the part: "code" (unreadable),
// "assembly", "ballot_id" or "check".
struct CodeError {
    std::string field;
    std::string message;
};

// Reads a scanned QR text or a typed form (id and check, with or without
// hyphens and spaces). Checks the form and both Luhn symbols; it does not
// know whether such a ballot exists or whether the check value is the hub's:
// see verify().
//
// A keyboard-wedge scanner types the QR text as key presses, so the text may
// arrive as the active layout and Caps Lock make of them:
// - Russian ЙЦУКЕН layout: when `text` (UTF-8) holds any Russian letter or №,
//   every character is read as the US character on the same key: ф->a,
//   Ф->A, Ж->:, ю->., and the punctuation the layout moves: . -> /, , -> ?,
//   ? -> &, " -> @, ; -> $, : -> ^, / -> |, № -> #.
// - Caps Lock: letters arrive in the other case, and under the Russian layout
//   so do the keys of ` [ ] ; ' , . (the : of "veche://" arrives as ж). The
//   scheme and the keys a=, b=, c= are compared by key, ignoring case; the
//   assembly id is given as read: compare it with sameAssembly().
struct Parsed {
    std::optional<BallotCode> code;
    std::optional<CodeError> error;
};
Parsed parseCode(std::string_view text);

// Whether the assembly id read from a QR text names `expected`. Ids are
// case-sensitive, but Caps Lock inverts the case of a scanned one; the hub's
// ids ("a-" and lower-case hex) never differ in case alone, so case is ignored.
bool sameAssembly(std::string_view fromCode, std::string_view expected);

// Whether `code.check` is the hub's check value for its ballot id in
// `assemblyId`; compared in constant time.
bool verify(std::string_view secret, std::string_view assemblyId, const BallotCode& code);

// The symbol string normalised (upper case, O->0, I/L->1, no spaces or
// hyphens); nullopt when it holds anything else.
std::optional<std::string> normalise(std::string_view text);

// Whether the last symbol of `symbols` (normalised) is the Luhn mod 32 check
// of the ones before it.
bool luhnValid(std::string_view symbols);

}  // namespace veche::hub::paper
