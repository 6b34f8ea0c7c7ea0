#include <algorithm>
#include <atomic>
#include <memory>

#include "veche/hub/api/routes.h"

namespace veche::hub {

namespace {

// Compares in a time that does not depend on where they differ (the length
// may show).
bool sameSecret(const std::string& given, const std::string& secret) {
    if (given.size() != secret.size() || secret.empty()) {
        return false;
    }
    unsigned char diff = 0;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        diff |= static_cast<unsigned char>(given[i] ^ secret[i]);
    }
    return diff == 0;
}

// The gateway, and nobody else: its token when one is set, otherwise its
// address.
bool fromGateway(const Request& req, const UssdAccess& access) {
    if (!access.gatewayToken.empty()) {
        const auto token = req.query.find("token");
        return token != req.query.end() && sameSecret(token->second, access.gatewayToken);
    }
    return std::find(access.allowFrom.begin(), access.allowFrom.end(), req.clientAddress) !=
           access.allowFrom.end();
}

}  // namespace

void addUssdRoutes(Router& router, ussd::UssdEngine& engine, const ussd::GatewayProtocol& gateway,
                   const UssdAccess& access, Metrics& metrics) {
    auto steps = std::make_shared<std::atomic<long>>(0);
    metrics.addGauge("veche_ussd_steps", "USSD requests answered since the start.",
                     [steps] { return static_cast<double>(steps->load()); });
    router.add("POST", "/ussd", {}, [&engine, &gateway, access, steps](const Request& req) {
        Response r;
        r.contentType = "text/plain; charset=utf-8";
        if (!fromGateway(req, access)) {
            r.status = 403;
            r.body = access.gatewayToken.empty() ? "this address may not use /ussd"
                                                 : "the gateway's token is missing or wrong";
            r.errorCode = "forbidden";
            return r;
        }
        ussd::Screen screen;
        try {
            screen = engine.step(gateway.parse(req.body));
        } catch (const std::invalid_argument& e) {
            // The gateway sent something unusable: the caller still gets an
            // answer, and the log names the field.
            screen = {true, "Извините, запрос не распознан. Наберите номер ещё раз."};
            r.errorCode = std::string("bad_request: ") + e.what();
        }
        ++*steps;
        r.body = gateway.reply(screen);
        return r;
    });
}

}  // namespace veche::hub
