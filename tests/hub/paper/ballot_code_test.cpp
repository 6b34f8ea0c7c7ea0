// The ballot id and check value scheme (docs/paper-ballots.md).
#include <gtest/gtest.h>

#include <vector>

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

// What a keyboard-wedge scanner types for the QR text of voter o017's ballot
// in assembly a-3f9c0b1e7d2a4c68: veche://ballot/?a=a-3f9c0b1e7d2a4c68&b=SJP1PTVF&c=GXT7AJ
constexpr std::string_view kScannedAssembly = "a-3f9c0b1e7d2a4c68";
constexpr std::string_view kScannedId = "SJP1PTVF";
constexpr std::string_view kScannedCheck = "GXT7AJ";

TEST(BallotCode, TheScannedBallotIsTheOneTheStringsBelowWereTypedFrom) {
    const BallotCode code = codeFor(std::string(kScannedAssembly), "o017");
    EXPECT_EQ(qrTextOf(code), "veche://ballot/?a=a-3f9c0b1e7d2a4c68&b=" + std::string(kScannedId) +
                                  "&c=" + std::string(kScannedCheck));
}

void expectScannedBallot(const std::string& typed, std::string_view assembly) {
    const Parsed parsed = parseCode(typed);
    ASSERT_TRUE(parsed.code) << typed << ": " << parsed.error->field << ": "
                             << parsed.error->message;
    EXPECT_EQ(parsed.code->assemblyId, assembly) << typed;
    EXPECT_EQ(parsed.code->ballotId, kScannedId) << typed;
    EXPECT_EQ(parsed.code->check, kScannedCheck) << typed;
    EXPECT_TRUE(verify(kSecret, kScannedAssembly, *parsed.code)) << typed;
}

TEST(BallotCode, AQrTextTypedUnderTheRussianLayoutIsRead) {
    // Shift+; types Ж, / types ., Shift+/ types , and Shift+7 types ?.
    expectScannedBallot("мусруЖ..ифддще.,ф=ф-3а9с0и1у7в2ф4с68?и=ЫОЗ1ЗЕМА?с=ПЧЕ7ФО\n",
                        kScannedAssembly);
}

TEST(BallotCode, AQrTextTypedWithCapsLockIsRead) {
    // The assembly id arrives upper case: sameAssembly() tells it is this one.
    expectScannedBallot("VECHE://BALLOT/?A=A-3F9C0B1E7D2A4C68&B=sjp1ptvf&C=gxt7aj",
                        "A-3F9C0B1E7D2A4C68");
    // Under the Russian layout Caps Lock shifts the Ж key too: : arrives as ж.
    expectScannedBallot("МУСРУж..ИФДДЩЕ.,Ф=Ф-3А9С0И1У7В2Ф4С68?И=ыоз1зема?С=пче7фо",
                        "A-3F9C0B1E7D2A4C68");
    EXPECT_TRUE(sameAssembly("A-3F9C0B1E7D2A4C68", kScannedAssembly));
    EXPECT_TRUE(sameAssembly(kScannedAssembly, kScannedAssembly));
    EXPECT_FALSE(sameAssembly("A-3F9C0B1E7D2A4C69", kScannedAssembly));
    EXPECT_FALSE(sameAssembly("A-3F9C0B1E7D2A4C6", kScannedAssembly));
}

TEST(BallotCode, ATypedFormUnderTheRussianLayoutOrCapsLockIsRead) {
    for (const std::string typed : {"ЫОЗ1-ЗЕМА-ПЧЕ7ФО", "ыоз1-зема-пче7фо", "ЫОЗ1ЗЕМАПЧЕ7ФО",
                                    " ыоз1 зема пче7фо\n", "sjp1-ptvf-gxt7aj"}) {
        expectScannedBallot(typed, "");
    }
}

// Read back to US keys, a mistyped or foreign text is refused as before,
// naming the part.
TEST(BallotCode, AMistypedTextUnderTheRussianLayoutStillNamesThePart) {
    struct Case {
        std::string text, field;
    };
    const std::vector<Case> cases = {
        {"мусруЖ..ифддще.,ф=ф-3а9с0и1у7в2ф4с68?и=ЫОЗ1ЗЕМА?с=ПЧЕ7ФЩ", "check"},
        {"мусруЖ..ифддще.,ф=ф-3а9с0и1у7в2ф4с68?и=ЫОЗ1ЗЕМ?с=ПЧЕ7ФО", "ballot_id"},
        {"мусруЖ..ифддще.,ф=ф-3а9с0и1у7в2ф4с68?и=ЫОЗ2ЗЕМА?с=ПЧЕ7ФО", "ballot_id"},
        {"мусруЖ..ифддще.,и=ЫОЗ1ЗЕМА?с=ПЧЕ7ФО", "assembly"},
        {"мусруЖ..ифддще.,ф=ф-3а9с0и1у7в2ф4с68?и=ЫОЗ1ЗЕМА", "check"},
        {"ЫОЗ1-ЗЕМА-ПЧЕ7Ф", "code"},
        {"ЫОЗ1-ЗЕМБ-ПЧЕ7ФО", "code"},  // Б is the , key
        {"ЫОЗ1-ЗЕМК-ПЧЕ7ФО", "ballot_id"},
        {"привет", "code"},
    };
    for (const Case& c : cases) {
        const Parsed parsed = parseCode(c.text);
        ASSERT_FALSE(parsed.code) << c.text;
        EXPECT_EQ(parsed.error->field, c.field) << c.text << ": " << parsed.error->message;
    }
    const Parsed garbled = parseCode("привет");
    EXPECT_NE(garbled.error->message.find("Russian keyboard layout as ghbdtn"), std::string::npos)
        << garbled.error->message;
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
