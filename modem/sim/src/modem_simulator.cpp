#include "veche/modem/sim/modem_simulator.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>

#include "veche/modem/pdu.h"
#include "veche/modem/sms_text.h"
#include "veche/sim/pty.h"

namespace veche::modem::sim {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kCtrlZ = 0x1A;
constexpr char kEsc = 0x1B;

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::string unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        s = s.substr(1, s.size() - 2);
    }
    return std::string(s);
}

// Comma-separated arguments; commas inside quotes do not split.
std::vector<std::string> splitArgs(std::string_view s) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : s) {
        if (c == '"') {
            quoted = !quoted;
        }
        if (c == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back().push_back(c);
        }
    }
    return out;
}

std::optional<int> toInt(std::string_view s) {
    if (s.empty() || s.size() > 9) {
        return std::nullopt;
    }
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

// Parts of a concatenated message seen so far.
struct Assembly {
    int total = 1;
    bool statusReportRequested = false;
    std::map<int, std::string> texts;  // by sequence number
    std::map<int, int> references;     // TP-MR by sequence number
};

using AssemblyKey = std::tuple<std::string, int, bool, int>;  // to, ref, ref16, total

struct StoredPart {
    PduHex pdu;
    bool read = false;
};

}  // namespace

class ModemSimulator::Impl {
public:
    explicit Impl(SimulatorOptions options);
    ~Impl();

    // --- public API, any thread ---
    std::vector<SentSms> sent() const;
    bool waitForSent(std::size_t count, std::chrono::milliseconds timeout) const;
    int partsAccepted() const;
    void setOnSent(std::function<void(const SentSms&)> callback);
    void deliver(const std::string& from, const std::string& text);
    int storedParts() const;
    bool waitForStoredParts(int count, std::chrono::milliseconds timeout) const;
    void setUssdReply(const std::string& code, const std::string& reply, bool continues);
    void failNextSends(int count, std::string errorLine);
    void setSilent(bool silent);
    void setPartsPerMinute(int rate);
    void unplug();
    void replug();
    std::vector<std::string> commandLog() const;
    const std::filesystem::path& link() const { return options_.link; }

private:
    struct UssdReply {
        std::string text;
        bool continues = false;
    };

    // Runs `task` on the simulator thread and waits for it (rethrowing its exception).
    void runOnThread(std::function<void()> task);
    void wake() const;
    void loop();
    int pollTimeoutMs() const;
    void runTasks();
    void runDueTimers();
    void readInput();
    void schedule(Clock::time_point at, std::function<void()> fn);

    // --- AT protocol, simulator thread only ---
    void onByte(char c);
    void onLine(const std::string& line);
    void onPdu(const std::string& hex);
    bool handleSimple(const std::string& cmd);
    bool handleWithArgs(const std::string& cmd, const std::string& original);
    void handleCmgs(const std::string& args);
    void handleCmgl(const std::string& args);
    void handleCmgr(const std::string& args);
    void handleCmgd(const std::string& args);
    void handleCpms(const std::string& args);
    void handleCusd(const std::string& args);
    void acceptPart(const SubmitPdu& pdu);
    void recordPart(const SubmitPdu& pdu, int mr);
    std::string storageCounts() const;
    int usedLocations() const;
    std::string decodeUssdCode(const std::string& raw) const;

    void send(std::string_view data) const;
    void ok() const { send("\r\nOK\r\n"); }
    void error() const { send("\r\nERROR\r\n"); }
    void info(const std::string& line) const { send("\r\n" + line + "\r\n\r\nOK\r\n"); }

    void openPty();
    void closePty();

    SimulatorOptions options_;
    int wakeFd_ = -1;

    // Shared with API callers; guarded by mutex_.
    mutable std::mutex mutex_;
    mutable std::condition_variable sentChanged_;  // and storedCount_
    std::deque<std::function<void()>> tasks_;
    std::vector<SentSms> sent_;
    int partsAccepted_ = 0;
    std::function<void(const SentSms&)> onSent_;
    std::map<std::string, UssdReply> ussdReplies_;
    int failCount_ = 0;
    std::string failLine_;
    bool silent_ = false;
    int partsPerMinute_ = 0;
    std::vector<std::string> commandLog_;
    int storedCount_ = 0;

