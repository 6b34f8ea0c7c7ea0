#include "veche/modem/worker_server.h"

#include <cstdio>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>

#include "veche/modem/worker_protocol.h"

namespace veche::modem::worker {

namespace {

std::string flag(bool b) {
    return b ? "1" : "0";
}

std::string millisOf(std::chrono::system_clock::time_point t) {
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    return std::to_string(duration_cast<milliseconds>(t.time_since_epoch()).count());
}

}  // namespace

ModemWorker::ModemWorker(int in, int out, std::chrono::milliseconds storeTimeout)
    : in_(in), out_(out), storeTimeout_(storeTimeout) {}

void ModemWorker::write(const std::vector<std::string>& fields) {
    std::lock_guard lock(writeMutex_);
    writeAll(out_, encodeLine(fields));
}

int ModemWorker::serve(Modem& modem, std::chrono::milliseconds infoEvery) {
    {
        std::lock_guard lock(mutex_);
        modem_ = &modem;
    }
    // The modem may have connected before it was known here (its thread
    // starts with it), and its connection then went out without its state.
    sendInfo(modem);
    std::thread answering([this] { answerInOrder(); });
    std::thread reporting([&] {
        std::unique_lock lock(mutex_);
        while (!changed_.wait_for(lock, infoEvery, [this] { return driverGone_; })) {
            lock.unlock();
            sendInfo(modem);
            lock.lock();
        }
    });
    int status = 0;
    LineReader reader(in_);
    std::string line;
    while (reader.next(line)) {
        try {
            dispatch(modem, decodeLine(line));
        } catch (const std::exception& e) {  // a malformed line: the driver is not ours
            std::fprintf(stderr, "veche-modem-worker: bad command: %s\n", e.what());
            status = 1;
            break;
        }
    }
    {
        std::lock_guard lock(mutex_);
        driverGone_ = true;
    }
    changed_.notify_all();
    answering.join();
    reporting.join();
    return status;
}

void ModemWorker::dispatch(Modem& modem, const std::vector<std::string>& c) {
    const std::string& verb = c.at(0);
    auto need = [&](std::size_t n) {
        if (c.size() != n) {
            throw std::invalid_argument("'" + verb + "' needs " + std::to_string(n - 1) +
                                        " fields, got " + std::to_string(c.size() - 1));
        }
    };
    std::function<void()> answer;
    if (verb == "send") {
        need(5);
        auto done =
            std::make_shared<std::future<SendOutcome>>(modem.send({c[2], c[3], c[4] == "1"}));
        answer = [this, seq = c[1], done] {
            const SendOutcome o = done->get();
            write({"sent", seq, std::to_string(static_cast<int>(o.status)), std::to_string(o.parts),
                   joinInts(o.references), o.error});
        };
    } else if (verb == "ussd") {
        need(3);
        auto done = std::make_shared<std::future<UssdReply>>(modem.dialUssd(c[2]));
        answer = [this, seq = c[1], done] {
            const UssdReply r = done->get();
            write({"ussd", seq, flag(r.ok), r.text, r.error});
        };
    } else if (verb == "stored" || verb == "refused") {
        need(verb == "stored" ? 2 : 3);
        std::lock_guard lock(mutex_);
        acks_[toInt(c[1], "received id")] = verb == "stored" ? "" : c[2];
        changed_.notify_all();
        return;
    } else {
        throw std::invalid_argument("unknown command '" + verb + "'");
    }
    std::lock_guard lock(mutex_);
    answers_.push_back(std::move(answer));
    changed_.notify_all();
}

// The modem runs what it is asked in order, so its answers come in order too.
void ModemWorker::answerInOrder() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return driverGone_ || !answers_.empty(); });
        if (answers_.empty()) {
            return;
        }
        std::function<void()> answer = std::move(answers_.front());
        answers_.pop_front();
        lock.unlock();
        answer();
        lock.lock();
    }
}

void ModemWorker::sendInfo(const Modem& modem) {
    const ModemInfo i = modem.info();
    write({"info", flag(i.connected), std::to_string(i.signalPercent), i.sim, i.imsi,
           i.operatorName, i.lastError, std::to_string(i.reconnects)});
}

