#include "veche/hub/services/polls.h"

#include <set>

#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

constexpr std::size_t kMaxOptions = 5;  // a USSD screen shows at most five choices
constexpr std::size_t kMaxReportText = 2000;
const std::set<std::string> kReportCategories{"housing", "improvement", "public_order", "health",
                                              "other"};
const std::set<std::string> kReportStatuses{"new", "in_progress", "answered", "closed"};

}  // namespace

PollService::PollService(PollStore& polls, ResidentStore& residents, TerritoryStore& territories,
                         const Clock& clock, Random& random)
    : polls_(polls),
      residents_(residents),
      territories_(territories),
      clock_(clock),
      random_(random) {}

void PollService::checkPlace(const std::string& territoryId,
                             const std::optional<std::string>& buildingId) {
    if (!territories_.territory(territoryId)) {
        throw ApiError::invalid("territory_id", "no territory " + territoryId);
    }
    if (buildingId) {
        const auto b = territories_.building(*buildingId);
        if (!b || b->territoryId != territoryId) {
            throw ApiError::invalid("building_id",
                                    "no building " + *buildingId + " in this territory");
        }
    }
}

Poll PollService::createPoll(Poll p) {
    checkPlace(p.territoryId, p.buildingId);
    if (p.question.empty()) {
        throw ApiError::invalid("question", "the question is empty");
    }
    if (p.options.size() < 2 || p.options.size() > kMaxOptions) {
        throw ApiError::invalid("options", "a poll has 2 to 5 answers");
    }
    for (const std::string& o : p.options) {
        if (o.empty()) {
            throw ApiError::invalid("options", "an answer is empty");
        }
    }
    if (p.closesAt <= p.opensAt) {
        throw ApiError::invalid("closes_at", "a poll must close after it opens");
    }
    p.id = "p-" + random_.hex(8);
    p.createdAt = clock_.now();
    polls_.create(p);
    return p;
}

Poll PollService::poll(const std::string& id) {
    auto p = polls_.get(id);
    if (!p) {
        throw ApiError::notFound("poll " + id);
    }
    return *p;
}

std::vector<Poll> PollService::polls(const std::string& territoryId) {
    return polls_.list(territoryId);
}

void PollService::answer(const std::string& pollId, const std::string& phone, int option, Millis at,
                         const std::string& answerId, const std::string& channel) {
    const Poll p = poll(pollId);
    const auto e164 = core::normalisePhone(phone);
    if (!e164 || !residents_.isVerified(*e164)) {
        throw ApiError::invalid("phone", "only a verified phone answers a poll");
    }
    if (option < 0 || static_cast<std::size_t>(option) >= p.options.size()) {
        throw ApiError::invalid("option", "no such answer");
    }
    if (at < p.opensAt || at > p.closesAt) {
        throw ApiError::invalid("at", "the poll was not open at that time");
    }
    polls_.answer(p.id, *e164, option, at, answerId, channel);
}

std::vector<long> PollService::results(const std::string& pollId) {
    return polls_.counts(poll(pollId));
}

Report PollService::report(Report r) {
    checkPlace(r.territoryId, r.buildingId);
    if (kReportCategories.count(r.category) == 0) {
        throw ApiError::invalid("category",
                                "category is housing, improvement, public_order, health or other");
    }
    if (r.text.empty() || r.text.size() > kMaxReportText) {
        throw ApiError::invalid("text", "the text is empty or longer than 2000 bytes");
    }
    if (!r.phone.empty()) {
        const auto e164 = core::normalisePhone(r.phone);
        if (!e164) {
            throw ApiError::invalid("phone", "a Russian mobile number: 11 digits from +7 or 8");
        }
        r.phone = *e164;
    }
    if (r.id.empty()) {
        r.id = "r-" + random_.hex(8);
    }
    r.status = "new";
    r.answer.clear();
    r.createdAt = r.changedAt = clock_.now();
    polls_.addReport(r);
    return *polls_.report(r.id);
}

Report PollService::setStatus(const std::string& id, const std::string& status,
                              const std::string& answer) {
    if (kReportStatuses.count(status) == 0) {
        throw ApiError::invalid("status", "status is new, in_progress, answered or closed");
    }
    if (status == "answered" && answer.empty()) {
        throw ApiError::invalid("answer", "an answered report needs the answer");
    }
    if (!polls_.updateReport(id, status, answer, clock_.now())) {
        throw ApiError::notFound("report " + id);
    }
    return *polls_.report(id);
}

std::vector<Report> PollService::reports(const std::string& status) {
    return polls_.reports(status);
}

}  // namespace veche::hub
