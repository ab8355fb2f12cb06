// Gazetteer: the surfaces of one lexicon, found by hashing word sequences, not by RE2.
#ifndef CLAIMSCAN_SRC_RULES_GAZETTEER_H_
#define CLAIMSCAN_SRC_RULES_GAZETTEER_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimscan::internal {

// A name list too large for a regular expression (a million people, every company on a
// register) matches through a hash set of its surfaces: a lookup per word sequence of up to
// the longest surface's length, so the cost does not grow with the list.
class Gazetteer {
 public:
  // A word of the text: quotes and brackets before it, closing punctuation and a possessive
  // after it are outside [begin, core_end); `end` closes the whole run of non-space bytes.
  struct Word {
    size_t begin;
    size_t core_end;
    size_t end;
  };
  // The words of `text`, split once for every gazetteer that searches it.
  static std::vector<Word> Words(std::string_view text);

  // Surfaces match case-sensitively, as written (spaces collapsed to one).
  explicit Gazetteer(const std::vector<std::string>& surfaces);

  // Calls `hit(begin, end)` for every surface found in `text` that starts and ends at a word
  // edge (quotes, brackets, trailing punctuation and a possessive 's are not part of a word).
  // REQUIRES: `words` are Words(text).
  void Find(std::string_view text, const std::vector<Word>& words,
            const std::function<void(size_t, size_t)>& hit) const;

 private:
  enum : uint8_t { kSurface = 1, kPrefix = 2 };
  std::vector<std::string> storage_;
  // Surfaces, and every surface cut before each of its word separators ("Bank", "Bank of"
  // for "Bank of England"): a word sequence that is neither cannot grow into a surface. One
  // table for both, so that each candidate is hashed and looked up once.
  std::unordered_map<std::string_view, uint8_t> entries_;
  // The first bytes of the surfaces: most words of a sentence (lower case, digits) start
  // with none of them and need no lookup at all.
  std::bitset<256> first_bytes_;
  size_t max_words_ = 0;
};

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_RULES_GAZETTEER_H_
