#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <memory>
#include <mutex>
#include <string>

namespace veche::hub {

enum class Dialect { SQLite, PostgreSQL };

// The hub's database: a pool of Poco::Data sessions to SQLite (a file in WAL
// mode, synchronous=FULL so that a committed transaction survives a crash or
// power loss) or PostgreSQL. All SQL is written once for both: placeholders
// are $1, $2… in increasing order, times are BIGINT milliseconds since the
// epoch, booleans are INTEGER 0/1. Thread-safe; each thread takes its own
// session.
class Database {
public:
    // At most this many sessions are open at once; a request may hold up to
    // three, so the pool must cover about three per request thread.
    static constexpr int kDefaultMaxSessions = 256;

    // Opens (creating if needed) the SQLite file at `path`.
    static std::unique_ptr<Database> openSqlite(const std::string& path,
                                                int maxSessions = kDefaultMaxSessions);
    // Connects with a libpq connection string ("host=… dbname=… user=…").
    static std::unique_ptr<Database> openPostgres(const std::string& connection,
                                                  int maxSessions = kDefaultMaxSessions);

    ~Database();

    Dialect dialect() const { return dialect_; }

    // A session from the pool, ready for use (busy timeout and durability
    // pragmas applied on SQLite). Return it by letting it go out of scope.
    Poco::Data::Session session();

    // Brings the schema to the current version (schema.h); returns the
    // version it found before.
    int migrate();

    // The schema version recorded in the database; 0 for an empty database.
    int schemaVersion();

private:
    friend class WriteTransaction;

    Database(Dialect dialect, const std::string& connector, const std::string& connection,
             int maxSessions);

    Dialect dialect_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
    // SQLite lets one writer in at a time; the others wait in its busy
    // handler, which sleeps up to 100 ms between tries. Writers of this
    // process queue here instead and go in as soon as the last one is done.
    std::mutex sqliteWriter_;
};

}  // namespace veche::hub

namespace veche::hub {

// How hard a commit holds on to its writes across a power loss.
enum class Durability {
    Flushed,  // on disk before commit() returns: ballots, anything acknowledged
    Relaxed,  // may be lost in a crash, never torn: bookkeeping such as nonces
};

// A write transaction on one session: BEGIN IMMEDIATE on SQLite (so that two
// writers wait for each other instead of failing; those of one process queue
// on a mutex first), BEGIN on PostgreSQL. Never open a second one on the same
// thread while one is open. Rolls
// back unless commit() was called. A Relaxed transaction skips the flush
// (SQLite synchronous=NORMAL in WAL, PostgreSQL synchronous_commit=off); the
// next Flushed commit flushes it too.
class WriteTransaction {
public:
    // `session` comes from `db`.
    WriteTransaction(Poco::Data::Session& session, Database& db,
                     Durability durability = Durability::Flushed);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    void end(const char* statement);
    void restoreSynchronous();

    std::unique_lock<std::mutex> writer_;  // SQLite: this process's writers, one at a time
    Poco::Data::Session& session_;
    bool restoreSync_ = false;  // SQLite: set synchronous=FULL again at the end
    bool open_ = true;
};

}  // namespace veche::hub
