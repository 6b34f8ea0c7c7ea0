#include "veche/hub/store/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>

#include "veche/hub/store/schema.h"

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr int kMinSessions = 1;
constexpr int kIdleSeconds = 60;

// A pool that prepares each new SQLite connection once: wait for other
// writers instead of failing, flush every commit to disk, enforce references.
class SqlitePool : public Poco::Data::SessionPool {
public:
    using SessionPool::SessionPool;

protected:
    void customizeSession(Poco::Data::Session& s) override {
        s << "PRAGMA busy_timeout=10000", now;
        s << "PRAGMA synchronous=FULL", now;
        s << "PRAGMA foreign_keys=ON", now;
    }
};

std::unique_ptr<Poco::Data::SessionPool> makePool(Dialect dialect, const std::string& connector,
                                                  const std::string& connection, int maxSessions) {
    if (maxSessions < 1) {
        throw std::invalid_argument("the session pool needs at least one session");
    }
    if (dialect == Dialect::SQLite) {
        return std::make_unique<SqlitePool>(connector, connection, kMinSessions, maxSessions,
                                            kIdleSeconds);
    }
    return std::make_unique<Poco::Data::SessionPool>(connector, connection, kMinSessions,
                                                     maxSessions, kIdleSeconds);
}

void registerConnectors() {
    // Registration is idempotent and cheap; doing it here keeps main() free of it.
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
}

}  // namespace

Database::Database(Dialect dialect, const std::string& connector, const std::string& connection,
                   int maxSessions)
    : dialect_(dialect), pool_(makePool(dialect, connector, connection, maxSessions)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::openSqlite(const std::string& path, int maxSessions) {
    registerConnectors();
    std::unique_ptr<Database> db(new Database(Dialect::SQLite, "SQLite", path, maxSessions));
    Poco::Data::Session s = db->session();
    s << "PRAGMA journal_mode=WAL", now;
    return db;
}

std::unique_ptr<Database> Database::openPostgres(const std::string& connection, int maxSessions) {
    registerConnectors();
    std::unique_ptr<Database> db(
        new Database(Dialect::PostgreSQL, "PostgreSQL", connection, maxSessions));
    db->session() << "SET client_min_messages TO WARNING", now;
    return db;
}

Poco::Data::Session Database::session() {
    return pool_->get();
}

int Database::schemaVersion() {
    Poco::Data::Session s = session();
    int exists = 0;
    if (dialect_ == Dialect::SQLite) {
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='schema_version'",
            into(exists), now;
    } else {
        s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema=current_schema() "
             "AND table_name='schema_version'",
            into(exists), now;
    }
    if (exists == 0) {
        return 0;
    }
    int version = 0;
    s << "SELECT version FROM schema_version", into(version), now;
    return version;
}

int Database::migrate() {
    const int found = schemaVersion();
    if (found > schema::currentVersion()) {
        throw std::runtime_error("the database has schema version " + std::to_string(found) +
                                 ", newer than this veche-hub (" +
                                 std::to_string(schema::currentVersion()) + ")");
    }
    Poco::Data::Session s = session();
    WriteTransaction tx(s, *this);
    auto run = [&s](const std::vector<std::string>& statements) {
        for (const std::string& sql : statements) {
            s << sql, now;
        }
    };
    if (found == 0) {
        run(schema::current());
        s << "CREATE TABLE schema_version (version INTEGER NOT NULL)", now;
        s << "INSERT INTO schema_version (version) VALUES ($1)", bind(schema::currentVersion()),
            now;
    } else {
        for (int v = found; v < schema::currentVersion(); ++v) {
            run(schema::upgrade(v));
        }
        s << "UPDATE schema_version SET version = $1", bind(schema::currentVersion()), now;
    }
    tx.commit();
    return found;
}

WriteTransaction::WriteTransaction(Poco::Data::Session& session, Database& db,
                                   Durability durability)
    : session_(session) {
    const bool relaxed = durability == Durability::Relaxed;
    if (db.dialect() == Dialect::SQLite) {
        writer_ = std::unique_lock(db.sqliteWriter_);
        if (relaxed) {
            session_ << "PRAGMA synchronous=NORMAL", now;  // not allowed inside a transaction
            restoreSync_ = true;
        }
        try {
            session_ << "BEGIN IMMEDIATE", now;
        } catch (...) {
            restoreSynchronous();
            throw;
        }
    } else {
        session_ << "BEGIN", now;
        if (relaxed) {
            session_ << "SET LOCAL synchronous_commit TO OFF", now;
        }
    }
}

WriteTransaction::~WriteTransaction() {
    if (open_) {
        try {
            end("ROLLBACK");
        } catch (...) {  // the connection may be gone; nothing was committed either way
        }
    }
}

void WriteTransaction::commit() {
    end("COMMIT");
}

void WriteTransaction::end(const char* statement) {
    open_ = false;
    try {
        session_ << statement, now;
    } catch (...) {
        restoreSynchronous();
        throw;
    }
    restoreSynchronous();
    if (writer_.owns_lock()) {
        writer_.unlock();  // the next writer may go in
    }
}

// The session goes back to the pool, where every other write expects FULL.
void WriteTransaction::restoreSynchronous() {
    if (restoreSync_) {
        restoreSync_ = false;
        session_ << "PRAGMA synchronous=FULL", now;
    }
}

}  // namespace veche::hub
