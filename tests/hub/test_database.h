#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "veche/hub/store/database.h"

namespace veche::hub::testing {

enum class Backend { SQLite, PostgreSQL };

std::string nameOf(Backend backend);

// A new, empty database for one test: a SQLite file in a fresh temporary
// folder, or a fresh PostgreSQL database on the server named by the
// VECHE_TEST_POSTGRES connection string (tools/test-postgres.sh starts one).
// Both are removed afterwards.
class TestDatabase {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();

    // False (with the reason in unavailableReason()) when PostgreSQL is not
    // configured.
    bool available() const { return db_ != nullptr; }
    const std::string& unavailableReason() const { return unavailableReason_; }

    Database& db() { return *db_; }

private:
    std::filesystem::path dir_;
    std::string pgAdmin_;
    std::string pgName_;
    std::string unavailableReason_;
    std::unique_ptr<Database> db_;
};

// The tables, columns, primary keys and indexes of a database, one line each,
// sorted: for comparing a migrated schema with a fresh one.
std::vector<std::string> describeSchema(Database& db);

}  // namespace veche::hub::testing
