#pragma once

#include <QtQml/qqmlregistration.h>
#include <QColor>
#include <QObject>
#include <QSizeF>

#include <algorithm>

namespace veche::kiosk::ui {

// Sizes and colours for every screen, derived from the window size, the
// resident's text-size step and the contrast choice. QML reads only these:
// no screen hard-codes a pixel size or a colour.
//
// Sizes are designed for a 21.5" 1920×1080 panel (about 4 px per mm) and
// scale with the shorter window side (1080 px gives scale 1): buttons are at
// least 112 px (≈ 28 mm) high, gaps 24 px (≈ 6 mm), body text at least 40 px.
// Both colour sets give body text a contrast of at least 7:1.
class Theme : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Theme is owned by KioskController")

    Q_PROPERTY(QSizeF windowSize READ windowSize WRITE setWindowSize NOTIFY changed)
    Q_PROPERTY(bool portrait READ portrait NOTIFY changed)
    Q_PROPERTY(int textStep READ textStep WRITE setTextStep NOTIFY changed)
    Q_PROPERTY(int textStepCount READ textStepCount CONSTANT)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY changed)

    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT)
    Q_PROPERTY(int bodyPixelSize READ bodyPixelSize NOTIFY changed)
    Q_PROPERTY(int titlePixelSize READ titlePixelSize NOTIFY changed)
    Q_PROPERTY(int buttonPixelSize READ buttonPixelSize NOTIFY changed)
    Q_PROPERTY(int hugePixelSize READ hugePixelSize NOTIFY changed)
    Q_PROPERTY(int framePixelSize READ framePixelSize NOTIFY changed)
    Q_PROPERTY(int frameButtonHeight READ frameButtonHeight NOTIFY changed)
    Q_PROPERTY(int buttonHeight READ buttonHeight NOTIFY changed)
    Q_PROPERTY(int keySize READ keySize NOTIFY changed)
    Q_PROPERTY(int gap READ gap NOTIFY changed)
    Q_PROPERTY(int margin READ margin NOTIFY changed)
    Q_PROPERTY(int radius READ radius NOTIFY changed)
    Q_PROPERTY(int borderWidth READ borderWidth NOTIFY changed)

    Q_PROPERTY(QColor background READ background NOTIFY changed)
    Q_PROPERTY(QColor surface READ surface NOTIFY changed)
    Q_PROPERTY(QColor text READ text NOTIFY changed)
    Q_PROPERTY(QColor primary READ primary NOTIFY changed)
    Q_PROPERTY(QColor onPrimary READ onPrimary NOTIFY changed)
    Q_PROPERTY(QColor secondary READ secondary NOTIFY changed)
    Q_PROPERTY(QColor onSecondary READ onSecondary NOTIFY changed)
    Q_PROPERTY(QColor outline READ outline NOTIFY changed)
    Q_PROPERTY(QColor selected READ selected NOTIFY changed)
    Q_PROPERTY(QColor onSelected READ onSelected NOTIFY changed)
    Q_PROPERTY(QColor alert READ alert NOTIFY changed)
    Q_PROPERTY(QColor onAlert READ onAlert NOTIFY changed)

public:
    static constexpr int kTextSteps = 3;
    static constexpr int kFrameBodyPixels = 40;

    explicit Theme(QObject* parent = nullptr);

    QSizeF windowSize() const { return windowSize_; }
    void setWindowSize(QSizeF size);
    bool portrait() const { return windowSize_.height() >= windowSize_.width(); }

    int textStep() const { return textStep_; }
    // Clamped to 0 … textStepCount - 1.
    void setTextStep(int step);
    int textStepCount() const { return kTextSteps; }
    Q_INVOKABLE void largerText() { setTextStep(textStep_ + 1); }
    Q_INVOKABLE void smallerText() { setTextStep(textStep_ - 1); }

    bool highContrast() const { return highContrast_; }
    void setHighContrast(bool on);
    Q_INVOKABLE void toggleContrast() { setHighContrast(!highContrast_); }

    // Back to the smallest text step and the normal colours (the window size
    // is kept): called at the end of every visit.
    void reset();

    QString fontFamily() const { return QStringLiteral("DejaVu Sans"); }
    int bodyPixelSize() const;
    int titlePixelSize() const { return bodyPixelSize() * 5 / 4; }
    int buttonPixelSize() const { return bodyPixelSize() * 11 / 10; }
    int hugePixelSize() const { return bodyPixelSize() * 2; }
    // The frame around every screen (header, navigation bar) keeps the
    // smallest step's sizes, so that larger text gives the content the room.
    int framePixelSize() const { return scaled(kFrameBodyPixels); }
    int frameButtonHeight() const { return scaled(112); }
    int buttonHeight() const;
    int keySize() const { return buttonHeight() * 6 / 5; }
    int gap() const { return scaled(24); }
    int margin() const { return scaled(40); }
    int radius() const { return scaled(16); }
    int borderWidth() const { return std::max(2, scaled(4)); }
    // Answers per page on the vote review: as many as fit with «Подтвердить»
    // still on screen (4, 3, 2 by text step in portrait; 2, 2, 1 in landscape,
    // where the answers share the width with «Подтвердить»).
    int reviewRowsPerPage() const;

    QColor background() const;
    QColor surface() const;
    QColor text() const;
    QColor primary() const;
    QColor onPrimary() const;
    QColor secondary() const;
    QColor onSecondary() const;
    QColor outline() const;
    QColor selected() const;
    QColor onSelected() const;
    QColor alert() const;
    QColor onAlert() const;

    // WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
    Q_INVOKABLE static double contrastRatio(const QColor& a, const QColor& b);

signals:
    void changed();

private:
    double scale() const;
    int scaled(double px) const;

    QSizeF windowSize_{1080, 1920};
    int textStep_ = 0;
    bool highContrast_ = false;
};

}  // namespace veche::kiosk::ui