    // Simulator thread only.
    std::unique_ptr<veche::sim::Pty> pty_;
    std::string input_;
    bool inPrompt_ = false;
    int promptLength_ = 0;
    bool echo_ = true;
    std::string charset_ = "GSM";
    int cregMode_ = 0;
    int copsFormat_ = 0;
    int nextMr_ = 1;
    int nextConcatRef_ = 1;
    std::optional<Clock::time_point> lastAccept_;
    std::map<int, StoredPart> storage_;  // by 1-based index
    std::map<AssemblyKey, Assembly> assemblies_;
    std::multimap<Clock::time_point, std::function<void()>> timers_;

    std::atomic<bool> stop_{false};
    std::thread thread_;
};

ModemSimulator::Impl::Impl(SimulatorOptions options) : options_(std::move(options)) {
    if (options_.link.empty()) {
        throw std::invalid_argument("ModemSimulator: link path is required");
    }
    partsPerMinute_ = options_.partsPerMinute;
    wakeFd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wakeFd_ < 0) {
        throw std::system_error(errno, std::generic_category(), "eventfd");
    }
    try {
        openPty();
    } catch (...) {
        ::close(wakeFd_);
        throw;
    }
    thread_ = std::thread([this] { loop(); });
}

ModemSimulator::Impl::~Impl() {
    stop_ = true;
    wake();
    thread_.join();
    closePty();
    ::close(wakeFd_);
}

void ModemSimulator::Impl::wake() const {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeFd_, &one, sizeof one);
}

void ModemSimulator::Impl::runOnThread(std::function<void()> task) {
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> result = done->get_future();
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back([task = std::move(task), done] {
            try {
                task();
                done->set_value();
            } catch (...) {
                done->set_exception(std::current_exception());
            }
        });
    }
    wake();
    result.get();
}

void ModemSimulator::Impl::loop() {
    while (!stop_) {
        pollfd fds[2] = {{wakeFd_, POLLIN, 0}, {pty_ ? pty_->masterFd() : -1, POLLIN, 0}};
        const int n = ::poll(fds, 2, pollTimeoutMs());
        if (n < 0 && errno != EINTR) {
            break;
        }
        if (fds[0].revents & POLLIN) {
            std::uint64_t count = 0;
            [[maybe_unused]] const ssize_t r = ::read(wakeFd_, &count, sizeof count);
        }
        runTasks();
        if (pty_ && (fds[1].revents & POLLIN)) {
            readInput();
        }
        runDueTimers();
    }
}

int ModemSimulator::Impl::pollTimeoutMs() const {
    if (timers_.empty()) {
        return 1000;
    }
    const auto wait = timers_.begin()->first - Clock::now();
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
}

void ModemSimulator::Impl::runTasks() {
    std::deque<std::function<void()>> tasks;
    {
        std::lock_guard lock(mutex_);
        tasks.swap(tasks_);
    }
    for (auto& task : tasks) {
        task();
    }
}

void ModemSimulator::Impl::runDueTimers() {
    while (!timers_.empty() && timers_.begin()->first <= Clock::now()) {
        auto fn = std::move(timers_.begin()->second);
        timers_.erase(timers_.begin());
        fn();
    }
}

void ModemSimulator::Impl::schedule(Clock::time_point at, std::function<void()> fn) {
    timers_.emplace(at, std::move(fn));
}

void ModemSimulator::Impl::readInput() {
    char buffer[4096];
    const ssize_t n = ::read(pty_->masterFd(), buffer, sizeof buffer);
    if (n <= 0) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (silent_) {
            return;
        }
    }
    for (ssize_t i = 0; i < n; ++i) {
        onByte(buffer[i]);
    }
}

void ModemSimulator::Impl::send(std::string_view data) const {
    if (pty_) {
        pty_->write(data);
    }
}

void ModemSimulator::Impl::openPty() {
    pty_ = std::make_unique<veche::sim::Pty>(options_.link);
}

void ModemSimulator::Impl::closePty() {
    pty_.reset();
    input_.clear();
    inPrompt_ = false;
    timers_.clear();
    assemblies_.clear();
    echo_ = true;
    charset_ = "GSM";
}

// --- AT protocol ---

