// The tables of a corpus database (docs/sqlite.md). Use claimscan/corpus_database.h instead.
#ifndef CLAIMSCAN_SQLITE_SCHEMA_H_
#define CLAIMSCAN_SQLITE_SCHEMA_H_

#include <claimscan/status.h>

#include "sqlite/sqlite_handle.h"

namespace claimscan::internal {

// Sets the connection's pragmas (WAL, foreign keys) and creates the tables of an empty file.
// Fails on a file that is not SQLite, on another program's database, and on a claimscan
// database of another schema version.
Status PrepareSchema(const SqliteDb& db);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SQLITE_SCHEMA_H_
