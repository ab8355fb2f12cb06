#include "sqlite/sqlite_handle.h"

#include <sqlite3.h>
#include <utility>

namespace claimscan::internal {

Result<SqliteDb> SqliteDb::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError(path, "cannot open the database: " + detail);
  }
  sqlite3_extended_result_codes(db, 1);
  // Another process (a reader, a second run) holding a lock: wait rather than fail at once.
  sqlite3_busy_timeout(db, 10000);
  return SqliteDb(db, path);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(std::string_view sql) const {
  std::string s(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string detail = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return Status::IoError(path_, detail);
}

Status SqliteDb::Error(std::string_view what) const {
  return Status::IoError(path_, std::string(what) + ": " + sqlite3_errmsg(db_));
}

Result<Statement> Statement::Prepare(const SqliteDb& db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return db.Error("cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
  }
  return Statement(stmt, &db);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int i, std::string_view text) {
  // SQLITE_TRANSIENT: the statement keeps its own copy, so temporaries are fine.
  // A default string_view has no data(): bound as "" (SQLite would bind a null pointer as NULL).
  sqlite3_bind_text64(stmt_, i, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
  return *this;
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Statement& Statement::BindOrNull(int i, std::string_view text) {
  return text.empty() ? BindNull(i) : Bind(i, text);
}

Statement& Statement::Bind(int i, const std::optional<double>& v) {
  return v ? Bind(i, *v) : BindNull(i);
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = db_->Error("statement failed");
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  Result<bool> step = Step();
  Reset();
  return step.ok() ? Status::Ok() : step.status();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace claimscan::internal