void ModemSimulator::Impl::onByte(char c) {
    if (inPrompt_) {
        if (c == kCtrlZ) {
            inPrompt_ = false;
            onPdu(std::exchange(input_, {}));
        } else if (c == kEsc) {
            inPrompt_ = false;  // cancelled
            input_.clear();
        } else if (c != '\r' && c != '\n') {
            input_.push_back(c);
        }
        return;
    }
    if (c == '\r') {
        onLine(std::exchange(input_, {}));
    } else if (c != '\n' && c != kEsc) {
        input_.push_back(c);
    }
}

void ModemSimulator::Impl::onLine(const std::string& line) {
    if (line.empty()) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        commandLog_.push_back(line);
    }
    if (echo_) {
        send(line + "\r");
    }
    const std::string cmd = upper(line);
    if (!handleSimple(cmd) && !handleWithArgs(cmd, line)) {
        error();
    }
}

bool ModemSimulator::Impl::handleSimple(const std::string& cmd) {
    const SimulatorOptions& o = options_;
    if (cmd == "AT" || cmd == "AT+CMEE=1" || cmd == "AT+CMEE=2" || cmd == "AT+CHUP=?" ||
        cmd == "AT+CFUN=1" || cmd == "AT+CMGF=0") {
        ok();
    } else if (cmd == "ATE1" || cmd == "ATE0") {
        echo_ = cmd == "ATE1";
        ok();
    } else if (cmd == "AT+CSCS?") {
        info("+CSCS: \"" + charset_ + "\"");
    } else if (cmd == "AT+CSCS=?") {
        info("+CSCS: (\"IRA\",\"GSM\",\"UCS2\")");
    } else if (cmd == "AT+CGMM") {
        info(o.model);
    } else if (cmd == "AT+CGMI") {
        info(o.manufacturer);
    } else if (cmd == "AT+CGMR") {
        info(o.firmware);
    } else if (cmd == "AT+CGSN") {
        info(o.imei);
    } else if (cmd == "AT+CIMI") {
        info(o.imsi);
    } else if (cmd == "AT+CFUN?") {
        info("+CFUN: 1");
    } else if (cmd == "AT+CPIN?") {
        info("+CPIN: READY");
    } else if (cmd == "AT+CSQ") {
        info("+CSQ: 20,99");
    } else if (cmd == "AT+COPS?") {
        info(copsFormat_ == 2 ? "+COPS: 0,2,\"" + o.operatorCode + "\""
                              : "+COPS: 0,0,\"" + o.operatorName + "\"");
    } else if (cmd == "AT+CGATT?") {  // attached to the packet service
        info("+CGATT: 1");
    } else if (cmd == "AT+CREG?" || cmd == "AT+CGREG?") {
        info(cmd.substr(2, cmd.size() - 3) + ": " + std::to_string(cregMode_) + ",1");
    } else if (cmd == "AT+CSCA?") {
        info("+CSCA: \"" + o.smsc + "\",145");
    } else if (cmd == "AT+CMGF?") {
        info("+CMGF: 0");
    } else if (cmd == "AT+CNMI=?") {
        info("+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)");
    } else if (cmd == "AT+CPMS=?") {
        info("+CPMS: (\"SM\"),(\"SM\"),(\"SM\")");
    } else if (cmd == "AT+CPMS?") {
        const std::string c =
            std::to_string(usedLocations()) + "," + std::to_string(options_.simCapacity);
        info("+CPMS: \"SM\"," + c + ",\"SM\"," + c + ",\"SM\"," + c);
    } else if (cmd == "AT+CUSD=?") {
        info("+CUSD: (0-2)");
    } else {
        return false;
    }
    return true;
}

