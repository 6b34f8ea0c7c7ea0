#pragma once

#include <chrono>
#include <future>
#include <string>
#include <vector>

namespace veche::modem {

// One SMS to send. `text` is UTF-8 of any length; the modem splits it into
// parts (GSM 7-bit when every character fits, UCS-2 otherwise).
struct OutgoingSms {
    std::string to;  // "+7…"
    std::string text;
    bool deliveryReport = true;
};

// What became of an OutgoingSms.
struct SendOutcome {
    enum class Status {
        Sent,      // the modem reported every part sent; never send it again
        NotSent,   // no part left the modem; another modem may try
        Partial,   // some parts left before the modem failed; the phone
                   // cannot join them with parts from another SIM
        Rejected,  // the network refused the message itself (e.g. a bad
                   // number); another modem would fare no better
    };
    Status status = Status::NotSent;
    int parts = 0;                // parts the message needs
    std::vector<int> references;  // TP-MR of each part the network accepted
    std::string error;            // why not, in English, for the log and the operator
};

struct IncomingSms {
    std::string from;  // as the network gave it, normally "+7…"
    std::string text;  // UTF-8, parts joined
    std::chrono::system_clock::time_point at;
};

// The network's word on a part sent with a delivery report.
struct DeliveryReport {
    std::string recipient;
    int reference = 0;  // the TP-MR the part was sent with
    bool delivered = false;
    int status = 0;  // TP-Status (0 delivered, 0x40+ permanent failure…)
};

struct UssdReply {
    bool ok = false;
    std::string text;   // UTF-8
    std::string error;  // when !ok
};

// A snapshot of a modem's health.
struct ModemInfo {
    bool connected = false;
    int signalPercent = -1;  // -1 unknown
    std::string sim;   // "ready", "PIN required", "PUK required", "locked", "absent"; "" unknown
    std::string imsi;  // the SIM's, when it told
    std::string operatorName;
    std::string lastError;
    int reconnects = 0;
};

// Told of what a modem receives. Called on the modem's own thread: do not
// call back into the modem, and return promptly.
class ModemListener {
public:
    virtual ~ModemListener() = default;
    // Return only once the message is kept safe (stored durably): the modem
    // deletes it from its SIM or phone memory afterwards. An exception leaves
    // it on the SIM to be offered again.
    virtual void onReceived(const std::string& modemId, const IncomingSms& sms) = 0;
    virtual void onDeliveryReport(const std::string& modemId, const DeliveryReport& report) = 0;
    // The modem connected (after starting or a reconnect) or lost its device.
    virtual void onConnectionChanged(const std::string& modemId, bool connected) = 0;
};

// One GSM modem. Every method returns at once: the work is done on the
// modem's own thread, in the order asked, and the futures are fulfilled when
// it is over. A modem that is disconnected answers NotSent at once and keeps
// trying to reconnect by itself; a hung modem answers when its command times
// out, never later than the timeout the implementation documents.
class Modem {
public:
    virtual ~Modem() = default;

    virtual const std::string& id() const = 0;

    // Sends one message, all its parts, through this modem.
    virtual std::future<SendOutcome> send(OutgoingSms sms) = 0;

    // Dials a USSD code such as "*100#" and waits for the network's reply.
    virtual std::future<UssdReply> dialUssd(std::string code) = 0;

    virtual ModemInfo info() const = 0;
};

}  // namespace veche::modem
