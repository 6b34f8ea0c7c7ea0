// Transcript tests of veche-provision against a real hub over HTTP: what
// staff read, word for word (a QR code's block shows as [QR]).
#include "provision_cli.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <sstream>

#include "../hub/hub_fixture.h"
#include "../kiosk/kiosk_test_support.h"
#include "../kiosk/sample_hub.h"
#include "veche/hardware/sim/modbus_simulator.h"
#include "veche/kiosk/key_file.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/modem/sim/modem_simulator.h"
#include "veche/provisioning/enrolment_link.h"
#include "veche/signing/staff_pin.h"

namespace veche::provisioning {
namespace {

struct CliRun {
    int status = 0;
    std::string out, err;
};

// What zbarimg reads from the PNG file at `path`.
std::string decodedFile(const std::string& path) {
    std::string out;
    if (FILE* pipe =
            ::popen((std::string(VECHE_ZBARIMG) + " --quiet --raw " + path).c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe)) {
            out += buffer;
        }
        ::pclose(pipe);
    }
    return out.substr(0, out.find('\n'));
}

class ProvisionCli : public ::testing::Test {
protected:
    void SetUp() override {
        building = kiosk::testing::seedSampleBuilding(hub).building;
        token = hub.hub->tokens().create(hub::Role::Operator, "test");
        hubUrl = "http://127.0.0.1:" + std::to_string(hub.server->port());
    }

    // Runs `veche-provision <line>` (words split at spaces; {hub}, {dir},
    // {building} replaced), with the operator's token in VECHE_TOKEN.
    CliRun run(const std::string& line) {
        std::vector<std::string> args;
        std::istringstream words(placeholders(line, false));
        for (std::string w; words >> w;) {
            args.push_back(w);
        }
        ProvisionContext context{
            [this] { return hub.clock.now() + kioskAhead; }, token,
            [this] { return "nonce-" + std::to_string(++nonces) + "-abcdefgh"; }};
        std::ostringstream out, err;
        CliRun r;
        r.status = runProvision(args, out, err, context);
        r.out = shown(out.str());
        r.err = shown(err.str());
        return r;
    }

    // `text` with the QR block as [QR] and the run's values as placeholders
    // (or, with `back` false, the placeholders filled in).
    std::string shown(const std::string& text) {
        const std::regex qr("(\x1b\\[30;47m[^\n]*\n)+");
        return placeholders(std::regex_replace(text, qr, "[QR]\n"), true);
    }

    std::string placeholders(std::string text, bool back) {
        const std::pair<std::string, std::string> values[] = {{"{hub}", hubUrl},
                                                              {"{dir}", dir.path().string()},
                                                              {"{building}", building},
                                                              {"{kiosk}", kioskId}};
        for (const auto& [name, value] : values) {
            const std::string& from = back ? value : name;
            const std::string& to = back ? name : value;
            for (auto at = text.find(from); !from.empty() && at != std::string::npos;
                 at = text.find(from, at + to.size())) {
                text.replace(at, from.size(), to);
            }
        }
        return text;
    }

    // A new code for the building, issued through the CLI.
    std::string freshCode() { return codeIn(run("code --hub {hub} --building {building}").out); }

    // `veche-provision enrol` with a fresh code and `options`.
    CliRun enrolWithFreshCode(const std::string& options) {
        return run("enrol --hub {hub} --code " + freshCode() + " " + options);
    }

    // The code in a `code` command's output.
    static std::string codeIn(const std::string& out) {
        std::smatch m;
        return std::regex_search(out, m, std::regex("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"))
                   ? m.str()
                   : "";
    }

