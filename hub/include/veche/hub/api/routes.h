#pragma once

#include "veche/hub/http/metrics.h"
#include "veche/hub/http/router.h"
#include "veche/hub/services/codes.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/kiosks.h"
#include "veche/hub/services/sms.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// The operator API under /api/v1 (docs/api/openapi.yaml), /healthz and
// /metrics. `hub`, `metrics` and `db` must outlive the router.
void addRoutes(Router& router, Hub& hub, KioskService& kiosks, SmsService& sms, CodeService& codes,
               Metrics& metrics, Database& db);

}  // namespace veche::hub
