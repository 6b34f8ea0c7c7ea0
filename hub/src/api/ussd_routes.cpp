#include <atomic>
#include <memory>

#include "veche/hub/api/routes.h"

namespace veche::hub {

void addUssdRoutes(Router& router, ussd::UssdEngine& engine, const ussd::GatewayProtocol& gateway,
                   const std::string& gatewayToken, Metrics& metrics) {
    auto steps = std::make_shared<std::atomic<long>>(0);
    metrics.addGauge("veche_ussd_steps", "USSD requests answered since the start.",
                     [steps] { return static_cast<double>(steps->load()); });
    router.add("POST", "/ussd", {}, [&engine, &gateway, gatewayToken, steps](const Request& req) {
        Response r;
        r.contentType = "text/plain; charset=utf-8";
        const auto token = req.query.find("token");
        if (!gatewayToken.empty() && (token == req.query.end() || token->second != gatewayToken)) {
            r.status = 403;
            r.body = "the gateway's token is missing or wrong";
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
