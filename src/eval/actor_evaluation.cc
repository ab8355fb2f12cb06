#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <claimscan/article_reader.h>
#include <claimscan/evaluation.h>

namespace claimscan {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Item {
  std::string type;
  size_t start, end;
  size_t actor;
  std::string text;
};

bool Overlap(size_t a, size_t b, size_t c, size_t d) { return a < d && c < b; }

void Add(Counts* to, const Counts& c) {
  to->tp += c.tp;
  to->fp += c.fp;
  to->fn += c.fn;
}

}  // namespace

Result<std::vector<GoldActorArticle>> LoadActorGold(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(folder, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0) {
      files.push_back(e.path().string());
    }
  }
  if (ec) return Status::IoError(folder, ec.message());
  std::sort(files.begin(), files.end());
  std::vector<GoldActorArticle> out;
  for (const std::string& file : files) {
    std::string bytes;
    Status read = ReadWholeFile(file, &bytes);
    if (!read.ok()) return read;
    json j = json::parse(bytes, nullptr, false);
    if (j.is_discarded() || !j.contains("actors")) {
      return Status::InvalidInput(file, "expected a gold object with actors and claims");
    }
    GoldActorArticle g;
    g.path = file.substr(0, file.size() - 10) + ".txt";
    g.id = fs::relative(g.path, folder).generic_string();
    for (const json& a : j["actors"]) {
      GoldActor actor{a.value("type", ""), a.value("name", ""), {}};
      for (const json& m : a["mentions"]) {
        actor.mentions.push_back({m.value("start", size_t{0}), m.value("end", size_t{0}),
                                  m.value("text", ""), m.value("nominal", false)});
      }
      g.actors.push_back(std::move(actor));
    }
    for (const json& c : j.value("claims", json::array())) {
      GoldClaim claim;
      if (c["speaker"].is_string()) claim.speaker = c["speaker"].get<std::string>();
      claim.verb = c.value("verb", "");
      claim.verb_start = c.value("verb_start", size_t{0});
      claim.verb_end = c.value("verb_end", size_t{0});
      g.claims.push_back(std::move(claim));
    }
    out.push_back(std::move(g));
  }
  return out;
}

