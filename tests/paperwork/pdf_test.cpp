// PDF: the sample protocol printed and read back with pdftotext and pdffonts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "paperwork_test_support.h"
#include "veche/paperwork/document.h"

namespace veche::paperwork::test {
namespace {

std::vector<std::string> pagesOf(const std::string& text) {
    std::vector<std::string> pages;
    std::istringstream in(text);
    for (std::string page; std::getline(in, page, '\f');) {
        if (page.find_first_not_of(" \n") != std::string::npos) {
            pages.push_back(page);
        }
    }
    return pages;
}

TEST(Pdf, HoldsTheTextInOrderWithCyrillicQuotesAndTheDate) {
    ScratchDir dir;
    const std::string path = dir.file("protocol.pdf");
    writePdf(sampleProtocol(), path);

    std::ifstream file(path, std::ios::binary);
    std::string head(5, '\0');
    file.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");

    const std::string text = pdfText(path);
    EXPECT_TRUE(
        inOrder(text, {"ПРОТОКОЛ № 1", "внеочередного общего собрания", "26 ноября 2026 г.",
                       "«Уютный дом» — председатель", "Повестка дня", "Итоги голосования"}));
    // The results table, row by row, cell by cell.
    EXPECT_TRUE(inOrder(
        text, {"№", "Вопрос", "За", "Против", "Воздержались", "1", "Избрание председателя",
               "12 345,6", "1 000,0", "0,0", "в процентах", "91,87 %", "7,40 %", "0,00 %"}));
    EXPECT_TRUE(inOrder(text, {"РЕШИЛИ", "Председатель собрания", "/ И. И. Иванова /", "(подпись)",
                               "Секретарь собрания", "/ П. П. Петров /",
                               "Приложение 1. Реестр собственников", "Собственник квартиры 5"}));
}

TEST(Pdf, EveryPageOfALongDocumentHasItsNumberInTheFooter) {
    ScratchDir dir;
    const std::string path = dir.file("long.pdf");
    writePdf(sampleProtocol(150), path);

    const auto pages = pagesOf(pdfText(path));
    ASSERT_GE(pages.size(), 4u);
    const std::string total = std::to_string(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string footer = "Страница " + std::to_string(i + 1) + " из " + total;
        EXPECT_NE(pages[i].find(footer), std::string::npos) << "page " << i + 1 << ":\n"
                                                            << pages[i];
    }
    // The page break: the appendix starts page 2; its table's header repeats.
    EXPECT_EQ(pages[1].find("Приложение 1"), pages[1].find_first_not_of(" \n"));
    for (std::size_t i = 2; i < pages.size(); ++i) {
        EXPECT_NE(pages[i].find("Собственник "), std::string::npos) << "page " << i + 1;
    }
    EXPECT_NE(pages.back().find("Собственник квартиры 150"), std::string::npos);
}

TEST(Pdf, EmbedsLiberationSerif) {
    ScratchDir dir;
    const std::string path = dir.file("fonts.pdf");
    writePdf(sampleProtocol(), path);
    const auto fonts = run(std::string(VECHE_PDFFONTS) + " " + path);
    ASSERT_EQ(fonts.status, 0);
    EXPECT_NE(fonts.out.find("LiberationSerif"), std::string::npos) << fonts.out;
    EXPECT_NE(fonts.out.find("LiberationSerif-Bold"), std::string::npos) << fonts.out;
    EXPECT_EQ(fonts.out.find("DejaVu"), std::string::npos) << fonts.out;
}

TEST(Pdf, CanBeWrittenFromAnotherThread) {
    std::string bytes;
    std::thread worker([&bytes] { bytes = pdfOf(sampleProtocol()); });
    worker.join();
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
}

TEST(Pdf, AnUnwritablePathIsNamedInTheError) {
    const std::string path = "/nonexistent-veche-dir/protocol.pdf";
    try {
        writePdf(sampleProtocol(), path);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

TEST(Pdf, AnImageThatCannotBeDecodedIsRefused) {
    Document doc;
    doc.blocks.push_back(Image{"not an image", 20, Align::Center});
    EXPECT_THROW(pdfOf(doc), std::invalid_argument);
}

TEST(Pdf, AnEmptyDocumentIsOnePage) {
    ScratchDir dir;
    const std::string path = dir.file("empty.pdf");
    writePdf(Document{}, path);
    const auto pages = pagesOf(pdfText(path));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_NE(pages[0].find("Страница 1 из 1"), std::string::npos);
}

// A one-column table with `rows` rows of `cell(i)` under the header «Заголовок».
Document tableOf(int rows, const std::function<std::string(int)>& cell) {
    Table table;
    table.rows.push_back({"Заголовок"});
    for (int i = 1; i <= rows; ++i) {
        table.rows.push_back({cell(i)});
    }
    Document doc;
    doc.blocks.push_back(table);
    return doc;
}

// «word 007».
std::string numbered(const std::string& word, int i) {
    char digits[8];
    std::snprintf(digits, sizeof digits, " %03d", i);
    return word + digits;
}

TEST(Pdf, ARowThatFitsAPageMovesWholeToTheNextOne) {
    ScratchDir dir;
    const std::string path = dir.file("rows.pdf");
    writePdf(tableOf(80, [](int i) { return numbered("Начало", i) + "\n" + numbered("Конец", i); }),
             path);
    const auto pages = pagesOf(pdfText(path));
    ASSERT_GE(pages.size(), 2u);
    for (int i = 1; i <= 80; ++i) {
        const auto page = std::find_if(pages.begin(), pages.end(), [&](const std::string& p) {
            return p.find(numbered("Начало", i)) != std::string::npos;
        });
        ASSERT_NE(page, pages.end()) << i;
        EXPECT_NE(page->find(numbered("Конец", i)), std::string::npos) << "row " << i;
    }
    for (const auto& page : pages) {
        EXPECT_NE(page.find("Заголовок"), std::string::npos) << page;
    }
}

TEST(Pdf, ARowTallerThanAPageIsSplitUnderTheRepeatedHeader) {
    std::string lines;
    for (int i = 1; i <= 120; ++i) {
        lines.append(i > 1 ? "\n" : "").append(numbered("Строка", i));
    }
    ScratchDir dir;
    const std::string path = dir.file("tall.pdf");
    writePdf(tableOf(1, [&lines](int) { return lines; }), path);
    const std::string text = pdfText(path);
    const auto pages = pagesOf(text);
    ASSERT_GE(pages.size(), 2u);
    std::vector<std::string> needles;
    for (int i = 1; i <= 120; ++i) {
        needles.push_back(numbered("Строка", i));
    }
    EXPECT_TRUE(inOrder(text, needles));
    for (const auto& page : pages) {
        EXPECT_NE(page.find("Заголовок"), std::string::npos) << page;
    }
}

TEST(Pdf, KeepsTheTitleAsMetadata) {
    const auto pdfinfo = findOnPath("pdfinfo");
    if (!pdfinfo) {
        GTEST_SKIP() << "pdfinfo is not on PATH";
    }
    ScratchDir dir;
    const std::string path = dir.file("title.pdf");
    writePdf(sampleProtocol(), path);
    const auto info = run(*pdfinfo + " " + path);
    ASSERT_EQ(info.status, 0);
    EXPECT_NE(info.out.find("ПРОТОКОЛ № 1"), std::string::npos) << info.out;
}

}  // namespace
}  // namespace veche::paperwork::test
