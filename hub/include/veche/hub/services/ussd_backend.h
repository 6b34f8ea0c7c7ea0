#pragma once

#include "veche/hub/environment.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/phone_scope.h"
#include "veche/hub/services/sms.h"
#include "veche/ussd/backend.h"

namespace veche::hub {

// The USSD menus' view of the hub (docs/ussd.md). A caller is known by the
// number the operator's network gives: a number confirmed for a flat sees its
// building's notices, assemblies and polls; any other number only the public
// notices. Ballots go through Hub::submitBallot (channel ussd); receipts and
// consent changes are their own records, receipts also sent by SMS.
class HubUssdBackend : public ussd::UssdBackend {
public:
    HubUssdBackend(Hub& hub, SmsService& sms, const Clock& clock);

    ussd::Caller caller(const std::string& msisdn) override;
    std::vector<ussd::NoticeSummary> notices(const std::string& msisdn) override;
    std::vector<ussd::OpenAssembly> assemblies(const std::string& msisdn) override;
    ussd::VoteResult vote(const std::string& msisdn, const std::string& assemblyId,
                          const std::vector<ussd::Choice>& choices,
                          const std::string& ballotId) override;
    std::vector<ussd::OpenPoll> polls(const std::string& msisdn) override;
    void answerPoll(const std::string& msisdn, const std::string& pollId, int option,
                    const std::string& answerId) override;
    std::string report(const std::string& msisdn, const std::string& category,
                       const std::string& text, const std::string& reportId) override;
    void setSmsConsent(const std::string& msisdn, bool given,
                       const std::string& textVersion) override;

private:
    Hub& hub_;
    SmsService& sms_;
    const Clock& clock_;
    PhoneScope scope_;
};

// The receipt code of a ballot: 8 characters of its id's SHA-256, "AB12-CD34".
std::string receiptOf(const std::string& ballotId);

}  // namespace veche::hub
