#include <algorithm>
#include <cctype>
#include <map>

#include <claimscan/actor_resolver.h>

#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace {

std::string Slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

size_t WordCount(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// True when `shorter` is the last word(s) of `full`: "corbyn" of "jeremy corbyn".
bool IsTailOf(const std::string& shorter, const std::string& full) {
  return full.size() > shorter.size() + 1 &&
         full.compare(full.size() - shorter.size(), shorter.size(), shorter) == 0 &&
         full[full.size() - shorter.size() - 1] == ' ';
}

// Place rules below this priority read a place from its context alone ("in [Macon]").
constexpr int kGuessedPlace = 5;

struct Entry {
  std::string name;
  std::string key;
  bool canonical = false;
  std::map<std::string, int> type_strength;
  std::string first_type;
  std::vector<Mention> mentions;
};

}  // namespace

std::vector<Actor> ResolveActors(std::vector<MentionCandidate> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const MentionCandidate& a, const MentionCandidate& b) {
                     return a.mention.span.byte_start < b.mention.span.byte_start;
                   });
  // Fullest names first, so that a surname met before the full name still finds it.
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (candidates[a].canonical != candidates[b].canonical) return candidates[a].canonical;
    return WordCount(candidates[a].name) > WordCount(candidates[b].name);
  });
  std::vector<Entry> entries;
  for (size_t i : order) {
    const MentionCandidate& c = candidates[i];
    std::string key = AsciiLower(c.name);
    Entry* target = nullptr;
    for (Entry& e : entries) {
      if (e.key == key) {
        target = &e;
        break;
      }
    }
    // A place guessed only from its context ("confidence in [Okafor]", rule priority below
    // kGuessedPlace) that is a named person's surname is that person.
    bool guessed_place = c.type == "place" && c.strength < kGuessedPlace;
    if (target == nullptr && (c.type == "person" || guessed_place) && !c.canonical) {
      for (Entry& e : entries) {
        if (e.type_strength.count("person") && IsTailOf(key, e.key)) {
          target = &e;
          break;
        }
      }
    }
    if (target == nullptr) {
      entries.push_back({c.name, key, c.canonical, {}, c.type, {}});
      target = &entries.back();
    }
    int& strength = target->type_strength[c.type];
    strength = std::max(strength, c.strength + 1);
    target->mentions.push_back(c.mention);
  }
  std::vector<Actor> actors;
  std::map<std::string, int> used_ids;
  for (Entry& e : entries) {
    std::sort(e.mentions.begin(), e.mentions.end(), [](const Mention& a, const Mention& b) {
      return a.span.byte_start < b.span.byte_start;
    });
    Actor a;
    a.name = e.name;
    a.type = e.first_type;
    int best = -1;
    for (const auto& [type, strength] : e.type_strength) {
      if (strength > best || (strength == best && type == e.first_type)) {
        best = strength;
        a.type = type;
      }
    }
    a.mentions = std::move(e.mentions);
    actors.push_back(std::move(a));
  }
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    return a.mentions.front().span.byte_start < b.mentions.front().span.byte_start;
  });
  for (Actor& a : actors) {
    std::string id = a.type + ":" + Slug(a.name);
    int n = ++used_ids[id];
    a.id = n == 1 ? id : id + "-" + std::to_string(n);
  }
  return actors;
}

}  // namespace claimscan
