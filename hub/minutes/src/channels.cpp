#include "channels.h"

#include <map>
#include <set>

#include "wording.h"

namespace veche::minutes {
namespace {

constexpr const char* kMixed = "mixed";

// The channel of each voter's counted binding ballot, by voter index.
std::vector<std::string> channelsOfVoters(const MeetingRecord& r, const core::Electorate& e) {
    std::map<std::string, std::string> byId;
    for (const ReceivedBallot& b : r.received) {
        if (b.status == ReceivedBallot::Status::Counted) {
            byId[b.voterId] = b.channel;
        }
    }
    std::vector<std::string> channels(e.voterIds.size());
    for (std::size_t v = 0; v < e.voterIds.size(); ++v) {
        const auto found = byId.find(e.voterIds[v]);
        channels[v] = found != byId.end() ? found->second : "";
    }
    return channels;
}

// The channel of a participating unit: the one its voters used, or mixed.
std::string channelOfUnit(const core::VotingUnit& unit, const core::BallotBox& ballots,
                          const std::vector<std::string>& voterChannels) {
    std::set<std::string> used;
    for (std::size_t v : unit.voters) {
        if (ballots.participated(v)) {
            used.insert(voterChannels[v]);
        }
    }
    if (used.empty()) {
        return "";
    }
    return used.size() == 1 ? *used.begin() : kMixed;
}

// `parts` rounded to `places` decimals so that they add up to their sum
// rounded half-up, as the total is printed: each is rounded down, and the
// units left go to the largest remainders (the earliest on a tie).
std::vector<core::Fraction> apportioned(const std::vector<core::Fraction>& parts, int places) {
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places));
    std::vector<mpz_class> floors;
    std::vector<mpq_class> remainders;
    mpq_class sum = 0;
    mpz_class floorSum = 0;
    for (const core::Fraction& part : parts) {
        const mpq_class scaled = mpq_class(part.numerator(), part.denominator()) * scale;
        floors.push_back(scaled.get_num() / scaled.get_den());
        remainders.push_back(scaled - floors.back());
        sum += scaled;
        floorSum += floors.back();
    }
    mpz_class target = sum.get_num() / sum.get_den();
    if (2 * (sum - target) >= 1) {
        ++target;
    }
    for (mpz_class left = target - floorSum; left > 0; --left) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            best = remainders[i] > remainders[best] ? i : best;
        }
        ++floors[best];
        remainders[best] = -1;
    }
    std::vector<core::Fraction> rounded;
    for (const mpz_class& f : floors) {
        rounded.emplace_back(f.get_si(), scale.get_si());
    }
    return rounded;
}

}  // namespace

std::vector<ChannelCount> countByChannel(const MeetingRecord& r, const Count& c) {
    const core::Meeting& m = c.meeting;
    const std::vector<std::string> voterChannels = channelsOfVoters(r, m.electorate);
    std::map<std::string, core::Electorate> parts;
    for (const core::VotingUnit& unit : m.electorate.units) {
        const std::string channel = channelOfUnit(unit, m.ballots, voterChannels);
        if (channel.empty()) {
            continue;
        }
        core::Electorate& part = parts[channel];
        part.total = m.electorate.total;
        part.voterIds = m.electorate.voterIds;
        part.units.push_back(unit);
    }
    std::vector<ChannelCount> counts;
    for (const char* channel : {"paper", "kiosk", "ussd", "sms", kMixed}) {
        if (const auto part = parts.find(channel); part != parts.end()) {
            counts.push_back({channel, core::tally(m.agenda, part->second, m.ballots)});
        }
    }
    return counts;
}

paperwork::Table channelTable(const std::vector<ChannelCount>& counts, std::size_t item,
                              const core::TallyResult& total) {
    using paperwork::Align;
    paperwork::Table table;
    table.columnWidths = {30, 16, 16, 22, 16};
    table.columnAligns = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right};
    table.rows.push_back({"Способ подачи", "«за»", "«против»", "«воздержались»", "недейств."});
    const int places = core::weighsByArea(total.rules) ? 2 : 0;
    const auto cell = [&total](const core::Fraction& v) {
        return wording::amount(v, total.rules, paperwork::Grouping::Column);
    };
    using Column = core::Fraction core::ItemResult::*;
    const Column columns[] = {&core::ItemResult::forVotes, &core::ItemResult::against,
                              &core::ItemResult::abstain, &core::ItemResult::invalid};
    std::vector<std::vector<std::string>> rows;
    for (const ChannelCount& c : counts) {
        rows.push_back({c.channel == kMixed ? "разными способами (совместная собственность)"
                                            : wording::channelsOf(c.channel)});
    }
    for (const Column column : columns) {
        std::vector<core::Fraction> parts;
        for (const ChannelCount& c : counts) {
            parts.push_back(c.result.items[item].*column);
        }
        const std::vector<core::Fraction> shown = apportioned(parts, places);
        for (std::size_t k = 0; k < shown.size(); ++k) {
            rows[k].push_back(cell(shown[k]));
        }
    }
    table.rows.insert(table.rows.end(), rows.begin(), rows.end());
    const core::ItemResult& all = total.items[item];
    table.rows.push_back(
        {"всего", cell(all.forVotes), cell(all.against), cell(all.abstain), cell(all.invalid)});
    return table;
}

}  // namespace veche::minutes
