// ODT: the sample protocol as a zip read back with Poco Zip and XML, and
// converted by LibreOffice where it is installed.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "paperwork_test_support.h"
#include "veche/paperwork/document.h"

namespace veche::paperwork::test {
namespace {

const std::string kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const std::string kDrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const std::string kStyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const std::string kFoNs = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned littleEndian(const std::string& bytes, std::size_t at, int size) {
    unsigned value = 0;
    for (int i = size - 1; i >= 0; --i) {
        value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

// The entry `name` of the zip at `path`, inflated; nullopt if it has none.
std::optional<std::string> zipEntry(const std::string& path, const std::string& name) {
    std::ifstream in(path, std::ios::binary);
    const Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader(name);
    if (header == archive.headerEnd()) {
        return std::nullopt;
    }
    in.clear();
    Poco::Zip::ZipInputStream entry(in, header->second);
    return std::string(std::istreambuf_iterator<char>(entry), std::istreambuf_iterator<char>());
}

// Whether some element `ns`:`element` has the fo: attribute `attribute` = `value`.
bool anyElementHas(Poco::XML::Document& xml, const std::string& ns, const std::string& element,
                   const std::string& attribute, const std::string& value) {
    Poco::AutoPtr<Poco::XML::NodeList> nodes = xml.getElementsByTagNameNS(ns, element);
    for (unsigned long i = 0; i < nodes->length(); ++i) {
        const auto* e = static_cast<Poco::XML::Element*>(nodes->item(i));
        if (e->getAttributeNS(kFoNs, attribute) == value) {
            return true;
        }
    }
    return false;
}

TEST(Odt, IsAZipWhoseFirstEntryIsTheStoredMimetype) {
    ScratchDir dir;
    const std::string path = dir.file("protocol.odt");
    writeOdt(sampleProtocol(), path);
    const std::string bytes = fileBytes(path);
    ASSERT_GT(bytes.size(), 64u);
    ASSERT_EQ(bytes.substr(0, 4), "PK\x03\x04");
    EXPECT_EQ(littleEndian(bytes, 8, 2), 0u) << "mimetype must be stored, not deflated";
    const unsigned nameLength = littleEndian(bytes, 26, 2);
    const unsigned extraLength = littleEndian(bytes, 28, 2);
    EXPECT_EQ(bytes.substr(30, nameLength), "mimetype");
    EXPECT_EQ(bytes.substr(30 + nameLength + extraLength, littleEndian(bytes, 18, 4)),
              "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(zipEntry(path, "mimetype"), "application/vnd.oasis.opendocument.text");
    EXPECT_TRUE(zipEntry(path, "META-INF/manifest.xml"));
}

TEST(Odt, ContentIsXmlWithTheTextTableImageAndPageBreak) {
    ScratchDir dir;
    const std::string path = dir.file("protocol.odt");
    writeOdt(sampleProtocol(), path);
    const auto content = zipEntry(path, "content.xml");
    ASSERT_TRUE(content);

    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    Poco::AutoPtr<Poco::XML::Document> xml;
    ASSERT_NO_THROW(xml = parser.parseString(*content));
    const std::string text = withPlainSpaces(xml->documentElement()->innerText());
    EXPECT_TRUE(
        inOrder(text, {"ПРОТОКОЛ № 1", "26 ноября 2026 г.", "ТОС «Уютный дом» — ", "Повестка дня",
                       "№", "Вопрос", "За", "Против", "Воздержались", "Избрание председателя",
                       "12 345,6", "91,87 %", "Председатель собрания", "(подпись)",
                       "Приложение 1. Реестр собственников", "Собственник квартиры 5"}));

    Poco::AutoPtr<Poco::XML::NodeList> tables = xml->getElementsByTagNameNS(kTableNs, "table");
    EXPECT_EQ(tables->length(), 4u);  // results, two signatures, the registry
    Poco::AutoPtr<Poco::XML::NodeList> images = xml->getElementsByTagNameNS(kDrawNs, "image");
    ASSERT_EQ(images->length(), 1u);
    const auto* image = static_cast<Poco::XML::Element*>(images->item(0));
    const std::string picture = image->getAttributeNS("http://www.w3.org/1999/xlink", "href");
    const auto png = zipEntry(path, picture);
    ASSERT_TRUE(png) << picture;
    EXPECT_EQ(png->substr(0, 4), "\x89PNG");
    EXPECT_TRUE(anyElementHas(*xml, kStyleNs, "paragraph-properties", "break-before", "page"));
    // Tables span the text's width (160 mm = 453.543 pt), not "100pt".
    EXPECT_NE(content->find("style:width=\"453.543pt\""), std::string::npos);
    EXPECT_EQ(content->find("style:width=\"100pt\""), std::string::npos);
    EXPECT_NE(content->find("fo:font-family=\"Liberation Serif\""), std::string::npos);
}

TEST(Odt, AnUnwritablePathIsNamedInTheError) {
    const std::string path = "/nonexistent-veche-dir/protocol.odt";
    try {
        writeOdt(sampleProtocol(), path);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

TEST(Odt, LibreOfficeConvertsItToPdf) {
    auto office = findOnPath("soffice");
    if (!office) {
        office = findOnPath("libreoffice");
    }
    if (!office) {
        GTEST_SKIP() << "neither soffice nor libreoffice is on PATH (Debian: libreoffice-writer)";
    }
    ScratchDir dir;
    const std::string odt = dir.file("protocol.odt");
    writeOdt(sampleProtocol(), odt);
    // A profile of its own, so that no other LibreOffice instance is joined.
    const std::string profile = "file://" + dir.file("profile");
    const auto result =
        run(*office + " -env:UserInstallation=" + profile +
            " --headless --convert-to pdf --outdir " + dir.path().string() + " " + odt + " 2>&1");
    ASSERT_EQ(result.status, 0) << result.out;
    const std::string pdf = dir.file("protocol.pdf");
    ASSERT_TRUE(std::filesystem::exists(pdf)) << result.out;
    EXPECT_TRUE(inOrder(pdfText(pdf), {"ПРОТОКОЛ № 1", "26 ноября 2026 г.", "Повестка дня",
                                       "Избрание председателя", "Собственник квартиры 5"}));
}

}  // namespace
}  // namespace veche::paperwork::test