bool ModemSimulator::Impl::handleWithArgs(const std::string& cmd, const std::string& original) {
    auto argsOf = [&](std::string_view prefix) { return original.substr(prefix.size()); };
    if (startsWith(cmd, "AT+CSCS=")) {
        const std::string cs = upper(unquote(argsOf("AT+CSCS=")));
        if (cs != "GSM" && cs != "UCS2" && cs != "IRA") {
            return false;
        }
        charset_ = cs;
        ok();
    } else if (startsWith(cmd, "AT+CNMI=")) {
        ok();
    } else if (startsWith(cmd, "AT+CREG=") || startsWith(cmd, "AT+CGREG=")) {
        cregMode_ = toInt(cmd.substr(cmd.find('=') + 1)).value_or(0);
        ok();
    } else if (startsWith(cmd, "AT+COPS=")) {
        const auto args = splitArgs(argsOf("AT+COPS="));
        copsFormat_ = args.size() >= 2 ? toInt(args[1]).value_or(0) : 0;
        ok();
    } else if (startsWith(cmd, "AT+CPMS=")) {
        handleCpms(argsOf("AT+CPMS="));
    } else if (startsWith(cmd, "AT+CMGS=")) {
        handleCmgs(argsOf("AT+CMGS="));
    } else if (startsWith(cmd, "AT+CMGL=")) {
        handleCmgl(argsOf("AT+CMGL="));
    } else if (startsWith(cmd, "AT+CMGR=")) {
        handleCmgr(argsOf("AT+CMGR="));
    } else if (startsWith(cmd, "AT+CMGD=")) {
        handleCmgd(argsOf("AT+CMGD="));
    } else if (startsWith(cmd, "AT+CUSD=")) {
        handleCusd(argsOf("AT+CUSD="));
    } else {
        return false;
    }
    return true;
}

int ModemSimulator::Impl::usedLocations() const {
    return static_cast<int>(storage_.size());
}

std::string ModemSimulator::Impl::storageCounts() const {
    const std::string c =
        std::to_string(usedLocations()) + "," + std::to_string(options_.simCapacity);
    return c + "," + c + "," + c;
}

void ModemSimulator::Impl::handleCpms(const std::string& args) {
    for (const std::string& a : splitArgs(args)) {
        if (upper(unquote(a)) != "SM") {
            send("\r\n+CMS ERROR: 302\r\n");
            return;
        }
    }
    info("+CPMS: " + storageCounts());
}

void ModemSimulator::Impl::handleCmgs(const std::string& args) {
    const auto length = toInt(args);
    if (!length || *length == 0) {
        send("\r\n+CMS ERROR: 304\r\n");
        return;
    }
    inPrompt_ = true;
    promptLength_ = *length;
    send("\r\n> ");
}

void ModemSimulator::Impl::onPdu(const std::string& hex) {
    if (echo_) {
        send(hex);
    }
    {
        std::lock_guard lock(mutex_);
        if (failCount_ > 0) {
            --failCount_;
            send("\r\n" + failLine_ + "\r\n");
            return;
        }
    }
    SubmitPdu pdu;
    try {
        pdu = decodeSubmit(hex);
        if (tpduLengthOf(hex) != promptLength_) {
            throw std::invalid_argument("length mismatch");
        }
    } catch (const std::invalid_argument&) {
        send("\r\n+CMS ERROR: 304\r\n");
        return;
    }
    acceptPart(pdu);
}

void ModemSimulator::Impl::acceptPart(const SubmitPdu& pdu) {
    int rate = 0;
    {
        std::lock_guard lock(mutex_);
        rate = partsPerMinute_;
    }
    Clock::time_point at = Clock::now();
    if (rate > 0 && lastAccept_) {
        const auto interval =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(60.0 / rate));
        at = std::max(at, *lastAccept_ + interval);
    }
    lastAccept_ = at;
    const int mr = nextMr_;
    nextMr_ = nextMr_ % 255 + 1;
    schedule(at, [this, pdu, mr] {
        send("\r\n+CMGS: " + std::to_string(mr) + "\r\n\r\nOK\r\n");
        if (pdu.statusReportRequested) {
            const PduHex report = encodeStatusReport(
                mr, pdu.destination, std::chrono::system_clock::now(), 0, options_.smsc);
            send("\r\n+CDS: " + std::to_string(report.tpduLength) + "\r\n" + report.hex + "\r\n");
        }
        recordPart(pdu, mr);
    });
}

