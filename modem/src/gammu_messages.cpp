// What the modem's thread does with messages: send, receive, dial USSD.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "gammu_session.h"

namespace veche::modem {

using gammu::Clock;
using gammu::isDeviceTrouble;
using gammu::nameOf;
using gammu::unicodeOf;
using gammu::utf8Of;

namespace {

SendOutcome outcome(SendOutcome::Status status, int parts, std::vector<int> references,
                    std::string error) {
    SendOutcome o;
    o.status = status;
    o.parts = parts;
    o.references = std::move(references);
    o.error = std::move(error);
    return o;
}

// Pumps the device until `done` or `timeout`; false on timeout.
template <typename Done>
bool pumpUntil(GSM_StateMachine* s, std::chrono::milliseconds timeout, Done done) {
    const auto deadline = Clock::now() + timeout;
    while (!done()) {
        if (Clock::now() >= deadline) {
            return false;
        }
        std::lock_guard turn(gammu::libGammuTurn());
        GSM_ReadDevice(s, TRUE);
    }
    return true;
}

}  // namespace

SendOutcome GammuModem::Session::send(const OutgoingSms& sms) {
    using Status = SendOutcome::Status;
    std::vector<unsigned char> text = unicodeOf(sms.text);
    GSM_MultiPartSMSInfo info;
    GSM_ClearMultiPartSMSInfo(&info);
    info.Class = -1;
    info.EntriesNum = 1;
    info.UnicodeCoding = FALSE;  // GSM 7-bit when it fits, UCS-2 otherwise
    info.Entries[0].ID = SMS_ConcatenatedAutoTextLong;
    info.Entries[0].Buffer = text.data();
    auto parts = std::make_unique<GSM_MultiSMSMessage>();
    std::unique_lock turn(gammu::libGammuTurn());  // released while waiting for the network
    if (const GSM_Error e = GSM_EncodeMultiPartSMS(GSM_GetDebug(s()), &info, parts.get());
        e != ERR_NONE) {
        return outcome(Status::Rejected, 0, {}, "cannot encode: " + nameOf(e));
    }
    const int count = parts->Number;
    GSM_SMSC smsc{};
    smsc.Location = 1;
    if (const GSM_Error e = GSM_GetSMSC(s(), &smsc); e != ERR_NONE) {
        trouble = isDeviceTrouble(e) ? e : ERR_NONE;
        return outcome(Status::NotSent, count, {}, "no SMS centre: " + nameOf(e));
    }
    const std::vector<unsigned char> to = unicodeOf(sms.to);
    std::vector<int> references;
    for (int i = 0; i < count; ++i) {
        GSM_SMSMessage& part = parts->SMS[i];
        CopyUnicodeString(part.SMSC.Number, smsc.Number);
        part.SMSC.Location = 0;
        CopyUnicodeString(part.Number, to.data());
        part.PDU = sms.deliveryReport ? SMS_Status_Report : SMS_Submit;  // gammu's name for SRR
        const Status partial = i == 0 ? Status::NotSent : Status::Partial;
        sendStatus = kPending;
        if (!turn.owns_lock()) {
            turn.lock();
        }
        if (const GSM_Error e = GSM_SendSMS(s(), &part); e != ERR_NONE) {
            trouble = isDeviceTrouble(e) ? e : ERR_NONE;
            return outcome(partial, count, references, "send: " + nameOf(e));
        }
        turn.unlock();
        if (!pumpUntil(s(), options.sendConfirmTimeout, [&] { return sendStatus != kPending; })) {
            trouble = ERR_TIMEOUT;
            return outcome(Status::Partial, count, references,
                           "no answer from the modem after part " + std::to_string(i + 1));
        }
        if (sendStatus != 0) {
            const int cause = sendStatus;
            const Status failed = gammu::isRejection(cause) ? Status::Rejected : partial;
            return outcome(failed, count, references,
                           "the network refused part " + std::to_string(i + 1) +
                               " (+CMS ERROR: " + std::to_string(cause) + ")");
        }
        references.push_back(sendReference);
    }
    return outcome(Status::Sent, count, references, "");
}

UssdReply GammuModem::Session::ussd(const std::string& code) {
    ussdAnswered = false;
    std::string number = code;
    std::unique_lock turn(gammu::libGammuTurn());
    if (const GSM_Error e = GSM_DialService(s(), number.data()); e != ERR_NONE) {
        trouble = isDeviceTrouble(e) ? e : ERR_NONE;
        return {false, "", "dial " + code + ": " + nameOf(e)};
    }
    turn.unlock();
    if (!pumpUntil(s(), options.ussdTimeout, [&] { return ussdAnswered; })) {
        return {false, "", "no USSD answer to " + code};
    }
    const bool ok = ussdStatus == USSD_NoActionNeeded || ussdStatus == USSD_ActionNeeded;
    return {ok, ussdText, ok ? "" : "USSD status " + std::to_string(ussdStatus)};
}

namespace {

// Every message in the SIM and phone memories, as libGammu reads them.
GSM_Error readAll(GSM_StateMachine* s, std::vector<std::unique_ptr<GSM_MultiSMSMessage>>& out) {
    // GSM_GetNextSMS continues from the location of the message it is given.
    auto cursor = std::make_unique<GSM_MultiSMSMessage>();
    std::memset(cursor.get(), 0, sizeof(GSM_MultiSMSMessage));
    for (bool start = true;; start = false) {
        cursor->SMS[0].Folder = 0;
        const GSM_Error e = GSM_GetNextSMS(s, cursor.get(), start ? TRUE : FALSE);
        if (e == ERR_EMPTY) {
            return ERR_NONE;
        }
        if (e != ERR_NONE) {
            return e;
        }
        out.push_back(std::make_unique<GSM_MultiSMSMessage>(*cursor));
    }
}

std::string textOf(const GSM_MultiSMSMessage& sms) {
    std::string text;
    for (int i = 0; i < sms.Number; ++i) {
        text += utf8Of(sms.SMS[i].Text);
    }
    return text;
}

bool complete(const GSM_MultiSMSMessage& sms) {
    const GSM_UDHHeader& udh = sms.SMS[0].UDH;
    return udh.AllParts <= 0 || sms.Number >= udh.AllParts;
}

}  // namespace

GSM_Error GammuModem::Session::receive(ModemListener& listener) {
    GSM_SMSMemoryStatus status{};
    GSM_Error e = GSM_GetSMSStatus(s(), &status);
    if (e != ERR_NONE) {
        return e;
    }
    if (status.SIMUsed + status.PhoneUsed == 0) {
        return ERR_NONE;
    }
    std::vector<std::unique_ptr<GSM_MultiSMSMessage>> read;
    if ((e = readAll(s(), read)) != ERR_NONE) {
        return e;
    }
    std::vector<GSM_MultiSMSMessage*> in;
    for (auto& m : read) {
        in.push_back(m.get());
    }
    in.push_back(nullptr);
    // libGammu allocates the joined messages with malloc; the caller frees them.
    std::vector<GSM_MultiSMSMessage*> linked(in.size(), nullptr);
    e = GSM_LinkSMS(GSM_GetDebug(s()), in.data(), linked.data(), FALSE);
    for (GSM_MultiSMSMessage* sms : linked) {
        if (sms != nullptr && e == ERR_NONE && sms->Number > 0) {
            e = handOver(listener, *sms);
        }
        std::free(sms);
    }
    return e;
}

// Gives one (joined) message to the listener, then deletes it from the modem.
GSM_Error GammuModem::Session::handOver(ModemListener& listener, GSM_MultiSMSMessage& sms) {
    GSM_SMSMessage& first = sms.SMS[0];
    if (first.PDU == SMS_Status_Report) {
        listener.onDeliveryReport(options.id, {utf8Of(first.Number), first.MessageReference,
                                               first.DeliveryStatus < 0x20, first.DeliveryStatus});
    } else {
        const std::string key = utf8Of(first.Number) + "/" + std::to_string(first.UDH.ID8bit) +
                                "/" + std::to_string(first.UDH.ID16bit);
        if (!complete(sms)) {
            const auto seen = incompleteSince.try_emplace(key, Clock::now()).first;
            if (Clock::now() - seen->second < gammu::kIncompleteKeptFor) {
                return ERR_NONE;  // the other parts may still come
            }
        }
        incompleteSince.erase(key);
        try {
            listener.onReceived(options.id,
                                {utf8Of(first.Number), textOf(sms), gammu::timeOf(first.DateTime)});
        } catch (const std::exception&) {
            return ERR_NONE;  // not kept: leave it on the SIM for the next poll
        }
    }
    for (int i = 0; i < sms.Number; ++i) {
        sms.SMS[i].Folder = 0;
        if (const GSM_Error e = GSM_DeleteSMS(s(), &sms.SMS[i]); e != ERR_NONE && e != ERR_EMPTY) {
            return e;
        }
    }
    return ERR_NONE;
}

GSM_Error GammuModem::Session::readStatus(ModemInfo& read) {
    GSM_SignalQuality signal{};
    if (const GSM_Error e = GSM_GetSignalQuality(s(), &signal); e != ERR_NONE) {
        return e;
    }
    read.signalPercent = signal.SignalPercent;
    GSM_SecurityCodeType security{};
    const GSM_Error pin = GSM_GetSecurityStatus(s(), &security);
    if (isDeviceTrouble(pin)) {
        return pin;
    }
    read.sim = pin == ERR_NOSIM       ? "absent"
               : pin != ERR_NONE      ? ""
               : security == SEC_None ? "ready"
               : security == SEC_Pin  ? "PIN required"
               : security == SEC_Puk  ? "PUK required"
                                      : "locked";
    char imsi[GSM_MAX_IMEI_LENGTH + 1] = {};
    if (read.sim == "ready" && GSM_GetSIMIMSI(s(), imsi) == ERR_NONE) {
        read.imsi = imsi;
    }
    GSM_NetworkInfo network{};
    const GSM_Error e = GSM_GetNetworkInfo(s(), &network);
    if (e == ERR_NONE) {
        read.operatorName = utf8Of(network.NetworkName);
        if (read.operatorName.empty()) {
            read.operatorName = network.NetworkCode;
        }
    }
    return isDeviceTrouble(e) ? e : ERR_NONE;
}

}  // namespace veche::modem
