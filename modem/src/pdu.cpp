#include "veche/modem/pdu.h"

#include <ctime>
#include <stdexcept>

namespace veche::modem {
namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr std::uint8_t kMtiMask = 0x03;
constexpr std::uint8_t kMtiDeliver = 0x00;
constexpr std::uint8_t kMtiSubmit = 0x01;
constexpr std::uint8_t kMtiStatusReport = 0x02;
constexpr std::uint8_t kUdhi = 0x40;
constexpr std::uint8_t kSubmitSrr = 0x20;
constexpr std::uint8_t kMoreMessagesNo = 0x04;  // TP-MMS of DELIVER / STATUS-REPORT
constexpr std::uint8_t kVpfRelative = 0x10;
constexpr std::uint8_t kTonInternational = 0x91;
constexpr std::uint8_t kTonUnknown = 0x81;

[[noreturn]] void bad(const std::string& what) {
    throw std::invalid_argument("PDU: " + what);
}

// Sequential reader over the octets of a PDU; throws when data runs out.
class Reader {
public:
    explicit Reader(const Bytes& data) : data_(data) {}

    std::uint8_t u8() {
        need(1);
        return data_[pos_++];
    }

    Bytes take(std::size_t n) {
        need(n);
        Bytes out(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                  data_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
        pos_ += n;
        return out;
    }

    Bytes rest() { return take(data_.size() - pos_); }
    std::size_t position() const { return pos_; }

private:
    void need(std::size_t n) const {
        if (pos_ + n > data_.size()) {
            bad("truncated at octet " + std::to_string(pos_));
        }
    }

    const Bytes& data_;
    std::size_t pos_ = 0;
};

std::string decodeBcdDigits(const Bytes& octets, std::size_t digits) {
    static constexpr char kSemi[] = "0123456789*#abc";
    std::string out;
    for (std::size_t i = 0; i < digits; ++i) {
        const unsigned nibble = (i % 2 == 0) ? (octets[i / 2] & 0x0Fu) : (octets[i / 2] >> 4);
        if (nibble == 0x0F) {
            break;
        }
        out.push_back(kSemi[nibble]);
    }
    return out;
}

std::string decodeNumber(std::uint8_t toa, const Bytes& octets, std::size_t digits) {
    if ((toa & 0x70) == 0x50) {  // alphanumeric, GSM-7 packed
        const std::size_t septets = digits * 4 / 7;
        return codePointsToUtf8(fromGsm7Septets(unpackSeptets(octets, septets)));
    }
    const std::string number = decodeBcdDigits(octets, digits);
    return (toa & 0x70) == 0x10 ? "+" + number : number;
}

// TP-DA / TP-OA / TP-RA: digit count, type of address, BCD digits.
std::string readAddress(Reader& r) {
    const std::uint8_t digits = r.u8();
    const std::uint8_t toa = r.u8();
    return decodeNumber(toa, r.take((digits + 1u) / 2), digits);
}

// The SMSC address field: octet count (type included), type of address, BCD digits.
std::string readSca(Reader& r) {
    const std::uint8_t length = r.u8();
    if (length == 0) {
        return {};
    }
    const std::uint8_t toa = r.u8();
    return decodeNumber(toa, r.take(length - 1u), (length - 1u) * 2u);
}

struct Number {
    std::uint8_t toa;
    std::string digits;
};

Number parseNumber(std::string_view number) {
    Number n{kTonUnknown, {}};
    if (!number.empty() && number.front() == '+') {
        n.toa = kTonInternational;
        number.remove_prefix(1);
    }
    if (number.empty()) {
        bad("empty phone number");
    }
    for (char c : number) {
        if (c < '0' || c > '9') {
            bad("invalid character in phone number: '" + std::string(1, c) + "'");
        }
    }
    n.digits = std::string(number);
    return n;
}

Bytes bcd(const std::string& digits) {
    Bytes out((digits.size() + 1) / 2, 0xFF);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const auto d = static_cast<std::uint8_t>(digits[i] - '0');
        std::uint8_t& o = out[i / 2];
        o = (i % 2 == 0) ? static_cast<std::uint8_t>((o & 0xF0) | d)
                         : static_cast<std::uint8_t>((o & 0x0F) | (d << 4));
    }
    return out;
}

void appendAddress(Bytes& out, std::string_view number) {
    const Number n = parseNumber(number);
    out.push_back(static_cast<std::uint8_t>(n.digits.size()));
    out.push_back(n.toa);
    const Bytes digits = bcd(n.digits);
    out.insert(out.end(), digits.begin(), digits.end());
}

void appendSca(Bytes& out, std::string_view smsc) {
    if (smsc.empty()) {
        out.push_back(0);
        return;
    }
    const Number n = parseNumber(smsc);
    const Bytes digits = bcd(n.digits);
    out.push_back(static_cast<std::uint8_t>(digits.size() + 1));
    out.push_back(n.toa);
    out.insert(out.end(), digits.begin(), digits.end());
}

std::uint8_t swappedBcd(int value) {
    return static_cast<std::uint8_t>(((value % 10) << 4) | ((value / 10) % 10));
}

int unswappedBcd(std::uint8_t octet) {
    return (octet & 0x0F) * 10 + ((octet >> 4) & 0x0F);
}

// TP-SCTS: seven swapped-BCD octets, always written in UTC (time zone 0).
void appendTimestamp(Bytes& out, std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    for (int v : {tm.tm_year % 100, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec}) {
        out.push_back(swappedBcd(v));
    }
    out.push_back(0x00);
}

std::chrono::system_clock::time_point readTimestamp(Reader& r) {
    const Bytes o = r.take(7);
    std::tm tm{};
    tm.tm_year = unswappedBcd(o[0]) + 100;
    tm.tm_mon = unswappedBcd(o[1]) - 1;
    tm.tm_mday = unswappedBcd(o[2]);
    tm.tm_hour = unswappedBcd(o[3]);
    tm.tm_min = unswappedBcd(o[4]);
    tm.tm_sec = unswappedBcd(o[5]);
    // Time zone: quarters of an hour, swapped BCD, bit 3 of the first nibble is the sign.
    const int quarters = (o[6] & 0x07) * 10 + ((o[6] >> 4) & 0x0F);
    const int sign = (o[6] & 0x08) ? -1 : 1;
    const std::time_t utc = timegm(&tm) - sign * quarters * 15 * 60;
    return std::chrono::system_clock::from_time_t(utc);
}

SmsEncoding encodingOfDcs(std::uint8_t dcs) {
    if ((dcs & 0xC0) == 0x00) {  // general data coding
        if (dcs & 0x20) {
            bad("compressed user data is not supported (DCS " + std::to_string(dcs) + ")");
        }
        switch ((dcs >> 2) & 0x03) {
            case 1:
                return SmsEncoding::EightBit;
            case 2:
                return SmsEncoding::Ucs2;
            default:
                return SmsEncoding::Gsm7;
        }
    }
    if ((dcs & 0xF0) == 0xF0) {
        return (dcs & 0x04) ? SmsEncoding::EightBit : SmsEncoding::Gsm7;
    }
    if ((dcs & 0xF0) == 0xE0) {
        return SmsEncoding::Ucs2;
    }
    if ((dcs & 0xF0) == 0xC0 || (dcs & 0xF0) == 0xD0) {
        return SmsEncoding::Gsm7;
    }
    bad("unsupported DCS " + std::to_string(dcs));
}

std::optional<ConcatInfo> parseUdh(const Bytes& ud, std::size_t headerLength) {
    std::optional<ConcatInfo> concat;
    std::size_t i = 1;
    while (i + 1 < headerLength) {
        const std::uint8_t iei = ud[i];
        const std::size_t len = ud[i + 1];
        if (i + 2 + len > headerLength) {
            bad("user data header element overruns the header");
        }
        const std::uint8_t* v = &ud[i + 2];
        if (iei == 0x00 && len == 3) {
            concat = ConcatInfo{v[0], false, v[1], v[2]};
        } else if (iei == 0x08 && len == 4) {
            concat = ConcatInfo{(v[0] << 8) | v[1], true, v[2], v[3]};
        }
        i += 2 + len;
    }
    return concat;
}

struct UserData {
    std::optional<ConcatInfo> concat;
    std::string text;
};

UserData readUserData(Reader& r, bool hasHeader, SmsEncoding encoding) {
    const std::uint8_t udl = r.u8();
    const Bytes ud = r.rest();
    std::size_t headerOctets = 0;
    UserData result;
    if (hasHeader) {
        if (ud.empty() || static_cast<std::size_t>(ud[0]) + 1 > ud.size()) {
            bad("user data header is truncated");
        }
        headerOctets = ud[0] + 1u;
        result.concat = parseUdh(ud, headerOctets);
    }
    if (encoding == SmsEncoding::Gsm7) {
        const std::size_t headerSeptets = (headerOctets * 8 + 6) / 7;
        if (headerSeptets > udl) {
            bad("user data length is shorter than its header");
        }
        const int fill = static_cast<int>(headerSeptets * 7 - headerOctets * 8);
        const std::span<const std::uint8_t> body(ud.data() + headerOctets,
                                                 ud.size() - headerOctets);
        result.text =
            codePointsToUtf8(fromGsm7Septets(unpackSeptets(body, udl - headerSeptets, fill)));
        return result;
    }
    if (udl > ud.size() || headerOctets > udl) {
        bad("user data length " + std::to_string(udl) + " exceeds the data");
    }
    const std::span<const std::uint8_t> body(ud.data() + headerOctets, udl - headerOctets);
    if (encoding == SmsEncoding::Ucs2) {
        result.text = ucs2BeToUtf8(body);
    } else {
        result.text = codePointsToUtf8(std::u32string(body.begin(), body.end()));
    }
    return result;
}

void expectMti(std::uint8_t firstOctet, std::uint8_t mti, const char* name) {
    if ((firstOctet & kMtiMask) != mti) {
        bad(std::string("not an ") + name + " (first octet " + std::to_string(firstOctet) + ")");
    }
}

// One part's UDH (8-bit reference) and user data, appended as UDL + UD.
void appendUserData(Bytes& out, const std::string& partText, SmsEncoding encoding,
                    const Bytes& udh) {
    if (encoding == SmsEncoding::Gsm7) {
        const auto septets = toGsm7Septets(utf8ToCodePoints(partText));
        const std::size_t headerSeptets = (udh.size() * 8 + 6) / 7;
        const int fill = static_cast<int>(headerSeptets * 7 - udh.size() * 8);
        out.push_back(static_cast<std::uint8_t>(headerSeptets + septets->size()));
        out.insert(out.end(), udh.begin(), udh.end());
        const Bytes packed = packSeptets(*septets, fill);
        out.insert(out.end(), packed.begin(), packed.end());
        return;
    }
    const Bytes ucs2 = utf8ToUcs2Be(partText);
    out.push_back(static_cast<std::uint8_t>(udh.size() + ucs2.size()));
    out.insert(out.end(), udh.begin(), udh.end());
    out.insert(out.end(), ucs2.begin(), ucs2.end());
}

Bytes concatHeader(int reference, std::size_t total, std::size_t sequence) {
    if (total <= 1) {
        return {};
    }
    if (total > 255) {
        bad("a message of " + std::to_string(total) + " parts is too long");
    }
    return {0x05,
            0x00,
            0x03,
            static_cast<std::uint8_t>(reference & 0xFF),
            static_cast<std::uint8_t>(total),
            static_cast<std::uint8_t>(sequence)};
}

PduHex finish(const Bytes& pdu, std::size_t scaOctets) {
    return {toHex(pdu), static_cast<int>(pdu.size() - scaOctets)};
}

std::uint8_t dcsFor(SmsEncoding encoding) {
    return encoding == SmsEncoding::Ucs2 ? 0x08 : 0x00;
}

// Builds one PDU per part; `header` appends the octets between the SCA and
// TP-PID/TP-DCS for a part (first octet, MR, address).
template <typename Header, typename AfterDcs>
std::vector<PduHex> encodeParts(std::string_view utf8Text, const EncodeOptions& options,
                                Header header, AfterDcs afterDcs) {
    const SmsPlan plan = planSms(utf8Text);
    const std::vector<std::string> parts = splitSms(utf8Text);
    std::vector<PduHex> result;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Bytes udh = concatHeader(options.concatReference, parts.size(), i + 1);
        Bytes pdu;
        appendSca(pdu, options.smsc);
        const std::size_t scaOctets = pdu.size();
        header(pdu, !udh.empty());
        pdu.push_back(0x00);  // TP-PID
        pdu.push_back(dcsFor(plan.encoding));
        afterDcs(pdu);
        appendUserData(pdu, parts[i], plan.encoding, udh);
        result.push_back(finish(pdu, scaOctets));
    }
    return result;
}

}  // namespace