void ModemWorker::onReceived(const std::string&, const IncomingSms& sms) {
    std::unique_lock lock(mutex_);
    const int id = nextReceivedId_++;
    lock.unlock();
    write({"received", std::to_string(id), sms.from, millisOf(sms.at), sms.text});
    lock.lock();
    const bool answered =
        changed_.wait_for(lock, storeTimeout_, [&] { return driverGone_ || acks_.count(id) > 0; });
    const auto ack = acks_.find(id);
    if (!answered || ack == acks_.end()) {
        throw std::runtime_error(answered ? "the driver is gone" : "the driver did not answer");
    }
    const std::string refused = ack->second;
    acks_.erase(ack);
    if (!refused.empty()) {
        throw std::runtime_error("the driver refused it: " + refused);
    }
}

void ModemWorker::onDeliveryReport(const std::string&, const DeliveryReport& r) {
    write({"report", r.recipient, std::to_string(r.reference), flag(r.delivered),
           std::to_string(r.status)});
}

void ModemWorker::onConnectionChanged(const std::string&, bool connected) {
    const Modem* modem = nullptr;
    {
        std::lock_guard lock(mutex_);
        modem = modem_;
    }
    if (modem != nullptr) {
        sendInfo(*modem);  // so that the driver knows the modem's state when it hears of it
    }
    write({"connection", flag(connected)});
}

}  // namespace veche::modem::worker

namespace veche::modem::worker {

namespace {

using Millis = std::chrono::milliseconds;

// The options a worker takes, each with where it lives in GammuModemOptions.
struct DurationFlag {
    const char* flag;
    Millis GammuModemOptions::*field;
};
constexpr DurationFlag kDurations[] = {
    {"--poll-inbox-ms", &GammuModemOptions::pollInboxEvery},
    {"--status-ms", &GammuModemOptions::statusEvery},
    {"--reconnect-first-ms", &GammuModemOptions::reconnectFirst},
    {"--reconnect-max-ms", &GammuModemOptions::reconnectMax},
    {"--send-timeout-ms", &GammuModemOptions::sendConfirmTimeout},
    {"--ussd-timeout-ms", &GammuModemOptions::ussdTimeout},
};

using Driver = GammuModemOptions::Driver;

std::string driverName(Driver d) {
    return d == Driver::Dummy ? "dummy" : "at";
}

Driver driverNamed(const std::string& name) {
    if (name == "at") {
        return Driver::At;
    }
    if (name == "dummy") {
        return Driver::Dummy;
    }
    throw std::invalid_argument("--driver is at or dummy, not '" + name + "'");
}

}  // namespace

std::vector<std::string> argumentsFor(const GammuModemOptions& o) {
    std::vector<std::string> out = {"--id",        o.id,
                                    "--device",    o.device,
                                    "--driver",    driverName(o.driver),
                                    "--reply-num", std::to_string(o.replyNum)};
    for (const DurationFlag& d : kDurations) {
        out.push_back(d.flag);
        out.push_back(std::to_string((o.*d.field).count()));
    }
    return out;
}

GammuModemOptions optionsFrom(const std::vector<std::string>& args) {
    GammuModemOptions o;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string& flag = args[i];
        if (i + 1 == args.size()) {
            throw std::invalid_argument(flag + " needs a value");
        }
        const std::string& value = args[i + 1];
        if (flag == "--id") {
            o.id = value;
        } else if (flag == "--device") {
            o.device = value;
        } else if (flag == "--driver") {
            o.driver = driverNamed(value);
        } else if (flag == "--reply-num") {
            o.replyNum = toInt(value, "--reply-num");
        } else {
            bool known = false;
            for (const DurationFlag& d : kDurations) {
                if (flag == d.flag) {
                    o.*d.field = Millis(toInt(value, d.flag));
                    known = true;
                }
            }
            if (!known) {
                throw std::invalid_argument("unknown argument " + flag);
            }
        }
    }
    if (o.device.empty()) {
        throw std::invalid_argument("--device is required");
    }
    return o;
}

}  // namespace veche::modem::worker
