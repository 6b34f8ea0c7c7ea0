#include "veche/core/bundle.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <set>

#include "csv_table.h"

namespace veche::core {
namespace {

constexpr const char* kAgendaFile = "agenda.json";

void agendaProblem(Problems& problems, std::string message) {
    problems.push_back({kAgendaFile, 0, std::move(message)});
}

// A string member of `object`, or nullopt with a problem naming `where`.
std::optional<std::string> stringMember(const Poco::JSON::Object& object, const std::string& key,
                                        const std::string& where, Problems& problems) {
    const Poco::Dynamic::Var value = object.get(key);
    if (value.isEmpty() || !value.isString()) {
        agendaProblem(problems, where + ": " + quoted(key) + " must be a string");
        return std::nullopt;
    }
    std::string text = value.extract<std::string>();
    if (text.empty()) {
        agendaProblem(problems, where + ": " + quoted(key) + " is empty");
        return std::nullopt;
    }
    return text;
}

std::optional<AgendaItem> readItem(const Poco::Dynamic::Var& value, std::size_t position,
                                   Problems& problems) {
    const std::string where = "items[" + std::to_string(position) + "]";
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
        agendaProblem(problems, where + " must be an object");
        return std::nullopt;
    }
    const auto& object = *value.extract<Poco::JSON::Object::Ptr>();
    const auto id = stringMember(object, "id", where, problems);
    const std::string named = id ? where + " (id " + quoted(*id) + ")" : where;
    const auto title = stringMember(object, "title", named, problems);
    const auto thresholdText = stringMember(object, "threshold", named, problems);
    std::optional<Threshold> threshold;
    if (thresholdText) {
        threshold = parseThreshold(*thresholdText);
        if (!threshold) {
            agendaProblem(problems, named + ": unknown threshold " + quoted(*thresholdText) +
                                        " (expected one of: " + kThresholdNames.list() + ")");
        }
    }
    if (!id || !title || !threshold) {
        return std::nullopt;
    }
    return AgendaItem{*id, *title, *threshold};
}

Poco::JSON::Object::Ptr parseAgendaObject(const std::string& json, Problems& problems) {
    try {
        const bool bom = json.rfind("\xEF\xBB\xBF", 0) == 0;
        const Poco::Dynamic::Var root = Poco::JSON::Parser().parse(bom ? json.substr(3) : json);
        if (root.type() == typeid(Poco::JSON::Object::Ptr)) {
            return root.extract<Poco::JSON::Object::Ptr>();
        }
        agendaProblem(problems, "the top level must be an object with \"rules\" and \"items\"");
    } catch (const Poco::Exception& e) {
        agendaProblem(problems, "not valid JSON: " + e.message());
    }
    return nullptr;
}

// Orders problems by line within each file, keeping the files in the order
// they were read.
void sortByFileAndLine(Problems& problems) {
    std::vector<std::string> files;
    for (const Problem& p : problems) {
        if (std::find(files.begin(), files.end(), p.file) == files.end()) {
            files.push_back(p.file);
        }
    }
    auto rank = [&files](const Problem& p) {
        return std::find(files.begin(), files.end(), p.file) - files.begin();
    };
    std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) {
        return std::pair(rank(a), a.line) < std::pair(rank(b), b.line);
    });
}

}  // namespace

std::optional<Agenda> readAgenda(const std::string& json, Problems& problems) {
    const std::size_t before = problems.size();
    const Poco::JSON::Object::Ptr root = parseAgendaObject(json, problems);
    if (!root) {
        return std::nullopt;
    }
    Agenda agenda;
    if (const auto rules = stringMember(*root, "rules", "top level", problems)) {
        if (const auto parsed = parseRuleSet(*rules)) {
            agenda.rules = *parsed;
        } else {
            agendaProblem(problems, "unknown rule set " + quoted(*rules) +
                                        " (expected one of: " + kRuleSetNames.list() + ")");
        }
    }
    const Poco::JSON::Array::Ptr items = root->getArray("items");
    if (!items || items->size() == 0) {
        agendaProblem(problems, "\"items\" must be a non-empty array of agenda items");
        return std::nullopt;
    }
    std::set<std::string> ids;
    for (unsigned i = 0; i < items->size(); ++i) {
        const Poco::JSON::Object::Ptr object = items->getObject(i);
        const Poco::Dynamic::Var id = object ? object->get("id") : Poco::Dynamic::Var();
        if (id.isString() && !ids.insert(id.extract<std::string>()).second) {
            agendaProblem(problems, "items[" + std::to_string(i) + "]: id " +
                                        quoted(id.extract<std::string>()) +
                                        " is used by an earlier item");
            continue;
        }
        if (auto item = readItem(items->get(i), i, problems)) {
            agenda.items.push_back(std::move(*item));
        }
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return agenda;
}

BundleReading readBundle(const BundleFiles& files) {
    BundleReading reading;
    Problems& problems = reading.problems;
    std::optional<Agenda> agenda;
    if (files.agenda) {
        agenda = readAgenda(*files.agenda, problems);
    } else {
        agendaProblem(problems, "the file is missing");
    }
    // Without a readable agenda, check the voters against whichever list is present.
    const bool byArea = agenda ? weighsByArea(agenda->rules) : files.registry.has_value();
    const char* voterFile = byArea ? "registry.csv" : "members.csv";
    const auto& voterText = byArea ? files.registry : files.members;
    Registry registry;
    Electorate electorate;
    bool votersComplete = false;
    if (!voterText) {
        problems.push_back({voterFile, 0, "the file is missing (the rule set needs it)"});
    } else if (byArea) {
        registry = readRegistry(*voterText, problems, &votersComplete);
        electorate = electorateOf(registry);
    } else {
        electorate = electorateOf(readMembers(*voterText, problems, &votersComplete));
    }
    std::optional<BallotBox> ballots;
    if (files.ballots) {
        // Checks against a voter list with unreadable rows would only echo its problems.
        ballots = readBallots(*files.ballots, votersComplete ? &electorate.voterIds : nullptr,
                              agenda ? &*agenda : nullptr, voterFile, problems);
    } else {
        problems.push_back({"ballots.csv", 0, "the file is missing"});
    }
    sortByFileAndLine(problems);
    if (problems.empty()) {
        reading.meeting =
            Meeting{*agenda, std::move(electorate), std::move(*ballots), std::move(registry)};
    }
    return reading;
}

}  // namespace veche::core
