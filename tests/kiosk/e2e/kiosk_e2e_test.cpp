// The whole kiosk end to end: a real hub over HTTP, the kiosk's screens
// offscreen driven by taps, its modem through libGammu and the simulator.
// A resident registers with the code the simulated modem delivered and
// votes; a kiosk killed right after «Ваш голос принят» keeps the ballot; a
// week without the hub loses nothing and doubles nothing.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QGuiApplication>
#include <QTest>

#include <iostream>
#include <regex>

#include "../../hub/hub_fixture.h"
#include "../kiosk_test_support.h"
#include "../sample_hub.h"
#include "ui_driver.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/kiosk/ui/kiosk_ui.h"
#include "veche/modem/sim/modem_simulator.h"
#include "veche/signing/receipt.h"

extern char** environ;

namespace veche::kiosk {
namespace {

using namespace std::chrono_literals;
using ui::UiDriver;
constexpr Millis kDay = 24LL * 60 * 60 * 1000;
constexpr const char* kOwnerPhone = testing::kSampleOwnerPhone;

std::string codeIn(const std::string& sms) {
    std::smatch m;
    return std::regex_search(sms, m, std::regex("[0-9]{6}")) ? m.str() : "";
}

// A loopback port nobody listens on: the hub "taken away".
std::uint16_t deadPort() {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t size = sizeof a;
    getsockname(s, reinterpret_cast<sockaddr*>(&a), &size);
    close(s);
    return ntohs(a.sin_port);
}

modem::WorkerModemOptions kioskModem(const std::filesystem::path& link) {
    modem::WorkerModemOptions m;
    m.modem.id = "kiosk-modem";
    m.modem.device = link.string();
    m.modem.reconnectFirst = 100ms;
    m.modem.reconnectMax = 500ms;
    m.worker = VECHE_MODEM_WORKER;
    return m;
}

KioskStackOptions stackOptions(const std::string& state, std::uint16_t hubPort,
                               const std::filesystem::path& modemLink) {
    KioskStackOptions o;
    o.stateDir = state;
    o.hub = {"127.0.0.1", hubPort};
    o.modem = kioskModem(modemLink);
    o.pool.partsPerMinute = 600;
    return o;
}

ui::UiOptions screenOptions() {
    ui::UiOptions o;
    o.windowed = true;
    o.speechEngine = "none";
    return o;
}

// The kiosk's screens on a stack, and a finger.
struct Screens {
    explicit Screens(KioskServices& services) : ui(services, screenOptions()) {
        if (!ui.show() || UiDriver::kioskWindow() == nullptr) {
            throw std::runtime_error("the kiosk's screens did not load");
        }
        driver = std::make_unique<UiDriver>(*UiDriver::kioskWindow());
    }
    ui::KioskUi ui;
    std::unique_ptr<UiDriver> driver;
};

// Typing the phone, then the code the simulator's phone shows.
bool identify(UiDriver& d, const std::string& phone, modem::sim::ModemSimulator& sim) {
    const std::size_t before = sim.sent().size();
    if (!d.expect("phoneNumberScreen") || !d.typeDigits(QString::fromStdString(phone)) ||
        !d.tap("requestCode") || !d.expect("codeScreen") || !sim.waitForSent(before + 1, 30s)) {
        return false;
    }
    return d.typeDigits(QString::fromStdString(codeIn(sim.sent().back().text))) &&
           d.tap("submitCode");
}

// A visit: register `phone` with SMS consent, flat `flat` (empty: skipped).
bool registerPhone(UiDriver& d, const std::string& phone, const std::string& flat,
                   modem::sim::ModemSimulator& sim) {
    if (!d.tap("startButton") || !d.tap("homePhone") || !identify(d, phone.substr(2), sim) ||
        !d.tap("consentYes")) {
        return false;
    }
    if (flat.empty()) {
        return d.tap("apartmentSkip") && d.expect("registeredScreen") && d.tap("finishButton");
    }
    return d.typeDigits(QString::fromStdString(flat)) && d.tap("apartmentSubmit") &&
           d.expect("registeredScreen") && d.tap("finishButton");
}

// Answers the item on screen and waits for the next item or the review.
bool answerAndWaitForTheNext(UiDriver& d, const QString& choice) {
    const QString item = d.text("screenTitle");
    return d.tap(choice) && QTest::qWaitFor(
                                [&] {
                                    return d.find("voteReviewScreen") != nullptr ||
                                           d.text("screenTitle") != item;
                                },
                                10'000);
}

// A visit: vote For on every item of the first assembly; the receipt code.
std::string vote(UiDriver& d, const std::string& phone, modem::sim::ModemSimulator& sim) {
    if (!d.tap("startButton") || !d.tap("homeVote") || !identify(d, phone.substr(2), sim) ||
        !d.tap("assembly_0")) {
        return "";
    }
    while (!d.find("voteReviewScreen")) {
        if (!answerAndWaitForTheNext(d, "choiceFor")) {
            return "";
        }
    }
    if (!d.tap("confirmVote") || !d.expect("voteAcceptedScreen")) {
        return "";
    }
    const std::string receipt = d.text("receiptCode").toStdString();
    return d.tap("finishButton") && d.expect("attractScreen") ? receipt : "";
}

class KioskEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        hub.clock.set(systemEnvironment().now());  // the kiosk signs with the real clock
        const testing::SampleBuilding sample = testing::seedSampleBuilding(hub);
        building = sample.building;
        assembly = sample.assembly;
        std::filesystem::create_directories(state());
        KioskStore store(state() + "/kiosk.sqlite");
        enrol(store, {"127.0.0.1", hub.server->port()}, testing::enrolmentCode(hub, building),
              "Подъезд 1");
    }

