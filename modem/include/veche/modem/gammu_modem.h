#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "veche/modem/modem.h"

namespace veche::modem {

struct GammuModemOptions {
    // Which libGammu driver the modem runs.
    enum class Driver {
        // A GSM modem on a serial line (connection = at, model = at): a real
        // modem, or the AT simulator on a pseudo-terminal. What production runs.
        At,
        // libGammu's `dummy` phone (connection = none, model = dummy), a
        // lighter backend for unit tests: no serial line, no AT dialogue, no
        // timing. `device` is a directory (made if missing) where the dummy
        // keeps its phone as files. What it does and does not do:
        //  - Sending: every part "succeeds" at once with reference 255, and
        //    nothing of what is sent is stored or logged anywhere: assert on
        //    what the pool or the caller recorded, not on the dummy.
        //  - Delivery reports never come.
        //  - Receiving: an incoming SMS is a file in gammu's SMS-backup format
        //    placed in `<device>/sms/1/<n>` (the SIM's inbox) or `sms/3/<n>`
        //    (the phone's), n = 1…10000; each part of a long message is its
        //    own file with its UDH. There is no notification (+CMTI): it is
        //    found at the next poll (`pollInboxEvery`), and handed over and
        //    deleted as on a SIM. A poll opens some 50,000 paths (0.1-0.2 s).
        //    Files in sms/2, sms/4 (outboxes) and sms/5 (templates) are read
        //    too: put none there.
        //  - USSD: any code is answered at once "Reply for <code>"; no menus,
        //    no errors.
        //  - info(): always connected once the directory can be made; signal
        //    42 %, SIM ready, IMSI 994299429942994, operator "GammuT3l".
        //  - It never fails, hangs or disconnects: fault paths need `At` and
        //    the simulator.
        Dummy,
    };

    std::string id;  // how the pool, the log and the metrics name it
    // At: a stable path (/dev/serial/by-id/…, or a simulator's link).
    // Dummy: the directory the dummy phone lives in.
    std::string device;
    Driver driver = Driver::At;
    // libGammu resends a command this many times on timeout; a hung modem
    // blocks the modem's thread (never a caller's) for about 20 s × this.
    int replyNum = 2;
    std::chrono::milliseconds pollInboxEvery{15'000};      // besides +CMTI
    std::chrono::milliseconds statusEvery{60'000};         // signal and operator
    std::chrono::milliseconds reconnectFirst{1'000};       // doubled after each failure…
    std::chrono::milliseconds reconnectMax{30'000};        // …up to this
    std::chrono::milliseconds sendConfirmTimeout{30'000};  // +CMGS after the PDU
    std::chrono::milliseconds ussdTimeout{30'000};
};

// A modem driven by libGammu's `at` driver (model = at), or by its `dummy`
// driver for unit tests (GammuModemOptions::Driver). One thread owns the
// GSM_StateMachine for its whole life; callers only queue work for it
// (docs/modem.md). libGammu does not reconnect by itself: after a device
// error this thread terminates the connection and tries again with backoff,
// answering queued sends NotSent meanwhile so that the pool fails over.
class GammuModem : public Modem {
public:
    GammuModem(GammuModemOptions options, ModemListener& listener);
    ~GammuModem() override;  // finishes the command in progress, fails the rest
    GammuModem(const GammuModem&) = delete;
    GammuModem& operator=(const GammuModem&) = delete;

    const std::string& id() const override { return options_.id; }
    std::future<SendOutcome> send(OutgoingSms sms) override;
    std::future<UssdReply> dialUssd(std::string code) override;
    ModemInfo info() const override;

private:
    class Session;  // the thread's libGammu state; defined in the .cpp
    struct Job {
        std::function<void(Session&)> run;             // on the modem's thread, connected
        std::function<void(const std::string&)> fail;  // not run: why
    };

    void enqueue(Job job);
    void loop();
    bool connect(Session& session);
    // Runs jobs until the device fails or stop(); returns why it ended.
    std::string serve(Session& session);
    std::string housekeeping(Session& session);
    std::string refreshStatus(Session& session);
    void failQueued(const std::string& why);
    void setInfo(const std::function<void(ModemInfo&)>& change);
    // Waits up to `d`, waking early for a new job or stop(); true if stopping.
    bool pause(std::chrono::milliseconds d);

    GammuModemOptions options_;
    ModemListener& listener_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    ModemInfo info_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace veche::modem
