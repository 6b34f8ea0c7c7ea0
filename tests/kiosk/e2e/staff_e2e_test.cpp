// Staff mode end to end: the real screens offscreen, the kiosk's stack and a
// real hub. A kiosk enrolled again from its staff screen with a scanned
// replacement label ends its event loop with kEnrolledAgainExit; built
// again, it syncs as its new identity and the hub has revoked the old one.
// A paper ballot scanned and entered on the staff screen counts once an
// operator's entry agrees.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <functional>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QTimer>

#include "../../hub/hub_fixture.h"
#include "../kiosk_test_support.h"
#include "../sample_hub.h"
#include "ui_driver.h"
#include "veche/hub/paper/paper_ballots.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/kiosk/ui/kiosk_ui.h"
#include "veche/provisioning/enrolment_link.h"
#include "veche/signing/staff_pin.h"

namespace veche::kiosk {
namespace {

using ui::UiDriver;
constexpr int kNeverMs = 60'000;  // the loop is ended long before

Poco::JSON::Object::Ptr objectOf(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

class StaffEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        hub.clock.set(systemEnvironment().now());  // the kiosk signs with the real clock
        sample = testing::seedSampleBuilding(hub);
        const std::string building = sample.building;
        std::filesystem::create_directories(dir.file("kiosk"));
        KioskStore store(dir.file("kiosk") + "/kiosk.sqlite");
        const std::string pin = signing::staffPinRecord("2468", "salt", 1000);
        const auto issued = hub.client(hub::Role::Staff)
                                .post("/api/v1/enrolments",
                                      R"({"building_id": ")" + building +
                                          R"(", "settings": {"staff_pin": ")" + pin + R"("}})");
        ASSERT_EQ(issued.status, 201) << issued.body;
        const std::string code = objectOf(issued.body)->getValue<std::string>("code");
        oldId = enrol(store, address, code, "Подъезд 1").kioskId;
    }

    KioskStackOptions options() {
        KioskStackOptions o;
        o.stateDir = dir.file("kiosk");
        o.hub = address;
        return o;
    }

    // Shows the real screens of `stack` with every staff tool, opens the
    // staff screen with the PIN and lets `steps` drive them from there.
    // Returns the event loop's exit code.
    static int runStaffScreens(KioskStack& stack, const std::function<void(UiDriver&)>& steps) {
        ui::UiOptions o;
        o.windowed = true;
        o.speechEngine = "none";
        ui::KioskUi screens(stack.backend(), o, nullptr,
                            {&stack.reenrolment(), &stack.paperEntry()});
        if (!screens.show()) {
            return -2;
        }
        QTimer::singleShot(kNeverMs, [] { QCoreApplication::exit(-1); });
        QTimer::singleShot(0, [&] {
            UiDriver d(*UiDriver::kioskWindow());
            if (d.tap("startButton") && d.holdUntil("clockHold", "staffPinScreen") &&
                d.typeDigits("2468") && d.tap("submitStaffPin") && d.expect("staffScreen")) {
                steps(d);
            } else {
                ADD_FAILURE() << "the staff screen did not open";
            }
        });
        return QGuiApplication::exec();
    }

    std::string kioskStatusAtHub(const std::string& id) {
        hub.clock.set(systemEnvironment().now());
        const auto reply = hub.client(hub::Role::Operator).get("/api/v1/kiosks/" + id);
        return objectOf(reply.body)->getValue<std::string>("status");
    }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    provisioning::HubAddress address{"127.0.0.1", hub.server->port()};
    testing::SampleBuilding sample;
    std::string oldId;
};