    std::string state() const { return dir.file("kiosk"); }
    // The hub's clock catches up with the kiosk's (the real one), which
    // signs its requests: they must be within 5 minutes of each other.
    void hubCatchesUp() { hub.clock.set(systemEnvironment().now()); }
    std::vector<hub::Ballot> ballots() { return hub.hub->ballotStore().ballots(assembly); }

    hub::testing::HubFixture hub;
    std::string building, assembly;
    testing::TempDir dir;
    modem::sim::ModemSimulator sim{modem::sim::SimulatorOptions{dir.path() / "modem"}};
};

TEST_F(KioskEndToEnd, ARegisteredResidentVotesAndTheHubCountsTheBallotOnce) {
    KioskStack stack(stackOptions(state(), hub.server->port(), dir.path() / "modem"),
                     systemEnvironment());
    stack.start();
    ASSERT_TRUE(stack.sync().syncOnce()) << stack.sync().progress().lastError;
    Screens screens(stack.backend());
    UiDriver& d = *screens.driver;
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack.modemUp(); }, 30'000));

    ASSERT_TRUE(registerPhone(d, kOwnerPhone, "1", sim));
    hubCatchesUp();
    ASSERT_TRUE(stack.sync().syncOnce()) << stack.sync().progress().lastError;
    const std::string receipt = vote(d, kOwnerPhone, sim);
    ASSERT_FALSE(receipt.empty());
    hubCatchesUp();
    ASSERT_TRUE(stack.sync().syncOnce()) << stack.sync().progress().lastError;
    ASSERT_TRUE(stack.sync().syncOnce());

    ASSERT_EQ(ballots().size(), 1u);
    EXPECT_EQ(signing::receiptOf(ballots()[0].id), receipt);
    EXPECT_EQ(ballots()[0].voterId, "a");
    const auto results = hub.hub->results(assembly);
    EXPECT_EQ(results.consultative.ballots, 1u);  // a kiosk ballot at an ОСС is advisory
    EXPECT_EQ(results.consultative.repeats, 0u);
    EXPECT_EQ(results.binding.ballots, 0u);
    EXPECT_EQ(hub.hub->residents().store().consents(kOwnerPhone).size(), 1u);
}

