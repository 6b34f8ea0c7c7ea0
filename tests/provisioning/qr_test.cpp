// QR codes and enrolment links: what a label carries decodes back (zbarimg
// from Debian's zbar-tools reads the PNG).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "veche/provisioning/enrolment_link.h"
#include "veche/provisioning/qr.h"

namespace veche::provisioning {
namespace {

// What zbarimg reads from `png`, without its trailing newline.
std::string decoded(const std::string& png) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("veche-qr-" + std::to_string(::getpid()) + ".png");
    std::ofstream(path, std::ios::binary) << png;
    const std::string command = std::string(VECHE_ZBARIMG) + " --quiet --raw " + path.string();
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe)) {
            out += buffer;
        }
        ::pclose(pipe);
    }
    std::filesystem::remove(path);
    while (!out.empty() && out.back() == '\n') {
        out.pop_back();
    }
    return out;
}

TEST(EnrolmentLink, ReadsBackWhatItWrites) {
    const EnrolmentLink link{"http://10.0.0.5:8080", "C2MM-QK7S-4GP4"};
    const std::string text = textOf(link);
    EXPECT_EQ(text, "veche://enrol/?hub=http%3A%2F%2F10.0.0.5%3A8080&code=C2MM-QK7S-4GP4");
    const auto back = parseEnrolmentLink(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->hubUrl, link.hubUrl);
    EXPECT_EQ(back->code, link.code);
}

TEST(EnrolmentLink, AnythingElseIsNotALink) {
    EXPECT_FALSE(parseEnrolmentLink("C2MM-QK7S-4GP4"));
    EXPECT_FALSE(parseEnrolmentLink("https://evil.example/enrol?hub=x&code=y"));
    EXPECT_FALSE(parseEnrolmentLink("veche://enrol?hub=http%3A%2F%2Fh"));
    EXPECT_FALSE(parseEnrolmentLink("veche://other?hub=h&code=c"));
}

TEST(Qr, APngLabelDecodesBackToTheEnrolmentLink) {
    const std::string text = textOf({"http://hub.tos-sadovaya.ru:8080", "K7QM-2XPD-9R4T"});
    const std::string png = pngOf(encodeQr(text));
    EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_EQ(decoded(png), text);
}

TEST(Qr, AChangedCodeDecodesToTheChangedText) {
    // The decoder is not lenient: a different text gives a different code.
    const std::string a = textOf({"http://h:8080", "AAAA-AAAA-AAAA"});
    const std::string b = textOf({"http://h:8080", "AAAA-AAAA-AAAB"});
    EXPECT_NE(encodeQr(a).dark, encodeQr(b).dark);
    EXPECT_EQ(decoded(pngOf(encodeQr(b), 4)), b);
}

TEST(Qr, TheTerminalCodeHasTwoModuleRowsALineInsideAQuietZone) {
    const auto qr = encodeQr("veche");
    const std::string text = terminalQr(qr);
    const int side = qr.size + 2 * kQrQuietZone;
    int lines = 0;
    for (char c : text) {
        lines += c == '\n';
    }
    EXPECT_EQ(lines, (side + 1) / 2);
    EXPECT_NE(text.find("█"), std::string::npos);
    EXPECT_EQ(text.rfind("\x1b[30;47m", 0), 0u);
}

TEST(Qr, TooLongATextIsRefused) {
    EXPECT_THROW(encodeQr(std::string(4000, 'x')), std::invalid_argument);
}

}  // namespace
}  // namespace veche::provisioning
