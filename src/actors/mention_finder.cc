#include "actors/mention_finder.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "actors/title_holder.h"
#include "common/ascii.h"
#include "rules/rule_file_parser.h"

namespace claimscan::internal {
namespace {

// "We've", "I'm", "They’re", "Don't": a word ending in an apostrophe and one of `clitics`
// (the rules' `map clitic`) is a pronoun or verb with its clitic, never a name (O'Brien and
// D'Souza capitalise after the apostrophe).
bool IsContraction(std::string_view word, const Lexicon* clitics) {
  if (clitics == nullptr) return false;
  for (std::string_view mark : {"'", "\xE2\x80\x99"}) {
    size_t at = word.rfind(mark);
    if (at == std::string_view::npos || at == 0) continue;
    if (clitics->count(AsciiLower(word.substr(at + mark.size()))) > 0) return true;
  }
  return false;
}

std::string LastWord(std::string_view name) {
  size_t space = name.rfind(' ');
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

bool Covered(const std::vector<PendingMention>& mentions, size_t begin, size_t end) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const PendingMention& m) { return m.begin < end && begin < m.end; });
}

}  // namespace

void AddSurnameMentions(std::string_view norm, const std::function<bool(size_t)>& is_boundary,
                        std::vector<PendingMention>* mentions) {
  std::set<std::string> surnames;
  for (const PendingMention& m : *mentions) {
    const std::string& name = m.candidate.name;
    if (m.candidate.type != "person" || name.find(' ') == std::string::npos) continue;
    std::string last = LastWord(name);
    // "Lord Kinnock" is its own name; "J." or "Jr" are not surnames.
    if (last.size() < 3 || !std::isupper(static_cast<unsigned char>(last[0]))) continue;
    surnames.insert(last);
  }
  std::vector<PendingMention> added;
  for (const std::string& surname : surnames) {
    for (size_t at = norm.find(surname); at != std::string_view::npos;
         at = norm.find(surname, at + 1)) {
      size_t end = at + surname.size();
      if (!is_boundary(at) || !(is_boundary(end) || norm.compare(end, 2, "'s") == 0)) continue;
      if (Covered(*mentions, at, end) || Covered(added, at, end)) continue;
      PendingMention m;
      m.candidate.type = "person";
      m.candidate.name = surname;
      m.candidate.mention.rule = "person.surname-reference";
      m.begin = at;
      m.end = end;
      added.push_back(std::move(m));
    }
  }
  // Only surnames that come after the full name, or that the full name explains anyway:
  // the resolver merges them into the person by surname.
  for (PendingMention& m : added) mentions->push_back(std::move(m));
}

