#pragma once

// What veche-provision tells staff, in Russian: dates and
// a kiosk's state as GET /api/v1/kiosks gives it.
#include <Poco/JSON/Object.h>

#include <string>

namespace veche::provisioning {

// «27 ноября 2026 г., 04:07 UTC» for an ISO time the hub sent.
std::string russianTime(const std::string& iso);

// «3,5»: one decimal, with a comma.
std::string decimal(double value);

std::string statusText(const std::string& status);           // ok → «в порядке»…
std::string alarmText(const Poco::JSON::Object& alarm);      // an open alarm and since when
std::string sensorsText(const Poco::JSON::Object& sensors);  // a kiosk's latest telemetry
std::string modemText(const Poco::JSON::Object::Ptr& modem);

}  // namespace veche::provisioning
