#pragma once

#include <string>
#include <vector>

namespace veche::hub::schema {

// The hub's schema, versioned. A new database gets `current()` in one step;
// an older one is brought forward by `upgrades()`, one version at a time. The
// two paths must give the same tables, columns and indexes: a test checks it.

// The schema version this build writes.
int currentVersion();

// Statements that create the current schema in an empty database.
std::vector<std::string> current();

// Statements that take a database from version `from` to `from + 1`
// (1 <= from < currentVersion()).
std::vector<std::string> upgrade(int from);

// Statements that create version 1, the first release; for the migration test.
std::vector<std::string> version1();

}  // namespace veche::hub::schema