void ModemSimulator::Impl::recordPart(const SubmitPdu& pdu, int mr) {
    const ConcatInfo concat = pdu.concat.value_or(ConcatInfo{});
    const AssemblyKey key{pdu.destination, concat.reference, concat.reference16, concat.total};
    Assembly& a = assemblies_[key];
    a.total = concat.total;
    if (concat.sequence == 1) {
        a.statusReportRequested = pdu.statusReportRequested;
    }
    a.texts[concat.sequence] = pdu.text;
    a.references[concat.sequence] = mr;
    std::function<void(const SentSms&)> callback;
    SentSms done;
    {
        std::lock_guard lock(mutex_);
        ++partsAccepted_;
        if (static_cast<int>(a.texts.size()) < a.total) {
            sentChanged_.notify_all();
            return;
        }
        done.to = pdu.destination;
        done.parts = a.total;
        done.statusReportRequested = a.statusReportRequested;
        for (const auto& [seq, text] : a.texts) {
            done.text += text;
            done.messageReferences.push_back(a.references[seq]);
        }
        sent_.push_back(done);
        callback = onSent_;
    }
    assemblies_.erase(key);
    sentChanged_.notify_all();
    if (callback) {
        callback(done);
    }
}

void ModemSimulator::Impl::handleCmgl(const std::string& args) {
    const auto stat = toInt(args);
    if (!stat || (*stat > 4)) {
        send("\r\n+CMS ERROR: 302\r\n");
        return;
    }
    std::string out;
    for (auto& [index, part] : storage_) {
        const int s = part.read ? 1 : 0;
        if (*stat != 4 && *stat != s) {
            continue;
        }
        out += "\r\n+CMGL: " + std::to_string(index) + "," + std::to_string(s) + ",," +
               std::to_string(part.pdu.tpduLength) + "\r\n" + part.pdu.hex;
        part.read = true;
    }
    send(out + "\r\n\r\nOK\r\n");
}

void ModemSimulator::Impl::handleCmgr(const std::string& args) {
    const auto index = toInt(args);
    const auto it = index ? storage_.find(*index) : storage_.end();
    if (it == storage_.end()) {
        send("\r\n+CMS ERROR: 321\r\n");
        return;
    }
    send("\r\n+CMGR: " + std::to_string(it->second.read ? 1 : 0) + ",," +
         std::to_string(it->second.pdu.tpduLength) + "\r\n" + it->second.pdu.hex +
         "\r\n\r\nOK\r\n");
    it->second.read = true;
}

void ModemSimulator::Impl::handleCmgd(const std::string& args) {
    const auto parts = splitArgs(args);
    const auto index = toInt(parts[0]);
    if (!index) {
        send("\r\n+CMS ERROR: 302\r\n");
        return;
    }
    storage_.erase(*index);
    {
        std::lock_guard lock(mutex_);
        storedCount_ = usedLocations();
    }
    sentChanged_.notify_all();
    ok();
}

std::string ModemSimulator::Impl::decodeUssdCode(const std::string& raw) const {
    if (charset_ == "UCS2" && raw.size() % 4 == 0) {
        try {
            return ucs2BeToUtf8(fromHex(raw));
        } catch (const std::invalid_argument&) {
            return raw;
        }
    }
    return raw;
}

void ModemSimulator::Impl::handleCusd(const std::string& args) {
    const auto parts = splitArgs(args);
    const auto mode = toInt(parts[0]);
    if (!mode || *mode > 2) {
        error();
        return;
    }
    ok();
    if (parts.size() < 2) {
        return;
    }
    const std::string code = decodeUssdCode(unquote(parts[1]));
    UssdReply reply{options_.defaultUssdReply, false};
    {
        std::lock_guard lock(mutex_);
        if (auto it = ussdReplies_.find(code); it != ussdReplies_.end()) {
            reply = it->second;
        }
    }
    schedule(Clock::now() + options_.ussdDelay, [this, reply] {
        send("\r\n+CUSD: " + std::string(reply.continues ? "1" : "0") + ",\"" +
             toHex(utf8ToUcs2Be(reply.text)) + "\",72\r\n");
    });
}

// --- public API ---

std::vector<SentSms> ModemSimulator::Impl::sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
}

bool ModemSimulator::Impl::waitForSent(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return sentChanged_.wait_for(lock, timeout, [&] { return sent_.size() >= count; });
}

int ModemSimulator::Impl::partsAccepted() const {
    std::lock_guard lock(mutex_);
    return partsAccepted_;
}

void ModemSimulator::Impl::setOnSent(std::function<void(const SentSms&)> callback) {
    std::lock_guard lock(mutex_);
    onSent_ = std::move(callback);
}

