#include "veche/core/bundle.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

const std::string kAgenda =
    R"({"rules": "oss-mkd", "items": [{"id": "1", "title": "Т", "threshold": "participants_majority"}]})";
const std::string kRegistryHeader = "premises,kind,area,owner_id,owner,share,document,joint\n";
const std::string kBallotsHeader = "voter_id,item,choice\n";

std::vector<std::string> messagesOf(const BundleFiles& files) {
    std::vector<std::string> out;
    for (const Problem& p : readBundle(files).problems) {
        out.push_back(describe(p));
    }
    return out;
}

std::vector<std::string> registryProblems(const std::string& rows) {
    return messagesOf({kAgenda, kRegistryHeader + rows, std::nullopt, kBallotsHeader});
}

using Messages = std::vector<std::string>;

TEST(Bundle, ReadsAValidOwnersMeeting) {
    const auto reading =
        readBundle({kAgenda, kRegistryHeader + "1,residential,\"54,30\",o1,Иванов,1,ЕГРН 1,\n",
                    std::nullopt, kBallotsHeader + "o1,1,for\n"});
    ASSERT_TRUE(reading.problems.empty()) << describe(reading.problems.front());
    ASSERT_TRUE(reading.meeting);
    EXPECT_EQ(reading.meeting->registry.premises[0].areaHundredths, 5430);
    EXPECT_EQ(reading.meeting->electorate.total, Fraction(5430, 100));
    EXPECT_EQ(reading.meeting->ballots.answer(0, 0), Choice::For);
}

TEST(Bundle, AreaNeedsAPositiveNumberWithAtMostTwoDecimals) {
    EXPECT_EQ(registryProblems("1,residential,54.301,o1,A,1,,\n"),
              (Messages{"registry.csv:2: area \"54.301\" has more than 2 decimals"}));
    EXPECT_EQ(registryProblems("1,residential,0,o1,A,1,,\n"),
              (Messages{"registry.csv:2: area \"0\" must be greater than 0"}));
    EXPECT_EQ(registryProblems("1,residential,-5,o1,A,1,,\n"),
              (Messages{"registry.csv:2: area \"-5\" is not a number of m² (like 54.3 or 54,30)"}));
    EXPECT_EQ(registryProblems("1,residential,5.,o1,A,1,,\n").size(), 1u);
}

TEST(Bundle, ShareMustBeAFractionInZeroToOne) {
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,3/2,,\n"),
              (Messages{"registry.csv:2: share \"3/2\" is outside (0, 1]"}));
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,0,,\n"),
              (Messages{"registry.csv:2: share \"0\" is outside (0, 1]"}));
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,0.5,,\n"),
              (Messages{"registry.csv:2: share \"0.5\" is not a fraction like 1 or 1/2"}));
}

TEST(Bundle, SharesOfOnePremisesMayNotExceedOne) {
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,1/2,,\n1,residential,50,o2,B,2/3,,\n"),
              (Messages{"registry.csv:3: shares of premises \"1\" add up to 7/6, more than 1"}));
}

TEST(Bundle, PremisesKeepsOneAreaAndKind) {
    EXPECT_EQ(
        registryProblems("1,residential,50,o1,A,1/2,,\n1,nonresidential,50.5,o2,B,1/2,,\n"),
        (Messages{
            "registry.csv:3: premises \"1\" has area \"50.5\" but line 2 gives 50.00",
            "registry.csv:3: premises \"1\" is nonresidential but line 2 gives another kind"}));
}

TEST(Bundle, JointOwnersShareOneShare) {
    const auto reading = readBundle(
        {kAgenda, kRegistryHeader + "1,residential,50,h,Муж,1,,J\n1,residential,50,w,Жена,1,,J\n",
         std::nullopt, kBallotsHeader + "w,1,for\n"});
    ASSERT_TRUE(reading.problems.empty()) << describe(reading.problems.front());
    ASSERT_EQ(reading.meeting->registry.holdings.size(), 1u);
    EXPECT_EQ(reading.meeting->registry.holdings[0].owners.size(), 2u);
    EXPECT_EQ(registryProblems("1,residential,50,h,Муж,1/2,,J\n1,residential,50,w,Жена,1,,J\n"),
              (Messages{"registry.csv:3: joint owners \"J\" of premises \"1\" give share 1 but "
                        "line 2 gives 1/2"}));
}

TEST(Bundle, AnOwnerIsListedOncePerPremisesWithOneName) {
    EXPECT_EQ(
        registryProblems("1,residential,50,o1,A,1/2,,\n1,residential,50,o1,A,1/2,,\n"),
        (Messages{
            "registry.csv:3: owner \"o1\" is listed twice for premises \"1\" (first at line 2)"}));
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,1,,\n2,residential,50,o1,B,1,,\n"),
              (Messages{"registry.csv:3: owner \"o1\" is named \"B\" but line 2 names \"A\""}));
}

TEST(Bundle, ColumnsMustMatchTheHeader) {
    EXPECT_EQ(messagesOf({kAgenda, "premises,kind,area,owner_id,owner,share,joint,extra\n",
                          std::nullopt, kBallotsHeader}),
              (Messages{"registry.csv:1: missing column \"document\"",
                        "registry.csv:1: unexpected column \"extra\""}));
    EXPECT_EQ(registryProblems("1,residential,50,o1,A,1,\n"),
              (Messages{"registry.csv:2: expected 8 fields, found 7"}));
}

