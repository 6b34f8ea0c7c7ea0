#include "provision_cli.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "doctor.h"
#include "staff_text.h"
#include "veche/kiosk/key_file.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/provisioning/enrolment_link.h"
#include "veche/provisioning/hub_client.h"
#include "veche/provisioning/qr.h"
#include "veche/signing/staff_pin.h"

namespace veche::provisioning {
namespace {

using Poco::JSON::Object;

constexpr int kDone = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 64;

const char* const kUsageText =
    "usage: veche-provision COMMAND [options]   (--hub https://host[:port] or http://host:port,\n"
    "  default http://127.0.0.1:8080; --hub-ca FILE: trust only these CAs for the hub)\n"
    "operators and staff (an API token in --token or VECHE_TOKEN):\n"
    "  code --building ID [--cabinet NAME] [--modem DEVICE] [--staff-pin DIGITS] [--label "
    "FILE.png]\n"
    "  replace --kiosk ID [--label FILE.png]\n"
    "  revoke --kiosk ID\n"
    "  list [--building ID]\n"
    "  label --code CODE [--label FILE.png]\n"
    "on the kiosk:\n"
    "  enrol (--code CODE | --link TEXT) [--building ID] [--name NAME] [--state DIR] [--again]\n"
    "  rotate-key [--state DIR]\n"
    "  doctor [--state DIR] [--modem DEVICE] [--cabinet FILE|NAME] [--modbus-device DEV]\n";

// A usage error, naming what is wrong.
struct UsageError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// The doctor found problems (it has said which).
struct Problems {};

// A refusal or failure to tell staff, in Russian.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string command;
    std::map<std::string, std::string> values;  // --flag value
    std::set<std::string> switches;             // --flag alone

    std::string get(const std::string& flag, const std::string& fallback = "") const {
        auto it = values.find(flag);
        return it == values.end() ? fallback : it->second;
    }
    std::string required(const std::string& flag) const {
        auto value = get(flag);
        if (value.empty()) {
            throw UsageError(command + " needs " + flag);
        }
        return value;
    }
};

Options parse(const std::vector<std::string>& args) {
    static const std::set<std::string> kSwitches = {"--again"};
    static const std::set<std::string> kFlags = {
        "--modbus-device", "--profiles", "--staff-pin", "--hub",   "--token",
        "--building",      "--cabinet",  "--modem",     "--label", "--kiosk",
        "--code",          "--link",     "--name",      "--state", "--hub-ca"};
    if (args.empty()) {
        throw UsageError("no command");
    }
    Options o;
    o.command = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (kSwitches.contains(args[i])) {
            o.switches.insert(args[i]);
        } else if (kFlags.contains(args[i]) && i + 1 < args.size()) {
            o.values[args[i]] = args[i + 1];
            ++i;
        } else {
            throw UsageError("unknown option " + args[i] +
                             (kFlags.contains(args[i]) ? " (it needs a value)" : ""));
        }
    }
    return o;
}

std::string jsonText(const Object& o) {
    std::ostringstream text;
    o.stringify(text);
    return text.str();
}

Object::Ptr parsedObject(const std::string& body) {
    try {
        return Poco::JSON::Parser().parse(body).extract<Object::Ptr>();
    } catch (const std::exception&) {
        return nullptr;
    }
}

// The hub's refusal in `reply` ({"error": {"code", "message"}}), for staff.
Failure refusal(const HubReply& reply) {
    const auto error = errorOf(reply);
    return Failure(refusalText(reply.status, error.code, error.message));
}

