#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "veche/core/tally.h"
#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/services/counting.h"
#include "veche/hub/services/polls.h"
#include "veche/hub/services/residents.h"
#include "veche/hub/store/assembly_store.h"
#include "veche/hub/store/ballot_store.h"
#include "veche/hub/store/notice_store.h"
#include "veche/hub/store/territory_store.h"
#include "veche/hub/store/token_store.h"

namespace veche::hub {

struct HubSettings {
    // The operator has declared this deployment a regional information system
    // under ст. 47.1 ЖК: only then may electronic ballots bind an owners'
    // meeting (LAW.md §6).
    bool regionalSystem = false;
    // The local time of the territory, for notices: Moscow time by default.
    int utcOffsetMinutes = 180;
};

struct TallyOfKind {
    core::TallyResult result;
    std::size_t ballots = 0;  // counted
    std::size_t repeats = 0;  // kept, not counted
};

struct BallotOutcome {
    SubmitOutcome outcome = SubmitOutcome::Stored;
    std::string error;  // set when the ballot was refused; nothing was stored for it
};

struct AssemblyResults {
    TallyOfKind binding;
    TallyOfKind consultative;
};

// The hub's operations on meetings, shared by the HTTP API, the command line
// and the demo. Every operation validates its input and throws ApiError
// naming what is wrong; nothing is stored when it throws.
class Hub {
public:
    Hub(Database& db, const Clock& clock, Random& random, HubSettings settings);

    TerritoryStore& territories() { return territories_; }
    ResidentService& residents() { return residentService_; }
    PollService& polls() { return pollService_; }
    TokenStore& tokens() { return tokens_; }
    BallotStore& ballotStore() { return ballots_; }
    NoticeStore& noticeStore() { return notices_; }
    const Clock& clock() const { return clock_; }
    Random& random() { return random_; }
    Database& database() { return db_; }
    const HubSettings& settings() const { return settings_; }

    // Opens and closes assemblies whose time has come; returns how many
    // changed. Reads do this too, so a stopped timer never shows stale status.
    int advanceSchedule();

    // Checks `draft` against the law and the registry, gives it an id and
    // stores it as scheduled. The hub opens and closes it at its times. The
    // notice period counts from `announcedAt` (not later than now; a meeting
    // announced on paper before it was entered here), or from now.
    Assembly createAssembly(Assembly draft, std::optional<Millis> announcedAt = std::nullopt);

    // Assemblies with their status brought up to the present.
    Assembly assembly(const std::string& id);
    // All of them, or those of `territoryId`.
    std::vector<Assembly> assemblies(const std::string& territoryId = "");

    // Validates and stores a ballot from any channel (receivedAt is set
    // here): the assembly exists, voting was open when it was cast, the voter
    // may vote in it, and its answers name agenda items.
    SubmitOutcome submitBallot(Ballot ballot);

    // The same for many ballots in one transaction (kiosk sync): each is
    // checked on its own, and those that pass are stored together. With
    // `kioskBuilding`, a ballot must also belong to an assembly of that
    // building or of its territory.
    std::vector<BallotOutcome> submitBallots(std::vector<Ballot> ballots,
                                             const std::string* kioskBuilding = nullptr);

    // Checks and stores a notice; `author` (the token's role) may be a
    // service only for an emergency notice.
    Notice createNotice(Notice draft, Role author);
    // Posts the meeting's notice (noticeText) where its voters see it: the
    // building's kiosks (the territory's for a TOS body), from now until
    // voting closes, signed by its initiator, also to callers the hub does
    // not know. Once per assembly: a second call returns the notice posted
    // first, with `alreadyPosted`. Refused once voting has closed.
    struct PostedNotice {
        Notice notice;
        bool alreadyPosted = false;
    };
    PostedNotice postAssemblyNotice(const std::string& assemblyId);
    Notice notice(const std::string& id);
    // What residents of a territory (or one building of it) see now, or every
    // notice when `current` is false.
    std::vector<Notice> notices(const std::string& territoryId, const std::string& buildingId,
                                bool current);

    // Live results: binding and consultative ballots counted apart.
    AssemblyResults results(const std::string& assemblyId);

    // The recount bundle of the binding (or consultative) ballots.
    core::BundleFiles bundle(const std::string& assemblyId, bool binding);

private:
    static constexpr std::size_t kNoticeTitleMax = 200;  // bytes
    static constexpr std::size_t kNoticeBodyMax = 10'000;
    // A meeting's notice holds its whole agenda, in full wording.
    static constexpr std::size_t kMeetingNoticeBodyMax = 200'000;

    void validate(const Assembly& draft, Millis announcedAt);
    // Throws ApiError naming the field unless the notice may be stored.
    static void checkNotice(const Notice& n, std::size_t maxBodyBytes);
    // Throws ApiError unless `ballot` may be stored; sets its receivedAt.
    void checkBallot(Ballot& ballot, const Assembly& assembly, const std::string* kioskBuilding);
    // The ids of those who may vote in `assembly`, from its frozen voter list;
    // read once per assembly and kept.
    std::shared_ptr<const std::unordered_set<std::string>> votersOf(const Assembly& assembly);

    Database& db_;
    const Clock& clock_;
    Random& random_;
    HubSettings settings_;
    TerritoryStore territories_;
    AssemblyStore assemblies_;
    BallotStore ballots_;
    NoticeStore notices_;
    TokenStore tokens_;
    ResidentStore residents_;
    ResidentService residentService_;
    PollStore polls_;
    PollService pollService_;
    std::mutex votersMutex_;
    std::map<std::string, std::shared_ptr<const std::unordered_set<std::string>>> voters_;
};

}  // namespace veche::hub
