#include "veche/modem/worker_modem.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <utility>

#include "veche/modem/worker_protocol.h"
#include "veche/modem/worker_server.h"

extern char** environ;

namespace veche::modem {

using worker::encodeLine;
using worker::toInt;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr int kPollMs = 200;  // how often a quiet reader looks whether it should stop

std::string describeExit(int status) {
    if (WIFEXITED(status)) {
        return "the worker exited with status " + std::to_string(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return "the worker was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    return "the worker stopped";
}

SendOutcome notSent(std::string why) {
    SendOutcome o;
    o.status = SendOutcome::Status::NotSent;
    o.error = std::move(why);
    return o;
}

}  // namespace

WorkerModem::WorkerModem(WorkerModemOptions options, ModemListener& listener)
    : options_(std::move(options)), listener_(listener) {
    if (::access(options_.worker.c_str(), X_OK) != 0) {
        throw std::invalid_argument(id() + ": " + options_.worker +
                                    " is not an executable program");
    }
    info_.lastError = "starting";
    supervisor_ = std::thread([this] { supervise(); });
}

WorkerModem::~WorkerModem() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (socket_ >= 0) {
            ::shutdown(socket_, SHUT_WR);  // the worker's input ends: it finishes and exits
        }
    }
    wake_.notify_all();
    supervisor_.join();
    failPending("the modem was shut down");
}

std::future<SendOutcome> WorkerModem::send(OutgoingSms sms) {
    std::promise<SendOutcome> promise;
    auto future = promise.get_future();
    std::lock_guard lock(mutex_);
    if (stopping_ || socket_ < 0 || !info_.connected) {
        promise.set_value(notSent(stopping_ ? "the modem was shut down"
                                            : "the modem is not connected: " + info_.lastError));
        return future;
    }
    const int seq = nextSeq_++;
    if (!worker::writeAll(socket_, encodeLine({"send", std::to_string(seq), sms.to, sms.text,
                                               sms.deliveryReport ? "1" : "0"}))) {
        promise.set_value(notSent("the modem's worker cannot be reached"));
        return future;
    }
    sends_.emplace(seq, std::move(promise));
    return future;
}

std::future<UssdReply> WorkerModem::dialUssd(std::string code) {
    std::promise<UssdReply> promise;
    auto future = promise.get_future();
    std::lock_guard lock(mutex_);
    if (stopping_ || socket_ < 0 || !info_.connected) {
        promise.set_value({false, "", "the modem is not connected: " + info_.lastError});
        return future;
    }
    const int seq = nextSeq_++;
    if (!worker::writeAll(socket_, encodeLine({"ussd", std::to_string(seq), code}))) {
        promise.set_value({false, "", "the modem's worker cannot be reached"});
        return future;
    }
    ussds_.emplace(seq, std::move(promise));
    return future;
}

ModemInfo WorkerModem::info() const {
    std::lock_guard lock(mutex_);
    return info_;
}

bool WorkerModem::write(const std::vector<std::string>& fields) {
    std::lock_guard lock(mutex_);
    return socket_ >= 0 && worker::writeAll(socket_, encodeLine(fields));
}

void WorkerModem::supervise() {
    auto backoff = options_.restartFirst;
    while (true) {
        Worker w;
        const bool spawned = spawn(w);
        const auto started = SteadyClock::now();
        if (spawned) {
            {
                std::lock_guard lock(mutex_);
                if (stopping_) {
                    ::shutdown(w.socket, SHUT_WR);
                }
                socket_ = w.socket;
            }
            readEvents(w);
            {
                std::lock_guard lock(mutex_);
                socket_ = -1;
            }
            const int status = reap(w);
            ::close(w.socket);
            bool wasConnected = false;
            {
                std::lock_guard lock(mutex_);
                wasConnected = std::exchange(info_.connected, false);
                info_.lastError = describeExit(status);
            }
            failPending("the modem's worker stopped: " + info().lastError);
            if (wasConnected) {
                listener_.onConnectionChanged(id(), false);
            }
        }
        if (SteadyClock::now() - started > options_.restartMax) {
            backoff = options_.restartFirst;  // it ran well for a while
        }
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, backoff, [this] { return stopping_; })) {
            return;
        }
        backoff = std::min(backoff * 2, options_.restartMax);
    }
}

