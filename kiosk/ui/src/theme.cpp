#include "theme.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace veche::kiosk::ui {
namespace {

// Body text per step at scale 1 (a 1080 px short side).
constexpr std::array<int, Theme::kTextSteps> kBodyPixels{40, 50, 62};

double linearChannel(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor& c) {
    return 0.2126 * linearChannel(c.redF()) + 0.7152 * linearChannel(c.greenF()) +
           0.0722 * linearChannel(c.blueF());
}

}  // namespace

Theme::Theme(QObject* parent) : QObject(parent) {}

void Theme::setWindowSize(QSizeF size) {
    if (size.isEmpty() || size == windowSize_) {
        return;
    }
    windowSize_ = size;
    emit changed();
}

void Theme::setTextStep(int step) {
    step = std::clamp(step, 0, kTextSteps - 1);
    if (step == textStep_) {
        return;
    }
    textStep_ = step;
    emit changed();
}

void Theme::setHighContrast(bool on) {
    if (on == highContrast_) {
        return;
    }
    highContrast_ = on;
    emit changed();
}

void Theme::reset() {
    const bool wasDefault = textStep_ == 0 && !highContrast_;
    textStep_ = 0;
    highContrast_ = false;
    if (!wasDefault) {
        emit changed();
    }
}

double Theme::scale() const {
    return std::min(windowSize_.width(), windowSize_.height()) / 1080.0;
}

int Theme::scaled(double px) const {
    return static_cast<int>(std::lround(px * scale()));
}

int Theme::bodyPixelSize() const {
    return scaled(kBodyPixels.at(static_cast<size_t>(textStep_)));
}

int Theme::buttonHeight() const {
    return std::max(scaled(112), bodyPixelSize() * 5 / 2);
}

int Theme::reviewRowsPerPage() const {
    constexpr std::array<int, kTextSteps> kPortrait{4, 3, 2};
    constexpr std::array<int, kTextSteps> kLandscape{2, 2, 1};
    return (portrait() ? kPortrait : kLandscape).at(static_cast<size_t>(textStep_));
}

// Normal: near-black on warm white, navy buttons. High contrast: white and
// yellow on black, yellow buttons with black text.
QColor Theme::background() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xF7F5F0);
}
QColor Theme::surface() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xFFFFFF);
}
QColor Theme::text() const {
    return highContrast_ ? QColor(0xFFFFFF) : QColor(0x111111);
}
QColor Theme::primary() const {
    return highContrast_ ? QColor(0xFFFF00) : QColor(0x1B3A6B);
}
QColor Theme::onPrimary() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xFFFFFF);
}
QColor Theme::secondary() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xFFFFFF);
}
QColor Theme::onSecondary() const {
    return highContrast_ ? QColor(0xFFFF00) : QColor(0x1B3A6B);
}
QColor Theme::outline() const {
    return highContrast_ ? QColor(0xFFFF00) : QColor(0x1B3A6B);
}
QColor Theme::selected() const {
    return highContrast_ ? QColor(0xFFFFFF) : QColor(0x0B5D1E);
}
QColor Theme::onSelected() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xFFFFFF);
}
QColor Theme::alert() const {
    return highContrast_ ? QColor(0xFFFF00) : QColor(0x8B0000);
}
QColor Theme::onAlert() const {
    return highContrast_ ? QColor(0, 0, 0) : QColor(0xFFFFFF);
}

double Theme::contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace veche::kiosk::ui
