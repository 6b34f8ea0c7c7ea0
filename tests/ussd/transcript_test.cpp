#include "veche/ussd/transcript.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace veche::ussd {
namespace {

// The message parseTranscript throws for `text`, or "" when it parses.
std::string parseError(const std::string& text) {
    try {
        parseTranscript(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

std::string formatError(const std::vector<TranscriptSession>& sessions) {
    try {
        formatTranscript(sessions);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST(TranscriptTest, ParsesSessionsScreensAndComments) {
    const auto sessions = parseTranscript(
        "# Жилец читает объявления\n"
        "\n"
        "> *123#\n"
        "CON Главное меню\n"
        "1 Объявления\n"
        "\n"
        "5 Мой номер\n"
        "> 1\n"
        "# a comment inside a screen is not part of it\n"
        "CON Объявлений нет\n"
        "0 Назад\n"
        "\n"
        "\n"
        "> *123*5#\n"
        "END Ваш номер +79161234567\n"
        "> *123#\n"
        "END Номер не найден\n");
    ASSERT_EQ(sessions.size(), 3u);
    ASSERT_EQ(sessions[0].size(), 2u);
    EXPECT_EQ(sessions[0][0].input, "*123#");
    EXPECT_EQ(sessions[0][0].screen, "CON Главное меню\n1 Объявления\n\n5 Мой номер");
    EXPECT_EQ(sessions[0][1].input, "1");
    EXPECT_EQ(sessions[0][1].screen, "CON Объявлений нет\n0 Назад");
    EXPECT_EQ(sessions[1][0].input, "*123*5#");
    EXPECT_EQ(sessions[1][0].screen, "END Ваш номер +79161234567");
    EXPECT_EQ(sessions[2][0].screen, "END Номер не найден");
}

TEST(TranscriptTest, EmptyInputAndEmptyText) {
    const auto sessions = parseTranscript("> *123#\nCON a\n>\nCON b\n> \nEND c");
    ASSERT_EQ(sessions.size(), 1u);
    ASSERT_EQ(sessions[0].size(), 3u);
    EXPECT_EQ(sessions[0][1].input, "");
    EXPECT_EQ(sessions[0][2].input, "");
    EXPECT_EQ(sessions[0][2].screen, "END c");
    EXPECT_TRUE(parseTranscript("# nothing yet\n\n").empty());
}

TEST(TranscriptTest, FormatIsReadBackAsTheSameSessions) {
    const std::vector<TranscriptSession> sessions{
        {{"*123#", "CON Главное меню\n1 Объявления\n\n99 Далее"},
         {"", "CON пусто"},
         {"99", "CON Стр. 2\n  с отступом"},
         {"0", "END До свидания"}},
        {{"*123*1*2#", "CON [GSM] {7-bit} > not an input"}},
        {{"*#06#", "END x"}},
    };
    const std::string text = formatTranscript(sessions);
    EXPECT_EQ(parseTranscript(text), sessions);
    EXPECT_EQ(formatTranscript(parseTranscript(text)), text);
    EXPECT_TRUE(text.starts_with("> *123#\nCON Главное меню\n1 Объявления\n\n99 Далее\n>\n"))
        << text;
    EXPECT_NE(text.find("END До свидания\n\n> *123*1*2#\n"), std::string::npos) << text;
    EXPECT_EQ(formatTranscript({}), "");
}

TEST(TranscriptTest, ParseErrorsNameTheLine) {
    EXPECT_EQ(parseError("# c\nCON a\n"),
              "transcript line 2: text before the first input; a transcript starts with "
              "`> *…#`");
    EXPECT_EQ(parseError("> 1\nCON a\n"),
              "transcript line 1: the first input must be a dialled code like `> *123#`");
    EXPECT_EQ(parseError("> *123#\nCON a\n> 1\n\n> 2\nEND b\n"),
              "transcript line 3: no screen after `> 1`");
    EXPECT_EQ(parseError("> *123#\n"), "transcript line 1: no screen after `> *123#`");
    EXPECT_EQ(parseError("> *123#\nCONa\n"),
              "transcript line 2: the screen after `> *123#` must start with \"CON \" or "
              "\"END \" on the next line");
    EXPECT_EQ(parseError("> *123#\n\nCON a\n"),
              "transcript line 2: the screen after `> *123#` must start with \"CON \" or "
              "\"END \" on the next line");
    EXPECT_EQ(parseError("> *123#\nEND a\n\n> 1\nCON b\n"),
              "transcript line 4: input after an END screen; a new session starts with `> *…#`");
    EXPECT_EQ(parseError("> *123#\r\nCON a\r\n"),
              "transcript line 1: carriage return (the file must have Unix line ends)");
}

TEST(TranscriptTest, FormatRefusesWhatItCannotWrite) {
    EXPECT_EQ(formatError({{}}), "transcript session 1, step 1: the session has no steps");
    EXPECT_EQ(formatError({{{"1", "CON a"}}}),
              "transcript session 1, step 1: a session starts with a dialled code like *123#");
    EXPECT_EQ(formatError({{{"*1#", "CON a"}, {"*2#", "END b"}}}),
              "transcript session 1, step 2: the input \"*2#\" would start a new session");
    EXPECT_EQ(formatError({{{"*1#", "END a"}, {"1", "END b"}}}),
              "transcript session 1, step 1: an END screen must be the last of its session");
    EXPECT_EQ(formatError({{{"*1#", "CON a"}, {"1\n2", "END b"}}}),
              "transcript session 1, step 2: the input holds a line break");
    EXPECT_EQ(formatError({{{"*1#", "OK a"}}}),
              "transcript session 1, step 1: the screen must start with \"CON \" or \"END \"");
    EXPECT_EQ(formatError({{{"*1#", "END a\n"}}}),
              "transcript session 1, step 1: the screen ends with a line break");
    EXPECT_EQ(formatError({{{"*1#", "END a\r\nb"}}}),
              "transcript session 1, step 1: the screen holds a carriage return");
    EXPECT_EQ(formatError({{{"*1#", "END a\n# b"}}}),
              "transcript session 1, step 1: the screen line \"# b\" would read as an input "
              "or a comment");
    EXPECT_EQ(formatError({{{"*1#", "END a\n> b"}}}),
              "transcript session 1, step 1: the screen line \"> b\" would read as an input "
              "or a comment");
}

}  // namespace
}  // namespace veche::ussd
