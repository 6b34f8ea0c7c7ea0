#include "veche/modem/gammu_modem.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

#include "gammu_session.h"

namespace veche::modem {
using gammu::Clock;
using gammu::isDeviceTrouble;
using gammu::nameOf;

GammuModem::GammuModem(GammuModemOptions options, ModemListener& listener)
    : options_(std::move(options)), listener_(listener) {
    static std::once_flag locales;
    std::call_once(locales, [] { GSM_InitLocales(nullptr); });
    thread_ = std::thread([this] { loop(); });
}

GammuModem::~GammuModem() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    failQueued("the modem was shut down");
}

std::future<SendOutcome> GammuModem::send(OutgoingSms sms) {
    auto promise = std::make_shared<std::promise<SendOutcome>>();
    auto future = promise->get_future();
    enqueue({[this, promise, sms = std::move(sms)](Session& session) {
                 promise->set_value(session.send(sms));
             },
             [promise](const std::string& why) {
                 SendOutcome o;
                 o.status = SendOutcome::Status::NotSent;
                 o.error = why;
                 promise->set_value(o);
             }});
    return future;
}

std::future<UssdReply> GammuModem::dialUssd(std::string code) {
    auto promise = std::make_shared<std::promise<UssdReply>>();
    auto future = promise->get_future();
    enqueue({[this, promise, code = std::move(code)](Session& session) {
                 promise->set_value(session.ussd(code));
             },
             [promise](const std::string& why) {
                 promise->set_value({false, "", why});
             }});
    return future;
}

ModemInfo GammuModem::info() const {
    std::lock_guard lock(mutex_);
    return info_;
}

void GammuModem::enqueue(Job job) {
    std::unique_lock lock(mutex_);
    if (stopping_ || !info_.connected) {
        const std::string why = stopping_ ? "the modem was shut down"
                                          : "the modem is not connected: " + info_.lastError;
        lock.unlock();
        job.fail(why);
        return;
    }
    jobs_.push_back(std::move(job));
    lock.unlock();
    wake_.notify_all();
}

void GammuModem::failQueued(const std::string& why) {
    std::deque<Job> failed;
    {
        std::lock_guard lock(mutex_);
        failed.swap(jobs_);
    }
    for (Job& job : failed) {
        job.fail(why);
    }
}

void GammuModem::setInfo(const std::function<void(ModemInfo&)>& change) {
    std::lock_guard lock(mutex_);
    change(info_);
}

bool GammuModem::pause(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, d, [this] { return stopping_ || !jobs_.empty(); });
    return stopping_;
}

void GammuModem::loop() {
    auto backoff = options_.reconnectFirst;
    bool everConnected = false;
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) {
                return;
            }
        }
        Session session(options_);
        if (!connect(session)) {
            failQueued("the modem is not connected: " + info().lastError);
            if (pause(backoff)) {
                return;
            }
            backoff = std::min(backoff * 2, options_.reconnectMax);
            continue;
        }
        backoff = options_.reconnectFirst;
        {
            // Signal, SIM and operator known before anyone hears of the
            // connection; trouble here shows again in serve().
            std::lock_guard turn(gammu::libGammuTurn());
            refreshStatus(session);
        }
        setInfo([&](ModemInfo& i) {
            i.connected = true;
            i.reconnects += everConnected ? 1 : 0;
        });
        everConnected = true;
        listener_.onConnectionChanged(options_.id, true);
        const std::string why = serve(session);
        setInfo([&](ModemInfo& i) {
            i.connected = false;
            i.lastError = why;
        });
        failQueued("the modem was disconnected: " + why);
        listener_.onConnectionChanged(options_.id, false);
    }
}

