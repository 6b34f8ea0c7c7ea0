#include "paperwork_test_support.h"

#include <cstdlib>
#include <sstream>

#include "veche/paperwork/typography.h"
#include "veche/provisioning/qr.h"

namespace veche::paperwork::test {

std::string pdfText(const std::string& path) {
    const auto result = run(std::string(VECHE_PDFTOTEXT) + " -layout -enc UTF-8 " + path + " -");
    EXPECT_EQ(result.status, 0) << "pdftotext failed on " << path;
    return withPlainSpaces(result.out);
}

std::string withPlainSpaces(std::string text) {
    const std::string nbsp(kNbsp);
    for (auto at = text.find(nbsp); at != std::string::npos; at = text.find(nbsp, at)) {
        text.replace(at, nbsp.size(), " ");
    }
    return text;
}

std::optional<std::string> findOnPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
    }
    return std::nullopt;
}

Document sampleProtocol(int registryRows) {
    Document doc;
    doc.title = "ПРОТОКОЛ № 1\nвнеочередного общего собрания собственников помещений";
    doc.blocks.push_back(Paragraph{"г. Вологда, ул. Садовая, д. 12", false, Align::Left});
    doc.blocks.push_back(Paragraph{formatDate({2026, 11, 26}), false, Align::Right});
    doc.blocks.push_back(Paragraph{
        typeset("Собрание проведено в форме очно-заочного голосования по инициативе совета "
                "ТОС \"Уютный дом\" - председатель совета Иванова И. И."),
        false, Align::Justify});
    doc.blocks.push_back(Heading{"Повестка дня", 1});
    doc.blocks.push_back(Paragraph{typeset("1. Избрание председателя и секретаря собрания."), false,
                                   Align::Justify});
    doc.blocks.push_back(Heading{"Итоги голосования", 2});
    Table results;
    results.columnWidths = {6, 34, 20, 20, 20};
    results.columnAligns = {Align::Center, Align::Left, Align::Right, Align::Right, Align::Right};
    results.rows = {{"№", "Вопрос", "За", "Против", "Воздержались"},
                    {"1", "Избрание председателя", formatDecimal("12345.6", 1, Grouping::Column),
                     formatDecimal("1000", 1, Grouping::Column), "0,0"},
                    {"", "в процентах", formatPercent("91.874", 2), formatPercent("7.4", 2),
                     formatPercent("0", 2)}};
    doc.blocks.push_back(results);
    doc.blocks.push_back(
        Paragraph{"РЕШИЛИ: избрать председателем собрания Иванову И. И.", true, Align::Left});
    doc.blocks.push_back(Image{
        provisioning::pngOf(provisioning::encodeQr("veche:ballot:B-000123:7Q")), 25, Align::Right});
    doc.blocks.push_back(Signature{"Председатель собрания", "И. И. Иванова"});
    doc.blocks.push_back(Signature{"Секретарь собрания", "П. П. Петров"});
    doc.blocks.push_back(PageBreak{});
    doc.blocks.push_back(Heading{"Приложение 1. Реестр собственников", 1});
    Table registry;
    registry.columnWidths = {10, 50, 20, 20};
    registry.rows = {{"Кв.", "Собственник", "Площадь, м²", "Голосов"}};
    for (int i = 1; i <= registryRows; ++i) {
        registry.rows.push_back({std::to_string(i), "Собственник квартиры " + std::to_string(i),
                                 formatDecimal("54.3"), formatDecimal("54.3")});
    }
    doc.blocks.push_back(registry);
    return doc;
}

}  // namespace veche::paperwork::test
