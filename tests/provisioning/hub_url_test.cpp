// The hub's address as staff and labels write it.
#include <gtest/gtest.h>

#include "veche/provisioning/hub_client.h"

namespace veche::provisioning {
namespace {

TEST(HubUrl, ReadsHttpsAndHttpWithTheirDefaultPorts) {
    const HubAddress secure = parseHubUrl("https://hub.tos-sadovy.ru");
    EXPECT_TRUE(secure.tls);
    EXPECT_EQ(secure.host, "hub.tos-sadovy.ru");
    EXPECT_EQ(secure.port, 443);
    EXPECT_EQ(urlOf(secure), "https://hub.tos-sadovy.ru:443");

    const HubAddress plain = parseHubUrl("http://127.0.0.1:9000/");
    EXPECT_FALSE(plain.tls);
    EXPECT_EQ(plain.port, 9000);
    EXPECT_EQ(urlOf(plain), "http://127.0.0.1:9000");
    EXPECT_EQ(parseHubUrl(urlOf(secure)).port, 443);  // round trip
}

TEST(HubUrl, RefusesWhatIsNotAHubAddressSayingWhy) {
    EXPECT_THROW(parseHubUrl("ftp://hub"), std::invalid_argument);
    EXPECT_THROW(parseHubUrl("https://"), std::invalid_argument);
    EXPECT_THROW(parseHubUrl("https://hub:0"), std::invalid_argument);
    EXPECT_THROW(parseHubUrl("https://hub:70000"), std::invalid_argument);
    try {
        parseHubUrl("hub.tos-sadovy.ru");
        ADD_FAILURE();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("https://"), std::string::npos) << e.what();
    }
}

TEST(HubUrl, ALabelsUrlKeepsTheKiosksTrustedCasAndTimeout) {
    HubAddress base;
    base.caFile = "/etc/veche/tos-ca.pem";
    base.timeout = std::chrono::milliseconds(3000);
    const HubAddress fromLabel = withUrl(base, "https://hub.example:8443");
    EXPECT_TRUE(fromLabel.tls);
    EXPECT_EQ(fromLabel.host, "hub.example");
    EXPECT_EQ(fromLabel.port, 8443);
    EXPECT_EQ(fromLabel.caFile, base.caFile);
    EXPECT_EQ(fromLabel.timeout, base.timeout);
}

}  // namespace
}  // namespace veche::provisioning
