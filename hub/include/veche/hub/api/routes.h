#pragma once

#include <string>
#include <vector>

#include "veche/hub/http/metrics.h"
#include "veche/hub/http/router.h"
#include "veche/hub/services/codes.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/kiosks.h"
#include "veche/hub/services/sms.h"
#include "veche/hub/store/database.h"
#include "veche/ussd/engine.h"
#include "veche/ussd/gateway.h"

namespace veche::hub {

// The operator API under /api/v1 (docs/api/openapi.yaml), /healthz and
// /metrics. `hub`, `metrics` and `db` must outlive the router.
void addRoutes(Router& router, Hub& hub, KioskService& kiosks, SmsService& sms, CodeService& codes,
               Metrics& metrics, Database& db);

// Who may call POST /ussd: the gateway's token (`?token=`) when set, else
// these client addresses. The number a request names is taken as proven, so
// the endpoint must not be open to anyone else.
struct UssdAccess {
    std::string gatewayToken;
    std::vector<std::string> allowFrom = {"127.0.0.1", "::1"};
};

// POST /ussd for an operator's USSD gateway (docs/ussd.md): every request of
// the gateway is answered 200 with a screen, an apology when anything fails
// inside; any other caller gets 403.
void addUssdRoutes(Router& router, ussd::UssdEngine& engine, const ussd::GatewayProtocol& gateway,
                   const UssdAccess& access, Metrics& metrics);

}  // namespace veche::hub
