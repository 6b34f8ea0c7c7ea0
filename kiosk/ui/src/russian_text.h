#pragma once

#include <QString>

#include <string>

#include "veche/core/ballot.h"
#include "veche/kiosk/services.h"

// Small helpers that turn backend values into the Russian the screens show.
namespace veche::kiosk::ui {

inline QString toQString(const std::string& text) {
    return QString::fromStdString(text);
}

// The phone as typed so far after the fixed "+7": "+7 912 345-6_-__".
// `digits` holds at most 10 digits.
QString typedPhoneText(const QString& digits);

// "+7" followed by the typed digits: what the backend receives.
std::string phoneForBackend(const QString& digits);

// «За», «Против», «Воздержался»; empty for any other choice.
QString choiceTitle(core::Choice choice);

// "for", "against", "abstain" (what QML passes back) to a Choice;
// Unanswered for anything else.
core::Choice choiceFromKey(const QString& key);
QString choiceKey(core::Choice choice);

// Local date and time: «12 марта 2025, 14:05»; «—» for 0.
QString dateTimeText(Millis when);

// Russian plural form: pluralRu(3, "цифра", "цифры", "цифр") == "цифры".
QString pluralRu(long n, const QString& one, const QString& few, const QString& many);

// Milliseconds since 1970 now.
Millis nowMillis();

}  // namespace veche::kiosk::ui