// The child's side of the next test: vote, say so, and wait to be killed.
int voteAndWaitForTheKill(const std::string& state, const std::string& modemLink) {
    KioskStack stack(stackOptions(state, deadPort(), modemLink), systemEnvironment());
    stack.start();
    Screens screens(stack.backend());
    UiDriver& d = *screens.driver;
    if (!QTest::qWaitFor([&] { return stack.modemUp(); }, 30'000) || !d.tap("startButton") ||
        !d.tap("homeVote") || !d.expect("phoneNumberScreen") ||
        !d.typeDigits(QString(kOwnerPhone).mid(2)) || !d.tap("requestCode") ||
        !d.expect("codeScreen")) {
        return 1;
    }
    std::cout << "code?" << std::endl;
    std::string code;
    std::getline(std::cin, code);
    if (!d.typeDigits(QString::fromStdString(code)) || !d.tap("submitCode") ||
        !d.tap("assembly_0") || !answerAndWaitForTheNext(d, "choiceFor") ||
        !answerAndWaitForTheNext(d, "choiceAgainst") || !d.tap("confirmVote") ||
        !d.expect("voteAcceptedScreen")) {
        return 1;
    }
    std::cout << "accepted " << d.text("receiptCode").toStdString() << std::endl;
    QTest::qWait(60'000);  // killed long before
    return 1;
}

TEST_F(KioskEndToEnd, AKioskKilledRightAfterAcceptingABallotDeliversItOnceOnRestart) {
    hub.hub->residents().registerPhone(kOwnerPhone, "kiosk");
    hub.hub->residents().requestLink(kOwnerPhone, building, "1", "kiosk");
    {
        KioskStack first(stackOptions(state(), hub.server->port(), dir.path() / "modem"),
                         systemEnvironment());
        ASSERT_TRUE(first.sync().syncOnce()) << first.sync().progress().lastError;
    }
    int toChild[2], fromChild[2];
    ASSERT_EQ(pipe(toChild), 0);
    ASSERT_EQ(pipe(fromChild), 0);
    posix_spawn_file_actions_t io;
    posix_spawn_file_actions_init(&io);
    posix_spawn_file_actions_adddup2(&io, toChild[0], 0);
    posix_spawn_file_actions_adddup2(&io, fromChild[1], 1);
    const std::string link = (dir.path() / "modem").string();
    std::vector<std::string> args = {"/proc/self/exe", "--vote-child", state(), link};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t child = 0;
    ASSERT_EQ(posix_spawn(&child, argv[0], &io, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&io);
    close(toChild[0]);
    close(fromChild[1]);
    FILE* out = fdopen(fromChild[0], "r");
    char line[256];
    ASSERT_NE(fgets(line, sizeof line, out), nullptr);
    ASSERT_EQ(std::string(line), "code?\n");
    ASSERT_TRUE(sim.waitForSent(1, 30s));
    const std::string code = codeIn(sim.sent().back().text) + "\n";
    ASSERT_EQ(write(toChild[1], code.data(), code.size()), static_cast<ssize_t>(code.size()));
    const bool accepted = fgets(line, sizeof line, out) != nullptr;
    kill(child, SIGKILL);  // the instant «Ваш голос принят» is on the screen
    int status = 0;
    waitpid(child, &status, 0);
    fclose(out);
    close(toChild[1]);
    ASSERT_TRUE(accepted);
    const std::string said(line);
    ASSERT_EQ(said.rfind("accepted ", 0), 0u) << said;
    const std::string receipt = said.substr(9, said.size() - 10);
    ASSERT_TRUE(WIFSIGNALED(status));

    {
        KioskStore store(state() + "/kiosk.sqlite");
        const auto pending = store.pendingEvents(10);
        ASSERT_EQ(pending.size(), 1u);
        EXPECT_EQ(pending[0].type, "ballot");
        EXPECT_EQ(signing::receiptOf(pending[0].id), receipt);
    }
    EXPECT_TRUE(ballots().empty());
    hubCatchesUp();
    KioskStack restarted(stackOptions(state(), hub.server->port(), dir.path() / "modem"),
                         systemEnvironment());
    ASSERT_TRUE(restarted.sync().syncOnce()) << restarted.sync().progress().lastError;
    ASSERT_TRUE(restarted.sync().syncOnce());
    ASSERT_EQ(ballots().size(), 1u);
    EXPECT_EQ(signing::receiptOf(ballots()[0].id), receipt);
    EXPECT_EQ(restarted.store().pendingCount(), 0);
}

TEST_F(KioskEndToEnd, AWeekWithoutTheHubLosesNothingAndDoublesNothing) {
    testing::TestEnvironment week;
    week.clock = hub.clock.now();
    Environment env = systemEnvironment();
    env.now = [&week] { return week.clock.load(); };
    {
        KioskStack first(stackOptions(state(), hub.server->port(), dir.path() / "modem"), env);
        ASSERT_TRUE(first.sync().syncOnce());
    }
    std::vector<std::string> phones;
    {
        KioskStack offline(stackOptions(state(), deadPort(), dir.path() / "modem"), env);
        offline.start();
        Screens screens(offline.backend());
        UiDriver& d = *screens.driver;
        ASSERT_TRUE(QTest::qWaitFor([&] { return offline.modemUp(); }, 30'000));
        for (int day = 0; day < 7; ++day) {
            week.clock += kDay;
            phones.push_back("+7900200000" + std::to_string(day));
            ASSERT_TRUE(registerPhone(d, phones.back(), "", sim)) << "day " << day;
            ASSERT_TRUE(d.tap("startButton") && d.tap("homeReport") &&
                        d.tap("reportCategory_housing") && d.tap("reportTextInput"));
            d.typeText(QString("Не горит лампа, день %1").arg(day + 1));
            ASSERT_TRUE(d.tap("reportTextNext") && d.tap("reportSubmit") &&
                        d.expect("reportDoneScreen") && d.tap("finishButton"));
        }
        EXPECT_FALSE(offline.sync().syncOnce());
        EXPECT_EQ(offline.store().pendingCount(), 7 * 3);  // registration, consent, report
    }
    hub.clock.set(week.clock);
    KioskStack back(stackOptions(state(), hub.server->port(), dir.path() / "modem"), env);
    ASSERT_TRUE(back.sync().syncOnce()) << back.sync().progress().lastError;
    ASSERT_TRUE(back.sync().syncOnce());
    EXPECT_EQ(back.store().pendingCount(), 0);
    EXPECT_EQ(back.store().rejectedCount(), 0);
    for (const std::string& phone : phones) {
        EXPECT_EQ(hub.hub->residents().store().consents(phone).size(), 1u) << phone;
    }
    const auto reports = hub.hub->polls().reports("new");
    ASSERT_EQ(reports.size(), 7u);
    std::set<std::string> texts;
    for (const auto& r : reports) {
        texts.insert(r.text);
    }
    EXPECT_EQ(texts.size(), 7u);
    EXPECT_TRUE(texts.count("Не горит лампа, день 7"));
}

}  // namespace
}  // namespace veche::kiosk

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");  // also when ctest lists the tests
    }
    veche::kiosk::ui::KioskUi::prepareEnvironment();
    QGuiApplication app(argc, argv);
    if (argc == 4 && std::string(argv[1]) == "--vote-child") {
        return veche::kiosk::voteAndWaitForTheKill(argv[2], argv[3]);
    }
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
