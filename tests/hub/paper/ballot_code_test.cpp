// The ballot id and check value scheme (docs/paper-ballots.md).
#include <gtest/gtest.h>

#include "veche/hub/paper/ballot_code.h"

namespace veche::hub::paper {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kSecret = "0123456789abcdef0123456789abcdef";

BallotCode codeFor(const std::string& assembly, const std::string& voter) {
    const std::string id = ballotIdOf(assembly, voter);
    return {assembly, id, checkOf(kSecret, assembly, id)};
}

TEST(BallotCode, IdsAreShortTypeableAndDeterministic) {
    const BallotCode code = codeFor("a-00000001", "o017");
    EXPECT_EQ(code.ballotId.size(), kIdLength);
    EXPECT_EQ(code.check.size(), kCheckLength);
    EXPECT_EQ(code.ballotId, ballotIdOf("a-00000001", "o017"));
    EXPECT_NE(code.ballotId, ballotIdOf("a-00000002", "o017"));
    EXPECT_NE(code.ballotId, ballotIdOf("a-00000001", "o018"));
    for (char c : code.ballotId + code.check) {
        EXPECT_NE(kAlphabet.find(c), std::string_view::npos) << c;
    }
    EXPECT_NE(checkOf("another secret", "a-00000001", code.ballotId), code.check);
}

TEST(BallotCode, QrTextAndTypedFormRoundTrip) {
    const BallotCode code = codeFor("a-00000001", "o017");
    const std::string qr = qrTextOf(code);
    EXPECT_EQ(qr, "veche://ballot/?a=a-00000001&b=" + code.ballotId + "&c=" + code.check);
    const Parsed fromQr = parseCode(qr);
    ASSERT_TRUE(fromQr.code) << fromQr.error->message;
    EXPECT_EQ(fromQr.code->assemblyId, "a-00000001");
    EXPECT_EQ(fromQr.code->ballotId, code.ballotId);
    EXPECT_TRUE(verify(kSecret, "a-00000001", *fromQr.code));

    const std::string typed = typedFormOf(code);
    EXPECT_EQ(typed.size(), kIdLength + kCheckLength + 2);
    for (const std::string& form : {typed, " " + typed + "\n", code.ballotId + code.check}) {
        const Parsed parsed = parseCode(form);
        ASSERT_TRUE(parsed.code) << form;
        EXPECT_EQ(parsed.code->assemblyId, "");
        EXPECT_EQ(parsed.code->ballotId, code.ballotId);
        EXPECT_EQ(parsed.code->check, code.check);
        EXPECT_TRUE(verify(kSecret, "a-00000001", *parsed.code));
    }
}

TEST(BallotCode, LowerCaseAndLookAlikeLettersAreRead) {
    BallotCode code = codeFor("a-1", "v");
    std::string typed = typedFormOf(code);
    std::string lower;
    for (char c : typed) {
        lower += c == '0' ? 'o' : c == '1' ? 'l' : static_cast<char>(std::tolower(c));
    }
    const Parsed parsed = parseCode(lower);
    ASSERT_TRUE(parsed.code) << lower;
    EXPECT_EQ(parsed.code->ballotId + parsed.code->check, code.ballotId + code.check);
}

// Every character replaced by every other symbol, in the id and in the check
// value: each is refused, naming the part that is wrong.
TEST(BallotCode, EverySingleCharacterTypoIsRefused) {
    for (const std::string voter : {"a", "o017", "member-42", "h"}) {
        const BallotCode code = codeFor("a-00000007", voter);
        const std::string symbols = code.ballotId + code.check;
        int refused = 0;
        for (std::size_t pos = 0; pos < symbols.size(); ++pos) {
            for (char c : kAlphabet) {
                if (c == symbols[pos]) {
                    continue;
                }
                std::string typo = symbols;
                typo[pos] = c;
                const Parsed parsed = parseCode(typo);
                ASSERT_FALSE(parsed.code) << typo;
                EXPECT_EQ(parsed.error->field, pos < kIdLength ? "ballot_id" : "check") << typo;
                ++refused;
            }
        }
        EXPECT_EQ(refused, static_cast<int>(symbols.size()) * 31);
    }
}

TEST(BallotCode, ATypoInTheQrTextIsRefusedToo) {
    const BallotCode code = codeFor("a-00000001", "o017");
    std::string qr = qrTextOf(code);
    qr[qr.size() - 1] = qr.back() == 'Z' ? 'Y' : 'Z';
    const Parsed parsed = parseCode(qr);
    ASSERT_FALSE(parsed.code);
    EXPECT_EQ(parsed.error->field, "check");
}

// A well-formed check value that is not the hub's: only the key tells.
TEST(BallotCode, AForgedCheckValueIsRefused) {
    const BallotCode code = codeFor("a-00000001", "o017");
    int forged = 0;
    for (char c : kAlphabet.substr(0, 8)) {
        std::string body = code.check.substr(0, kCheckLength - 1);
        body[0] = c;
        for (char last : kAlphabet) {
            BallotCode attempt = code;
            attempt.check = body + last;
            if (!luhnValid(attempt.check) || attempt.check == code.check) {
                continue;
            }
            EXPECT_FALSE(verify(kSecret, "a-00000001", attempt)) << attempt.check;
            ++forged;
        }
    }
    EXPECT_GE(forged, 7);
    // The right check of another assembly does not pass here.
    BallotCode moved = code;
    moved.check = checkOf(kSecret, "a-00000002", code.ballotId);
    EXPECT_FALSE(verify(kSecret, "a-00000001", moved));
}

TEST(BallotCode, MalformedInputNamesThePart) {
    EXPECT_EQ(parseCode("").error->field, "code");
    EXPECT_EQ(parseCode("hello").error->field, "code");
    EXPECT_EQ(parseCode("B7K2-M9QX-4F7A9Z-EXTRA").error->field, "code");
    EXPECT_EQ(parseCode("veche://ballot/?b=X&c=Y").error->field, "assembly");
    EXPECT_EQ(parseCode("veche://ballot/?a=a-1&c=Y").error->field, "ballot_id");
    EXPECT_EQ(parseCode("veche://ballot/?a=a-1&b=" + ballotIdOf("a-1", "v")).error->field, "check");
    EXPECT_EQ(parseCode("veche://ballot/?a=a-1&b=ABC&c=DEF").error->field, "ballot_id");
}

}  // namespace
}  // namespace veche::hub::paper
