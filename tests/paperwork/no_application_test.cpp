// Without a QGuiApplication the writers refuse with std::logic_error (this
// executable's main, gtest_main, makes none).
#include <gtest/gtest.h>

#include <stdexcept>

#include "veche/paperwork/document.h"

namespace veche::paperwork {
namespace {

TEST(NoApplication, TheWritersRefuseToStart) {
    Document document;
    document.blocks.push_back(Paragraph{"Текст", false, Align::Left});
    EXPECT_THROW(pdfOf(document), std::logic_error);
    EXPECT_THROW(odtOf(document), std::logic_error);
}

}  // namespace
}  // namespace veche::paperwork
