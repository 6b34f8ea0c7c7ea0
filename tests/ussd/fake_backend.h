#pragma once
// A hub for the USSD engine's tests: a known caller with a building, notices,
// two assemblies and two polls; everything the engine records is kept for
// the test to look at.

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "veche/ussd/backend.h"
#include "veche/ussd/session.h"

namespace veche::ussd::testing {

inline constexpr const char* kKnown = "+79161234567";
inline constexpr const char* kUnknown = "+79007654321";

class FakeBackend : public UssdBackend {
public:
    struct Vote {
        std::string msisdn, assemblyId, ballotId;
        std::vector<Choice> choices;
    };

    FakeBackend() {
        noticeList = {
            {"Отключение воды", "Во вторник с 9:00 до 17:00 не будет холодной воды.", false},
            {"Прорыв трубы в подвале",
             "В подвале дома прорвало трубу отопления. Аварийная бригада работает. Не "
             "спускайтесь в подвал и не оставляйте машины у входа в подвал до конца работ. "
             "Горячая вода будет отключена до вечера.",
             true},
            {"Субботник", "В субботу в 10:00 уборка двора. Инвентарь выдаст ТОС.", false},
        };
        publicNotices = {{"Приём граждан", "Депутат принимает жителей в четверг в 18:00.", false}};
        assemblyList = {
            {"a-1",
             "Ремонт крыши",
             {{"1", "Избрать председателем собрания Иванову А. П."},
              {"2", "Утвердить смету ремонта крыши на 1 200 000 рублей"},
              {"3", "Выбрать подрядчика ООО «Кровля»"}},
             true},
        };
        pollList = {
            {"p-1", "Где поставить скамейки?", {"У подъезда", "У детской площадки", "Не нужно"}},
            {"p-2", "Нужен ли шлагбаум?", {"Да", "Нет"}},
        };
    }

    Caller caller(const std::string& msisdn) override {
        check();
        Caller c;
        c.known = msisdn == kKnown;
        c.buildingName = c.known ? "ул. Садовая, д. 12" : "";
        c.smsConsent = consent[msisdn];
        return c;
    }
    std::vector<NoticeSummary> notices(const std::string& msisdn) override {
        check();
        std::vector<NoticeSummary> out = msisdn == kKnown ? noticeList : publicNotices;
        std::stable_partition(out.begin(), out.end(),
                              [](const NoticeSummary& n) { return n.emergency; });
        return out;
    }
    std::vector<OpenAssembly> assemblies(const std::string& msisdn) override {
        check();
        return msisdn == kKnown ? assemblyList : std::vector<OpenAssembly>{};
    }
    VoteResult vote(const std::string& msisdn, const std::string& assemblyId,
                    const std::vector<Choice>& choices, const std::string& ballotId) override {
        check();
        const bool repeated = std::any_of(votes.begin(), votes.end(),
                                          [&](const Vote& v) { return v.ballotId == ballotId; });
        if (!repeated) {  // the hub's rule: a ballot id is stored once
            votes.push_back({msisdn, assemblyId, ballotId, choices});
        }
        return {true, "7F3A-01C9", ""};
    }
    std::vector<OpenPoll> polls(const std::string& msisdn) override {
        check();
        return msisdn == kKnown ? pollList : std::vector<OpenPoll>{};
    }
    void answerPoll(const std::string& msisdn, const std::string& pollId, int option,
                    const std::string&) override {
        check();
        answers.push_back(msisdn + " " + pollId + " " + std::to_string(option));
    }
    std::string report(const std::string& msisdn, const std::string& category,
                       const std::string& text, const std::string& reportId) override {
        check();
        reports.emplace(reportId, msisdn + " " + category + " " + text);  // keeps the first
        return "r-" + std::to_string(std::distance(reports.begin(), reports.find(reportId)) + 1);
    }
    void setSmsConsent(const std::string& msisdn, bool given, const std::string& version) override {
        check();
        consent[msisdn] = given;
        consentActs.push_back(msisdn + (given ? " given " + version : " withdrawn"));
    }

    std::vector<NoticeSummary> noticeList, publicNotices;
    std::vector<OpenAssembly> assemblyList;
    std::vector<OpenPoll> pollList;
    std::map<std::string, bool> consent;
    std::vector<Vote> votes;
    std::map<std::string, std::string> reports;  // by id
    std::vector<std::string> answers, consentActs;
    bool failing = false;  // every call throws, as a hub whose store is down

private:
    void check() const {
        if (failing) {
            throw std::runtime_error("the store is down");
        }
    }
};

// Sessions in memory, with the store's version rule.
class MemorySessionStore : public SessionStore {
public:
    std::optional<SessionState> load(const std::string& id) override {
        const auto found = sessions.find(id);
        return found == sessions.end() ? std::nullopt : std::optional(found->second);
    }
    bool save(const SessionState& state, int expectedVersion) override {
        const auto found = sessions.find(state.id);
        const int stored = found == sessions.end() ? 0 : found->second.version;
        if (stored != expectedVersion) {
            return false;
        }
        SessionState copy = state;
        copy.version = expectedVersion + 1;
        sessions[state.id] = copy;
        ++saves;
        return true;
    }
    std::map<std::string, SessionState> sessions;
    int saves = 0;
};

}  // namespace veche::ussd::testing
