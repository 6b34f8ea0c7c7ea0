#include "russian_text.h"

#include "veche/core/plural.h"

#include <QDateTime>
#include <QLocale>

namespace veche::kiosk::ui {

QString typedPhoneText(const QString& digits) {
    // Pattern after "+7 ": XXX XXX-XX-XX
    static const QString kPattern = QStringLiteral("___ ___-__-__");
    QString shown = kPattern;
    int next = 0;
    for (qsizetype i = 0; i < shown.size() && next < digits.size(); ++i) {
        if (shown[i] == QLatin1Char('_')) {
            shown[i] = digits[next++];
        }
    }
    return QStringLiteral("+7 ") + shown;
}

std::string phoneForBackend(const QString& digits) {
    return "+7" + digits.toStdString();
}

QString choiceTitle(core::Choice choice) {
    switch (choice) {
        case core::Choice::For:
            return QStringLiteral("За");
        case core::Choice::Against:
            return QStringLiteral("Против");
        case core::Choice::Abstain:
            return QStringLiteral("Воздержался");
        default:
            return {};
    }
}

core::Choice choiceFromKey(const QString& key) {
    if (key == QLatin1String("for")) {
        return core::Choice::For;
    }
    if (key == QLatin1String("against")) {
        return core::Choice::Against;
    }
    if (key == QLatin1String("abstain")) {
        return core::Choice::Abstain;
    }
    return core::Choice::Unanswered;
}

QString choiceKey(core::Choice choice) {
    switch (choice) {
        case core::Choice::For:
            return QStringLiteral("for");
        case core::Choice::Against:
            return QStringLiteral("against");
        case core::Choice::Abstain:
            return QStringLiteral("abstain");
        default:
            return {};
    }
}

QString dateTimeText(Millis when) {
    if (when == 0) {
        return QStringLiteral("—");
    }
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(when);
    return QLocale(QLocale::Russian).toString(time, QStringLiteral("d MMMM yyyy, HH:mm"));
}

QString pluralRu(long n, const QString& one, const QString& few, const QString& many) {
    return QString::fromStdString(
        core::pluralRu(n, one.toStdString(), few.toStdString(), many.toStdString()));
}

Millis nowMillis() {
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace veche::kiosk::ui
