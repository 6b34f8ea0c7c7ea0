#include "hub_fixture.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace veche::hub::testing {

HubFixture::HubFixture(HubSettings settings, Backend backend, UssdSettings ussd)
    : database(std::make_unique<TestDatabase>(backend)) {
    database->db().migrate();
    ServerOptions options;
    options.port = 0;
    stack = std::make_unique<HubStack>(database->db(), clock, random, settings, options,
                                       Poco::Logger::get("test"), ussd);
    hub = &stack->hub;
    server = &stack->server;
    server->start();
    start = clock.now();
}

HubFixture::~HubFixture() {
    server->stop();
}

HttpClient HubFixture::client(Role role) {
    HttpClient c(server->port());
    c.setToken(hub->tokens().create(role, "test"));
    return c;
}

std::string HubFixture::dayOffset(double days) const {
    const auto ms = start + static_cast<Millis>(days * 24 * 60 * 60 * 1000);
    return Poco::DateTimeFormatter::format(Poco::Timestamp(ms * 1000),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

}  // namespace veche::hub::testing
