#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/phone_scope.h"
#include "veche/hub/services/sms.h"
#include "veche/signing/receipt.h"
#include "veche/ussd/backend.h"

namespace veche::hub {

// The USSD menus' view of the hub (docs/ussd.md). A caller is known by the
// number the operator's network gives: a number confirmed for a flat sees its
// building's notices, assemblies and polls; any other number only the public
// notices. Ballots go through Hub::submitBallot (channel ussd); receipts and
// consent changes are their own records, receipts also sent by SMS.
//
// What a caller sees (who they are, notices, assemblies, polls) is read at
// most once per `cacheFor` per number: a session's screens ask for the same
// lists at every step. A vote, a poll answer and a consent are always checked
// against the store as it is.
class HubUssdBackend : public ussd::UssdBackend {
public:
    HubUssdBackend(Hub& hub, SmsService& sms, const Clock& clock, Millis cacheFor = 10'000);

    ussd::Caller caller(const std::string& msisdn) override;
    std::vector<ussd::NoticeSummary> notices(const std::string& msisdn) override;
    std::vector<ussd::OpenAssembly> assemblies(const std::string& msisdn) override;
    ussd::VoteResult vote(const std::string& msisdn, const std::string& assemblyId,
                          const std::vector<ussd::Choice>& choices,
                          const std::string& key) override;
    std::vector<ussd::OpenPoll> polls(const std::string& msisdn) override;
    void answerPoll(const std::string& msisdn, const std::string& pollId, int option,
                    const std::string& key) override;
    std::string report(const std::string& msisdn, const std::string& category,
                       const std::string& text, const std::string& key) override;
    void setSmsConsent(const std::string& msisdn, bool given,
                       const std::string& textVersion) override;

private:
    // A number's view of one kind, kept for cacheFor.
    template <typename T>
    class Recent {
    public:
        template <typename Read>
        T get(const std::string& msisdn, Millis now, Millis ttl, Read read) {
            {
                std::lock_guard lock(mutex_);
                const auto found = byNumber_.find(msisdn);
                if (found != byNumber_.end() && now < found->second.first + ttl) {
                    return found->second.second;
                }
                if (byNumber_.size() > kMaxNumbers) {
                    byNumber_.clear();  // crude, and rare: a burst of distinct callers
                }
            }
            T fresh = read();
            std::lock_guard lock(mutex_);
            byNumber_[msisdn] = {now, fresh};
            return fresh;
        }
        void forget(const std::string& msisdn) {
            std::lock_guard lock(mutex_);
            byNumber_.erase(msisdn);
        }

    private:
        static constexpr std::size_t kMaxNumbers = 10'000;
        std::mutex mutex_;
        std::map<std::string, std::pair<Millis, T>> byNumber_;
    };

    ussd::Caller readCaller(const std::string& msisdn);
    std::vector<ussd::NoticeSummary> readNotices(const std::string& msisdn);
    std::vector<ussd::OpenAssembly> readAssemblies(const std::string& msisdn);
    std::vector<ussd::OpenPoll> readPolls(const std::string& msisdn);
    bool isStored(const std::string& ballotId, const std::string& assemblyId,
                  const std::string& owner);

    Hub& hub_;
    SmsService& sms_;
    const Clock& clock_;
    Millis cacheFor_;
    PhoneScope scope_;
    Recent<ussd::Caller> callers_;
    Recent<std::vector<ussd::NoticeSummary>> notices_;
    Recent<std::vector<ussd::OpenAssembly>> assemblies_;
    Recent<std::vector<ussd::OpenPoll>> polls_;
};

// The id of what an act of a USSD session records: `prefix` and 24 hex
// digits of SHA-256 of the engine's key.
std::string idOf(const std::string& prefix, const std::string& key);

using signing::receiptOf;

}  // namespace veche::hub