class Command {
public:
    Command(const Options& options, std::ostream& out, const ProvisionContext& context)
        : o_(options), out_(out), context_(context) {
        hubUrl_ = o_.get("--hub", "http://127.0.0.1:8080");
        try {
            hub_ = parseHubUrl(hubUrl_);
            hub_.caFile = o_.get("--hub-ca");
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }

    void run() {
        const std::map<std::string, void (Command::*)()> commands = {
            {"code", &Command::code},
            {"replace", &Command::replace},
            {"revoke", &Command::revoke},
            {"list", &Command::list},
            {"label", &Command::label},
            {"enrol", &Command::enrol},
            {"rotate-key", &Command::rotateKey},
            {"doctor", &Command::doctor}};
        auto it = commands.find(o_.command);
        if (it == commands.end()) {
            throw UsageError("unknown command " + o_.command);
        }
        (this->*it->second)();
    }

private:
    // A request with the API token; Failure when the hub cannot be reached
    // or its status is not `expected`.
    HubReply tokenCall(const std::string& method, const std::string& path, const std::string& body,
                       int expected) {
        const std::string token = o_.get("--token", context_.token);
        if (token.empty()) {
            throw UsageError(o_.command + " needs an API token: --token or VECHE_TOKEN");
        }
        HubReply reply;
        try {
            reply = tokenRequest(hub_, token, method, path, body);
        } catch (const Poco::Exception& e) {
            throw Failure("хаб " + hubUrl_ + " недоступен: " + e.displayText());
        }
        if (reply.status != expected) {
            throw refusal(reply);
        }
        return reply;
    }

    // tokenCall()'s answer, a JSON object.
    Object::Ptr call(const std::string& method, const std::string& path, const std::string& body,
                     int expected) {
        const HubReply reply = tokenCall(method, path, body, expected);
        auto answer = parsedObject(reply.body);
        if (!answer) {
            throw Failure("хаб ответил не JSON: " + reply.body);
        }
        return answer;
    }

    // Prints a one-time code with its QR code, and writes the label when asked.
    void showCode(const Object& issued) {
        const auto code = issued.getValue<std::string>("code");
        out_ << "Код подключения терминала: " << code << '\n'
             << "Дом: " << issued.getValue<std::string>("building_id") << '\n'
             << "Действует до: " << russianTime(issued.getValue<std::string>("expires_at"))
             << ", один раз.\n";
        showLink(code);
        out_ << "На терминале, в его консоли:\n  veche-provision enrol --hub " << hubUrl_
             << " --code " << code << '\n';
    }

    void showLink(const std::string& code) {
        // The label sends a kiosk to this address: it must be one the kiosk
        // reaches, so it is never a default.
        if (o_.get("--hub").empty()) {
            throw UsageError(o_.command +
                             " needs --hub: the address kiosks reach the hub at goes on the label");
        }
        const auto qr = encodeQr(textOf({hubUrl_, code}));
        out_ << terminalQr(qr);
        const auto file = o_.get("--label");
        if (!file.empty()) {
            std::ofstream png(file, std::ios::binary | std::ios::trunc);
            png << pngOf(qr);
            if (!png.flush()) {
                throw Failure("не удалось записать этикетку в " + file);
            }
            out_ << "Этикетка для печати: " << file << '\n';
        }
    }

    void code() {
        Object request, settings;
        request.set("building_id", o_.required("--building"));
        for (const auto& [flag, key] : {std::pair{"--cabinet", "cabinet"}, {"--modem", "modem"}}) {
            if (!o_.get(flag).empty()) {
                settings.set(key, o_.get(flag));
            }
        }
        if (const auto pin = o_.get("--staff-pin"); !pin.empty()) {
            if (pin.size() < 4 || pin.size() > 8 ||
                pin.find_first_not_of("0123456789") != std::string::npos) {
                throw UsageError("--staff-pin must be 4 to 8 digits");
            }
            settings.set("staff_pin", signing::staffPinRecord(pin, context_.nonce()));
        }
        if (settings.size() > 0) {
            request.set("settings", settings);
        }
        showCode(*call("POST", "/api/v1/enrolments", jsonText(request), 201));
    }

    void replace() {
        const auto kiosk = o_.required("--kiosk");
        auto issued = call("POST", "/api/v1/kiosks/" + kiosk + "/replace", "{}", 201);
        out_ << "Замена терминала " << kiosk
             << ": новый займёт его дом и настройки, а этот будет отключён, как только новый "
                "подключится.\n";
        showCode(*issued);
    }

    void revoke() {
        const auto kiosk = o_.required("--kiosk");
        call("POST", "/api/v1/kiosks/" + kiosk + "/revoke", "{}", 200);
        out_ << "Терминал " << kiosk << " отключён: хаб откажет ему при следующем обращении.\n";
    }

    void label() {
        const auto code = o_.required("--code");
        out_ << "Код подключения терминала: " << code << '\n';
        showLink(code);
    }

    void list() {
        const auto building = o_.get("--building");
        const std::string path =
            "/api/v1/kiosks" + (building.empty() ? "" : "?building=" + building);
        auto kiosks = Poco::JSON::Parser()
                          .parse(tokenCall("GET", path, "", 200).body)
                          .extract<Poco::JSON::Array::Ptr>();
        out_ << "Терминалов: " << kiosks->size() << '\n';
        for (std::size_t i = 0; i < kiosks->size(); ++i) {
            showKiosk(*kiosks->getObject(static_cast<unsigned>(i)));
        }
    }

    void showKiosk(const Object& k) {
        out_ << k.getValue<std::string>("id") << " «" << k.getValue<std::string>("name") << "» — "
             << k.getValue<std::string>("address") << '\n';
        out_ << "  состояние: " << statusText(k.getValue<std::string>("status"));
        const auto seen = k.get("last_seen_at");
        out_ << "; на связи " << (seen.isEmpty() ? "ни разу" : russianTime(seen.toString()));
        if (!k.get("sync_lag_ms").isEmpty()) {
            out_ << "; задержка событий " << decimal(k.getValue<double>("sync_lag_ms") / 1000.0)
                 << " с";
        }
        out_ << "\n  модем: " << modemText(k.getObject("modem"));
        auto sensors = k.getObject("sensors");
        out_ << "\n  датчики: " << (sensors ? sensorsText(*sensors) : "нет данных") << '\n';
        auto alarms = k.getArray("open_alarms");
        for (std::size_t i = 0; alarms && i < alarms->size(); ++i) {
            out_ << "  тревога: " << alarmText(*alarms->getObject(static_cast<unsigned>(i)))
                 << '\n';
        }
    }

    std::string stateDir() const { return o_.get("--state", "veche-state/kiosk"); }

    void enrol() {
        std::string code = o_.get("--code");
        if (auto link = parseEnrolmentLink(o_.get("--link"))) {
            hub_ = withUrl(hub_, link->hubUrl);
            code = link->code;
        } else if (!o_.get("--link").empty()) {
            throw UsageError("--link is not an enrolment label's text");
        }
        if (code.empty()) {
            throw UsageError("enrol needs --code or --link");
        }
        std::filesystem::create_directories(stateDir());
        kiosk::KioskStore store(stateDir() + "/kiosk.sqlite");
        const auto enrolled = kiosk::identityIn(store);
        if (enrolled && !o_.switches.contains("--again")) {
            throw Failure("терминал уже подключён как " + enrolled->kioskId +
                          "; чтобы подключить его заново, добавьте --again");
        }
        try {
            const auto enrolKiosk = enrolled ? kiosk::enrolAgain : kiosk::enrol;
            const auto identity =
                enrolKiosk(store, hub_, code, o_.get("--name", "Киоск"), o_.get("--building"));
            out_ << "Терминал подключён: " << identity.kioskId << ", дом " << identity.buildingId
                 << ".\nКлюч терминала: " << kiosk::keyFileOf(store.path())
                 << " (читает только владелец; ключ не покидает терминал).\n";
        } catch (const kiosk::EventsPending& e) {
            throw Failure(e.staffText());
        } catch (const kiosk::EnrolmentRefused& e) {
            throw Failure(refusalText(e.status, e.code, e.message));
        } catch (const kiosk::HubUnreachable& e) {
            throw Failure("хаб недоступен: " + std::string(e.what()));
        }
    }

    void doctor() {
        DoctorOptions d;
        d.stateDir = stateDir();
        d.hubUrl = o_.get("--hub");
        d.hubCaFile = o_.get("--hub-ca");
        d.modemDevice = o_.get("--modem");
        d.cabinetFile = o_.get("--cabinet");
        d.modbusDevice = o_.get("--modbus-device");
        d.profileDir = o_.get("--profiles", VECHE_PROFILE_DIR);
        d.cabinetDir = VECHE_CABINET_DIR;
        if (runDoctor(d, context_, out_) > 0) {
            throw Problems();
        }
    }

    void rotateKey() {
        kiosk::KioskStore store(stateDir() + "/kiosk.sqlite");
        const auto identity = kiosk::identityIn(store);
        if (!identity) {
            throw Failure("терминал не подключён: сначала veche-provision enrol");
        }
        if (o_.get("--hub").empty() && store.meta("hub")) {
            hubUrl_ = *store.meta("hub");  // the hub it was enrolled with
            hub_ = withUrl(hub_, hubUrl_);
        }
        const auto current = signing::KeyPair::fromPrivateKey(identity->privateKey);
        if (!current) {
            throw Failure("ключ терминала повреждён: подключите терминал заново");
        }
        // The new key is kept before it is sent: a reply lost on the way is
        // retried with the same key, and a hub that took it is recognised.
        const std::string keyFile = kiosk::keyFileOf(store.path());
        const std::string nextFile = keyFile + ".next";
        std::optional<signing::KeyPair> fresh;
        if (const auto kept = kiosk::readKeyFile(nextFile); kept && *kept != identity->privateKey) {
            fresh = signing::KeyPair::fromPrivateKey(*kept);
        }
        if (!fresh) {
            fresh = signing::KeyPair::generate();
            kiosk::writeKeyFile(nextFile, fresh->privateKeyBase64());
        }
        Object body;
        body.set("public_key", fresh->publicKeyBase64());
        HubReply reply =
            signedCall(identity->kioskId, *current, "POST", "/api/v1/kiosk/key", jsonText(body));
        if (reply.status == 401 && reply.body.find("bad_signature") != std::string::npos &&
            signedCall(identity->kioskId, *fresh, "GET",
                       "/api/v1/kiosk/changes?cursor=" + std::to_string(context_.now()), "")
                    .status == 200) {
            reply.status = 200;  // the hub took the new key earlier and the old one has lapsed
        }
        if (reply.status != 200) {
            throw refusal(reply);
        }
        kiosk::writeKeyFile(keyFile, fresh->privateKeyBase64());
        std::filesystem::remove(nextFile);
        out_ << "Ключ терминала " << identity->kioskId
             << " заменён; терминал и его история остались прежними.\nПрежний ключ перестанет "
                "действовать через 10 минут: перезапустите программу терминала.\n";
    }

    // A request signed with `key`; Failure when the hub cannot be reached.
    HubReply signedCall(const std::string& kioskId, const signing::KeyPair& key,
                        const std::string& method, const std::string& path,
                        const std::string& body) {
        HubClient client(hub_, kioskId, key, context_.now, context_.nonce);
        try {
            return client.send(method, path, body);
        } catch (const Poco::Exception& e) {
            throw Failure("хаб " + hubUrl_ + " недоступен: " + e.displayText() +
                          ". Повторите команду в течение 10 минут: будет отправлен тот же ключ.");
        }
    }

    const Options& o_;
    std::ostream& out_;
    const ProvisionContext& context_;
    std::string hubUrl_;
    HubAddress hub_;
};

}  // namespace

int runProvision(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const ProvisionContext& context) {
    try {
        const Options options = parse(args);
        Command(options, out, context).run();
        return kDone;
    } catch (const Problems&) {
        return kFailed;
    } catch (const UsageError& e) {
        err << "veche-provision: " << e.what() << '\n' << kUsageText;
        return kUsage;
    } catch (const std::exception& e) {
        err << "veche-provision: " << e.what() << '\n';
        return kFailed;
    }
}

}  // namespace veche::provisioning
