#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "veche/hub/app/hub_stack.h"
#include "veche/hub/app/sms_gateway.h"
#include "veche/hub/http/server.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Everything `veche-hub serve` can be told (docs/hub.md). Without a file the
// embedded defaults apply: SQLite in ./veche-state, HTTP on 127.0.0.1:8080.
struct HubConfig {
    ServerOptions server;
    std::string stateDir = "veche-state";
    std::string backend = "sqlite";  // or "postgresql"
    std::string sqlitePath;          // default: <stateDir>/hub.sqlite
    std::string postgres;            // libpq connection string
    int maxSessions = Database::kDefaultMaxSessions;
    std::string logLevel = "information";  // a Poco level name: none … trace
    HubSettings settings;
    SmsGatewayOptions sms;  // no devices: SMS are queued but not sent
    UssdSettings ussd;
};

// Reads a .properties, .ini, .json or .xml file (by its extension) over the
// defaults; an empty path gives the defaults. Throws std::runtime_error naming
// the key that is wrong.
HubConfig loadConfig(const std::string& path);

// Opens the configured database (creating the state folder for SQLite) and
// brings its schema up to date.
std::unique_ptr<Database> openDatabase(const HubConfig& config);

}  // namespace veche::hub
