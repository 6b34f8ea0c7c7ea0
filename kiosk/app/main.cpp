// veche-kiosk: the lobby touchscreen. Builds the kiosk's backend on its
// store, enrols it first if asked, and shows the screens.
#include <QGuiApplication>

#include <filesystem>
#include <iostream>

#include "kiosk_args.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/kiosk/sample_content.h"
#include "veche/kiosk/ui/kiosk_ui.h"

namespace {

using namespace veche::kiosk;

constexpr int kUsageError = 64;
constexpr int kSetupError = 78;
constexpr const char* kSamplePhone = "+79001112233";

// veche-modem-worker, installed beside this program.
std::string workerBesideThisProgram() {
    std::error_code e;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", e);
    return e ? "veche-modem-worker" : (self.parent_path() / "veche-modem-worker").string();
}

// A link for the screenshots, which never reach a hub.
class NoHub : public HubLink {
public:
    std::optional<veche::provisioning::HubReply> send(const std::string&, const std::string&,
                                                      const std::string&) override {
        return std::nullopt;
    }
};

ui::UiOptions uiOptions(const KioskArgs& args) {
    ui::UiOptions o;
    o.windowed = args.windowed;
    o.windowSize = args.landscape ? QSize(1920, 1080) : QSize(1080, 1920);
    o.idleTimeoutMs = args.idleSeconds * 1000;
    return o;
}

// Every screen with sample content, on a throwaway store.
int screenshots(const KioskArgs& args) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("veche-kiosk-shots-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    int rc = 1;
    {
        const Environment env = systemEnvironment();
        KioskStore store((dir / "kiosk.sqlite").string());
        store.applyChanges(sampleChanges(env.now(), kSamplePhone), env.now());
        KioskSmsOutbox outbox(store);
        NoHub hub;
        SyncClient sync(store, hub, env);
        KioskCodes codes(
            store, outbox, hub, env, [] { return true; }, [] {});
        KioskBackend backend(store, codes, sync, outbox, "sample-kiosk", env, [] { return true; });
        ui::UiOptions o = uiOptions(args);
        o.speechEngine = "none";
        o.samplePhone = kSamplePhone;
        StaffReenrolment reenrolment(store, {}, "sample-kiosk");  // shown, never used
        HubPaperEntry paper(hub);                                 // the same
        ui::KioskUi screens(backend, o, nullptr, {&reenrolment, &paper});
        rc = screens.saveScreenshots(QString::fromStdString(args.screenshots));
    }
    std::filesystem::remove_all(dir);
    return rc;
}

// The cabinet file (or a shipped cabinet's name), with the serial device
// replaced when asked.
veche::hardware::CabinetConfig cabinetOf(const std::string& fileOrName, const KioskArgs& args) {
    auto cabinet =
        veche::hardware::loadCabinet(veche::hardware::cabinetFileOf(fileOrName, VECHE_CABINET_DIR),
                                     args.profiles.empty() ? VECHE_PROFILE_DIR : args.profiles);
    if (!args.modbusDevice.empty()) {
        for (auto& bus : cabinet.buses) {
            if (auto* line = std::get_if<veche::hardware::RtuLine>(&bus.link)) {
                line->device = args.modbusDevice;
            }
        }
    }
    return cabinet;
}

// The hub the kiosk was enrolled with (a label may have named another);
// before the first enrolment, the command line's.
veche::provisioning::HubAddress hubOf(const KioskArgs& args, KioskStore& store) {
    veche::provisioning::HubAddress hub;
    if (const auto enrolledWith = store.meta("hub")) {
        hub = veche::provisioning::parseHubUrl(*enrolledWith);
    } else if (args.hub) {
        hub = *args.hub;
    }
    hub.caFile = args.hubCa;
    return hub;
}

// The kiosk as it is enrolled now, until its event loop ends.
int runEnrolledKiosk(const KioskArgs& args) {
    KioskStackOptions o;
    o.stateDir = args.stateDir;
    o.name = args.name;
    std::filesystem::create_directories(o.stateDir);
    std::string modem = args.modem, cabinet = args.cabinet;  // the command line's, else the hub's
    {
        KioskStore store(o.stateDir + "/kiosk.sqlite");
        o.hub = hubOf(args, store);
        if (!identityIn(store)) {
            if (args.enrolCode.empty()) {
                std::cerr << "veche-kiosk: this kiosk is not enrolled; run it with --enrol CODE "
                             "(veche-hub enrolment create --building ID)\n";
                return kSetupError;
            }
            const KioskIdentity id = enrol(store, o.hub, args.enrolCode, args.name);
            std::cerr << "veche-kiosk: enrolled as " << id.kioskId << '\n';
        }
        modem = modem.empty() ? store.setting("modem").value_or("") : modem;
        cabinet = cabinet.empty() ? store.setting("cabinet").value_or("") : cabinet;
    }
    if (!modem.empty()) {
        veche::modem::WorkerModemOptions m;
        m.modem.id = "kiosk-modem";
        m.modem.device = modem;
        m.worker = workerBesideThisProgram();
        o.modem = m;
    }
    if (!cabinet.empty()) {
        o.cabinet = cabinetOf(cabinet, args);
    }
    KioskStack stack(o, systemEnvironment());
    stack.start();
    int rc = kSetupError;
    {
        // The screens go first: they wait for their background calls into
        // the stack before it stops.
        ui::KioskUi screens(stack.backend(), uiOptions(args), stack.cabinet(),
                            {&stack.reenrolment(), &stack.paperEntry()});
        if (screens.show()) {
            rc = QGuiApplication::exec();
        }
    }
    stack.stop();
    return rc;
}

// Staff may enrol the kiosk again from its screen: it then starts afresh as
// the new identity, in the same process.
int runKiosk(const KioskArgs& args) {
    for (;;) {
        const int rc = runEnrolledKiosk(args);
        if (rc != ui::KioskUi::kEnrolledAgainExit) {
            return rc;
        }
        std::cerr << "veche-kiosk: enrolled again; starting as the new identity\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    KioskArgs args;
    try {
        args = parseKioskArgs(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::cerr << "veche-kiosk: " << e.what() << '\n' << kKioskUsage;
        return kUsageError;
    }
    if (!args.screenshots.empty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");  // no display needed
    }
    ui::KioskUi::prepareEnvironment();
    QGuiApplication app(argc, argv);
    try {
        return args.screenshots.empty() ? runKiosk(args) : screenshots(args);
    } catch (const std::exception& e) {
        std::cerr << "veche-kiosk: " << e.what() << '\n';
        return kSetupError;
    }
}
