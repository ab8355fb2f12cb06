// Reading a corpus database in the tests with SQLite's C API: rows as "a|b|c" strings.
#ifndef CLAIMSCAN_TESTS_SQLITE_TEST_SUPPORT_H_
#define CLAIMSCAN_TESTS_SQLITE_TEST_SUPPORT_H_

#include <map>
#include <sqlite3.h>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace claimscan::testing {

// Runs `sql` on the database at `path` (opened read-only) into `rows`, columns joined by '|',
// NULL as "NULL". Returns SQLite's message on failure, "" on success.
inline std::string Query(const std::string& path, const std::string& sql,
                         std::vector<std::string>* rows) {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  std::string error;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    error = path + ": " + sqlite3_errmsg(db);
  } else if (sqlite3_busy_timeout(db, 10000),
             sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    error = sql + ": " + sqlite3_errmsg(db);
  } else {
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        if (i > 0) row += '|';
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows->push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) error = sql + ": " + sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return error;
}

// The rows of `sql` (see Query); a failure is a test failure, and it returns what it read.
inline std::vector<std::string> Rows(const std::string& path, const std::string& sql) {
  std::vector<std::string> rows;
  std::string error = Query(path, sql, &rows);
  if (!error.empty()) ADD_FAILURE() << error;
  return rows;
}

// One value: the first column of the first row ("" when there is none).
inline std::string Value(const std::string& path, const std::string& sql) {
  std::vector<std::string> rows = Rows(path, sql);
  return rows.empty() ? "" : rows[0];
}

// Runs `sql` on the database at `path` (read-write); a failure is a test failure.
inline void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  char* message = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK ||
      sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    ADD_FAILURE() << path << ": " << sql << ": " << (message ? message : sqlite3_errmsg(db));
  }
  sqlite3_free(message);
  sqlite3_close(db);
}

// Every table's rows, ordered by all their columns: two databases with the same content give
// the same dump, whatever order their rows were inserted in.
inline std::map<std::string, std::vector<std::string>> Dump(const std::string& path) {
  std::map<std::string, std::vector<std::string>> tables;
  for (const std::string& table :
       Rows(path, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
    size_t columns =
        std::stoul(Value(path, "SELECT count(*) FROM pragma_table_info('" + table + "')"));
    std::string order;
    for (size_t i = 1; i <= columns; ++i) order += (i > 1 ? "," : "") + std::to_string(i);
    tables[table] = Rows(path, "SELECT * FROM " + table + " ORDER BY " + order);
  }
  return tables;
}

}  // namespace claimscan::testing

#endif  // CLAIMSCAN_TESTS_SQLITE_TEST_SUPPORT_H_
