#include "veche/hub/app/sms_gateway.h"

namespace veche::hub {

SmsGateway::SmsGateway(SmsService& sms, const Clock& clock, SmsGatewayOptions options,
                       Metrics& metrics) {
    pool_ = std::make_unique<modem::SmsPool>(
        sms.outbox(), [&sms](const std::string&, const modem::IncomingSms& in) { sms.handle(in); },
        options.pool, [&clock] { return clock.now(); });
    for (std::size_t i = 0; i < options.devices.size(); ++i) {
        modem::WorkerModemOptions m;
        m.modem.id = "modem" + std::to_string(i + 1);
        m.modem.device = options.devices[i];
        m.worker = options.worker;
        modems_.push_back(std::make_unique<modem::WorkerModem>(m, *pool_));
        pool_->addModem(*modems_.back());
    }
    pool_->start();
    modem::SmsPool& pool = *pool_;
    metrics.addGauge("veche_sms_modems_connected", "GSM modems connected now.", [&pool] {
        double connected = 0;
        for (const auto& [id, c] : pool.counters()) {
            connected += c.info.connected ? 1 : 0;
        }
        return connected;
    });
    metrics.addGauge("veche_sms_parts_sent", "SMS parts the modems sent since the start.", [&pool] {
        double parts = 0;
        for (const auto& [id, c] : pool.counters()) {
            parts += static_cast<double>(c.partsSent);
        }
        return parts;
    });
}

SmsGateway::~SmsGateway() {
    pool_->stop();
    modems_.clear();  // their threads end before the pool, their listener, goes
}

}  // namespace veche::hub
