#include <cctype>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <claimscan/segmenter.h>

namespace claimscan {
namespace {

// Abbreviations after which a full stop does not end a sentence: titles and references
// that news copy puts before names and numbers ("Sen. Warren", "No. 10", "Gov. Newsom").
// The list replaces ICU's English one: combining the two loses entries that are prefixes
// of ICU's (ICU 72 then still breaks after "J." in "Donald J. Trump").
constexpr const char* kAbbreviations[] = {
    "Mr.",  "Mrs.",  "Ms.",   "Dr.",   "Jr.",   "Sr.",   "Mt.",     "Ph.D.",   "i.e.",
    "e.g.", "U.S.",  "No.",   "Nos.",  "Gov.",  "Sen.",  "Sens.",   "Rep.",    "Reps.",
    "Lt.",  "Col.",  "Gen.",  "Capt.", "Sgt.",  "Rt.",   "Hon.",    "Prof.",   "Cllr.",
    "Rev.", "Supt.", "Insp.", "Det.",  "Cmdr.", "Adm.",  "Maj.",    "Jan.",    "Feb.",
    "Aug.", "Sept.", "Sep.",  "Oct.",  "Nov.",  "Dec.",  "vs.",     "v.",      "U.K.",
    "U.N.", "E.U.",  "Pres.", "Atty.", "Gens.", "Mmes.", "Messrs.", "approx.", "St.",
    "Ft.",  "cf.",   "Dept.", "Govt.", "Sec.",  "Ald.",  "Del."};

// German: scale words and references abbreviated before a noun ("1,5 Mrd. Euro").
constexpr const char* kGermanAbbreviations[] = {"Mrd.", "Mio.", "Tsd.", "Nr.", "ca.",
                                                "bzw.", "Abs.", "Art.", "Dr.", "Prof."};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v'; }

// Where to cut an over-long sentence piece [begin, end): the last space in the second half of
// the allowed length, else the last UTF-8 lead byte before the limit.
size_t CutPoint(std::string_view text, size_t begin, size_t end) {
  size_t limit = begin + kMaxSentenceBytes;
  if (end <= limit) return end;
  for (size_t i = limit; i > begin + kMaxSentenceBytes / 2; --i) {
    if (IsSpace(text[i])) return i;
  }
  while (limit > begin + 1 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
  UText* utext = nullptr;
  std::string_view text;

  ~Impl() {
    if (utext != nullptr) utext_close(utext);
  }
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::Create(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc(locale);
  auto impl = std::make_unique<Impl>();
  std::unique_ptr<icu::BreakIterator> plain(
      icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status)) return Status::Internal("ICU sentence iterator", u_errorName(status));
  bool english = std::string_view(locale).rfind("en", 0) == 0;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      english ? icu::FilteredBreakIteratorBuilder::createEmptyInstance(status)
              : icu::FilteredBreakIteratorBuilder::createInstance(loc, status));
  if (U_FAILURE(status)) return Status::Internal("ICU break filter", u_errorName(status));
  if (std::string_view(locale).rfind("de", 0) == 0) {
    for (const char* abbreviation : kGermanAbbreviations) {
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    }
  }
  if (english) {
    for (const char* abbreviation : kAbbreviations) {
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    }
    // Initials: "Donald J. Trump", "George W. Bush".
    for (char c = 'A'; c <= 'Z'; ++c) {
      builder->suppressBreakAfter(icu::UnicodeString(static_cast<UChar>(c)) + u".", status);
    }
  }
  impl->sentences.reset(builder->wrapIteratorWithFilter(plain.release(), status));
  if (U_FAILURE(status)) return Status::Internal("ICU break filter", u_errorName(status));
  impl->words.reset(icu::BreakIterator::createWordInstance(loc, status));
  if (U_FAILURE(status)) return Status::Internal("ICU word iterator", u_errorName(status));
  return Segmenter(std::move(impl));
}

void Segmenter::SetText(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->text = text;
  impl_->utext =
      utext_openUTF8(impl_->utext, text.data(), static_cast<int64_t>(text.size()), &status);
  impl_->sentences->setText(impl_->utext, status);
  impl_->words->setText(impl_->utext, status);
}

std::vector<SentenceRange> Segmenter::Sentences() {
  std::vector<SentenceRange> out;
  std::string_view text = impl_->text;
  size_t paragraph = 0;
  bool paragraph_has_text = false;
  int32_t begin = impl_->sentences->first();
  for (int32_t end = impl_->sentences->next(); end != icu::BreakIterator::DONE;
       begin = end, end = impl_->sentences->next()) {
    size_t b = static_cast<size_t>(begin);
    size_t e = static_cast<size_t>(end);
    // A sentence piece may start with the blank lines of a paragraph break.
    while (b < e && IsSpace(text[b])) {
      if (text[b] == '\n' && paragraph_has_text) {
        ++paragraph;
        paragraph_has_text = false;
      }
      ++b;
    }
    size_t trimmed_end = e;
    while (trimmed_end > b && IsSpace(text[trimmed_end - 1])) --trimmed_end;
    // Text without sentence ends (a table flattened to one line, a run-on dump) is cut into
    // pieces, so that the per-sentence stages stay linear in the article's length.
    while (trimmed_end > b) {
      size_t cut = CutPoint(text, b, trimmed_end);
      size_t piece_end = cut;
      while (piece_end > b && IsSpace(text[piece_end - 1])) --piece_end;
      if (piece_end > b) out.push_back({b, piece_end, paragraph});
      paragraph_has_text = true;
      b = cut;
      while (b < trimmed_end && IsSpace(text[b])) ++b;
    }
    for (size_t i = trimmed_end; i < e; ++i) {
      if (text[i] == '\n' && paragraph_has_text) {
        ++paragraph;
        paragraph_has_text = false;
      }
    }
  }
  return out;
}

bool Segmenter::IsWordBoundary(size_t offset) {
  if (offset == 0 || offset >= impl_->text.size()) return true;
  return impl_->words->isBoundary(static_cast<int32_t>(offset)) != 0;
}

std::vector<Token> Segmenter::Tokens(size_t begin, size_t end) {
  std::vector<Token> out;
  int32_t start = static_cast<int32_t>(begin);
  if (!IsWordBoundary(begin)) start = impl_->words->preceding(start);
  impl_->words->isBoundary(start);  // positions the iterator at `start`
  for (int32_t b = impl_->words->next(); b != icu::BreakIterator::DONE;
       start = b, b = impl_->words->next()) {
    out.push_back(
        {static_cast<size_t>(start), static_cast<size_t>(b), impl_->words->getRuleStatus()});
    if (static_cast<size_t>(b) >= end) break;
  }
  return out;
}

}  // namespace claimscan
