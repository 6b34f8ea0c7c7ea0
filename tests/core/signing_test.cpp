#include "veche/signing/ed25519.h"

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