ActorScores ScoreActors(const std::vector<GoldActorArticle>& gold,
                        const std::map<std::string, Analysis>& predicted) {
  ActorScores scores;
  for (const GoldActorArticle& g : gold) {
    auto it = predicted.find(g.id);
    if (it == predicted.end()) continue;
    const Analysis& a = it->second;
    std::vector<Item> gold_items, nominal, pred_items;
    for (size_t i = 0; i < g.actors.size(); ++i) {
      for (const GoldMention& m : g.actors[i].mentions) {
        (m.nominal ? nominal : gold_items).push_back({g.actors[i].type, m.start, m.end, i, m.text});
      }
    }
    for (size_t i = 0; i < a.actors.size(); ++i) {
      for (const Mention& m : a.actors[i].mentions) {
        pred_items.push_back({a.actors[i].type, m.span.start, m.span.end, i, m.text});
      }
    }
    // Exact matches, and the pairs they make for merging.
    std::vector<int> pred_match(pred_items.size(), -1), gold_match(gold_items.size(), -1);
    for (size_t p = 0; p < pred_items.size(); ++p) {
      for (size_t q = 0; q < gold_items.size(); ++q) {
        const Item &x = pred_items[p], &y = gold_items[q];
        if (gold_match[q] < 0 && x.type == y.type && x.start == y.start && x.end == y.end) {
          pred_match[p] = static_cast<int>(q);
          gold_match[q] = static_cast<int>(p);
          break;
        }
      }
    }
    for (size_t q = 0; q < gold_items.size(); ++q) {
      const Item& y = gold_items[q];
      (gold_match[q] >= 0 ? scores.mentions[y.type].tp : scores.mentions[y.type].fn)++;
      if (gold_match[q] < 0) {
        std::string found;
        for (const Item& x : pred_items) {
          if (Overlap(x.start, x.end, y.start, y.end))
            found += " / found " + x.type + " '" + x.text + "'";
        }
        scores.mistakes.push_back(g.id + ": missed " + y.type + " '" + y.text + "'" + found);
      }
    }
    for (size_t p = 0; p < pred_items.size(); ++p) {
      if (pred_match[p] >= 0) continue;
      const Item& x = pred_items[p];
      bool is_nominal = std::any_of(nominal.begin(), nominal.end(), [&](const Item& n) {
        return n.start == x.start && n.end == x.end;
      });
      if (is_nominal) continue;
      scores.mentions[x.type].fp++;
      bool near = std::any_of(gold_items.begin(), gold_items.end(), [&](const Item& y) {
        return Overlap(x.start, x.end, y.start, y.end);
      });
      if (!near) scores.mistakes.push_back(g.id + ": spurious " + x.type + " '" + x.text + "'");
    }
    // Overlapping matches, one to one.
    std::vector<bool> used(gold_items.size());
    size_t overlap_tp = 0;
    for (const Item& x : pred_items) {
      for (size_t q = 0; q < gold_items.size(); ++q) {
        const Item& y = gold_items[q];
        if (!used[q] && x.type == y.type && Overlap(x.start, x.end, y.start, y.end)) {
          used[q] = true;
          ++overlap_tp;
          break;
        }
      }
    }
    scores.mentions_overlap.tp += overlap_tp;
    scores.mentions_overlap.fn += gold_items.size() - overlap_tp;
    scores.mentions_overlap.fp += pred_items.size() - std::min(pred_items.size(), overlap_tp);
    // Merging: every pair of exactly matched mentions.
    std::vector<std::pair<size_t, size_t>> matched;  // (gold actor, predicted actor)
    for (size_t q = 0; q < gold_items.size(); ++q) {
      if (gold_match[q] >= 0)
        matched.emplace_back(gold_items[q].actor, pred_items[gold_match[q]].actor);
    }
    for (size_t i = 0; i < matched.size(); ++i) {
      for (size_t j = i + 1; j < matched.size(); ++j) {
        bool gold_same = matched[i].first == matched[j].first;
        bool pred_same = matched[i].second == matched[j].second;
        if (gold_same && pred_same) ++scores.merging.tp;
        if (!gold_same && pred_same) ++scores.merging.fp;
        if (gold_same && !pred_same) ++scores.merging.fn;
      }
    }
    // Attribution. A predicted actor stands for the gold actor it shares most mentions with.
    std::map<std::string, std::string> gold_name_of;  // predicted actor id -> gold name
    for (const Actor& actor : a.actors) {
      std::map<size_t, size_t> votes;
      for (const Mention& m : actor.mentions) {
        for (size_t i = 0; i < g.actors.size(); ++i) {
          for (const GoldMention& gm : g.actors[i].mentions) {
            if (Overlap(m.span.start, m.span.end, gm.start, gm.end)) ++votes[i];
          }
        }
      }
      size_t best = 0, best_i = 0;
      for (const auto& [i, n] : votes) {
        if (n > best) best = n, best_i = i;
      }
      if (best > 0) gold_name_of[actor.id] = g.actors[best_i].name;
    }
    std::set<std::tuple<size_t, size_t, std::string>> gold_claims;
    for (const GoldClaim& c : g.claims) {
      gold_claims.insert({c.verb_start, c.verb_end, c.speaker.value_or("")});
    }
    // One attribution per reporting verb: the sentences of a long quote share theirs.
    std::vector<const Claim*> pred_claims;
    std::set<std::pair<size_t, size_t>> seen_verbs;
    for (const Claim& c : a.claims) {
      if (c.verb_span && seen_verbs.insert({c.verb_span->start, c.verb_span->end}).second) {
        pred_claims.push_back(&c);
      }
    }
    std::vector<bool> claim_used(pred_claims.size()), verb_used(pred_claims.size());
    for (const auto& [vs, ve, speaker] : gold_claims) {
      bool verb_hit = false, hit = false;
      std::string got = "none";
      for (size_t p = 0; p < pred_claims.size(); ++p) {
        const Claim& c = *pred_claims[p];
        if (!Overlap(c.verb_span->start, c.verb_span->end, vs, ve)) continue;
        if (!verb_hit && !verb_used[p]) verb_used[p] = verb_hit = true;
        std::string name = c.speaker ? (gold_name_of.count(*c.speaker) ? gold_name_of[*c.speaker]
                                                                       : "?" + *c.speaker)
                                     : "";
        got = name.empty() ? "null" : name;
        if (!claim_used[p] && name == speaker) {
          claim_used[p] = hit = true;
          break;
        }
      }
      (verb_hit ? scores.verbs.tp : scores.verbs.fn)++;
      (hit ? scores.attribution.tp : scores.attribution.fn)++;
      if (!hit) {
        scores.mistakes.push_back(g.id + ": attribution at " + std::to_string(vs) + " wants '" +
                                  speaker + "', got " + got);
      }
    }
    for (size_t p = 0; p < pred_claims.size(); ++p) {
      if (!verb_used[p]) {
        ++scores.verbs.fp;
        scores.mistakes.push_back(g.id + ": spurious attribution '" + pred_claims[p]->verb +
                                  "' at " + std::to_string(pred_claims[p]->verb_span->start));
      }
      if (!claim_used[p]) ++scores.attribution.fp;
    }
  }
  for (const auto& [type, c] : scores.mentions) Add(&scores.mentions_all, c);
  return scores;
}

std::string FormatActorScores(const ActorScores& s) {
  std::ostringstream out;
  char line[200];
  auto row = [&](const std::string& what, const Counts& c) {
    std::snprintf(line, sizeof line, "%-22s %5zu %5zu | %6.3f %6.3f %6.3f\n", what.c_str(),
                  c.tp + c.fn, c.tp + c.fp, c.Precision(), c.Recall(), c.F1());
    out << line;
  };
  std::snprintf(line, sizeof line, "%-22s %5s %5s | %6s %6s %6s\n", "", "gold", "pred", "P", "R",
                "F1");
  out << line;
  for (const auto& [type, c] : s.mentions) row("mentions " + type, c);
  row("mentions (exact)", s.mentions_all);
  row("mentions (overlap)", s.mentions_overlap);
  row("merging (pairs)", s.merging);
  row("reporting verbs", s.verbs);
  row("attribution", s.attribution);
  return out.str();
}

}  // namespace claimscan
