#include "staff_text.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace veche::provisioning {

using Poco::JSON::Object;

// «27 ноября 2026 г., 04:07 UTC» for an ISO time the hub sent.
std::string russianTime(const std::string& iso) {
    static const char* const kMonths[] = {"января",   "февраля", "марта",  "апреля",
                                          "мая",      "июня",    "июля",   "августа",
                                          "сентября", "октября", "ноября", "декабря"};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d", &year, &month, &day, &hour, &minute) != 5 ||
        month < 1 || month > 12) {
        return iso;
    }
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
    return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year) + " г., " +
           clock + " UTC";
}

// «3,5»: one decimal, with a comma.
std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

std::string statusText(const std::string& status) {
    static const std::map<std::string, std::string> kStatus = {{"ok", "в порядке"},
                                                               {"attention", "требует внимания"},
                                                               {"silent", "не выходит на связь"},
                                                               {"revoked", "отключён"}};
    auto it = kStatus.find(status);
    return it == kStatus.end() ? status : it->second;
}

std::string alarmText(const Object& alarm) {
    static const std::map<std::string, std::string> kAlarms = {
        {"tamper", "вскрыт корпус"},
        {"door_open", "открыта дверца"},
        {"mains_lost", "нет питания от сети"},
        {"battery_low", "аккумулятор разряжен"},
        {"device_offline", "не отвечает модуль"}};
    const auto name = alarm.getValue<std::string>("alarm");
    const auto subject = alarm.optValue<std::string>("subject", "");
    auto it = kAlarms.find(name);
    return (it == kAlarms.end() ? name : it->second) + (subject.empty() ? "" : " " + subject) +
           " (с " + russianTime(alarm.getValue<std::string>("raised_at")) + ")";
}

// The sensors' line of a kiosk's telemetry.
std::string sensorsText(const Object& sensors) {
    std::vector<std::string> parts;
    if (sensors.has("temperature_c")) {
        parts.push_back(decimal(sensors.getValue<double>("temperature_c")) + " °C");
    }
    if (sensors.has("mains")) {
        parts.push_back(sensors.getValue<bool>("mains") ? "питание от сети"
                                                        : "питание от аккумулятора");
    }
    if (sensors.has("battery_percent")) {
        parts.push_back("заряд " + std::to_string(sensors.getValue<int>("battery_percent")) + " %");
    }
    if (auto devices = sensors.getObject("devices")) {
        std::string silent;
        for (const auto& name : devices->getNames()) {
            if (devices->getValue<std::string>(name) != "online") {
                silent += (silent.empty() ? "" : ", ") + name;
            }
        }
        if (!silent.empty()) {
            parts.push_back("не отвечают: " + silent);
        }
    }
    std::string text;
    for (const auto& part : parts) {
        text += (text.empty() ? "" : "; ") + part;
    }
    return text.empty() ? "нет данных" : text;
}

std::string modemText(const Object::Ptr& modem) {
    if (!modem) {
        return "нет данных";
    }
    const int signal = modem->optValue<int>("signal_percent", -1);
    std::string text = signal < 0 ? "сигнал неизвестен" : "сигнал " + std::to_string(signal) + " %";
    const auto sim = modem->optValue<std::string>("sim", "");
    const auto name = modem->optValue<std::string>("operator", "");
    return text + (sim.empty() ? "" : ", SIM " + sim) + (name.empty() ? "" : ", " + name);
}

}  // namespace veche::provisioning
