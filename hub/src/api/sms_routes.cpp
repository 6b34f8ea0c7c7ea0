#include "json_io.h"
#include "roles.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;

// A code's text is not for operators' eyes: it would let them verify a
// resident's phone.
std::string shownText(const SmsRecord& m) {
    return m.kind == "code" ? "Код Вече: ******" : m.text;
}

Poco::JSON::Object smsJson(const SmsRecord& m) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", m.id);
    o.set("phone", m.phone);
    o.set("kind", m.kind);
    o.set("priority", m.priority);
    o.set("status", m.status);
    o.set("attempts", m.attempts);
    o.set("modem_id", m.modemId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.modemId));
    o.set("reason", m.reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.reason));
    o.set("text", shownText(m));
    o.set("created_at", api::isoTime(m.createdAt));
    o.set("sent_at", m.sentAt ? Poco::Dynamic::Var(api::isoTime(*m.sentAt)) : Poco::Dynamic::Var());
    o.set("delivered_at",
          m.deliveredAt ? Poco::Dynamic::Var(api::isoTime(*m.deliveredAt)) : Poco::Dynamic::Var());
    return o;
}

int limitOf(const Request& req) {
    const auto limit = req.query.find("limit");
    if (limit == req.query.end()) {
        return kDefaultLimit;
    }
    try {
        const int n = std::stoi(limit->second);
        if (n >= 1 && n <= kMaxLimit) {
            return n;
        }
    } catch (const std::exception&) {
    }
    throw ApiError::invalid("limit", "limit is 1 to " + std::to_string(kMaxLimit));
}

}  // namespace

void addSmsRoutes(Router& router, SmsService& sms, CodeService& codes) {
    // A kiosk whose own modem is down asks the hub to send the code.
    router.add("POST", "/api/v1/kiosk/codes", kKiosk, [&codes](const Request& req) {
        codes.issue(api::requiredString(*api::parseObject(req.body), "phone"), req.tokenId);
        return Response::json(202, R"({"status":"queued"})");
    });
    router.add("POST", "/api/v1/kiosk/codes/verify", kKiosk, [&codes](const Request& req) {
        const auto body = api::parseObject(req.body);
        const bool ok =
            codes.verify(api::requiredString(*body, "phone"), api::requiredString(*body, "code"));
        return Response::json(200, ok ? R"({"verified":true})" : R"({"verified":false})");
    });
    router.add("GET", "/api/v1/sms", kAuditors, [&sms](const Request& req) {
        const auto status = req.query.find("status");
        const std::string wanted = status == req.query.end() ? "" : status->second;
        static const std::set<std::string> kStatuses = {"",     "queued",    "sending",
                                                        "sent", "delivered", "failed"};
        if (kStatuses.count(wanted) == 0) {
            throw ApiError::invalid("status",
                                    "status is queued, sending, sent, delivered or failed");
        }
        return Response::json(
            200, render(api::arrayOf(sms.outbox().list(wanted, limitOf(req)), smsJson)));
    });
}

}  // namespace veche::hub
