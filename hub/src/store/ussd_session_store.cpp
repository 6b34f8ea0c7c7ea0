#include "veche/hub/store/ussd_session_store.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

// The state as stored: JSON.
std::string stateJson(const ussd::SessionState& st) {
    Poco::JSON::Object o;
    o.set("id", st.id);
    o.set("msisdn", st.msisdn);
    o.set("started_at", st.startedAt);
    o.set("last_step_at", st.lastStepAt);
    o.set("inputs_seen", st.inputsSeen);
    o.set("ended", st.ended);
    o.set("last_screen", st.lastScreen);
    Poco::JSON::Array stack;
    for (const ussd::Frame& f : st.stack) {
        Poco::JSON::Object frame;
        frame.set("node", f.node);
        frame.set("page", f.page);
        frame.set("arg", f.arg);
        stack.add(frame);
    }
    o.set("stack", stack);
    Poco::JSON::Object vars;
    for (const auto& [name, value] : st.vars) {
        vars.set(name, value);
    }
    o.set("vars", vars);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

ussd::SessionState stateFromJson(const std::string& json) {
    const auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    ussd::SessionState st;
    st.id = o->getValue<std::string>("id");
    st.msisdn = o->getValue<std::string>("msisdn");
    st.startedAt = o->getValue<Poco::Int64>("started_at");
    st.lastStepAt = o->getValue<Poco::Int64>("last_step_at");
    st.inputsSeen = o->getValue<int>("inputs_seen");
    st.ended = o->getValue<bool>("ended");
    st.lastScreen = o->getValue<std::string>("last_screen");
    const auto stack = o->getArray("stack");
    for (unsigned i = 0; i < stack->size(); ++i) {
        const auto f = stack->getObject(i);
        st.stack.push_back(
            {f->getValue<std::string>("node"), f->getValue<int>("page"), f->getValue<int>("arg")});
    }
    const auto vars = o->getObject("vars");
    for (const auto& [name, value] : *vars) {
        st.vars[name] = value.toString();
    }
    return st;
}

}  // namespace

std::optional<ussd::SessionState> UssdSessionStore::load(const std::string& id) {
    Poco::Data::Session s = db_.session();
    std::string json;
    int version = 0;
    Poco::Data::Statement select(s);
    select << "SELECT state, version FROM ussd_sessions WHERE id = $1", useRef(id), into(json),
        into(version);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    ussd::SessionState st = stateFromJson(json);
    st.version = version;
    return st;
}

bool UssdSessionStore::save(const ussd::SessionState& st, int expectedVersion) {
    const std::string json = stateJson(st);
    const int version = expectedVersion + 1;
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_, Durability::Relaxed);
    Poco::Data::Statement write(s);
    if (expectedVersion == 0) {
        write << "INSERT INTO ussd_sessions (id, msisdn, state, version, updated_at) "
                 "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
            useRef(st.id), useRef(st.msisdn), useRef(json), useRef(version), useRef(st.lastStepAt);
    } else {
        write << "UPDATE ussd_sessions SET state = $1, version = $2, updated_at = $3 "
                 "WHERE id = $4 AND version = $5",
            useRef(json), useRef(version), useRef(st.lastStepAt), useRef(st.id),
            useRef(expectedVersion);
    }
    const bool saved = write.execute() > 0;
    tx.commit();
    return saved;
}

int UssdSessionStore::forgetBefore(Millis before) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_, Durability::Relaxed);
    Poco::Data::Statement remove(s);
    remove << "DELETE FROM ussd_sessions WHERE updated_at < $1", useRef(before);
    const auto removed = remove.execute();
    tx.commit();
    return static_cast<int>(removed);
}

}  // namespace veche::hub
