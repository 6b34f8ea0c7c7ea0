// PDF: the sample protocol printed and read back with pdftotext and pdffonts.
#include <gtest/gtest.h>

#include <fstream>
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

}  // namespace
}  // namespace veche::paperwork::test