// Processes events until the item's text starts with `prefix`; false after 10 s.
bool waitForText(const UiDriver& d, const QString& item, const QString& prefix) {
    QDeadlineTimer deadline(10'000);
    while (!d.text(item).startsWith(prefix)) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

TEST_F(StaffEndToEnd, AScannedLabelOnTheStaffScreenEnrolsTheKioskAgain) {
    const auto issued =
        hub.client(hub::Role::Operator).post("/api/v1/kiosks/" + oldId + "/replace", "");
    ASSERT_EQ(issued.status, 201) << issued.body;
    const std::string label = provisioning::textOf(
        {provisioning::urlOf(address), objectOf(issued.body)->getValue<std::string>("code")});
    {
        KioskStack stack(options(), systemEnvironment());
        stack.start();
        EXPECT_EQ(runStaffScreens(stack,
                                  [&](UiDriver& d) {
                                      ASSERT_TRUE(d.tap("openStaffEnrol"));
                                      ASSERT_TRUE(d.expect("staffEnrolScreen"));
                                      // The scanner, into the focused field.
                                      d.typeText(QString::fromStdString(label));
                                      d.pressEnter();
                                  }),
                  ui::KioskUi::kEnrolledAgainExit);
        stack.stop();
    }
    KioskStack restarted(options(), systemEnvironment());  // as veche-kiosk's main() does
    const std::string newId = *restarted.store().meta("kiosk_id");
    EXPECT_NE(newId, oldId);
    hub.clock.set(systemEnvironment().now());
    EXPECT_TRUE(restarted.sync().syncOnce()) << restarted.sync().progress().lastError;
    EXPECT_FALSE(restarted.store().meta("revoked"));
    EXPECT_EQ(kioskStatusAtHub(oldId), "revoked");
    EXPECT_NE(kioskStatusAtHub(newId), "revoked");
}

TEST_F(StaffEndToEnd, APaperBallotScannedOnTheStaffScreenCountsWithTheOperatorsEntry) {
    const auto ballots =
        hub::paper::PaperBallotService(*hub.hub, hub.database->db()).ballots(sample.assembly);
    const hub::paper::BallotCode code = ballots.front().code;  // owner "a"
    // Received an hour ago, typed from the register to the minute.
    QDateTime received = QDateTime::currentDateTime().addSecs(-3600);
    received.setTime(QTime(received.time().hour(), received.time().minute()));
    {
        KioskStack stack(options(), systemEnvironment());
        stack.start();
        const int exit = runStaffScreens(stack, [&](UiDriver& d) {
            ASSERT_TRUE(d.tap("openStaffPaper"));
            ASSERT_TRUE(d.expect("staffPaperScreen"));
            d.typeText(QString::fromStdString(hub::paper::qrTextOf(code)));  // the scanner
            d.pressEnter();
            ASSERT_TRUE(d.tap("paperAnswer0_for"));  // once the hub answered
            ASSERT_TRUE(d.tap("paperAnswer1_against"));
            ASSERT_TRUE(d.tap("staffPaperReceived"));
            ASSERT_TRUE(d.typeDigits(received.toString(QStringLiteral("ddMMhhmm"))));
            ASSERT_TRUE(d.tap("acceptPaperTime"));
            ASSERT_TRUE(d.tap("submitPaperBallot"));
            EXPECT_TRUE(waitForText(d, "staffPaperMessage", QStringLiteral("Записано.")))
                << d.text("staffPaperMessage").toStdString();
            QCoreApplication::exit(0);
        });
        EXPECT_EQ(exit, 0);
        stack.stop();
    }
    hub.clock.set(systemEnvironment().now());
    const std::string iso =
        received.toUTC().toString(Qt::ISODate).toStdString();  // "2026-11-27T09:50:00Z"
    const auto second =
        hub.client(hub::Role::Operator)
            .post("/api/v1/assemblies/" + sample.assembly + "/paper-ballots/entries",
                  R"({"code": ")" + hub::paper::typedFormOf(code) + R"(", "received_at": ")" + iso +
                      R"(", "answers": {"1": "for", "2": "against"}})");
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(objectOf(second.body)->getValue<std::string>("status"), "counted");
    EXPECT_EQ(hub.hub->results(sample.assembly).binding.ballots, 1u);
}

}  // namespace
}  // namespace veche::kiosk
