#include "doctor.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "veche/hardware/bus_poller.h"
#include "veche/hardware/modbus_bus.h"
#include "veche/kiosk/key_file.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/modem/gammu_modem.h"
#include "veche/provisioning/hub_client.h"

namespace veche::provisioning {
namespace {

constexpr long long kClockWarnMs = 60'000;
constexpr long long kClockRefusedMs = 5 * 60'000;  // the hub's freshness window

// Prints checks and counts the problems.
class Report {
public:
    explicit Report(std::ostream& out) : out_(out) {}
    void ok(const std::string& what, const std::string& detail) {
        out_ << "✓ " << what << ": " << detail << '\n';
    }
    void problem(const std::string& what, const std::string& detail, const std::string& advice) {
        out_ << "✗ " << what << ": " << detail << "\n  Что делать: " << advice << '\n';
        ++problems_;
    }
    void skipped(const std::string& what, const std::string& why) {
        out_ << "– " << what << ": не проверялось (" << why << ")\n";
    }
    int problems() const { return problems_; }

private:
    std::ostream& out_;
    int problems_ = 0;
};

std::string durationText(long long ms) {
    const long long seconds = std::llabs(ms) / 1000;
    return seconds >= 60
               ? std::to_string(seconds / 60) + " мин " + std::to_string(seconds % 60) + " с"
               : std::to_string(seconds) + " с";
}

void checkKeyFile(const std::string& path, Report& report) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        report.problem("Ключ терминала", "файла " + path + " нет",
                       "подключите терминал: veche-provision enrol --hub АДРЕС --code КОД");
        return;
    }
    if ((info.st_mode & 0077) != 0 || info.st_uid != ::geteuid()) {
        report.problem("Ключ терминала", path + " могут читать другие пользователи",
                       "chmod 600 " + path + " (владелец — пользователь программы терминала)");
        return;
    }
    report.ok("Ключ терминала", path + " (читает только владелец)");
}

// The hub's /healthz: reachable, and its clock against ours.
void checkHub(const HubAddress& hub, const std::string& url, const ProvisionContext& context,
              Report& report) {
    HubReply reply;
    try {
        reply = tokenRequest(hub, "", "GET", "/healthz");
    } catch (const Poco::Exception& e) {
        report.problem(
            "Связь с хабом", url + " не отвечает: " + e.displayText(),
            "проверьте сеть терминала и адрес хаба; спросите оператора, работает ли хаб");
        return;
    }
    if (reply.status != 200) {
        report.problem(
            "Связь с хабом",
            url + " отвечает, но не как хаб «Вече» (HTTP " + std::to_string(reply.status) + ")",
            "проверьте адрес хаба: veche-provision doctor --hub http://адрес:порт");
        return;
    }
    report.ok("Связь с хабом", url + " отвечает");
    Poco::JSON::Object::Ptr health;
    try {
        health = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
    }
    if (!health || !health->has("time")) {
        report.skipped("Часы", "хаб не сообщает своё время");
        return;
    }
    const long long skew = context.now() - health->getValue<long long>("time");
    const std::string detail =
        skew >= 0 ? "спешат на " + durationText(skew) : "отстают на " + durationText(skew);
    if (std::llabs(skew) > kClockRefusedMs) {
        report.problem("Часы", detail + "; хаб отвергает запросы, если разница больше 5 минут",
                       "включите синхронизацию времени: timedatectl set-ntp true");
    } else if (std::llabs(skew) > kClockWarnMs) {
        report.problem("Часы", detail, "включите синхронизацию времени: timedatectl set-ntp true");
    } else {
        report.ok("Часы", "совпадают с хабом (разница " + durationText(skew) + ")");
    }
}

// A signed request: does the hub know this kiosk and its key?
void checkIdentity(const HubAddress& hub, const kiosk::KioskIdentity& identity,
                   const ProvisionContext& context, Report& report) {
    const auto key = signing::KeyPair::fromPrivateKey(identity.privateKey);
    if (!key) {
        report.problem("Терминал на хабе", "ключ терминала повреждён",
                       "подключите терминал заново кодом от оператора");
        return;
    }
    HubClient client(hub, identity.kioskId, *key, context.now, context.nonce);
    HubReply reply;
    try {
        reply = client.send("GET", "/api/v1/kiosk/changes?cursor=" + std::to_string(context.now()));
    } catch (const Poco::Exception& e) {
        return;  // already reported as no connection
    }
    if (reply.status == 200) {
        report.ok("Терминал на хабе", identity.kioskId + " подключён, дом " + identity.buildingId);
    } else if (reply.body.find("unknown_kiosk") != std::string::npos) {
        report.problem("Терминал на хабе", identity.kioskId + " отключён на хабе",
                       "попросите оператора выдать код и подключите терминал заново "
                       "(veche-provision enrol … --again)");
    } else {
        report.problem("Терминал на хабе",
                       "хаб отказал (HTTP " + std::to_string(reply.status) + "): " + reply.body,
                       "если дело в часах — настройте их; иначе подключите терминал заново");
    }
}

