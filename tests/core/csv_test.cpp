#include "veche/core/csv.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

using Fields = std::vector<std::string>;

TEST(Csv, SplitsPlainRecords) {
    const auto doc = parseCsv("a,b,c\n1,,3\n");
    ASSERT_TRUE(doc.errors.empty());
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"1", "", "3"}));
    EXPECT_EQ(doc.records[1].line, 2u);
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
    const auto doc =
        parseCsv("name,note\n\"Иванов, И. И.\",\"он сказал \"\"да\"\"\nи ушёл\"\nx,y\n");
    ASSERT_TRUE(doc.errors.empty());
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"Иванов, И. И.", "он сказал \"да\"\nи ушёл"}));
    EXPECT_EQ(doc.records[1].line, 2u);
    EXPECT_EQ(doc.records[2].line, 4u);  // the quoted line break moved it down
}

TEST(Csv, AcceptsBomCrlfAndNoFinalLineEnd) {
    const auto doc = parseCsv("\xEF\xBB\xBFid,x\r\n1,2\r\n\r\n3,\"4\"");
    ASSERT_TRUE(doc.errors.empty());
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"id", "x"}));
    EXPECT_EQ(doc.records[2].fields, (Fields{"3", "4"}));
    EXPECT_EQ(doc.records[2].line, 4u);
}

TEST(Csv, CrlfInsideAQuotedFieldCountsAsOneLine) {
    const auto doc = parseCsv("a,b\r\n\"x\r\ny\",1\r\n2,3\r\n");
    ASSERT_TRUE(doc.errors.empty());
    EXPECT_EQ(doc.records[1].fields, (Fields{"x\r\ny", "1"}));
    EXPECT_EQ(doc.records[2].line, 4u);
}

TEST(Csv, EmptyQuotedFieldAndTrailingComma) {
    const auto doc = parseCsv("\"\",a,\n");
    ASSERT_TRUE(doc.errors.empty());
    EXPECT_EQ(doc.records[0].fields, (Fields{"", "a", ""}));
}

TEST(Csv, ReportsAQuoteInsideABareFieldAndGoesOn) {
    const auto doc = parseCsv("a,b\n1,x\"y\n2,z\n3,\"w\"v\n4,q\n");
    ASSERT_EQ(doc.errors.size(), 2u);
    EXPECT_EQ(doc.errors[0].line, 2u);
    EXPECT_EQ(doc.errors[1].line, 4u);
    EXPECT_EQ(doc.errors[1].message, "unexpected text after a closing quote");
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"2", "z"}));
    EXPECT_EQ(doc.records[2].line, 5u);
}

TEST(Csv, ReportsTextAfterAClosingQuote) {
    const auto doc = parseCsv("a\n\"x\"y\n");
    ASSERT_EQ(doc.errors.size(), 1u);
    EXPECT_EQ(doc.errors[0].line, 2u);
    EXPECT_EQ(doc.errors[0].message, "unexpected text after a closing quote");
}

TEST(Csv, ReportsAnUnclosedQuoteWhereItOpened) {
    const auto doc = parseCsv("a\n\"never\nclosed\n");
    ASSERT_EQ(doc.errors.size(), 1u);
    EXPECT_EQ(doc.errors[0].line, 2u);
    EXPECT_EQ(doc.errors[0].message, "a quoted field is never closed");
}

TEST(Csv, ReportsALoneCarriageReturn) {
    const auto doc = parseCsv("a,b\rc\n");
    ASSERT_EQ(doc.errors.size(), 1u);
    EXPECT_EQ(doc.errors[0].line, 1u);
}

}  // namespace
}  // namespace veche::core

namespace veche::core {
namespace {

TEST(CsvLine, QuotesOnlyWhatNeedsQuotingAndRoundTrips) {
    const std::vector<std::string> fields{"plain", "a,b", "say \"hi\"", "two\nlines", ""};
    const std::string line = csvLine(fields);
    EXPECT_EQ(line, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
    const auto doc = parseCsv(line);
    ASSERT_TRUE(doc.errors.empty());
    EXPECT_EQ(doc.records.at(0).fields, fields);
}

}  // namespace
}  // namespace veche::core