bool WorkerModem::spawn(Worker& w) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        std::lock_guard lock(mutex_);
        info_.lastError = std::string("socketpair: ") + std::strerror(errno);
        return false;
    }
    std::vector<std::string> args = worker::argumentsFor(options_.modem);
    args.insert(args.begin(), options_.worker);
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pair[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pair[1], STDOUT_FILENO);
    const int e =
        posix_spawn(&w.pid, options_.worker.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pair[1]);
    if (e != 0) {
        ::close(pair[0]);
        std::lock_guard lock(mutex_);
        info_.lastError = "cannot start " + options_.worker + ": " + std::strerror(e);
        return false;
    }
    w.socket = pair[0];
    return true;
}

void WorkerModem::readEvents(const Worker& w) {
    worker::LineReader reader(w.socket);
    std::optional<SteadyClock::time_point> killAt;
    while (true) {
        std::string line;
        while (reader.take(line)) {
            try {
                handle(w, worker::decodeLine(line));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "%s: bad line from the worker: %s\n", id().c_str(), e.what());
            }
        }
        {
            std::lock_guard lock(mutex_);
            if (stopping_ && !killAt) {
                killAt = SteadyClock::now() + options_.stopGrace;
            } else if (killAt && SteadyClock::now() >= *killAt) {
                ::kill(w.pid, SIGKILL);  // it had its grace; EOF follows
            }
        }
        pollfd p{w.socket, POLLIN, 0};
        if (::poll(&p, 1, kPollMs) > 0 && reader.readOnce() <= 0) {
            return;  // the worker is gone
        }
    }
}

void WorkerModem::handle(const Worker&, const std::vector<std::string>& e) {
    const std::string& kind = e.at(0);
    auto need = [&](std::size_t n) {
        if (e.size() != n) {
            throw std::invalid_argument("'" + kind + "' with " + std::to_string(e.size() - 1) +
                                        " fields");
        }
    };
    if (kind == "sent") {
        need(6);
        SendOutcome o;
        o.status = static_cast<SendOutcome::Status>(toInt(e[2], "status"));
        o.parts = toInt(e[3], "parts");
        o.references = worker::toInts(e[4], "references");
        o.error = e[5];
        std::lock_guard lock(mutex_);
        if (auto found = sends_.find(toInt(e[1], "seq")); found != sends_.end()) {
            found->second.set_value(o);
            sends_.erase(found);
        }
    } else if (kind == "ussd") {
        need(5);
        std::lock_guard lock(mutex_);
        if (auto found = ussds_.find(toInt(e[1], "seq")); found != ussds_.end()) {
            found->second.set_value({e[2] == "1", e[3], e[4]});
            ussds_.erase(found);
        }
    } else if (kind == "received") {
        need(5);
        try {  // whatever goes wrong, the worker hears back and keeps the message
            const IncomingSms sms{
                e[2], e[4],
                std::chrono::system_clock::time_point(std::chrono::milliseconds(std::stoll(e[3])))};
            listener_.onReceived(id(), sms);
            write({"stored", e[1]});
        } catch (const std::exception& x) {
            write({"refused", e[1], x.what()});
        }
    } else if (kind == "report") {
        need(5);
        listener_.onDeliveryReport(
            id(), {e[1], toInt(e[2], "reference"), e[3] == "1", toInt(e[4], "status")});
    } else if (kind == "connection") {
        need(2);
        {
            std::lock_guard lock(mutex_);
            info_.connected = e[1] == "1";
        }
        listener_.onConnectionChanged(id(), e[1] == "1");
    } else if (kind == "info") {
        need(8);
        std::lock_guard lock(mutex_);
        info_.signalPercent = toInt(e[2], "signal");
        info_.sim = e[3];
        info_.imsi = e[4];
        info_.operatorName = e[5];
        info_.lastError = e[6];
        info_.reconnects = toInt(e[7], "reconnects");
    } else {
        throw std::invalid_argument("unknown event '" + kind + "'");
    }
}

int WorkerModem::reap(const Worker& w) {
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

void WorkerModem::failPending(const std::string& why) {
    std::map<int, std::promise<SendOutcome>> sends;
    std::map<int, std::promise<UssdReply>> ussds;
    {
        std::lock_guard lock(mutex_);
        sends.swap(sends_);
        ussds.swap(ussds_);
    }
    for (auto& [seq, p] : sends) {
        p.set_value(notSent(why));
    }
    for (auto& [seq, p] : ussds) {
        p.set_value({false, "", why});
    }
}

}  // namespace veche::modem
