#pragma once

#include <memory>
#include <string>
#include <vector>

#include "veche/hub/http/metrics.h"
#include "veche/hub/services/sms.h"
#include "veche/modem/pool.h"
#include "veche/modem/worker_modem.h"

namespace veche::hub {

struct SmsGatewayOptions {
    std::vector<std::string> devices;  // one GSM modem each (docs/hub.md, sms.modems)
    std::string worker;                // veche-modem-worker, which runs each modem (sms.worker)
    modem::PoolOptions pool;
};

// The hub's modems, each in its own worker process, and the pool that sends
// its outbox through them; what the modems receive goes to SmsService::handle. Sending starts at
// once. Its gauges are added to `metrics`: destroy the gateway only after the server that renders
// them has stopped.
class SmsGateway {
public:
    SmsGateway(SmsService& sms, const Clock& clock, SmsGatewayOptions options, Metrics& metrics);
    ~SmsGateway();  // stops the pool, then the modems, then frees the pool
    SmsGateway(const SmsGateway&) = delete;
    SmsGateway& operator=(const SmsGateway&) = delete;

    modem::SmsPool& pool() { return *pool_; }

private:
    std::unique_ptr<modem::SmsPool> pool_;
    std::vector<std::unique_ptr<modem::WorkerModem>> modems_;
};

}  // namespace veche::hub