SubmitPdu decodeSubmit(std::string_view hex) {
    const Bytes data = fromHex(hex);
    Reader r(data);
    SubmitPdu pdu;
    pdu.smsc = readSca(r);
    const std::uint8_t first = r.u8();
    expectMti(first, kMtiSubmit, "SMS-SUBMIT");
    pdu.statusReportRequested = (first & kSubmitSrr) != 0;
    pdu.messageReference = r.u8();
    pdu.destination = readAddress(r);
    r.u8();  // TP-PID
    pdu.encoding = encodingOfDcs(r.u8());
    switch ((first >> 3) & 0x03) {  // TP-VPF
        case 2:
            r.u8();
            break;
        case 1:
        case 3:
            r.take(7);
            break;
        default:
            break;
    }
    UserData ud = readUserData(r, (first & kUdhi) != 0, pdu.encoding);
    pdu.concat = ud.concat;
    pdu.text = std::move(ud.text);
    return pdu;
}

DeliverPdu decodeDeliver(std::string_view hex) {
    const Bytes data = fromHex(hex);
    Reader r(data);
    DeliverPdu pdu;
    pdu.smsc = readSca(r);
    const std::uint8_t first = r.u8();
    expectMti(first, kMtiDeliver, "SMS-DELIVER");
    pdu.originator = readAddress(r);
    r.u8();  // TP-PID
    pdu.encoding = encodingOfDcs(r.u8());
    pdu.timestamp = readTimestamp(r);
    UserData ud = readUserData(r, (first & kUdhi) != 0, pdu.encoding);
    pdu.concat = ud.concat;
    pdu.text = std::move(ud.text);
    return pdu;
}

