#include <Poco/Data/Session.h>

#include <stdexcept>

#include "veche/hub/paper/paper_ballots.h"

using namespace Poco::Data::Keywords;

namespace veche::hub::paper {
namespace {

// "1=for;2=abstain": item ids never hold '=' or ';' (Hub::validate).
std::string answersText(const Answers& answers) {
    std::string out;
    for (const auto& [item, choice] : answers) {
        out += (out.empty() ? "" : ";") + item + "=" + std::string(core::nameOf(choice));
    }
    return out;
}

Answers answersOf(const std::string& text) {
    Answers out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find(';', pos), text.size());
        const std::string pair = text.substr(pos, end - pos);
        const std::size_t eq = pair.find('=');
        const auto choice = core::parseChoice(pair.substr(eq + 1));
        if (eq == std::string::npos || !choice) {
            throw std::runtime_error("unreadable paper entry answers in the database: " + text);
        }
        out.emplace_back(pair.substr(0, eq), *choice);
        pos = end + 1;
    }
    return out;
}

std::vector<PaperEntry> select(Poco::Data::Session& s, const std::string& assemblyId,
                               const std::string* ballotId) {
    std::vector<std::string> ballots, tokens, answers;
    std::vector<int> seqs, passes;
    std::vector<Millis> received, entered;
    Poco::Data::Statement q(s);
    q << "SELECT ballot_id, seq, token_id, second_pass, received_at, answers, entered_at "
         "FROM paper_entries WHERE assembly_id = $1",
        useRef(assemblyId);
    if (ballotId) {
        q << " AND ballot_id = $2", useRef(*ballotId);
    }
    q << " ORDER BY ballot_id, seq", into(ballots), into(seqs), into(tokens), into(passes),
        into(received), into(answers), into(entered);
    q.execute();
    std::vector<PaperEntry> out;
    for (std::size_t i = 0; i < ballots.size(); ++i) {
        out.push_back({ballots[i], seqs[i], tokens[i], passes[i] != 0, received[i],
                       answersOf(answers[i]), entered[i]});
    }
    return out;
}

}  // namespace

std::string PaperBallotStore::secret(const std::string& name,
                                     const std::function<std::string()>& fresh) {
    Poco::Data::Session s = db_.session();
    std::string value;
    Poco::Data::Statement q(s);
    q << "SELECT value FROM hub_secrets WHERE name = $1", useRef(name), into(value);
    if (q.execute() > 0) {
        return value;
    }
    const std::string made = fresh();
    s << "INSERT INTO hub_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        useRef(name), useRef(made), now;
    q.execute();  // ours, or the one a concurrent first caller stored
    return value;
}

std::vector<PaperEntry> PaperBallotStore::entries(const std::string& assemblyId,
                                                  const std::string& ballotId) {
    Poco::Data::Session s = db_.session();
    return select(s, assemblyId, &ballotId);
}

std::vector<PaperEntry> PaperBallotStore::entries(const std::string& assemblyId) {
    Poco::Data::Session s = db_.session();
    return select(s, assemblyId, nullptr);
}

bool PaperBallotStore::add(const std::string& assemblyId, const std::string& voterId,
                           const PaperEntry& e) {
    Poco::Data::Session s = db_.session();
    const std::string answers = answersText(e.answers);
    const int pass = e.secondPass ? 1 : 0;
    int seq = e.seq;
    Poco::Data::Statement add(s);
    add << "INSERT INTO paper_entries (assembly_id, ballot_id, seq, voter_id, token_id, "
           "second_pass, received_at, answers, entered_at) "
           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
           "ON CONFLICT (assembly_id, ballot_id, seq) DO NOTHING",
        useRef(assemblyId), useRef(e.ballotId), useRef(seq), useRef(voterId), useRef(e.tokenId),
        useRef(pass), useRef(e.receivedAt), useRef(answers), useRef(e.enteredAt);
    return add.execute() > 0;
}

}  // namespace veche::hub::paper