// Waits for the modem to connect and reads its state.
class ModemProbe : public modem::ModemListener {
public:
    void onReceived(const std::string&, const modem::IncomingSms&) override {
        throw std::runtime_error("left on the SIM");  // the kiosk's program handles it
    }
    void onDeliveryReport(const std::string&, const modem::DeliveryReport&) override {}
    void onConnectionChanged(const std::string&, bool connected) override {
        std::lock_guard lock(mutex_);
        connected_ = connected_ || connected;
        changed_.notify_all();
    }
    bool waitConnected(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [this] { return connected_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool connected_ = false;
};

void checkModem(const std::string& device, std::chrono::milliseconds wait, Report& report) {
    ModemProbe probe;
    modem::GammuModemOptions options;
    options.id = "doctor";
    options.device = device;
    modem::GammuModem gsm(options, probe);
    if (!probe.waitConnected(wait)) {
        report.problem("GSM-модем", device + " не отвечает: " + gsm.info().lastError,
                       "проверьте кабель модема; остановите программу терминала, если она "
                       "работает (порт занят ею)");
        return;
    }
    const auto info = gsm.info();
    if (!info.sim.empty() && info.sim != "ready") {
        report.problem("GSM-модем", "SIM-карта: " + info.sim,
                       "проверьте SIM-карту: вставлена ли она и не требует ли PIN");
    } else if (info.signalPercent >= 0 && info.signalPercent < 10) {
        report.problem("GSM-модем", "слабый сигнал: " + std::to_string(info.signalPercent) + " %",
                       "переставьте антенну модема повыше или ближе к окну");
    } else {
        report.ok("GSM-модем",
                  device + ", SIM готова, сигнал " +
                      (info.signalPercent < 0 ? std::string("неизвестен")
                                              : std::to_string(info.signalPercent) + " %") +
                      (info.operatorName.empty() ? "" : ", " + info.operatorName));
    }
}

void checkCabinet(hardware::CabinetConfig cabinet, const std::string& modbusDevice,
                  Report& report) {
    for (auto& bus : cabinet.buses) {
        if (auto* line = std::get_if<hardware::RtuLine>(&bus.link); line && !modbusDevice.empty()) {
            line->device = modbusDevice;
        }
        bus.offlineAfter = 1;
        hardware::BusPoller poller(bus, std::make_unique<hardware::ModbusBus>(bus));
        for (const auto& device : poller.poll({}, 0).devices) {
            const std::string what = "Модуль шкафа «" + device.name + "»";
            if (device.failures == 0) {
                report.ok(what, "отвечает");
            } else {
                report.problem(what, device.lastError,
                               "проверьте провод RS-485, питание модуля и его адрес в профиле");
            }
        }
    }
}

}  // namespace

int runDoctor(const DoctorOptions& o, const ProvisionContext& context, std::ostream& out) {
    Report report(out);
    const std::string storePath = o.stateDir + "/kiosk.sqlite";
    if (!std::filesystem::exists(storePath)) {
        report.problem("Подключение", "в " + o.stateDir + " нет данных терминала",
                       "подключите терминал: veche-provision enrol --hub АДРЕС --code КОД");
        return report.problems();
    }
    kiosk::KioskStore store(storePath);
    const auto identity = kiosk::identityIn(store);  // moves a key kept by an older version first
    checkKeyFile(kiosk::keyFileOf(storePath), report);
    const std::string url = !o.hubUrl.empty() ? o.hubUrl : store.meta("hub").value_or("");
    if (url.empty()) {
        report.skipped("Связь с хабом", "адрес хаба неизвестен: укажите --hub");
    } else {
        HubAddress hub = parseHubUrl(url);
        hub.caFile = o.hubCaFile;
        checkHub(hub, url, context, report);
        if (identity) {
            checkIdentity(hub, *identity, context, report);
        }
    }
    const std::string modemDevice =
        !o.modemDevice.empty() ? o.modemDevice : store.setting("modem").value_or("");
    if (modemDevice.empty()) {
        report.skipped("GSM-модем", "устройство не задано");
    } else {
        checkModem(modemDevice, o.modemWait, report);
    }
    const std::string cabinet =
        !o.cabinetFile.empty() ? o.cabinetFile : store.setting("cabinet").value_or("");
    if (cabinet.empty()) {
        report.skipped("Шкаф", "модули не заданы");
    } else {
        try {
            checkCabinet(
                hardware::loadCabinet(hardware::cabinetFileOf(cabinet, o.cabinetDir), o.profileDir),
                o.modbusDevice, report);
        } catch (const std::invalid_argument& e) {
            report.problem("Шкаф", e.what(), "исправьте файл шкафа или профиль модуля");
        }
    }
    out << (report.problems() == 0 ? "Всё в порядке.\n"
                                   : "Проблем: " + std::to_string(report.problems()) + ".\n");
    return report.problems();
}

}  // namespace veche::provisioning
