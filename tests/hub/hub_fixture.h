#pragma once

#include <Poco/Logger.h>

#include <memory>
#include <string>

#include "fakes.h"
#include "http_client.h"
#include "test_database.h"
#include "veche/hub/app/hub_stack.h"

namespace veche::hub::testing {

// A whole hub on a fresh SQLite database, served over real HTTP on a port the
// OS chose, with a manual clock and tokens for every role.
class HubFixture {
public:
    explicit HubFixture(HubSettings settings = {}, Backend backend = Backend::SQLite,
                        UssdSettings ussd = {});
    ~HubFixture();

    // A client carrying a fresh token of `role`.
    HttpClient client(Role role);
    HttpClient anonymous() { return HttpClient(server->port()); }

    // An ISO 8601 time `days` days after the clock's start.
    std::string dayOffset(double days) const;

    ManualClock clock;
    CountingRandom random;
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<HubStack> stack;
    Hub* hub = nullptr;  // the stack's, for short access in tests
    HttpServer* server = nullptr;
    Millis start;
};

}  // namespace veche::hub::testing
