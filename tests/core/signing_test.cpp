#include "veche/signing/ed25519.h"
#include "veche/signing/phone_hash.h"
#include "veche/signing/staff_pin.h"

#include <gtest/gtest.h>

namespace veche::signing {
namespace {

TEST(Ed25519, SignsAndVerifies) {
    const KeyPair key = KeyPair::generate();
    const std::string signature = key.sign("message");
    EXPECT_TRUE(verify(key.publicKeyBase64(), "message", signature));
    EXPECT_FALSE(verify(key.publicKeyBase64(), "messagE", signature));
    EXPECT_FALSE(verify(KeyPair::generate().publicKeyBase64(), "message", signature));
    EXPECT_TRUE(isPublicKey(key.publicKeyBase64()));
    EXPECT_EQ(key.publicKeyBase64().size(), 44u);
}

TEST(Ed25519, RejectsMalformedKeysAndSignatures) {
    const KeyPair key = KeyPair::generate();
    EXPECT_FALSE(verify("not a key", "m", key.sign("m")));
    EXPECT_FALSE(verify(key.publicKeyBase64(), "m", "AAAA"));
    EXPECT_FALSE(verify(key.publicKeyBase64(), "m", ""));
    EXPECT_FALSE(isPublicKey(""));
    EXPECT_FALSE(isPublicKey(std::string(44, '!')));
    EXPECT_FALSE(KeyPair::fromPrivateKey("short").has_value());
}

TEST(Ed25519, APrivateKeyRestoresTheSamePair) {
    const KeyPair key = KeyPair::generate();
    const auto restored = KeyPair::fromPrivateKey(key.privateKeyBase64());
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->publicKeyBase64(), key.publicKeyBase64());
    EXPECT_TRUE(verify(key.publicKeyBase64(), "x", restored->sign("x")));
}

TEST(CanonicalRequest, CoversMethodPathTimeNonceAndBody) {
    EXPECT_EQ(canonicalRequest("POST", "/api/v1/kiosk/events?x=1", "1700000000000", "ab12", "{}"),
              "VECHE1\nPOST\n/api/v1/kiosk/events?x=1\n1700000000000\nab12\n" + sha256Hex("{}"));
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace veche::signing

namespace veche::signing {
namespace {

TEST(PhoneHash, IsPbkdf2HmacSha256) {
    // RFC 7914 §11, first 32 bytes.
    EXPECT_EQ(phoneHash("salt", "passwd", 1),
              "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    // Python's hashlib.pbkdf2_hmac('sha256', phone, salt, 10000, 32).
    EXPECT_EQ(phoneHash("salt", "+79001112233"),
              "27039ece6261bf80db3f3ed69d65bb80bb5437ec9c792f16ebac6a62799de7ab");
}

TEST(PhoneHash, DependsOnTheSalt) {
    EXPECT_NE(phoneHash("a", "+79001112233"), phoneHash("b", "+79001112233"));
}

}  // namespace
}  // namespace veche::signing

namespace veche::signing {
namespace {

TEST(StaffPin, MatchesOnlyThePinItWasMadeFrom) {
    const std::string record = staffPinRecord("2468", "salt-1", 1000);
    EXPECT_EQ(record.rfind("pbkdf2-sha256$1000$salt-1$", 0), 0u);
    EXPECT_EQ(record.find("2468"), std::string::npos);
    EXPECT_TRUE(staffPinMatches(record, "2468"));
    EXPECT_FALSE(staffPinMatches(record, "2469"));
    EXPECT_FALSE(staffPinMatches(record, ""));
    EXPECT_NE(staffPinRecord("2468", "salt-2", 1000), record);
}

TEST(StaffPin, AMalformedRecordMatchesNothing) {
    EXPECT_FALSE(staffPinMatches("", "2468"));
    EXPECT_FALSE(staffPinMatches("2468", "2468"));
    EXPECT_FALSE(staffPinMatches("md5$1$s$x", "2468"));
    EXPECT_FALSE(staffPinMatches("pbkdf2-sha256$many$s$x", "2468"));
    EXPECT_FALSE(staffPinMatches("pbkdf2-sha256$0$s$x", "2468"));
}

}  // namespace
}  // namespace veche::signing
