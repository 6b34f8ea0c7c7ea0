#pragma once

#include <Poco/Logger.h>

#include "veche/hub/api/authenticator.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/server.h"
#include "veche/hub/services/codes.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/kiosks.h"
#include "veche/hub/services/sms.h"
#include "veche/hub/services/ussd_backend.h"
#include "veche/hub/store/sms_store.h"
#include "veche/hub/store/ussd_session_store.h"
#include "veche/ussd/engine.h"
#include "veche/ussd/gateway.h"

namespace veche::hub {

// The USSD service's settings (docs/hub.md, ussd.*).
struct UssdSettings {
    ussd::EngineOptions engine;
    UssdAccess access;  // by default only this machine may POST /ussd
    std::size_t cachedSessions = 10'000;
};

// The hub's services and its HTTP server, built and wired in one place: the
// serve command, the tests and the benchmarks all run this. The server is
// made but not started.
struct HubStack {
    HubStack(Database& db, const Clock& clock, Random& random, HubSettings settings,
             const ServerOptions& options, Poco::Logger& log, UssdSettings ussdSettings = {})
        : hub(db, clock, random, settings),
          kioskStore(db),
          kiosks(hub, kioskStore, clock, random),
          smsStore(db, random),
          sms(hub, smsStore, clock),
          codes(db, smsStore, hub.residents(), clock, random),
          ussdSessions(db),
          ussdCache(ussdSessions, ussdSettings.cachedSessions),
          ussdBackend(hub, sms, clock),
          ussd(
              ussdBackend, ussdCache, [&clock] { return clock.now(); }, ussdSettings.engine),
          auth(hub.tokens(), kiosks),
          router(routesOf(hub, kiosks, sms, codes, metrics, db)),
          server(options, router, metrics, auth, log) {
        addUssdRoutes(router, ussd, ussdGateway, ussdSettings.access, metrics);
        metrics.addGauge("veche_http_queued_connections",
                         "Connections waiting for a request thread.",
                         [this] { return static_cast<double>(server.queuedConnections()); });
    }
    HubStack(const HubStack&) = delete;
    HubStack& operator=(const HubStack&) = delete;

    Hub hub;
    KioskStore kioskStore;
    KioskService kiosks;
    SmsStore smsStore;
    SmsService sms;
    CodeService codes;
    UssdSessionStore ussdSessions;
    ussd::CachedSessionStore ussdCache;
    HubUssdBackend ussdBackend;
    ussd::UssdEngine ussd;
    ussd::ConEndGateway ussdGateway;
    HubAuthenticator auth;
    Metrics metrics;
    Router router;
    HttpServer server;

private:
    static Router routesOf(Hub& hub, KioskService& kiosks, SmsService& sms, CodeService& codes,
                           Metrics& metrics, Database& db) {
        Router router;
        addRoutes(router, hub, kiosks, sms, codes, metrics, db);
        return router;
    }
};

}  // namespace veche::hub