StatusReportPdu decodeStatusReport(std::string_view hex) {
    const Bytes data = fromHex(hex);
    Reader r(data);
    StatusReportPdu pdu;
    pdu.smsc = readSca(r);
    expectMti(r.u8(), kMtiStatusReport, "SMS-STATUS-REPORT");
    pdu.messageReference = r.u8();
    pdu.recipient = readAddress(r);
    readTimestamp(r);  // TP-SCTS
    readTimestamp(r);  // TP-DT
    pdu.status = r.u8();
    return pdu;
}

int tpduLengthOf(std::string_view hex) {
    const Bytes data = fromHex(hex);
    if (data.empty() || data[0] + 1u > data.size()) {
        bad("SMSC address field is truncated");
    }
    return static_cast<int>(data.size() - 1 - data[0]);
}

std::vector<PduHex> encodeDeliver(std::string_view from, std::string_view utf8Text,
                                  std::chrono::system_clock::time_point timestamp,
                                  const EncodeOptions& options) {
    parseNumber(from);  // validate before building anything
    return encodeParts(
        utf8Text, options,
        [&](Bytes& pdu, bool withUdh) {
            pdu.push_back(
                static_cast<std::uint8_t>(kMtiDeliver | kMoreMessagesNo | (withUdh ? kUdhi : 0)));
            appendAddress(pdu, from);
        },
        [&](Bytes& pdu) { appendTimestamp(pdu, timestamp); });
}

