#pragma once
// What the USSD menus need from the hub, in the caller's terms. The hub
// implements it over its services (hub/services/ussd_backend.h); the engine's
// unit tests use a fake. Every call may throw; the engine then ends the
// session with an apology and leaves nothing half-done. Calls that record
// something carry a key unique to the act (number, session, its start, the
// act): when two hub instances race on one session, the engine may make the
// same call twice, and the second must change nothing. Keys are long and
// free-form; the backend derives its own ids from them.

#include <optional>
#include <string>
#include <vector>

namespace veche::ussd {

// Who is calling, by the number the operator's network gives.
struct Caller {
    bool known = false;        // the number is linked to a flat in some building
    std::string buildingName;  // e.g. "ул. Садовая, д. 12", when known
    bool smsConsent = false;   // SMS consent in force
};

struct NoticeSummary {
    std::string title;
    std::string body;
    bool emergency = false;  // «Экстренное»: listed first
};

struct AgendaQuestion {
    std::string id;
    std::string wording;
};

// An assembly the caller may vote in now.
struct OpenAssembly {
    std::string id;
    std::string title;
    std::vector<AgendaQuestion> items;
    bool consultative = false;  // the rule set makes a USSD vote consultative
};

enum class Choice { For, Against, Abstain };

struct VoteResult {
    bool accepted = false;
    std::string receipt;  // short code the caller can quote, when accepted
    std::string error;    // Russian, for the screen, when not
};

struct OpenPoll {
    std::string id;
    std::string question;
    std::vector<std::string> options;
};

class UssdBackend {
public:
    virtual ~UssdBackend() = default;

    virtual Caller caller(const std::string& msisdn) = 0;
    // Notices for the caller's building and territory, or only the public
    // ones for an unknown number; Экстренное first, then the newest.
    virtual std::vector<NoticeSummary> notices(const std::string& msisdn) = 0;
    virtual std::vector<OpenAssembly> assemblies(const std::string& msisdn) = 0;
    // Records a confirmed ballot through the hub's one validation and
    // duplicate rule, and queues an SMS receipt.
    virtual VoteResult vote(const std::string& msisdn, const std::string& assemblyId,
                            const std::vector<Choice>& choices, const std::string& key) = 0;
    virtual std::vector<OpenPoll> polls(const std::string& msisdn) = 0;
    // `option` counts from 0.
    virtual void answerPoll(const std::string& msisdn, const std::string& pollId, int option,
                            const std::string& key) = 0;
    // Stores a problem report; returns its number for the caller.
    virtual std::string report(const std::string& msisdn, const std::string& category,
                               const std::string& text, const std::string& key) = 0;
    // Records SMS consent given (with the text version shown) or withdrawn,
    // each as its own act.
    virtual void setSmsConsent(const std::string& msisdn, bool given,
                               const std::string& textVersion) = 0;
};

}  // namespace veche::ussd