TEST(Bundle, BallotsNameKnownVotersItemsAndChoicesOnce) {
    const std::string registry = kRegistryHeader + "1,residential,50,o1,A,1,,\n";
    EXPECT_EQ(
        messagesOf({kAgenda, registry, std::nullopt,
                    kBallotsHeader + "o1,1,for\nghost,1,for\no1,7,yes\no1,1,against\n"}),
        (Messages{"ballots.csv:3: voter \"ghost\" is not in registry.csv",
                  "ballots.csv:4: item \"7\" is not on the agenda",
                  "ballots.csv:4: choice \"yes\" is not one of for, against, abstain, invalid",
                  "ballots.csv:5: voter \"o1\" already answered item \"1\" at line 2"}));
}

TEST(Bundle, AgendaNamesKnownRulesAndThresholds) {
    EXPECT_EQ(
        messagesOf({R"({"rules": "oss", "items": [{"id": "1", "title": "T", "threshold": "most"},
                              {"id": "1", "title": "T", "threshold": "all_majority"}]})",
                    std::nullopt, "member_id,name\nm1,A\n", kBallotsHeader}),
        (Messages{"agenda.json: unknown rule set \"oss\" (expected one of: oss-mkd, tos-meeting, "
                  "tos-conference, snt, skhod, poll)",
                  "agenda.json: items[0] (id \"1\"): unknown threshold \"most\" (expected one of: "
                  "participants_majority, participants_two_thirds, all_majority, all_two_thirds, "
                  "all_unanimous)",
                  "agenda.json: items[1]: id \"1\" is used by an earlier item"}));
}

TEST(Bundle, AgendaMustBeJsonWithItems) {
    const auto broken =
        messagesOf({"{\"rules\": ", std::nullopt, "member_id,name\nm1,A\n", kBallotsHeader});
    ASSERT_EQ(broken.size(), 1u);
    EXPECT_EQ(broken[0].rfind("agenda.json: not valid JSON", 0), 0u) << broken[0];
    EXPECT_EQ(messagesOf({R"({"rules": "snt", "items": []})", std::nullopt,
                          "member_id,name\nm1,A\n", kBallotsHeader}),
              (Messages{"agenda.json: \"items\" must be a non-empty array of agenda items"}));
}

TEST(Bundle, MissingFilesAreNamed) {
    EXPECT_EQ(messagesOf({std::nullopt, std::nullopt, std::nullopt, std::nullopt}),
              (Messages{"agenda.json: the file is missing",
                        "members.csv: the file is missing (the rule set needs it)",
                        "ballots.csv: the file is missing"}));
    EXPECT_EQ(messagesOf({kAgenda, std::nullopt, "member_id,name\nm1,A\n", kBallotsHeader}),
              (Messages{"registry.csv: the file is missing (the rule set needs it)"}));
}

TEST(Bundle, MembersAreUniqueAndNamed) {
    const std::string agenda =
        R"({"rules": "snt", "items": [{"id": "1", "title": "T", "threshold": "participants_majority"}]})";
    EXPECT_EQ(messagesOf({agenda, std::nullopt, "member_id,name\nm1,A\nm1,B\n,C\n",
                          kBallotsHeader + "m1,1,for\n"}),
              (Messages{"members.csv:3: member \"m1\" is listed twice (first at line 2)",
                        "members.csv:4: member_id is empty"}));
    EXPECT_EQ(messagesOf({agenda, std::nullopt, "member_id,name\n", kBallotsHeader}),
              (Messages{"members.csv: lists no members"}));
}

}  // namespace
}  // namespace veche::core

namespace veche::core {
namespace {

TEST(Bundle, ReportsEveryBadRecordWithoutEchoingThemInBallots) {
    // Row 3 has an unquoted quote; b's ballot must not be called a stranger's.
    const auto messages = messagesOf(
        {kAgenda,
         kRegistryHeader + "1,residential,50,a,A,1,,\n2,residential,50,b,Ivan \"V\" B,1,,\n"
                           "3,residential,0,c,C,1,,\n",
         std::nullopt, kBallotsHeader + "a,1,for\nb,1,for\nc,1,maybe\n"});
    EXPECT_EQ(
        messages,
        (Messages{"registry.csv:3: a quote inside an unquoted field (quote the whole field)",
                  "registry.csv:4: area \"0\" must be greater than 0",
                  "ballots.csv:4: choice \"maybe\" is not one of for, against, abstain, invalid"}));
}

TEST(Bundle, ChecksBallotsEvenWhenTheAgendaIsBroken) {
    EXPECT_EQ(
        messagesOf({"{", std::nullopt, "member_id,name\nm1,A\n", kBallotsHeader + "m1,1,yes\n"})
            .back(),
        "ballots.csv:2: choice \"yes\" is not one of for, against, abstain, invalid");
}

TEST(Bundle, AcceptsAByteOrderMarkInTheAgenda) {
    EXPECT_TRUE(
        messagesOf({"\xEF\xBB\xBF" + kAgenda, kRegistryHeader + "1,residential,50,a,A,1,,\n",
                    std::nullopt, kBallotsHeader})
            .empty());
}

}  // namespace
}  // namespace veche::core