bool GammuModem::connect(Session& session) {
    std::lock_guard turn(gammu::libGammuTurn());
    const bool dummy = options_.driver == GammuModemOptions::Driver::Dummy;
    if (dummy) {
        // The dummy makes its sms/, pbk/… but not the directory itself.
        std::error_code ignored;  // if it cannot be made, connecting says so
        std::filesystem::create_directories(options_.device, ignored);
    }
    GSM_Config* cfg = GSM_GetConfig(session.s(), 0);
    std::free(cfg->Device);
    cfg->Device = strdup(options_.device.c_str());
    std::free(cfg->Connection);
    cfg->Connection = strdup(dummy ? "none" : "at");
    // An empty model runs the whole init twice.
    std::strcpy(cfg->Model, dummy ? "dummy" : "at");
    cfg->DebugLevel[0] = '\0';
    cfg->SyncTime = FALSE;
    cfg->LockDevice = FALSE;
    cfg->StartInfo = FALSE;
    cfg->UseGlobalDebugFile = FALSE;
    GSM_SetConfigNum(session.s(), 1);
    GSM_Error e = GSM_InitConnection(session.s(), options_.replyNum);
    if (e == ERR_NONE) {
        // After connecting: GSM_InitConnection clears the callbacks.
        GSM_SetSendSMSStatusCallback(session.s(), &Session::onSendStatus, &session);
        GSM_SetIncomingSMSCallback(session.s(), &Session::onIncomingSms, &session);
        GSM_SetIncomingUSSDCallback(session.s(), &Session::onUssd, &session);
        // Both optional: polling finds messages anyway, and USSD is asked for.
        GSM_SetIncomingSMS(session.s(), TRUE);
        e = GSM_SetIncomingUSSD(session.s(), TRUE);
        if (isDeviceTrouble(e)) {
            GSM_TerminateConnection(session.s());
        } else {
            e = ERR_NONE;
        }
    }
    if (e != ERR_NONE) {
        setInfo([&](ModemInfo& i) { i.lastError = "connect: " + nameOf(e); });
        return false;
    }
    return true;
}

std::string GammuModem::serve(Session& session) {
    session.nextPoll = Clock::now();
    session.nextStatus = Clock::now() + options_.statusEvery;  // read on connecting
    while (true) {
        std::optional<Job> job;
        {
            std::lock_guard lock(mutex_);
            if (stopping_) {
                return "shut down";
            }
            if (!jobs_.empty()) {
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
        }
        if (job) {
            job->run(session);  // takes its turns in libGammu itself
            if (session.trouble != ERR_NONE) {
                const GSM_Error trouble = std::exchange(session.trouble, ERR_NONE);
                std::lock_guard turn(gammu::libGammuTurn());
                GSM_TerminateConnection(session.s());
                return nameOf(trouble);
            }
        } else if (pause(std::chrono::milliseconds(100))) {
            return "shut down";
        }
        std::lock_guard turn(gammu::libGammuTurn());
        if (std::string trouble = housekeeping(session); !trouble.empty()) {
            GSM_TerminateConnection(session.s());
            return trouble;
        }
    }
}

// Reads what arrived unasked, polls the memories and the signal when due.
// Returns why the device must be reopened, or "".
std::string GammuModem::housekeeping(Session& session) {
    GSM_ReadDevice(session.s(), FALSE);
    for (const DeliveryReport& r : std::exchange(session.reports, {})) {
        listener_.onDeliveryReport(options_.id, r);
    }
    const auto now = Clock::now();
    if (session.inboxChanged || now >= session.nextPoll) {
        session.inboxChanged = false;
        session.nextPoll = now + options_.pollInboxEvery;
        if (const GSM_Error e = session.receive(listener_); isDeviceTrouble(e)) {
            return "receive: " + nameOf(e);
        }
    }
    if (now >= session.nextStatus) {
        session.nextStatus = now + options_.statusEvery;
        return refreshStatus(session);
    }
    return "";
}

// Reads signal, SIM and operator into info(); returns why the device must be
// reopened, or "".
std::string GammuModem::refreshStatus(Session& session) {
    ModemInfo read;
    const GSM_Error e = session.readStatus(read);
    if (isDeviceTrouble(e)) {
        return "status: " + nameOf(e);
    }
    setInfo([&](ModemInfo& i) {
        i.signalPercent = read.signalPercent;
        i.sim = read.sim;
        if (!read.imsi.empty()) {
            i.imsi = read.imsi;
        }
        if (!read.operatorName.empty()) {
            i.operatorName = read.operatorName;
        }
    });
    return "";
}

}  // namespace veche::modem
