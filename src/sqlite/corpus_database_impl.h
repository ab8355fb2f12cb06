// CorpusDatabase's state, shared by its .cc files. Use claimscan/corpus_database.h instead.
#ifndef CLAIMSCAN_SQLITE_CORPUS_DATABASE_IMPL_H_
#define CLAIMSCAN_SQLITE_CORPUS_DATABASE_IMPL_H_

#include <claimscan/corpus_database.h>

#include "sqlite/sqlite_handle.h"

namespace claimscan {

// The connection and its statements, prepared once in Open().
struct CorpusDatabase::Impl {
  explicit Impl(internal::SqliteDb d) : db(std::move(d)) {}
  internal::SqliteDb db;  // declared first: closed after the statements are finalised
  internal::Statement up_to_date, up_to_date_any, delete_article, insert_article, insert_sentence,
      insert_actor, insert_mention, insert_figure, insert_claim, insert_claim_figure,
      insert_claim_actor, insert_error, find_article, find_figure, delete_verdicts, insert_verdict;
  bool in_transaction = false;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_SQLITE_CORPUS_DATABASE_IMPL_H_