void AddSpeakerMentions(std::string_view norm, const std::vector<SentenceRange>& sentences,
                        const std::vector<std::vector<RuleMatch>>& cues, const RuleSet& rules,
                        std::vector<PendingMention>* mentions) {
  const Lexicon* org_suffixes = rules.lexicon("org_suffix");
  const Lexicon* not_names = rules.lexicon("not_name");
  const Lexicon* clitics = rules.lexicon("clitic");
  const Lexicon* name_particles = rules.lexicon("name_particle");
  const Lexicon* post_nominals = rules.lexicon("post_nominal");
  // A phrase [begin, end) that may be a speaker's name; adds it as a mention if it is one.
  auto consider = [&](size_t begin, size_t end) {
    std::string_view phrase = norm.substr(begin, end - begin);
    size_t phrase_begin = begin;
    // "Sinn Féin's Ciara McGuinness": the name after the possessive.
    size_t possessive = phrase.rfind("'s ");
    if (possessive != std::string_view::npos) {
      phrase_begin += possessive + 3;
      phrase.remove_prefix(possessive + 3);
    }
    // "The United Steelworkers union": the name between the article and a common noun.
    bool org_noun = false, article = false;
    for (std::string_view the : {"The ", "the "}) {
      if (phrase.substr(0, the.size()) == the) {
        phrase.remove_prefix(the.size());
        phrase_begin += the.size();
        article = true;
      }
    }
    size_t last_space = phrase.rfind(' ');
    if (last_space != std::string_view::npos &&
        std::islower(static_cast<unsigned char>(phrase[last_space + 1]))) {
      static const std::set<std::string_view> kOrgNouns = {
          "union",      "party",    "group",  "company",   "firm",
          "council",    "campaign", "agency", "regulator", "watchdog",
          "department", "ministry", "bank",   "committee", "charity"};
      org_noun = kOrgNouns.count(phrase.substr(last_space + 1)) > 0;
      if (!org_noun) return;
      phrase = phrase.substr(0, last_space);
    }
    // Words, all capitalised: "Anas Sarwar", not "the minister" or "Scottish Labour leader".
    std::vector<std::string> words;
    size_t start = 0;
    while (start < phrase.size()) {
      size_t space = phrase.find(' ', start);
      if (space == std::string_view::npos) space = phrase.size();
      words.emplace_back(phrase.substr(start, space - start));
      start = space + 1;
    }
    // One word may do ("Smith has accused"): a name that speaks and no rule knows; but
    // "the Senator" is a role, not a name.
    // Letters after the name are no part of it: "Rhun Llewelyn-Parry MS", "Jane Doe KC".
    if (words.size() > 1 && InLexicon(post_nominals, words.back())) {
      phrase = phrase.substr(0, phrase.size() - words.back().size() - 1);
      words.pop_back();
    }
    // Particles inside a person's name ("Thandiwe van der Berg", "Inés García de la
    // Fuente") are neither words of their own nor lower-case words that end a name.
    size_t particles = 0;
    for (size_t i = 1; i + 1 < words.size(); ++i) {
      if (InLexicon(name_particles, words[i]) &&
          std::islower(static_cast<unsigned char>(words[i][0]))) {
        ++particles;
        words[i] = "Particle";  // checked as a capitalised word below
      }
    }
    size_t counted = words.size() - particles;
    if (words.empty() || counted > 4 || (article && !org_noun && words.size() == 1)) return;
    // Connectors inside a name: "Transport for Wales", "Bank of England" (organisations).
    bool connector = false;
    for (size_t i = 1; i + 1 < words.size(); ++i) {
      if (words[i] == "for" || words[i] == "of" || words[i] == "and") {
        connector = true;
        words[i] = "For";  // checked as a capitalised word below
      }
    }
    // Each word capitalised (or a non-ASCII capital, as in "Ó Dálaigh"), none of them a
    // word that only looks like a name, and at least one with lower-case letters.
    bool names = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      unsigned char c = static_cast<unsigned char>(w[0]);
      return (std::isupper(c) || c >= 0x80) && !InLexicon(not_names, w) &&
             !IsContraction(w, clitics);
    });
    names = names && std::any_of(words.begin(), words.end(), [](const std::string& w) {
              return w.size() >= 2 && std::any_of(w.begin(), w.end(), [](char c) {
                       return std::islower(static_cast<unsigned char>(c));
                     });
            });
    size_t phrase_end = phrase_begin + phrase.size();
    if (!names || Covered(*mentions, phrase_begin, phrase_end)) return;
    PendingMention p;
    bool org = org_noun || connector || InLexicon(org_suffixes, words.back());
    p.candidate.type = org ? "org" : "person";
    p.candidate.name = std::string(phrase);
    p.candidate.mention.rule = org ? "org.speaker" : "person.speaker";
    p.begin = phrase_begin;
    p.end = phrase_end;
    mentions->push_back(std::move(p));
  };
  for (size_t si = 0; si < cues.size() && si < sentences.size(); ++si) {
    for (const RuleMatch& m : cues[si]) {
      const GroupRange* speaker = m.group("speaker");
      const GroupRange* verb = m.group("verb");
      if (speaker == nullptr) continue;
      consider(speaker->begin, speaker->end);
      // The aside between speaker and verb: "The outgoing co-leader, [Siân Rowlands], said".
      if (verb != nullptr && verb->begin > speaker->end) {
        std::string_view aside = norm.substr(speaker->end, verb->begin - speaker->end);
        size_t open = aside.find(", ");
        size_t close = aside.find(',', open == std::string_view::npos ? 0 : open + 2);
        if (open == 0 && close != std::string_view::npos) {
          consider(speaker->end + 2, speaker->end + close);
        }
      }
    }
  }
}

