#include <algorithm>

#include <re2/re2.h>

#include <claimscan/rule_matcher.h>

namespace claimscan {

const GroupRange* RuleMatch::group(std::string_view name) const {
  for (const GroupRange& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

// Whether the text before `at` in `sentence` ends with a match of `before` (a rule's
// `not_after:`). Only the last few words count, so a long sentence costs no more.
static bool Follows(std::string_view sentence, size_t at, const RE2& before) {
  constexpr size_t kReach = 80;
  size_t from = at > kReach ? at - kReach : 0;
  while (from > 0 && (static_cast<unsigned char>(sentence[from]) & 0xC0) == 0x80) --from;
  return RE2::PartialMatch(re2::StringPiece(sentence.data() + from, at - from), before);
}

RuleMatcher::RuleMatcher(const RuleSet& rules) : rules_(rules) {
  named_groups_.resize(rules.pattern_count());
  for (size_t i = 0; i < rules.pattern_count(); ++i) {
    for (const auto& [name, index] : rules.pattern(i).NamedCapturingGroups()) {
      named_groups_[i].emplace_back(index, name);
    }
  }
}

std::vector<RuleMatch> RuleMatcher::FindAll(std::string_view text, size_t begin, size_t end,
                                            const std::function<bool(size_t)>& is_boundary,
                                            bool full_scan) {
  std::vector<RuleMatch> out;
  // Patterns see the sentence alone, so ^ and $ anchor to the sentence's ends.
  std::string_view sentence = text.substr(begin, end - begin);
  re2::StringPiece piece(sentence.data(), sentence.size());
  if (full_scan) {
    fired_.resize(rules_.pattern_count());
    for (size_t i = 0; i < fired_.size(); ++i) fired_[i] = static_cast<int>(i);
  } else {
    rules_.Prefilter(sentence, &fired_);
    std::sort(fired_.begin(), fired_.end());
  }
  for (int p : fired_) {
    const RE2& re = rules_.pattern(static_cast<size_t>(p));
    const RE2* not_after = rules_.not_after(rules_.pattern_rule(static_cast<size_t>(p)));
    int nsub = 1 + re.NumberOfCapturingGroups();
    submatches_.resize(static_cast<size_t>(nsub));
    size_t pos = 0;
    while (pos < sentence.size() &&
           re.Match(piece, pos, sentence.size(), RE2::UNANCHORED, submatches_.data(), nsub)) {
      size_t mb = static_cast<size_t>(submatches_[0].data() - sentence.data());
      size_t me = mb + submatches_[0].size();
      if (me == mb || !is_boundary(begin + mb) || !is_boundary(begin + me) ||
          (not_after != nullptr && Follows(sentence, mb, *not_after))) {
        // Retry from the next character: a shorter or later match may still align.
        pos = mb + 1;
        while (pos < sentence.size() &&
               (static_cast<unsigned char>(sentence[pos]) & 0xC0) == 0x80) {
          ++pos;
        }
        continue;
      }
      RuleMatch m;
      m.rule = rules_.pattern_rule(static_cast<size_t>(p));
      m.begin = begin + mb;
      m.end = begin + me;
      for (const auto& [index, name] : named_groups_[static_cast<size_t>(p)]) {
        const re2::StringPiece& g = submatches_[static_cast<size_t>(index)];
        if (g.data() == nullptr) continue;
        size_t gb = begin + static_cast<size_t>(g.data() - sentence.data());
        m.groups.push_back({name, gb, gb + g.size()});
      }
      out.push_back(std::move(m));
      pos = me;
    }
  }
  rules_.FindGazetteerEntries(sentence, &gazetteer_hits_);
  for (const RuleSet::GazetteerHit& h : gazetteer_hits_) {
    if (!is_boundary(begin + h.begin) || !is_boundary(begin + h.end)) continue;
    RuleMatch m;
    m.rule = h.rule;
    m.begin = begin + h.begin;
    m.end = begin + h.end;
    m.groups.push_back({"name", m.begin, m.end});
    out.push_back(std::move(m));
  }
  return out;
}

// The part of a match that competes in overlaps: the reported span (`fig`, through `fig2`
// for splits) when the pattern also matches context around it, else the whole match.
static std::pair<size_t, size_t> Competing(const RuleMatch& m) {
  const GroupRange* fig = m.group("fig");
  if (fig == nullptr) return {m.begin, m.end};
  const GroupRange* fig2 = m.group("fig2");
  return {fig->begin, fig2 ? fig2->end : fig->end};
}

std::vector<RuleMatch> RuleMatcher::Resolve(std::vector<RuleMatch> matches) const {
  const std::vector<Rule>& rules = rules_.rules();
  std::stable_sort(matches.begin(), matches.end(), [&](const RuleMatch& a, const RuleMatch& b) {
    auto [ab, ae] = Competing(a);
    auto [bb, be] = Competing(b);
    if (ae - ab != be - bb) return ae - ab > be - bb;
    if (rules[a.rule].priority != rules[b.rule].priority) {
      return rules[a.rule].priority > rules[b.rule].priority;
    }
    // The same figure read with more context ("fell 3%") says more than without it.
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (ab != bb) return ab < bb;
    return a.rule < b.rule;
  });
  std::vector<RuleMatch> kept;
  for (RuleMatch& m : matches) {
    Dimension d = rules[m.rule].dimension;
    const auto [mb, me] = Competing(m);
    const size_t m_begin = mb, m_end = me;
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const RuleMatch& k) {
      auto [kb, ke] = Competing(k);
      return rules[k.rule].dimension == d && kb < m_end && m_begin < ke;
    });
    if (!overlaps) kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(), [&](const RuleMatch& a, const RuleMatch& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.rule < b.rule;
  });
  return kept;
}

}  // namespace claimscan
