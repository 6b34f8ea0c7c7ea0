#include "test_database.h"

#include <Poco/Data/Session.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <random>

#include <unistd.h>

using namespace Poco::Data::Keywords;

namespace veche::hub::testing {
namespace {

std::string uniqueSuffix() {
    static std::atomic<int> counter{0};
    return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
           std::to_string(std::random_device{}() % 100000);
}

std::string withDatabase(const std::string& connection, const std::string& name) {
    std::string out;
    std::size_t start = 0;
    while (start < connection.size()) {
        const std::size_t end = std::min(connection.find(' ', start), connection.size());
        const std::string part = connection.substr(start, end - start);
        if (!part.empty() && part.rfind("dbname=", 0) != 0) {
            out += part + " ";
        }
        start = end + 1;
    }
    return out + "dbname=" + name;
}

}  // namespace

std::string nameOf(Backend backend) {
    return backend == Backend::SQLite ? "SQLite" : "PostgreSQL";
}

TestDatabase::TestDatabase(Backend backend) {
    if (backend == Backend::SQLite) {
        dir_ = std::filesystem::temp_directory_path() / ("veche-test-" + uniqueSuffix());
        std::filesystem::create_directories(dir_);
        db_ = Database::openSqlite((dir_ / "hub.sqlite").string());
        return;
    }
    const char* admin = std::getenv("VECHE_TEST_POSTGRES");
    if (admin == nullptr || *admin == '\0') {
        unavailableReason_ =
            "VECHE_TEST_POSTGRES is not set: run eval \"$(tools/test-postgres.sh)\" first "
            "(tools/test.sh does)";
        return;
    }
    pgAdmin_ = admin;
    pgName_ = "veche_test_" + uniqueSuffix();
    {
        auto adminDb = Database::openPostgres(pgAdmin_);
        adminDb->session() << "CREATE DATABASE " + pgName_, now;
    }
    db_ = Database::openPostgres(withDatabase(pgAdmin_, pgName_));
}

TestDatabase::~TestDatabase() {
    db_.reset();
    if (!dir_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    if (!pgName_.empty()) {
        try {
            auto adminDb = Database::openPostgres(pgAdmin_);
            adminDb->session() << "DROP DATABASE IF EXISTS " + pgName_ + " WITH (FORCE)", now;
        } catch (...) {  // leave it; the private test server is thrown away anyway
        }
    }
}

std::vector<std::string> describeSchema(Database& db) {
    Poco::Data::Session s = db.session();
    std::vector<std::string> lines;
    if (db.dialect() == Dialect::SQLite) {
        std::vector<std::string> tables;
        s << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            into(tables), now;
        for (const std::string& t : tables) {
            std::vector<std::string> names, types;
            std::vector<int> notNull, pk;
            s << "SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)", useRef(t),
                into(names), into(types), into(notNull), into(pk), now;
            for (std::size_t i = 0; i < names.size(); ++i) {
                lines.push_back(t + "." + names[i] + " " + types[i] +
                                (notNull[i] ? " not null" : "") +
                                (pk[i] ? " pk" + std::to_string(pk[i]) : ""));
            }
        }
        std::vector<std::string> indexes, on;
        s << "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'", into(indexes),
            into(on), now;
        for (std::size_t i = 0; i < indexes.size(); ++i) {
            lines.push_back("index " + indexes[i] + " on " + on[i]);
        }
    } else {
        std::vector<std::string> tables, names, types, nullable;
        s << "SELECT table_name, column_name, data_type, is_nullable FROM "
             "information_schema.columns WHERE table_schema = current_schema()",
            into(tables), into(names), into(types), into(nullable), now;
        for (std::size_t i = 0; i < names.size(); ++i) {
            lines.push_back(tables[i] + "." + names[i] + " " + types[i] +
                            (nullable[i] == "NO" ? " not null" : ""));
        }
        std::vector<std::string> indexes, definitions;
        s << "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
            into(indexes), into(definitions), now;
        for (std::size_t i = 0; i < indexes.size(); ++i) {
            lines.push_back("index " + indexes[i] + ": " + definitions[i]);
        }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

}  // namespace veche::hub::testing
