#include <map>
#include <unordered_map>
#include <variant>

#include "csv_table.h"
#include "veche/core/bundle.h"

namespace veche::core {
namespace {

enum RegistryColumn { kPremises, kKind, kArea, kOwnerId, kOwner, kShare, kDocument, kJoint };

// m² with at most two decimals, point or comma, as hundredths; or what is wrong.
std::variant<std::int64_t, std::string> parseArea(std::string_view text) {
    const std::string shown = quoted(text);
    const auto sep = text.find_first_of(".,");
    const std::string_view whole = text.substr(0, sep);
    const std::string_view frac = sep == std::string_view::npos ? "" : text.substr(sep + 1);
    auto digitsOnly = [](std::string_view s) {
        return s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (whole.empty() || !digitsOnly(whole) || !digitsOnly(frac) ||
        (sep != std::string_view::npos && frac.empty())) {
        return "area " + shown + " is not a number of m² (like 54.3 or 54,30)";
    }
    if (frac.size() > 2) {
        return "area " + shown + " has more than 2 decimals";
    }
    if (whole.size() > 12) {
        return "area " + shown + " is too large";
    }
    std::int64_t hundredths = 0;
    for (char c : whole)
        hundredths = hundredths * 10 + (c - '0');
    for (std::size_t i = 0; i < 2; ++i) {
        hundredths = hundredths * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    }
    if (hundredths <= 0) {
        return "area " + shown + " must be greater than 0";
    }
    return hundredths;
}

// Where a registry entry was first seen: its index and the line.
struct FirstSeen {
    std::size_t index;
    std::size_t line;
};

struct PremisesEntry {
    std::size_t index;
    std::size_t line;
    Fraction shares;  // sum of the shares of its holdings so far
};

// Builds the registry row by row, reporting what contradicts earlier rows.
class RegistryBuilder {
public:
    RegistryBuilder(const CsvTable& table, Problems& problems)
        : table_(table), problems_(problems) {}

    void add(const CsvRecord& row) {
        const auto fields = parseFields(row);
        if (field(row, kOwnerId).empty()) {
            return;
        }
        // Known owners are kept even from a faulty row, so that their ballots
        // are not reported as coming from strangers.
        const std::size_t owner = ownerOf(row);
        if (!fields) {
            return;
        }
        const std::size_t premises = premisesOf(row, fields->kind, fields->area);
        addHolding(row, premises, owner, fields->share);
    }

    Registry take() { return std::move(registry_); }

private:
    struct Fields {
        PremisesKind kind;
        std::int64_t area;
        Fraction share;
    };

    const std::string& field(const CsvRecord& row, RegistryColumn c) const {
        return table_.field(row, c);
    }
    void report(const CsvRecord& row, std::string message) {
        table_.report(problems_, row, std::move(message));
    }

    std::optional<Fields> parseFields(const CsvRecord& row) {
        bool ok = true;
        if (field(row, kPremises).empty()) {
            report(row, "premises number is empty");
            ok = false;
        }
        if (field(row, kOwnerId).empty()) {
            report(row, "owner_id is empty");
            ok = false;
        }
        const std::string& kindText = field(row, kKind);
        const bool residential = kindText == "residential";
        if (!residential && kindText != "nonresidential") {
            report(row, "kind " + quoted(kindText) + " is not residential or nonresidential");
            ok = false;
        }
        const auto area = parseArea(field(row, kArea));
        if (const auto* message = std::get_if<std::string>(&area)) {
            report(row, *message);
            ok = false;
        }
        const auto share = Fraction::parse(field(row, kShare));
        if (!share) {
            report(row, "share " + quoted(field(row, kShare)) + " is not a fraction like 1 or 1/2");
            ok = false;
        } else if (*share <= Fraction{} || *share > Fraction{1}) {
            report(row, "share " + quoted(field(row, kShare)) + " is outside (0, 1]");
            ok = false;
        }
        if (!ok) {
            return std::nullopt;
        }
        return Fields{residential ? PremisesKind::Residential : PremisesKind::NonResidential,
                      std::get<std::int64_t>(area), *share};
    }

    std::size_t premisesOf(const CsvRecord& row, PremisesKind kind, std::int64_t area) {
        const std::string& number = field(row, kPremises);
        const auto [it, inserted] = premisesByNumber_.try_emplace(
            number, PremisesEntry{registry_.premises.size(), row.line, {}});
        if (inserted) {
            registry_.premises.push_back({number, kind, area});
            return it->second.index;
        }
        const Premises& known = registry_.premises[it->second.index];
        const std::string firstLine = std::to_string(it->second.line);
        if (known.areaHundredths != area) {
            report(row, "premises " + quoted(number) + " has area " + quoted(field(row, kArea)) +
                            " but line " + firstLine + " gives " +
                            Fraction(known.areaHundredths, 100).toDecimal(2));
        }
        if (known.kind != kind) {
            report(row, "premises " + quoted(number) + " is " + field(row, kKind) + " but line " +
                            firstLine + " gives another kind");
        }
        return it->second.index;
    }

    std::size_t ownerOf(const CsvRecord& row) {
        const std::string& id = field(row, kOwnerId);
        const auto [it, inserted] = ownersById_.try_emplace(id, registry_.owners.size(), row.line);
        if (inserted) {
            registry_.owners.push_back({id, field(row, kOwner)});
        } else if (registry_.owners[it->second.index].name != field(row, kOwner)) {
            report(row, "owner " + quoted(id) + " is named " + quoted(field(row, kOwner)) +
                            " but line " + std::to_string(it->second.line) + " names " +
                            quoted(registry_.owners[it->second.index].name));
        }
        return it->second.index;
    }

    void addHolding(const CsvRecord& row, std::size_t premises, std::size_t owner,
                    const Fraction& share) {
        const std::string& joint = field(row, kJoint);
        const std::string& number = field(row, kPremises);
        // A joint group is one holding keyed by its label; a sole owner's share by the owner.
        const std::string key = joint.empty() ? "owner:" + field(row, kOwnerId) : "joint:" + joint;
        const auto [it, inserted] =
            holdingByKey_.try_emplace({premises, key}, registry_.holdings.size(), row.line);
        if (inserted) {
            registry_.holdings.push_back({premises, share, {owner}, field(row, kDocument)});
            addShare(row, premises, share);
            return;
        }
        Holding& holding = registry_.holdings[it->second.index];
        const std::string firstLine = std::to_string(it->second.line);
        if (joint.empty()) {
            report(row, "owner " + quoted(field(row, kOwnerId)) + " is listed twice for premises " +
                            quoted(number) + " (first at line " + firstLine + ")");
            return;
        }
        if (holding.share != share) {
            report(row, "joint owners " + quoted(joint) + " of premises " + quoted(number) +
                            " give share " + share.toString() + " but line " + firstLine +
                            " gives " + holding.share.toString());
        }
        for (std::size_t existing : holding.owners) {
            if (existing == owner) {
                report(row, "owner " + quoted(field(row, kOwnerId)) + " is listed twice in joint " +
                                quoted(joint) + " of premises " + quoted(number));
                return;
            }
        }
        holding.owners.push_back(owner);
    }

    void addShare(const CsvRecord& row, std::size_t premises, const Fraction& share) {
        PremisesEntry& entry = premisesByNumber_.at(registry_.premises[premises].number);
        const bool wasFull = entry.shares > Fraction{1};
        entry.shares += share;
        if (!wasFull && entry.shares > Fraction{1}) {
            report(row, "shares of premises " + quoted(registry_.premises[premises].number) +
                            " add up to " + entry.shares.toString() + ", more than 1");
        }
    }

    const CsvTable& table_;
    Problems& problems_;
    Registry registry_;
    std::unordered_map<std::string, PremisesEntry> premisesByNumber_;
    std::unordered_map<std::string, FirstSeen> ownersById_;
    std::map<std::pair<std::size_t, std::string>, FirstSeen> holdingByKey_;
};

}  // namespace

Registry readRegistry(const std::string& csv, Problems& problems, bool* everyRowRead) {
    const auto table = CsvTable::open(
        "registry.csv", csv,
        {"premises", "kind", "area", "owner_id", "owner", "share", "document", "joint"}, problems);
    if (everyRowRead != nullptr) {
        *everyRowRead = table && table->complete();
    }
    if (!table) {
        return {};
    }
    RegistryBuilder builder(*table, problems);
    for (const CsvRecord& row : table->rows()) {
        builder.add(row);
    }
    Registry registry = builder.take();
    if (!table->hasData()) {
        problems.push_back({"registry.csv", 0, "lists no premises"});
    }
    return registry;
}

}  // namespace veche::core
