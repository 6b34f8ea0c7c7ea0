#include "veche/core/bundle_writer.h"

#include "veche/core/csv.h"
#include "veche/core/result_json.h"

namespace veche::core {
namespace {

const std::vector<std::string> kRegistryHeader{"premises", "kind",  "area",     "owner_id",
                                               "owner",    "share", "document", "joint"};

std::string kindName(PremisesKind kind) {
    return kind == PremisesKind::Residential ? "residential" : "nonresidential";
}

}  // namespace

std::string agendaToJson(const Agenda& agenda) {
    std::string out = "{\"rules\": " + jsonString(nameOf(agenda.rules)) + ", \"items\": [";
    for (std::size_t i = 0; i < agenda.items.size(); ++i) {
        const AgendaItem& item = agenda.items[i];
        out += (i == 0 ? "\n  " : ",\n  ");
        out += "{\"id\": " + jsonString(item.id) + ", \"title\": " + jsonString(item.title) +
               ", \"threshold\": " + jsonString(nameOf(item.threshold)) + "}";
    }
    return out + "\n]}\n";
}

std::vector<RegistryRow> registryRows(const Registry& registry) {
    std::vector<RegistryRow> rows;
    int jointGroups = 0;
    for (const Holding& h : registry.holdings) {
        const Premises& p = registry.premises.at(h.premises);
        const std::string joint = h.owners.size() > 1 ? "J" + std::to_string(++jointGroups) : "";
        for (std::size_t owner : h.owners) {
            const Owner& o = registry.owners.at(owner);
            rows.push_back({p.number, kindName(p.kind), p.areaHundredths, o.id, o.name,
                            h.share.toString(), h.document, joint});
        }
    }
    return rows;
}

std::string rowsToCsv(const std::vector<RegistryRow>& rows) {
    std::string csv = csvLine(kRegistryHeader);
    for (const RegistryRow& r : rows) {
        csv += csvLine({r.premises, r.kind, Fraction(r.areaHundredths, 100).toDecimal(2), r.ownerId,
                        r.owner, r.share, r.document, r.joint});
    }
    return csv;
}

std::string registryToCsv(const Registry& registry) {
    return rowsToCsv(registryRows(registry));
}

std::string membersToCsv(const std::vector<Member>& members) {
    std::string csv = csvLine({"member_id", "name"});
    for (const Member& m : members) {
        csv += csvLine({m.id, m.name});
    }
    return csv;
}

std::string ballotsToCsv(const std::vector<BallotRow>& rows) {
    std::string csv = csvLine({"voter_id", "item", "choice"});
    for (const BallotRow& r : rows) {
        if (r.choice != Choice::Unanswered) {
            csv += csvLine({r.voterId, r.itemId, std::string(nameOf(r.choice))});
        }
    }
    return csv;
}

std::string_view nameOf(Choice choice) {
    switch (choice) {
        case Choice::For:
            return "for";
        case Choice::Against:
            return "against";
        case Choice::Abstain:
            return "abstain";
        case Choice::Invalid:
        case Choice::Unanswered:
            break;
    }
    return "invalid";
}

}  // namespace veche::core
