#include "veche/hub/store/ballot_store.h"

#include "veche/core/bundle_writer.h"

#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <map>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

std::string choiceName(core::Choice c) {
    return std::string(core::nameOf(c));
}

SubmitOutcome insert(Poco::Data::Session& s, const Ballot& b) {
    const std::string channel(nameOf(b.channel));
    const std::string digest = ballotDigest(b);
    Poco::Data::Statement add(s);
    add << "INSERT INTO ballots (id, assembly_id, voter_id, channel, cast_at, received_at, "
           "source, digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
        useRef(b.id), useRef(b.assemblyId), useRef(b.voterId), useRef(channel), useRef(b.castAt),
        useRef(b.receivedAt), useRef(b.source), useRef(digest);
    if (add.execute() == 0) {
        std::string stored;
        s << "SELECT digest FROM ballots WHERE id = $1", useRef(b.id), into(stored), now;
        return stored == digest ? SubmitOutcome::AlreadyStored : SubmitOutcome::Conflict;
    }
    for (const auto& [item, choice] : b.answers) {
        const std::string name = choiceName(choice);
        s << "INSERT INTO ballot_answers (ballot_id, item_id, choice) VALUES ($1, $2, $3)",
            useRef(b.id), useRef(item), useRef(name), now;
    }
    return SubmitOutcome::Stored;
}

}  // namespace

std::string ballotDigest(const Ballot& b) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    auto field = [&sha](const std::string& text) {
        sha.update(std::to_string(text.size()) + ":" + text + ";");
    };
    field(b.assemblyId);
    field(b.voterId);
    field(std::string(nameOf(b.channel)));
    field(std::to_string(b.castAt));
    std::map<std::string, std::string> answers;
    for (const auto& [item, choice] : b.answers) {
        answers[item] = choiceName(choice);
    }
    for (const auto& [item, choice] : answers) {
        field(item);
        field(choice);
    }
    return Poco::DigestEngine::digestToHex(sha.digest());
}

SubmitOutcome BallotStore::submit(const Ballot& ballot) {
    return submitAll({ballot}).front();
}

std::vector<SubmitOutcome> BallotStore::submitAll(const std::vector<Ballot>& ballots) {
    if (ballots.empty()) {
        return {};
    }
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    std::vector<SubmitOutcome> outcomes;
    outcomes.reserve(ballots.size());
    for (const Ballot& b : ballots) {
        outcomes.push_back(insert(s, b));
    }
    tx.commit();
    return outcomes;
}

std::vector<Ballot> BallotStore::ballots(const std::string& assemblyId) {
    Poco::Data::Session s = db_.session();
    std::vector<std::string> ids, voters, channels, sources;
    std::vector<Millis> cast, received;
    s << "SELECT id, voter_id, channel, cast_at, received_at, source FROM ballots "
         "WHERE assembly_id = $1 ORDER BY id",
        useRef(assemblyId), into(ids), into(voters), into(channels), into(cast), into(received),
        into(sources), now;
    std::vector<std::string> answerBallots, items, choices;
    s << "SELECT a.ballot_id, a.item_id, a.choice FROM ballot_answers a "
         "JOIN ballots b ON b.id = a.ballot_id WHERE b.assembly_id = $1 "
         "ORDER BY a.ballot_id, a.item_id",
        useRef(assemblyId), into(answerBallots), into(items), into(choices), now;
    std::vector<Ballot> out;
    std::size_t a = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto channel = parseChannel(channels[i]);
        if (!channel) {
            throw std::runtime_error("unknown channel " + channels[i] + " in the database");
        }
        Ballot b{ids[i], assemblyId, voters[i], *channel, cast[i], received[i], sources[i], {}};
        for (; a < answerBallots.size() && answerBallots[a] == ids[i]; ++a) {
            b.answers.emplace_back(items[a],
                                   core::parseChoice(choices[a]).value_or(core::Choice::Invalid));
        }
        out.push_back(std::move(b));
    }
    return out;
}

std::size_t BallotStore::count() {
    Poco::Int64 n = 0;
    db_.session() << "SELECT COUNT(*) FROM ballots", into(n), now;
    return static_cast<std::size_t>(n);
}

}  // namespace veche::hub
