#pragma once

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

// POST /ussd for an operator's USSD gateway (docs/ussd.md): every request is
// answered 200 with a screen, an apology when anything fails inside; only a
// wrong `token` query parameter (when `gatewayToken` is set) gets 403.
void addUssdRoutes(Router& router, ussd::UssdEngine& engine, const ussd::GatewayProtocol& gateway,
                   const std::string& gatewayToken, Metrics& metrics);

}  // namespace veche::hub