std::vector<PduHex> encodeSubmit(std::string_view to, std::string_view utf8Text,
                                 bool requestStatusReport, const EncodeOptions& options) {
    parseNumber(to);
    return encodeParts(
        utf8Text, options,
        [&](Bytes& pdu, bool withUdh) {
            pdu.push_back(static_cast<std::uint8_t>(kMtiSubmit | kVpfRelative |
                                                    (requestStatusReport ? kSubmitSrr : 0) |
                                                    (withUdh ? kUdhi : 0)));
            pdu.push_back(0x00);  // TP-MR: the modem assigns it
            appendAddress(pdu, to);
        },
        [](Bytes& pdu) { pdu.push_back(0xA7); });  // TP-VP: 24 hours
}

PduHex encodeStatusReport(int messageReference, std::string_view recipient,
                          std::chrono::system_clock::time_point timestamp, int status,
                          std::string_view smsc) {
    if (messageReference < 0 || messageReference > 255) {
        bad("message reference out of range: " + std::to_string(messageReference));
    }
    if (status < 0 || status > 255) {
        bad("status out of range: " + std::to_string(status));
    }
    Bytes pdu;
    appendSca(pdu, smsc);
    const std::size_t scaOctets = pdu.size();
    pdu.push_back(kMtiStatusReport | kMoreMessagesNo);
    pdu.push_back(static_cast<std::uint8_t>(messageReference));
    appendAddress(pdu, recipient);
    appendTimestamp(pdu, timestamp);
    appendTimestamp(pdu, timestamp);
    pdu.push_back(static_cast<std::uint8_t>(status));
    return finish(pdu, scaOctets);
}

}  // namespace veche::modem