    hub::testing::HubFixture hub;
    kiosk::testing::TempDir dir;
    std::string building, token, hubUrl, kioskId;
    int nonces = 0;
    hub::Millis kioskAhead = 0;  // how far the kiosk's clock is ahead of the hub's
};

TEST_F(ProvisionCli, IssuesACodeWithItsQrAndALabelThatDecodesToTheHubAndTheCode) {
    const CliRun r =
        run("code --hub {hub} --building {building} --cabinet owen-lobby "
            "--label {dir}/label.png");
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string code = codeIn(r.out);
    EXPECT_EQ(r.out, "Код подключения терминала: " + code +
                         "\nДом: {building}\nДействует до: 29 мая 2026 г., 20:26 UTC, один раз.\n"
                         "[QR]\nЭтикетка для печати: {dir}/label.png\n"
                         "На терминале, в его консоли:\n  veche-provision enrol --hub {hub} "
                         "--code " +
                         code + "\n");
    EXPECT_EQ(decodedFile(dir.file("label.png")), textOf({hubUrl, code}));
}

TEST_F(ProvisionCli, EnrolsAKioskWhoseKeyOnlyItsUserReadsAndListsIt) {
    const std::string code = freshCode();
    const CliRun r =
        run("enrol --hub {hub} --code " + code + " --name Подъезд_1 --state {dir}/kiosk");
    ASSERT_EQ(r.status, 0) << r.err;
    kiosk::KioskStore store(dir.file("kiosk") + "/kiosk.sqlite");
    kioskId = *store.meta("kiosk_id");
    EXPECT_EQ(shown(r.out),
              "Терминал подключён: {kiosk}, дом {building}.\nКлюч терминала: "
              "{dir}/kiosk/kiosk.key (читает только владелец; ключ не покидает "
              "терминал).\n");
    struct stat info {};
    ASSERT_EQ(::stat(dir.file("kiosk/kiosk.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_FALSE(store.meta("private_key"));  // no secret in the store

    const CliRun list = run("list --hub {hub} --building {building}");
    ASSERT_EQ(list.status, 0) << list.err;
    EXPECT_EQ(shown(list.out),
              "Терминалов: 1\n"
              "{kiosk} «Подъезд_1» — ул. Садовая, 12\n"
              "  состояние: не выходит на связь; на связи ни разу\n"
              "  модем: нет данных\n"
              "  датчики: нет данных\n");
}

TEST_F(ProvisionCli, AStaffPinReachesTheKioskOnlyAsAHash) {
    const std::string code =
        codeIn(run("code --hub {hub} --building {building} --staff-pin 4821").out);
    ASSERT_EQ(run("enrol --hub {hub} --code " + code + " --state {dir}/k").status, 0);
    const auto record = kiosk::KioskStore(dir.file("k") + "/kiosk.sqlite").setting("staff_pin");
    ASSERT_TRUE(record);
    EXPECT_EQ(record->find("4821"), std::string::npos);
    EXPECT_TRUE(signing::staffPinMatches(*record, "4821"));
    EXPECT_EQ(run("code --hub {hub} --building {building} --staff-pin 12").err.substr(0, 56),
              "veche-provision: --staff-pin must be 4 to 8 digits\nusage");
}

TEST_F(ProvisionCli, AnEnrolmentThatGotNoReplyIsRetriedWithTheSameKey) {
    const std::string code = freshCode();
    const CliRun lost = run("enrol --hub http://127.0.0.1:1 --code " + code + " --state {dir}/k");
    EXPECT_EQ(lost.status, 1);
    const auto pending = kiosk::readKeyFile(dir.file("k/kiosk.key.enrolling"));
    ASSERT_TRUE(pending);
    ASSERT_EQ(run("enrol --hub {hub} --code " + code + " --state {dir}/k").status, 0);
    EXPECT_EQ(kiosk::readKeyFile(dir.file("k/kiosk.key")), pending);
    EXPECT_FALSE(std::filesystem::exists(dir.file("k/kiosk.key.enrolling")));
}

TEST_F(ProvisionCli, AUsedCodeIsRefusedInPlainRussian) {
    const std::string code = freshCode();
    ASSERT_EQ(run("enrol --hub {hub} --code " + code + " --state {dir}/a").status, 0);
    const CliRun again = run("enrol --hub {hub} --code " + code + " --state {dir}/b");
    EXPECT_EQ(again.status, 1);
    EXPECT_EQ(again.err,
              "veche-provision: хаб отказал (HTTP 403, invalid_code): код не подходит: "
              "он неверный, уже использован или просрочен. Попросите новый.\n");
}

TEST_F(ProvisionCli, AnEnrolledKioskIsNotEnrolledAgainByAccident) {
    ASSERT_EQ(enrolWithFreshCode("--state {dir}/k").status, 0);
    const CliRun again = enrolWithFreshCode("--state {dir}/k");
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.err.find("добавьте --again"), std::string::npos) << again.err;

    // Nor, with --again, while it holds events its identity must deliver.
    kiosk::KioskStore(dir.file("k") + "/kiosk.sqlite")
        .appendEvent({"k-old-1", "ballot", 1, "{}", ""});
    const CliRun pending = enrolWithFreshCode("--state {dir}/k --again");
    EXPECT_EQ(pending.status, 1);
    EXPECT_NE(pending.err.find("ещё не передал хабу 1 событие"), std::string::npos) << pending.err;
}

TEST_F(ProvisionCli, AKeyAnOlderVersionKeptInTheStoreMovesToItsOwnFile) {
    ASSERT_EQ(enrolWithFreshCode("--state {dir}/k").status, 0);
    const std::string keyFile = dir.file("k/kiosk.key");
    const std::string key = *kiosk::readKeyFile(keyFile);
    {
        kiosk::KioskStore store(dir.file("k") + "/kiosk.sqlite");
        store.setMeta("private_key", key);  // as the kiosk kept it before
    }
    std::filesystem::remove(keyFile);
    kiosk::KioskStore store(dir.file("k") + "/kiosk.sqlite");
    const auto identity = kiosk::identityIn(store);
    ASSERT_TRUE(identity);
    EXPECT_EQ(identity->privateKey, key);
    EXPECT_EQ(kiosk::readKeyFile(keyFile), key);
    EXPECT_FALSE(store.meta("private_key"));
    struct stat info {};
    ASSERT_EQ(::stat(keyFile.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(ProvisionCli, ARevokedKioskIsRefusedAtItsNextRequest) {
    ASSERT_EQ(enrolWithFreshCode("--state {dir}/k").status, 0);
    kiosk::KioskStore store(dir.file("k") + "/kiosk.sqlite");
    kioskId = *store.meta("kiosk_id");
    const CliRun r = run("revoke --hub {hub} --kiosk {kiosk}");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(shown(r.out),
              "Терминал {kiosk} отключён: хаб откажет ему при следующем обращении.\n");
    hub.clock.set(kiosk::systemEnvironment().now());
    kiosk::KioskStackOptions o;
    o.stateDir = dir.file("k");
    o.hub = parseHubUrl(hubUrl);
    kiosk::KioskStack stack(o, kiosk::systemEnvironment());
    EXPECT_FALSE(stack.sync().syncOnce());
    EXPECT_NE(stack.sync().progress().lastError.find("unknown_kiosk"), std::string::npos)
        << stack.sync().progress().lastError;
    EXPECT_EQ(stack.store().meta("revoked").value_or(""), "1");
}

TEST_F(ProvisionCli, TheDoctorChecksEachPartAndSaysWhatToDoInRussian) {
    ASSERT_EQ(enrolWithFreshCode("--state {dir}/k").status, 0);
    kioskId = *kiosk::KioskStore(dir.file("k") + "/kiosk.sqlite").meta("kiosk_id");
    modem::sim::ModemSimulator gsm{modem::sim::SimulatorOptions{dir.path() / "modem"}};
    auto cabinet = hardware::loadCabinet(std::string(VECHE_CABINET_DIR) + "/owen-lobby.json",
                                         VECHE_PROFILE_DIR);
    hardware::sim::ModbusSimulator modules(cabinet.buses[0].devices);
    modules.set(hardware::Signal::Temperature, 20);
    modules.serveRtu(dir.path() / "ttyModbus");
    const std::string doctor =
        "doctor --state {dir}/k --modem {dir}/modem --cabinet owen-lobby --modbus-device "
        "{dir}/ttyModbus";

    kioskAhead = 20'000;
    const CliRun healthy = run(doctor);
    EXPECT_EQ(healthy.status, 0) << healthy.out;
    EXPECT_EQ(std::regex_replace(healthy.out, std::regex("сигнал [0-9]+ %[^\n]*"), "сигнал N %"),
              "✓ Ключ терминала: {dir}/k/kiosk.key (читает только владелец)\n"
              "✓ Связь с хабом: {hub} отвечает\n"
              "✓ Часы: совпадают с хабом (разница 20 с)\n"
              "✓ Терминал на хабе: {kiosk} подключён, дом {building}\n"
              "✓ GSM-модем: {dir}/modem, SIM готова, сигнал N %\n"
              "✓ Модуль шкафа «inputs»: отвечает\n"
              "✓ Модуль шкафа «relays»: отвечает\n"
              "✓ Модуль шкафа «climate»: отвечает\n"
              "✓ Модуль шкафа «ups»: отвечает\n"
              "Всё в порядке.\n");

    ::chmod(dir.file("k/kiosk.key").c_str(), 0644);
    modules.setFault("ups", hardware::sim::Fault::Gone);
    kioskAhead = 7 * 60'000;
    const CliRun sick = run(doctor);
    EXPECT_EQ(sick.status, 1);
    const auto has = [&](const std::string& text) {
        return sick.out.find(text) != std::string::npos;
    };
    EXPECT_TRUE(
        has("✗ Ключ терминала: {dir}/k/kiosk.key могут читать другие пользователи\n"
            "  Что делать: chmod 600 {dir}/k/kiosk.key"))
        << sick.out;
    EXPECT_TRUE(
        has("✗ Часы: спешат на 7 мин 0 с; хаб отвергает запросы, если разница больше 5 "
            "минут\n  Что делать: включите синхронизацию времени: timedatectl set-ntp "
            "true\n"))
        << sick.out;
    EXPECT_TRUE(
        has("✗ Модуль шкафа «ups»: rtu:{dir}/ttyModbus@19200 slave 30: Connection timed "
            "out\n  Что делать: проверьте провод RS-485"))
        << sick.out;
    EXPECT_TRUE(has("Проблем: 4.\n")) << sick.out;  // the stale clock also fails the signed request
}

TEST_F(ProvisionCli, ACodeForAnotherBuildingIsRefusedAndStillWorksForItsOwn) {
    const std::string territory = hub.hub->territories().building(building)->territoryId;
    const std::string other =
        hub.hub->territories().createBuilding(territory, "ул. Садовая, 14")->id;
    const std::string code = freshCode();
    const CliRun wrong =
        run("enrol --hub {hub} --code " + code + " --building " + other + " --state {dir}/a");
    EXPECT_EQ(wrong.status, 1);
    EXPECT_EQ(wrong.err,
              "veche-provision: хаб отказал (HTTP 403, wrong_building): этот код выдан "
              "для другого дома.\n");
    EXPECT_EQ(
        run("enrol --hub {hub} --code " + code + " --building {building} --state {dir}/b").status,
        0);
}

TEST_F(ProvisionCli, AReplacementTakesTheOldKiosksPlaceAndSettings) {
    ASSERT_EQ(run("enrol --hub {hub} --code " +
                  codeIn(run("code --hub {hub} --building {building} --cabinet owen-lobby").out) +
                  " --state {dir}/old")
                  .status,
              0);
    kioskId = *kiosk::KioskStore(dir.file("old") + "/kiosk.sqlite").meta("kiosk_id");
    const CliRun replace = run("replace --hub {hub} --kiosk {kiosk}");
    ASSERT_EQ(replace.status, 0) << replace.err;
    EXPECT_EQ(replace.out.substr(0, replace.out.find('\n')),
              "Замена терминала {kiosk}: новый займёт его дом и настройки, а этот будет "
              "отключён, как только новый подключится.");
    ASSERT_EQ(run("enrol --hub {hub} --code " + codeIn(replace.out) + " --state {dir}/new").status,
              0);
    kiosk::KioskStore successor(dir.file("new") + "/kiosk.sqlite");
    EXPECT_EQ(successor.meta("building_id").value_or(""), building);
    EXPECT_EQ(successor.setting("cabinet").value_or(""), "owen-lobby");
    const CliRun list = run("list --hub {hub}");
    EXPECT_NE(list.out.find("{kiosk} «Киоск» — ул. Садовая, 12\n  состояние: отключён"),
              std::string::npos)
        << list.out;
}

TEST_F(ProvisionCli, ARotatedKeyKeepsTheKioskAndALostReplyIsRetriedWithTheSameKey) {
    ASSERT_EQ(enrolWithFreshCode("--state {dir}/k").status, 0);
    const std::string keyFile = dir.file("k/kiosk.key");
    const auto before = kiosk::readKeyFile(keyFile);
    // A first attempt whose reply never came: the hub is down.
    const CliRun lost = run("rotate-key --state {dir}/k --hub http://127.0.0.1:1");
    EXPECT_EQ(lost.status, 1);
    EXPECT_NE(lost.err.find("будет отправлен тот же ключ"), std::string::npos) << lost.err;
    const auto pending = kiosk::readKeyFile(keyFile + ".next");
    ASSERT_TRUE(pending);
    EXPECT_EQ(kiosk::readKeyFile(keyFile), before);

    const CliRun rotated = run("rotate-key --state {dir}/k");  // the hub it enrolled with
    ASSERT_EQ(rotated.status, 0) << rotated.err;
    kiosk::KioskStore store(dir.file("k") + "/kiosk.sqlite");
    kioskId = *store.meta("kiosk_id");
    EXPECT_EQ(shown(rotated.out),
              "Ключ терминала {kiosk} заменён; терминал и его история остались прежними.\n"
              "Прежний ключ перестанет действовать через 10 минут: перезапустите программу "
              "терминала.\n");
    EXPECT_EQ(kiosk::readKeyFile(keyFile), pending);  // the key first sent is the one taken
    EXPECT_FALSE(std::filesystem::exists(keyFile + ".next"));

    kiosk::KioskStackOptions o;
    o.stateDir = dir.file("k");
    o.hub = parseHubUrl(hubUrl);
    hub.clock.set(kiosk::systemEnvironment().now());
    kiosk::KioskStack stack(o, kiosk::systemEnvironment());
    EXPECT_TRUE(stack.sync().syncOnce()) << stack.sync().progress().lastError;
}

TEST_F(ProvisionCli, UsageErrorsNameWhatIsMissing) {
    const CliRun r = run("code --hub {hub}");
    EXPECT_EQ(r.status, 64);
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "veche-provision: code needs --building");
    EXPECT_EQ(run("enrol --link https://example.org").err.substr(0, 56),
              "veche-provision: --link is not an enrolment label's text");
    EXPECT_EQ(run("list --hub ftp://x")
                  .err.rfind("veche-provision: the hub's address must start with https:// or "
                             "http://, got \"ftp://x\"",
                             0),
              0u);
}

}  // namespace
}  // namespace veche::provisioning
