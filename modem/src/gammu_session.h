#pragma once
// libGammu details shared by the modem's thread (gammu_modem.cpp) and its
// message work (gammu_messages.cpp). Private to modem/.

#include <gammu.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "veche/modem/gammu_modem.h"

namespace veche::modem {
namespace gammu {

using Clock = std::chrono::steady_clock;

constexpr auto kIncompleteKeptFor = std::chrono::minutes(10);  // waiting for the other parts

// libGammu keeps state shared by every state machine of a process (its
// maintainer: "probably not thread safe… statically allocated buffers"). Two
// modem threads inside it at once corrupted PDUs and the heap in 4 of 13
// two-modem benchmark runs, so the modem threads take turns in it: one
// command, one read of the device or one round of housekeeping at a time,
// never while waiting for the network (docs/modem.md).
inline std::mutex& libGammuTurn() {
    static std::mutex turn;
    return turn;
}

inline std::string nameOf(GSM_Error e) {
    return GSM_ErrorName(e);
}

// Errors after which the device must be opened afresh: it vanished, stopped
// answering, or the link broke. libGammu recovers from none of them itself.
inline bool isDeviceTrouble(GSM_Error e) {
    switch (e) {
        case ERR_DEVICEOPENERROR:
        case ERR_DEVICELOCKED:
        case ERR_DEVICENOTEXIST:
        case ERR_DEVICEBUSY:
        case ERR_DEVICENOPERMISSION:
        case ERR_DEVICENODRIVER:
        case ERR_DEVICENOTWORK:
        case ERR_DEVICEWRITEERROR:
        case ERR_DEVICEREADERROR:
        case ERR_DEVICEPARITYERROR:
        case ERR_TIMEOUT:
        case ERR_NOTCONNECTED:
            return true;
        default:
            return false;
    }
}

// +CMS ERROR causes about the message or its recipient rather than the
// modem or the network (3GPP TS 24.011 E.2, TS 27.005 3.2.5): another modem
// would be refused too.
inline bool isRejection(int cause) {
    static const std::set<int> kCauses = {1, 8, 10, 21, 28, 29, 30, 96, 304, 305};
    return kCauses.count(cause) > 0;
}

inline std::string utf8Of(const unsigned char* unicode) {
    std::string out(4 * (UnicodeLength(unicode) + 1), '\0');
    EncodeUTF8(out.data(), unicode);
    out.resize(std::strlen(out.c_str()));
    return out;
}

inline std::vector<unsigned char> unicodeOf(const std::string& utf8) {
    std::vector<unsigned char> out(2 * (utf8.size() + 2), 0);
    DecodeUTF8(out.data(), utf8.c_str(), utf8.size());
    return out;
}

inline std::chrono::system_clock::time_point timeOf(const GSM_DateTime& t) {
    if (t.Year == 0) {
        return std::chrono::system_clock::now();
    }
    return std::chrono::system_clock::from_time_t(Fill_Time_T(t));
}

}  // namespace gammu

// The modem thread's libGammu state machine and what its callbacks report.
class GammuModem::Session {
public:
    explicit Session(const GammuModemOptions& o) : options(o), s_(GSM_AllocStateMachine()) {
        if (s_ == nullptr) {
            throw std::bad_alloc();
        }
        // This machine's own debug state, never the process-wide one that
        // every modem's thread would share (TELECOM.md §5, rule 3).
        GSM_SetDebugGlobal(FALSE, GSM_GetDebug(s_));
    }
    ~Session() {
        std::lock_guard turn(gammu::libGammuTurn());
        if (GSM_IsConnected(s_)) {
            GSM_TerminateConnection(s_);
        }
        GSM_FreeStateMachine(s_);
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    GSM_StateMachine* s() { return s_; }

    // The work of jobs and housekeeping (gammu_messages.cpp). A device error
    // met by send() or ussd() is left in `trouble`.
    SendOutcome send(const OutgoingSms& sms);
    UssdReply ussd(const std::string& code);
    GSM_Error receive(ModemListener& listener);
    GSM_Error readStatus(ModemInfo& read);

    // Callbacks run inside libGammu calls on this thread: they only record.
    static void onSendStatus(GSM_StateMachine*, int status, int reference, void* self) {
        auto* session = static_cast<Session*>(self);
        session->sendStatus = status;
        session->sendReference = reference;
    }
    static void onIncomingSms(GSM_StateMachine*, GSM_SMSMessage* sms, void* self) {
        auto* session = static_cast<Session*>(self);
        if (sms->PDU == SMS_Status_Report) {
            session->reports.push_back({gammu::utf8Of(sms->Number), sms->MessageReference,
                                        sms->DeliveryStatus < 0x20, sms->DeliveryStatus});
        } else {
            session->inboxChanged = true;  // +CMTI: read it after this call returns
        }
    }
    static void onUssd(GSM_StateMachine*, GSM_USSDMessage* ussd, void* self) {
        auto* session = static_cast<Session*>(self);
        session->ussdStatus = ussd->Status;
        session->ussdText = gammu::utf8Of(ussd->Text);
        session->ussdAnswered = true;
    }

    const GammuModemOptions& options;
    static constexpr int kPending = -2;
    GSM_Error trouble = ERR_NONE;  // a device error met by a job: reconnect
    int sendStatus = kPending;
    int sendReference = 0;
    bool inboxChanged = false;
    std::vector<DeliveryReport> reports;
    bool ussdAnswered = false;
    GSM_USSDStatus ussdStatus = USSD_Unknown;
    std::string ussdText;
    gammu::Clock::time_point nextPoll{};
    gammu::Clock::time_point nextStatus{};
    std::map<std::string, gammu::Clock::time_point> incompleteSince;  // by sender + reference

private:
    GSM_Error handOver(ModemListener& listener, GSM_MultiSMSMessage& sms);

    GSM_StateMachine* s_;
};

}  // namespace veche::modem