void ModemSimulator::Impl::deliver(const std::string& from, const std::string& text) {
    runOnThread([this, from, text] {
        const std::vector<PduHex> parts = encodeDeliver(
            from, text, std::chrono::system_clock::now(), {options_.smsc, nextConcatRef_});
        nextConcatRef_ = (nextConcatRef_ + 1) % 256;
        if (usedLocations() + static_cast<int>(parts.size()) > options_.simCapacity) {
            throw std::runtime_error("SIM storage full");
        }
        for (const PduHex& part : parts) {
            int index = 1;
            while (storage_.count(index) != 0) {
                ++index;
            }
            storage_[index] = StoredPart{part, false};
            send("\r\n+CMTI: \"SM\"," + std::to_string(index) + "\r\n");
        }
        std::lock_guard lock(mutex_);
        storedCount_ = usedLocations();
    });
}

int ModemSimulator::Impl::storedParts() const {
    std::lock_guard lock(mutex_);
    return storedCount_;
}

bool ModemSimulator::Impl::waitForStoredParts(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return sentChanged_.wait_for(lock, timeout, [&] { return storedCount_ == count; });
}

void ModemSimulator::Impl::setUssdReply(const std::string& code, const std::string& reply,
                                        bool continues) {
    utf8ToCodePoints(reply);  // validate now rather than on the simulator thread
    std::lock_guard lock(mutex_);
    ussdReplies_[code] = UssdReply{reply, continues};
}

void ModemSimulator::Impl::failNextSends(int count, std::string errorLine) {
    std::lock_guard lock(mutex_);
    failCount_ = count;
    failLine_ = std::move(errorLine);
}

void ModemSimulator::Impl::setSilent(bool silent) {
    std::lock_guard lock(mutex_);
    silent_ = silent;
}

void ModemSimulator::Impl::setPartsPerMinute(int rate) {
    std::lock_guard lock(mutex_);
    partsPerMinute_ = std::max(rate, 0);
}

void ModemSimulator::Impl::unplug() {
    runOnThread([this] { closePty(); });
}

void ModemSimulator::Impl::replug() {
    runOnThread([this] {
        if (!pty_) {
            openPty();
        }
    });
}

std::vector<std::string> ModemSimulator::Impl::commandLog() const {
    std::lock_guard lock(mutex_);
    return commandLog_;
}

// --- ModemSimulator ---

ModemSimulator::ModemSimulator(SimulatorOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
ModemSimulator::~ModemSimulator() = default;
const std::filesystem::path& ModemSimulator::link() const {
    return impl_->link();
}
std::vector<SentSms> ModemSimulator::sent() const {
    return impl_->sent();
}
bool ModemSimulator::waitForSent(std::size_t count, std::chrono::milliseconds timeout) const {
    return impl_->waitForSent(count, timeout);
}
int ModemSimulator::partsAccepted() const {
    return impl_->partsAccepted();
}
void ModemSimulator::setOnSent(std::function<void(const SentSms&)> callback) {
    impl_->setOnSent(std::move(callback));
}
void ModemSimulator::deliver(const std::string& from, const std::string& utf8Text) {
    impl_->deliver(from, utf8Text);
}
int ModemSimulator::storedParts() const {
    return impl_->storedParts();
}

bool ModemSimulator::waitForStoredParts(int count, std::chrono::milliseconds timeout) const {
    return impl_->waitForStoredParts(count, timeout);
}
void ModemSimulator::setUssdReply(const std::string& code, const std::string& utf8Reply,
                                  bool sessionContinues) {
    impl_->setUssdReply(code, utf8Reply, sessionContinues);
}
void ModemSimulator::failNextSends(int count, std::string errorLine) {
    impl_->failNextSends(count, std::move(errorLine));
}
void ModemSimulator::setSilent(bool silent) {
    impl_->setSilent(silent);
}
void ModemSimulator::setPartsPerMinute(int rate) {
    impl_->setPartsPerMinute(rate);
}
void ModemSimulator::unplug() {
    impl_->unplug();
}
void ModemSimulator::replug() {
    impl_->replug();
}
std::vector<std::string> ModemSimulator::commandLog() const {
    return impl_->commandLog();
}

}  // namespace veche::modem::sim
