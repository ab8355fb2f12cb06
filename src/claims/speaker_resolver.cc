#include "claims/speaker_resolver.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "actors/title_holder.h"
#include "common/ascii.h"
#include "rules/rule_file_parser.h"

namespace claimscan::internal {
namespace {

bool Overlaps(const Span& a, const Span& b) {
  return a.byte_start < b.byte_end && b.byte_start < a.byte_end;
}

bool Inside(const Span& inner, const Span& outer) {
  return inner.byte_start >= outer.byte_start && inner.byte_end <= outer.byte_end;
}

// The person who holds `role` ("prime minister", lower-case) in the speaker phrase
// `speaker` ("the prime minister"): see TitleHolder. Null when none.
const Actor* RoleHolder(const ClaimInputs& in, std::string_view role, const Span& speaker) {
  std::vector<PersonSpan> people;
  std::vector<const Actor*> holders;
  for (const Actor& actor : in.analysis->actors) {
    if (actor.type != "person") continue;
    for (const Mention& m : actor.mentions) {
      people.push_back({m.span.byte_start, m.span.byte_end});
      holders.push_back(&actor);
    }
  }
  std::optional<size_t> holder =
      TitleHolder(in.original, role, speaker.byte_start, speaker.byte_end, people,
                  in.rules ? in.rules->lexicon("not_title_holder") : nullptr);
  return holder ? holders[*holder] : nullptr;
}

// The length of what ends a subject, looking back, at `at` in the original bytes: a
// sentence end, a line break or a quotation mark, straight or curly. 0 when none is there.
size_t SubjectBoundary(std::string_view text, size_t at) {
  char c = text[at];
  if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"') return 1;
  std::string_view three = text.substr(at, 3);
  return three == "\xE2\x80\x9C" || three == "\xE2\x80\x9D" ? 3 : 0;
}

// The first word of the lower-cased phrase `p` that is in the rules' map `name` ("council" in
// "a council spokeswoman" for `map collective_noun`), or "" when none is.
std::string FirstListedWord(const ClaimInputs& in, std::string_view name, std::string_view p) {
  const Lexicon* words = in.rules ? in.rules->lexicon(name) : nullptr;
  if (words == nullptr) return "";
  size_t start = 0;
  while (start < p.size()) {
    size_t end = p.find_first_of(" ,", start);
    if (end == std::string_view::npos) end = p.size();
    std::string_view word = p.substr(start, end - start);
    if (InLexicon(words, word)) return std::string(word);
    start = end + 1;
  }
  return "";
}

// The organisation or group whose name holds `noun` as a word ("Dublin City Council" for
// "council") and was mentioned last before `speaker`; null when none was.
const Actor* LastNamedWith(const Analysis& a, const std::string& noun, const Span& speaker) {
  if (noun.empty()) return nullptr;
  const Actor* last = nullptr;
  size_t last_end = 0;
  for (const Actor& actor : a.actors) {
    if (actor.type != "org" && actor.type != "group") continue;
    std::string name = " " + AsciiLower(actor.name) + " ";
    if (name.find(" " + noun + " ") == std::string::npos) continue;
    for (const Mention& m : actor.mentions) {
      if (m.span.byte_end <= speaker.byte_start && m.span.byte_end >= last_end) {
        last = &actor;
        last_end = m.span.byte_end;
      }
    }
  }
  return last;
}

// Whether `pronoun` ("he", "she") may stand for the person `actor`: not when an honorific the
// article gives them ("Mr Coles", "Ms Whyte"; the rules' `map pronoun_gender`) says otherwise.
bool PronounFits(const ClaimInputs& in, const Actor& actor, std::string_view pronoun) {
  const Lexicon* gender = in.rules ? in.rules->lexicon("pronoun_gender") : nullptr;
  if (gender == nullptr) return true;
  for (const Mention& m : actor.mentions) {
    std::string_view text = in.original.substr(std::min(m.span.byte_start, in.original.size()),
                                               m.span.byte_end - m.span.byte_start);
    auto it = gender->find(LexiconKey(text.substr(0, text.find(' '))));
    if (text.find(' ') != std::string_view::npos && it != gender->end() && it->second != pronoun) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<size_t> RelativeClauseSubject(std::string_view text, size_t speaker_begin,
                                            size_t verb_begin) {
  size_t close = std::min(verb_begin, text.size());
  for (;;) {
    if (close > 0 && IsAsciiSpace(text[close - 1])) {
      --close;
    } else if (close > 1 && text.substr(close - 2, 2) == "\xC2\xA0") {
      close -= 2;
    } else {
      break;
    }
  }
  if (close == 0 || text[close - 1] != ',') return std::nullopt;
  // The last ", which" or ", who" in the 200 bytes before the speaker phrase.
  size_t from = speaker_begin > 200 ? speaker_begin - 200 : 0;
  std::string_view window = text.substr(from, speaker_begin - from);
  std::optional<size_t> rel;
  for (size_t i = window.size(); i-- > 0 && !rel;) {
    if (window[i] != ',') continue;
    size_t w = i + 1;
    while (w < window.size() && IsAsciiSpace(window[w])) ++w;
    for (std::string_view word : {"which", "who"}) {
      size_t after = w + word.size();
      if (window.substr(w, word.size()) == word && after < window.size() &&
          IsAsciiSpace(window[after])) {
        rel = i;
      }
    }
  }
  if (!rel) return std::nullopt;
  // The clause crosses no boundary; the subject runs back to the last one.
  for (size_t i = *rel; i < window.size(); ++i) {
    if (SubjectBoundary(window, i) > 0) return std::nullopt;
  }
  size_t start = 0;
  for (size_t i = *rel; i-- > 0;) {
    if (size_t len = SubjectBoundary(window, i); len > 0) {
      start = i + len;
      break;
    }
  }
  while (start < *rel && IsAsciiSpace(window[start])) ++start;
  if (start >= *rel) return std::nullopt;
  return from + start;
}

const Actor* SentenceSubject(const ClaimInputs& in, size_t si) {
  const Analysis& a = *in.analysis;
  const Span& sentence = a.sentences[si].span;
  for (const Actor& actor : a.actors) {
    if (actor.type != "person" && actor.type != "org") continue;
    for (const Mention& m : actor.mentions) {
      size_t gap = m.span.byte_start - std::min(m.span.byte_start, sentence.byte_start);
      bool opens = m.span.byte_start >= sentence.byte_start &&
                   (gap == 0 || in.original.substr(sentence.byte_start, gap) == "The ");
      if (opens && m.rule != "person.title-reference") return &actor;
    }
  }
  return nullptr;
}

std::optional<std::string> ResolveSpeaker(const ClaimInputs& in, const Span& speaker,
                                          std::string_view phrase,
                                          const std::vector<Span>& quotes) {
  auto quoted = [&](const Span& s) {
    return std::any_of(quotes.begin(), quotes.end(), [&](const Span& q) { return Inside(s, q); });
  };
  const Analysis& a = *in.analysis;
  std::string p = AsciiLower(phrase);
  // An indefinite speaker is somebody unnamed ("One Labour MP", "Critics of Mr Corbyn",
  // "Opposition councillors": its first word is in the rules' `map indefinite_speaker`): a party or
  // person inside it only describes them. It is an actor only when a group names it ("Labour MPs")
  // or an actor follows "for" / "of" after a role ("a spokesman for Mr Corbyn").
  bool indefinite = InLexicon(in.rules ? in.rules->lexicon("indefinite_speaker") : nullptr,
                              p.substr(0, p.find(' ')));
  // The phrase after its first word, where the words of `map speaks_for` stand.
  std::string_view rest = std::string_view(p).substr(std::min(p.find(' '), p.size()));
  // "Opposition Leader Marcus Feeney": a person named from the phrase's first word on,
  // title included, is no indefinite speaker.
  for (const Actor& actor : a.actors) {
    if (!indefinite || actor.type != "person") continue;
    for (const Mention& m : actor.mentions) {
      if (m.span.byte_start == speaker.byte_start && m.rule != "person.title-reference") {
        indefinite = false;
      }
    }
  }
  if (indefinite) {
    // "A Downing Street spokesperson", "a Tory spokesman", "a No10 source": a spokesperson
    // or source (the rules' `map speaks_for`) speaks for whom the phrase names; "Analysts at
    // Goldman Sachs", "a spokesman for Mr Corbyn" likewise.
    bool spokes = !FirstListedWord(in, "speaks_for", rest).empty();
    size_t for_at = p.find(" for "), at_at = p.find(" at ");
    size_t after = std::min(for_at, at_at);
    for (const Actor& actor : a.actors) {
      for (const Mention& m : actor.mentions) {
        if (!Overlaps(m.span, speaker)) continue;
        bool whole_group = actor.type == "group";
        bool after_for =
            after != std::string::npos && m.span.byte_start >= speaker.byte_start + after;
        if (whole_group || after_for || (spokes && actor.type != "place")) return actor.id;
      }
    }
    // "A council spokeswoman added": the council last named.
    if (spokes) {
      if (const Actor* named = LastNamedWith(a, FirstListedWord(in, "collective_noun", p), speaker))
        return named->id;
    }
    return std::nullopt;
  }
  // A name in the stretch up to the verb: the first person, who heads the phrase ("[Sir
  // Robert Lyle], chairman of the 1922 Committee, said"; "The union's general secretary,
  // [Maureen Talbot], said"), else the organisation or group nearest the verb. An aside
  // between commas only describes the subject ("[COSLA], the body for Scotland's councils,
  // said"), and a place speaks only when nothing else in the phrase can.
  // The aside is the last pair of commas before the verb ("Speaking in Birmingham, Mr
  // Hartley, the former minister, said"). A person heads the phrase unless an organisation
  // does (below); other actors outside the aside come before those in it, and a place last.
  std::string_view stretch = in.original.substr(std::min(speaker.byte_start, in.original.size()),
                                                speaker.byte_end - speaker.byte_start);
  size_t aside_end = stretch.rfind(',');
  size_t aside_begin = aside_end == std::string_view::npos || aside_end == 0
                           ? std::string_view::npos
                           : stretch.rfind(", ", aside_end - 1);
  bool has_aside = aside_begin != std::string_view::npos;
  // "[The Chicago Teachers Union], a key Whitfield ally, said": an organisation or group that
  // opens the phrase and runs up to the aside heads it, and a person in the aside only
  // describes it.
  bool org_heads = false;
  for (const Actor& actor : a.actors) {
    if (!has_aside || (actor.type != "org" && actor.type != "group")) continue;
    for (const Mention& m : actor.mentions) {
      if (m.span.byte_start >= speaker.byte_start && m.span.byte_start <= speaker.byte_start + 4 &&
          m.span.byte_end == speaker.byte_start + aside_begin) {
        org_heads = true;
      }
    }
  }
  auto rank = [&](const Actor& actor, const Mention& m) {
    size_t at = m.span.byte_start - std::min(m.span.byte_start, speaker.byte_start);
    bool in_aside = has_aside && at > aside_begin && at < aside_end;
    if (actor.type == "person") return org_heads && in_aside ? 3 : 0;
    return (in_aside ? 2 : 0) + (actor.type == "place" ? 2 : 1);
  };
  const Actor* best = nullptr;
  size_t best_end = 0, best_len = 0;
  int best_rank = 0;
  for (const Actor& actor : a.actors) {
    for (const Mention& m : actor.mentions) {
      if (!Overlaps(m.span, speaker)) continue;
      size_t len = m.span.byte_end - m.span.byte_start;
      int r = rank(actor, m);
      bool tie_better =
          actor.type == "person"
              ? m.span.byte_end < best_end
              : m.span.byte_end > best_end || (m.span.byte_end == best_end && len > best_len);
      if (best == nullptr || r < best_rank || (r == best_rank && tie_better)) {
        best = &actor;
        best_end = m.span.byte_end;
        best_len = len;
        best_rank = r;
      }
    }
  }
  // A definite role ("The former Labour leader, ... told") is not the party it names.
  // A role is "the" and a common noun; "the Office for National Statistics" is a name.
  size_t second_word = phrase.find(' ');
  bool role = (p.rfind("the ", 0) == 0 || p.rfind("his ", 0) == 0 || p.rfind("her ", 0) == 0) &&
              second_word != std::string_view::npos && second_word + 1 < phrase.size() &&
              std::islower(static_cast<unsigned char>(phrase[second_word + 1]));
  if (best != nullptr && !(role && best->type != "person")) return best->id;
  bool pronoun_person = p == "he" || p == "she";
  std::string noun = FirstListedWord(in, "collective_noun", p);
  bool collective = p == "they" || !noun.empty();
  if (collective && best != nullptr) return best->id;
  // "The council said": the organisation last named with that word ("Dublin City Council").
  if (const Actor* named = LastNamedWith(a, noun, speaker)) return named->id;
  role = role && !pronoun_person && !collective;
  if (!pronoun_person && !collective && !role) return std::nullopt;
  // A role ("the Senator") is the nearest compatible actor before it; a pronoun is the
  // subject of the most recent sentence that names one: its first such mention
  // ("[Smith] congratulated Corbyn ... He said" -> Smith).
  if (role) {
    std::string_view role = std::string_view(p).substr(p.find(' ') + 1);
    if (role.size() >= 4 && FirstListedWord(in, "speaks_for", role).empty()) {
      if (const Actor* holder = RoleHolder(in, role, speaker)) return holder->id;
    }
    const Actor* nearest = nullptr;
    size_t nearest_end = 0;
    for (const Actor& actor : a.actors) {
      if (actor.type != "person") continue;
      for (const Mention& m : actor.mentions) {
        if (m.span.byte_end <= speaker.byte_start && m.span.byte_end >= nearest_end &&
            !quoted(m.span)) {
          nearest = &actor;
          nearest_end = m.span.byte_end;
        }
      }
    }
    return nearest ? std::optional<std::string>(nearest->id) : std::nullopt;
  }
  size_t latest_sentence = SIZE_MAX;
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    if (a.sentences[si].span.byte_start < speaker.byte_start) latest_sentence = si;
  }
  for (size_t si = latest_sentence; si != SIZE_MAX; --si) {
    const Span& sentence = a.sentences[si].span;
    const Actor* first = nullptr;
    size_t first_start = SIZE_MAX;
    for (const Actor& actor : a.actors) {
      bool fits = collective ? (actor.type == "org" || actor.type == "group")
                             : actor.type == "person" && PronounFits(in, actor, p);
      if (!fits) continue;
      for (const Mention& m : actor.mentions) {
        if (Inside(m.span, sentence) && m.span.byte_end <= speaker.byte_start && !quoted(m.span) &&
            m.span.byte_start < first_start) {
          first = &actor;
          first_start = m.span.byte_start;
        }
      }
    }
    if (first != nullptr) return first->id;
  }
  return std::nullopt;
}

}  // namespace claimscan::internal
