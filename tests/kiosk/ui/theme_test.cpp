#include <gtest/gtest.h>

#include "theme.h"

namespace veche::kiosk::ui {
namespace {

void expectAllPairsAtLeast7To1(const Theme& theme) {
    EXPECT_GE(Theme::contrastRatio(theme.text(), theme.background()), 7.0);
    EXPECT_GE(Theme::contrastRatio(theme.text(), theme.surface()), 7.0);
    EXPECT_GE(Theme::contrastRatio(theme.onPrimary(), theme.primary()), 7.0);
    EXPECT_GE(Theme::contrastRatio(theme.onSecondary(), theme.secondary()), 7.0);
    EXPECT_GE(Theme::contrastRatio(theme.onSelected(), theme.selected()), 7.0);
    EXPECT_GE(Theme::contrastRatio(theme.onAlert(), theme.alert()), 7.0);
}

TEST(Theme, ContrastRatioMatchesWcag) {
    EXPECT_NEAR(Theme::contrastRatio(Qt::black, Qt::white), 21.0, 0.01);
    EXPECT_NEAR(Theme::contrastRatio(Qt::white, Qt::white), 1.0, 0.01);
}

TEST(Theme, BothColourSetsReachSevenToOne) {
    Theme theme;
    expectAllPairsAtLeast7To1(theme);
    theme.setHighContrast(true);
    expectAllPairsAtLeast7To1(theme);
    EXPECT_EQ(theme.background(), QColor(Qt::black));
    EXPECT_EQ(theme.primary(), QColor(Qt::yellow));
}

TEST(Theme, SmallestStepIsStillLargeInBothOrientations) {
    Theme theme;
    for (const QSizeF size : {QSizeF(1080, 1920), QSizeF(1920, 1080)}) {
        theme.setWindowSize(size);
        EXPECT_GE(theme.bodyPixelSize(), 36);
        EXPECT_GE(theme.buttonHeight(), 100);
        EXPECT_GE(theme.gap(), 16);
    }
    theme.setWindowSize(QSizeF(1080, 1920));
    EXPECT_TRUE(theme.portrait());
    theme.setWindowSize(QSizeF(1920, 1080));
    EXPECT_FALSE(theme.portrait());
}

TEST(Theme, SizesScaleWithTheWindow) {
    Theme theme;
    theme.setWindowSize(QSizeF(540, 960));
    const int half = theme.buttonHeight();
    theme.setWindowSize(QSizeF(1080, 1920));
    EXPECT_EQ(theme.buttonHeight(), 2 * half);
}

TEST(Theme, FewerReviewAnswersPerPageInLandscapeAndAtLargerText) {
    Theme theme;
    theme.setWindowSize(QSizeF(1080, 1920));
    EXPECT_EQ(theme.reviewRowsPerPage(), 4);
    theme.setTextStep(2);
    EXPECT_EQ(theme.reviewRowsPerPage(), 2);
    theme.setWindowSize(QSizeF(1920, 1080));
    EXPECT_EQ(theme.reviewRowsPerPage(), 1);
    theme.setTextStep(0);
    EXPECT_EQ(theme.reviewRowsPerPage(), 2);
}

TEST(Theme, ThreeTextStepsAndReset) {
    Theme theme;
    const int step0 = theme.bodyPixelSize();
    theme.largerText();
    const int step1 = theme.bodyPixelSize();
    theme.largerText();
    const int step2 = theme.bodyPixelSize();
    theme.largerText();
    EXPECT_LT(step0, step1);
    EXPECT_LT(step1, step2);
    EXPECT_EQ(theme.textStep(), 2);
    EXPECT_GE(theme.buttonHeight(), theme.bodyPixelSize() * 2);
    theme.setHighContrast(true);
    theme.reset();
    EXPECT_EQ(theme.textStep(), 0);
    EXPECT_FALSE(theme.highContrast());
}

}  // namespace
}  // namespace veche::kiosk::ui
