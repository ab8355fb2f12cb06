// Thin RAII over SQLite's C API for src/sqlite/. Use claimscan/corpus_database.h instead.
#ifndef CLAIMSCAN_SQLITE_SQLITE_HANDLE_H_
#define CLAIMSCAN_SQLITE_SQLITE_HANDLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <claimscan/status.h>

struct sqlite3;
struct sqlite3_stmt;

namespace claimscan::internal {

// An open database connection; closes it when destroyed.
class SqliteDb {
 public:
  // Opens (creating when `create`) the file at `path`; read-only unless `create`.
  static Result<SqliteDb> Open(const std::string& path, bool create);
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  ~SqliteDb();

  sqlite3* get() const { return db_; }
  // Runs one or more statements that return no rows of interest.
  Status Exec(std::string_view sql) const;
  // The last error as a Status: "path: what (detail)".
  Status Error(std::string_view what) const;
  const std::string& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement: bind by 1-based position, Step() through rows, Reset() to reuse.
class Statement {
 public:
  // Prepares `sql` on `db`, which must outlive the statement.
  static Result<Statement> Prepare(const SqliteDb& db, std::string_view sql);
  // An empty statement, to be assigned a prepared one.
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Binders return *this; a failed bind shows at Step() (SQLITE_RANGE / SQLITE_MISUSE).
  Statement& Bind(int i, std::string_view text);
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& BindNull(int i);
  // Empty text as NULL.
  Statement& BindOrNull(int i, std::string_view text);
  Statement& Bind(int i, const std::optional<double>& v);
  // Binds 4 columns from `i`: start, end, byte_start, byte_end.
  template <typename S>
  Statement& BindSpan(int i, const S& s) {
    Bind(i, static_cast<int64_t>(s.start)).Bind(i + 1, static_cast<int64_t>(s.end));
    return Bind(i + 2, static_cast<int64_t>(s.byte_start))
        .Bind(i + 3, static_cast<int64_t>(s.byte_end));
  }
  template <typename S>
  Statement& BindSpan(int i, const std::optional<S>& s) {
    if (s) return BindSpan(i, *s);
    for (int k = 0; k < 4; ++k) BindNull(i + k);
    return *this;
  }

  // Advances: true with a row, false when done; an error is returned as a Status.
  Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  void Reset();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  Statement(sqlite3_stmt* stmt, const SqliteDb* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  const SqliteDb* db_ = nullptr;
};

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SQLITE_SQLITE_HANDLE_H_
