// Golden tests: each folder holds a bundle and either expected.json (what
// recount prints) or expected.err (the problems it reports, one a line).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "veche/hub/recount.h"

namespace veche::hub {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> goldenBundles() {
    std::vector<fs::path> bundles;
    for (const char* root : {VECHE_GOLDEN_CASES, VECHE_SAMPLES}) {
        for (const auto& entry : fs::directory_iterator(root)) {
            if (entry.is_directory()) {
                bundles.push_back(entry.path());
            }
        }
    }
    std::sort(bundles.begin(), bundles.end());
    return bundles;
}

class RecountGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(RecountGolden, PrintsTheExpectedResultOrProblems) {
    const fs::path bundle = GetParam();
    std::ostringstream out, err;
    const int code = recount(bundle, out, err);
    if (fs::exists(bundle / "expected.err")) {
        EXPECT_EQ(code, kRecountBadInput);
        EXPECT_EQ(out.str(), "");
        EXPECT_EQ(err.str(), slurp(bundle / "expected.err"));
    } else {
        ASSERT_TRUE(fs::exists(bundle / "expected.json")) << bundle << " has no expectation";
        EXPECT_EQ(code, kRecountOk) << err.str();
        EXPECT_EQ(err.str(), "");
        EXPECT_EQ(out.str(), slurp(bundle / "expected.json"));
    }
}

INSTANTIATE_TEST_SUITE_P(Bundles, RecountGolden, ::testing::ValuesIn(goldenBundles()),
                         [](const auto& param) {
                             std::string name = param.param.filename().string();
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(Recount, RefusesAPathThatIsNotAFolder) {
    std::ostringstream out, err;
    EXPECT_EQ(recount("/nonexistent/bundle", out, err), kRecountBadInput);
    EXPECT_EQ(out.str(), "");
    EXPECT_EQ(err.str(), "/nonexistent/bundle: not a meeting bundle folder\n");
}

}  // namespace
}  // namespace veche::hub
