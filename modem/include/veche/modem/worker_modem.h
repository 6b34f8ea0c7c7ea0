#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "veche/modem/gammu_modem.h"

namespace veche::modem {

struct WorkerModemOptions {
    GammuModemOptions modem;  // what the worker's GammuModem is given; modem.id names this one
    std::string worker;       // the veche-modem-worker executable
    std::chrono::milliseconds restartFirst{1'000};  // doubled after each quick death…
    std::chrono::milliseconds restartMax{30'000};   // …up to this
    // After its input closes the worker finishes the command in progress; a
    // worker still running after this is killed.
    std::chrono::milliseconds stopGrace{5'000};
};

// A modem driven by its own veche-modem-worker process, which runs a
// GammuModem (docs/modem.md). libGammu keeps process-wide state that is not
// thread-safe, so one process per modem lets modems work at once, and a
// crash inside libGammu takes down one worker, not the hub. A worker that
// exits is started again with backoff; what it was asked and had not
// answered is answered NotSent (if the modem had sent it in the instant
// before the crash, the message may go twice: the only such window).
//
// The contract is Modem's: every method returns at once. The listener is
// called on this object's reader thread.
class WorkerModem : public Modem {
public:
    // Throws std::invalid_argument if options.worker is not an executable.
    WorkerModem(WorkerModemOptions options, ModemListener& listener);
    ~WorkerModem() override;  // stops the worker, answers what is pending
    WorkerModem(const WorkerModem&) = delete;
    WorkerModem& operator=(const WorkerModem&) = delete;

    const std::string& id() const override { return options_.modem.id; }
    std::future<SendOutcome> send(OutgoingSms sms) override;
    std::future<UssdReply> dialUssd(std::string code) override;
    ModemInfo info() const override;

private:
    struct Worker {
        pid_t pid = -1;
        int socket = -1;
    };

    void supervise();
    bool spawn(Worker& worker);
    void readEvents(const Worker& worker);
    void handle(const Worker& worker, const std::vector<std::string>& event);
    // Waits for the worker to exit, killing it after stopGrace once stopping.
    int reap(const Worker& worker);
    void failPending(const std::string& why);
    bool write(const std::vector<std::string>& fields);

    WorkerModemOptions options_;
    ModemListener& listener_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    ModemInfo info_;
    int socket_ = -1;  // to the running worker, -1 between workers
    int nextSeq_ = 1;
    std::map<int, std::promise<SendOutcome>> sends_;
    std::map<int, std::promise<UssdReply>> ussds_;
    bool stopping_ = false;
    std::thread supervisor_;
};

}  // namespace veche::modem