void AddTitleReferences(std::string_view norm, const Lexicon* titles, const Lexicon* not_holder,
                        const std::function<bool(size_t)>& is_boundary,
                        std::vector<PendingMention>* mentions) {
  if (titles == nullptr) return;
  std::vector<PersonSpan> people;
  std::vector<size_t> person_index;
  for (size_t i = 0; i < mentions->size(); ++i) {
    if ((*mentions)[i].candidate.type != "person") continue;
    people.push_back({(*mentions)[i].begin, (*mentions)[i].end});
    person_index.push_back(i);
  }
  // Where "the " or "The " comes before a capital: the only places a reference can start.
  // Found in one pass, rather than searching the whole text once for each title.
  std::vector<size_t> starts;
  for (size_t he = norm.find("he ", 1); he != std::string_view::npos;
       he = norm.find("he ", he + 1)) {
    if ((norm[he - 1] == 't' || norm[he - 1] == 'T') && he + 3 < norm.size() &&
        std::isupper(static_cast<unsigned char>(norm[he + 3]))) {
      starts.push_back(he - 1);
    }
  }
  std::vector<PendingMention> added;
  for (const auto& [key, title] : *titles) {
    // The canonical title as written ("Senator", "Prime Minister"): capitalised only, so
    // that the common noun ("the senator from Ohio") stays out.
    if (title.empty() || !std::isupper(static_cast<unsigned char>(title[0]))) continue;
    for (std::string_view the : {"the ", "The "}) {
      for (size_t at : starts) {
        if (norm.compare(at, the.size(), the) != 0 ||
            norm.compare(at + the.size(), title.size(), title) != 0) {
          continue;
        }
        size_t end = at + the.size() + title.size();
        if (!is_boundary(at) || !(is_boundary(end) || norm.compare(end, 2, "'s") == 0)) continue;
        // Followed by a name, it is a title, not a reference: "the Senator Bernie Sanders".
        if (end + 1 < norm.size() && norm[end] == ' ' &&
            std::isupper(static_cast<unsigned char>(norm[end + 1]))) {
          continue;
        }
        if (Covered(*mentions, at, end) || Covered(added, at, end)) continue;
        // The holder (see TitleHolder), else the nearest person named before.
        std::optional<size_t> holder = TitleHolder(norm, title, at, end, people, not_holder);
        const PendingMention* nearest = holder ? &(*mentions)[person_index[*holder]] : nullptr;
        for (size_t i = 0; holder == std::nullopt && i < people.size(); ++i) {
          const PendingMention& m = (*mentions)[person_index[i]];
          if (m.end <= at && (nearest == nullptr || m.end > nearest->end)) nearest = &m;
        }
        if (nearest == nullptr) continue;
        PendingMention p;
        p.candidate.type = "person";
        p.candidate.name = nearest->candidate.name;
        p.candidate.canonical = nearest->candidate.canonical;
        p.candidate.mention.rule = "person.title-reference";
        p.begin = at;
        p.end = end;
        added.push_back(std::move(p));
      }
    }
  }
  for (PendingMention& m : added) mentions->push_back(std::move(m));
}

void DropHeadlineOnlyMentions(std::vector<PendingMention>* mentions) {
  std::set<std::string> body_names;
  for (const PendingMention& m : *mentions) {
    if (m.headline) continue;
    body_names.insert(AsciiLower(m.candidate.name));
    if (m.candidate.type == "person") body_names.insert(AsciiLower(LastWord(m.candidate.name)));
  }
  mentions->erase(std::remove_if(mentions->begin(), mentions->end(),
                                 [&](const PendingMention& m) {
                                   if (!m.headline || m.candidate.canonical) return false;
                                   if (body_names.count(AsciiLower(m.candidate.name))) return false;
                                   // "Jeremy Corbyn" in the headline, "Corbyn" in the body.
                                   return m.candidate.type != "person" ||
                                          m.candidate.name.find(' ') == std::string::npos ||
                                          !body_names.count(AsciiLower(LastWord(m.candidate.name)));
                                 }),
                  mentions->end());
}

}  // namespace claimscan::internal
