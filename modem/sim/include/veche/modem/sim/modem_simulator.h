#pragma once

// A GSM modem on a pseudo-terminal that speaks enough of the AT command set
// (27.005 / 27.007, PDU mode) for libGammu's `at` driver: identify, send SMS
// (single and concatenated, with delivery reports), read and delete SMS from
// SIM storage, and USSD. See docs TELECOM.md §6 for the dialogue.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace veche::modem::sim {

// A message the simulator received from its host, reassembled from its parts.
struct SentSms {
    std::string to;                      // destination as in the PDU ("+7...")
    std::string text;                    // UTF-8
    int parts = 1;                       // number of SMS-SUBMIT parts
    bool statusReportRequested = false;  // TP-SRR of the first part
    std::vector<int> messageReferences;  // the +CMGS <mr> of each part, in sequence order
};

struct SimulatorOptions {
    std::filesystem::path link;       // stable path the pty slave is symlinked to (required)
    std::string model = "VECHE_SIM";  // AT+CGMM; deliberately unknown to gammu's database
    std::string manufacturer = "Veche";
    std::string firmware = "1.0";
    std::string imei = "356938035643809";
    std::string imsi = "250991234567890";
    std::string smsc = "+79168999100";
    std::string operatorName = "Veche Sim";
    std::string operatorCode = "25099";
    int simCapacity = 30;    // SMS locations in "SM" storage
    int partsPerMinute = 0;  // 0 = unlimited
    std::string defaultUssdReply = "Баланс: 100 руб.";
    std::chrono::milliseconds ussdDelay{500};  // between OK and the +CUSD reply
};

// Runs one simulated modem on its own thread. All public member functions are
// thread-safe. Callbacks run on the simulator thread with no lock held.
class ModemSimulator {
public:
    // Opens the pty (raw mode), symlinks its slave to options.link (replacing
    // an existing symlink there) and starts the thread. Throws
    // std::system_error when the pty or the link cannot be created.
    explicit ModemSimulator(SimulatorOptions options);
    // Stops the thread, closes the pty and removes the link.
    ~ModemSimulator();
    ModemSimulator(const ModemSimulator&) = delete;
    ModemSimulator& operator=(const ModemSimulator&) = delete;

    const std::filesystem::path& link() const;

    // Messages completely received so far, in order of completion.
    std::vector<SentSms> sent() const;
    // Waits until at least `count` messages are complete; false on timeout.
    bool waitForSent(std::size_t count, std::chrono::milliseconds timeout) const;
    // SMS-SUBMIT parts answered with +CMGS so far.
    int partsAccepted() const;
    // Called once per completed message (after it is visible in sent()).
    void setOnSent(std::function<void(const SentSms&)> callback);

    // Stores an incoming message from `from` in SIM storage as SMS-DELIVER
    // PDUs (concatenated when long) and announces each part with
    // +CMTI: "SM",<index>. Returns when stored. Throws std::invalid_argument
    // on invalid UTF-8 or number, std::runtime_error when storage is full.
    void deliver(const std::string& from, const std::string& utf8Text);
    // Messages (parts) currently in SIM storage.
    int storedParts() const;
    // Waits until exactly `count` parts are stored; false on timeout.
    bool waitForStoredParts(int count, std::chrono::milliseconds timeout) const;

    // The reply to a USSD code (e.g. "*100#"); other codes get
    // options.defaultUssdReply. `sessionContinues` sends +CUSD: 1 instead of 0.
    void setUssdReply(const std::string& code, const std::string& utf8Reply,
                      bool sessionContinues = false);

    // The next `count` SMS-SUBMITs are answered with `errorLine` instead of +CMGS.
    void failNextSends(int count, std::string errorLine = "+CMS ERROR: 38");
    // A hung modem: input is read and dropped, nothing is answered.
    void setSilent(bool silent);
    // At most `rate` parts per minute: each +CMGS reply is delayed as needed. 0 = unlimited.
    void setPartsPerMinute(int rate);

    // Closes the pty and removes the link, as if the modem was unplugged. Idempotent.
    void unplug();
    // Opens a new pty at the same link. Idempotent. Throws std::system_error on failure.
    void replug();

    // Every AT command line received (echo form, without "\r"), for diagnostics.
    std::vector<std::string> commandLog() const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veche::modem::sim
