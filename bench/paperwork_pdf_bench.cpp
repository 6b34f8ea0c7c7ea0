// pdfOf on a synthetic document of 15,000 table cells (2,500 rows of 6, the
// size of the protocol export's appendices, docs/protocol.md): prints each
// run and the median of RUNS (default 5). A plain program.
// Run: build/release/bin/paperwork_pdf_bench [RUNS] [OUT.pdf]
// OUT.pdf, when given, keeps the last run's PDF, e.g. to look at with pdftoppm.
#include <QGuiApplication>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "veche/paperwork/document.h"

namespace {

using namespace veche::paperwork;

constexpr int kRows = 2500;
constexpr int kColumns = 6;

Document sampleDocument() {
    Document doc;
    doc.title = "ПРОТОКОЛ № 1\nобщего собрания собственников помещений";
    doc.blocks.push_back(Heading{"Приложение 3. Реестр бюллетеней", 1});
    doc.blocks.push_back(
        Paragraph{"Бюллетени, полученные счётной комиссией до окончания голосования, в порядке их "
                  "регистрации; решения по вопросам повестки дня.",
                  false, Align::Justify});
    Table table;
    table.columnWidths = {8, 34, 16, 14, 14, 14};
    table.columnAligns = {Align::Right,  Align::Left,   Align::Center,
                          Align::Center, Align::Center, Align::Center};
    table.rows.push_back({"№", "Собственник", "Помещение", "Вопрос 1", "Вопрос 2", "Вопрос 3"});
    for (int i = 1; i < kRows; ++i) {
        const std::string n = std::to_string(i);
        table.rows.push_back(
            {n, "Собственник Номер o" + n, "кв. " + n, "за", "против", "воздержался"});
    }
    doc.blocks.push_back(std::move(table));
    doc.blocks.push_back(Signature{"Председатель собрания", "П. П. Петров"});
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const Document doc = sampleDocument();
    std::vector<double> seconds;
    std::string pdf;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        pdf = pdfOf(doc);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::cout << "run " << run + 1 << ": " << seconds.back() << " s\n";
    }
    if (argc > 2) {
        std::ofstream(argv[2], std::ios::binary) << pdf;
    }
    std::sort(seconds.begin(), seconds.end());
    std::cout << "pdfOf, " << kRows * kColumns << " cells, " << pdf.size() << " bytes\n"
              << "median of " << runs << " runs: " << seconds[seconds.size() / 2] << " s (min "
              << seconds.front() << ", max " << seconds.back() << ")\n";
    return 0;
}
