#pragma once

// SMS PDUs as an AT modem sees them in PDU mode (AT+CMGF=0): the hex of the
// SMSC address field (SCA) followed by the TPDU (TS 23.040 §9.2).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veche/modem/sms_text.h"

namespace veche::modem {

// Concatenation information from the user data header (IEI 0x00 or 0x08).
struct ConcatInfo {
    int reference = 0;  // 0..255 for 8-bit references, 0..65535 for 16-bit ones
    bool reference16 = false;
    int total = 1;     // parts in the message
    int sequence = 1;  // this part, 1-based
    bool operator==(const ConcatInfo&) const = default;
};

// A decoded SMS-SUBMIT (one part of a message a phone sends).
struct SubmitPdu {
    std::string smsc;         // from the SCA field; empty when the SCA length is 0
    std::string destination;  // "+7..." for international numbers, digits otherwise
    int messageReference = 0;
    SmsEncoding encoding = SmsEncoding::Gsm7;
    std::optional<ConcatInfo> concat;
    bool statusReportRequested = false;
    std::string text;  // this part's text as UTF-8 (EightBit data is decoded as Latin-1)
};

// A decoded SMS-DELIVER (one part of a message a phone receives).
struct DeliverPdu {
    std::string smsc;
    std::string originator;
    SmsEncoding encoding = SmsEncoding::Gsm7;
    std::optional<ConcatInfo> concat;
    std::chrono::system_clock::time_point timestamp;  // TP-SCTS, to the second
    std::string text;
};

// A decoded SMS-STATUS-REPORT.
struct StatusReportPdu {
    std::string smsc;
    int messageReference = 0;
    std::string recipient;
    int status = 0;  // TP-ST: 0x00 delivered
};

// One PDU ready for the wire: `hex` holds SCA + TPDU, `tpduLength` counts the
// TPDU octets only (the <length> of AT+CMGS, +CMGL, +CMGR and +CDS).
struct PduHex {
    std::string hex;
    int tpduLength = 0;
};

// Options for the messages the encoders below produce.
struct EncodeOptions {
    std::string smsc;         // SCA; empty: length-0 SCA (use the SIM's default)
    int concatReference = 0;  // 8-bit reference (IEI 0x00) in the UDH of multipart messages
};

// Decodes SCA + SMS-SUBMIT hex as written after AT+CMGS. Throws
// std::invalid_argument when the hex is malformed, truncated, or not an
// SMS-SUBMIT.
SubmitPdu decodeSubmit(std::string_view hex);

// Decodes SCA + SMS-DELIVER hex. Throws std::invalid_argument like decodeSubmit().
DeliverPdu decodeDeliver(std::string_view hex);

// Decodes SCA + SMS-STATUS-REPORT hex. Throws std::invalid_argument like decodeSubmit().
StatusReportPdu decodeStatusReport(std::string_view hex);

// The TPDU length (octets after the SCA field) of SCA + TPDU hex. Throws
// std::invalid_argument on malformed hex.
int tpduLengthOf(std::string_view hex);

// Encodes a message from `from` ("+7..." or digits) with a UTF-8 text as
// SMS-DELIVER PDUs: GSM-7 (DCS 0x00) or UCS-2 (DCS 0x08) as planSms() chooses,
// one PDU per part as splitSms() splits, with a concatenation UDH when there
// is more than one part. Throws std::invalid_argument on invalid UTF-8 or a
// malformed number.
std::vector<PduHex> encodeDeliver(std::string_view from, std::string_view utf8Text,
                                  std::chrono::system_clock::time_point timestamp,
                                  const EncodeOptions& options = {});

// Encodes a message to `to` as SMS-SUBMIT PDUs (relative validity, TP-MR 0),
// split and coded like encodeDeliver(). Throws std::invalid_argument likewise.
std::vector<PduHex> encodeSubmit(std::string_view to, std::string_view utf8Text,
                                 bool requestStatusReport, const EncodeOptions& options = {});

// Encodes an SMS-STATUS-REPORT for the message with TP-MR `messageReference`
// (0..255) sent to `recipient`; `status` is TP-ST (0x00 = delivered). Both
// timestamps are `timestamp`. Throws std::invalid_argument on a malformed
// number or an out-of-range reference.
PduHex encodeStatusReport(int messageReference, std::string_view recipient,
                          std::chrono::system_clock::time_point timestamp, int status = 0,
                          std::string_view smsc = {});

}  // namespace veche::modem
