// The kiosk reaches the hub over HTTPS: the hub's certificate must chain to
// a trusted CA and name the host, or nothing is sent. The hub's own TLS
// front (ServerOptions::tls) serves the same routes as the fixture's.
#include <gtest/gtest.h>

#include <cstdlib>

#include "../hub/hub_fixture.h"
#include "kiosk_test_support.h"
#include "sample_hub.h"
#include "veche/kiosk/enrolment.h"
#include "veche/kiosk/sync.h"

namespace veche::kiosk {
namespace {

// A self-signed certificate for `names` (subjectAltName entries such as
// "DNS:localhost,IP:127.0.0.1"), key beside it; false when openssl failed.
bool makeCertificate(const std::string& dir, const std::string& names) {
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=veche-test -days 1 -addext "
        "subjectAltName=" +
        names + " -keyout " + dir + "/key.pem -out " + dir + "/cert.pem 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

class HttpsTest : public ::testing::Test {
protected:
    // The hub's TLS front with a certificate for `names`; its address, trusting it.
    provisioning::HubAddress serveTls(const std::string& names) {
        EXPECT_TRUE(makeCertificate(dir.path().string(), names));
        hub::ServerOptions options;
        options.port = 0;
        options.tls = hub::TlsOptions{dir.file("cert.pem"), dir.file("key.pem")};
        tls = std::make_unique<hub::HttpServer>(options, hub.stack->router, hub.stack->metrics,
                                                hub.stack->auth, Poco::Logger::get("test"));
        tls->start();
        provisioning::HubAddress address =
            provisioning::parseHubUrl("https://localhost:" + std::to_string(tls->port()));
        address.caFile = dir.file("cert.pem");
        return address;
    }

    void TearDown() override {
        if (tls) {
            tls->stop();
        }
    }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    testing::TestEnvironment env;
    std::unique_ptr<hub::HttpServer> tls;
};

TEST_F(HttpsTest, AKioskEnrolsAndSyncsOverHttpsWithTheHubsCertificateChecked) {
    const provisioning::HubAddress address = serveTls("DNS:localhost,IP:127.0.0.1");
    KioskStore store(dir.file("kiosk.sqlite"));
    const auto building = testing::seedSampleBuilding(hub).building;
    const KioskIdentity identity =
        enrol(store, address, testing::enrolmentCode(hub, building), "Подъезд 1");
    EXPECT_EQ(store.meta("hub"), "https://localhost:" + std::to_string(tls->port()));

    SignedHubLink link(provisioning::HubClient(
        address, identity.kioskId, *signing::KeyPair::fromPrivateKey(identity.privateKey),
        [this] { return hub.clock.now(); }, [this] { return "nonce-" + hub.random.hex(8); }));
    SyncClient sync(store, link, env.environment());
    EXPECT_TRUE(sync.syncOnce()) << sync.progress().lastError;
    EXPECT_FALSE(store.meta("building_address").value_or("").empty());  // pulled over TLS
}

// Enrolling at `address` is refused before the code is sent: the same
// code still works over plain HTTP afterwards.
void expectRefusedBeforeSending(hub::testing::HubFixture& hub, testing::TempDir& dir,
                                const provisioning::HubAddress& address) {
    const std::string code = testing::enrolmentCode(hub, testing::seedSampleBuilding(hub).building);
    KioskStore store(dir.file("kiosk.sqlite"));
    try {
        enrol(store, address, code, "Подъезд 1");
        ADD_FAILURE() << "enrolled over a connection with a bad certificate";
    } catch (const HubUnreachable& e) {
        EXPECT_NE(std::string(e.what()).find("ertificate"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(identityIn(store));
    EXPECT_NO_THROW(enrol(store, {"127.0.0.1", hub.server->port()}, code, "Подъезд 1"));
}

TEST_F(HttpsTest, ACertificateForAnotherNameIsRefused) {
    expectRefusedBeforeSending(hub, dir, serveTls("DNS:hub.other.example"));
}

TEST_F(HttpsTest, ACertificateNoTrustedCaSignedIsRefused) {
    provisioning::HubAddress address = serveTls("DNS:localhost,IP:127.0.0.1");
    address.caFile.clear();  // the system's CAs only
    expectRefusedBeforeSending(hub, dir, address);
}

}  // namespace
}  // namespace veche::kiosk
