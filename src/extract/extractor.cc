#include <claimscan/about_finder.h>
#include <claimscan/actor_resolver.h>
#include <claimscan/extractor.h>
#include <claimscan/figure_builder.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/segmenter.h>
#include <claimscan/text_normaliser.h>

#include "actors/mention_finder.h"
#include "claims/claim_linker.h"
#include "figures/elided_units.h"
#include "figures/shared_currency.h"
#include "rules/rule_file_parser.h"

namespace claimscan {

struct Extractor::Impl {
  std::shared_ptr<const RuleSet> rules;
  ExtractorOptions options;
  Segmenter segmenter;
  NumberParser numbers;
  RuleMatcher matcher;
  FigureBuilder figures;
  AboutFinder about;
  internal::SharedCurrencyResolver shared_currencies;

  Impl(std::shared_ptr<const RuleSet> r, const ExtractorOptions& o, Segmenter s, NumberParser n)
      : rules(std::move(r)),
        options(o),
        segmenter(std::move(s)),
        numbers(std::move(n)),
        matcher(*rules),
        figures(*rules, numbers),
        about(*rules),
        shared_currencies(rules->lexicon("shared_currency"), rules->lexicon("currency")) {}

  MentionCandidate ToMention(const RuleMatch& m, const Rule& rule, std::string_view norm);
};

MentionCandidate Extractor::Impl::ToMention(const RuleMatch& m, const Rule& rule,
                                            std::string_view norm) {
  MentionCandidate c;
  c.type = rule.kind;
  c.strength = rule.priority;
  const GroupRange* name = m.group("name");
  c.name = name ? std::string(norm.substr(name->begin, name->end - name->begin))
                : std::string(norm.substr(m.begin, m.end - m.begin));
  auto fixed = rule.fixed.find("name");
  if (fixed != rule.fixed.end()) {
    // "@lexicon": the gazetteer maps each surface form to its canonical name.
    if (!fixed->second.empty() && fixed->second[0] == '@') {
      if (const Lexicon* lex = rules->lexicon(std::string_view(fixed->second).substr(1))) {
        auto it = lex->find(internal::LexiconKey(c.name));
        if (it != lex->end()) {
          c.name = it->second;
          c.canonical = true;
        }
      }
    } else {
      c.name = fixed->second;
      c.canonical = true;
    }
  }
  c.mention.rule = rule.id;
  return c;
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::Create(std::shared_ptr<const RuleSet> rules,
                                    const ExtractorOptions& options) {
  Result<Segmenter> segmenter = Segmenter::Create(options.locale.c_str());
  if (!segmenter.ok()) return segmenter.status();
  Result<NumberParser> numbers = NumberParser::Create(options.locale);
  if (!numbers.ok()) return numbers.status();
  return Extractor(std::make_unique<Impl>(std::move(rules), options, std::move(segmenter).value(),
                                          std::move(numbers).value()));
}

Result<Extractor> Extractor::Clone() const { return Create(impl_->rules, impl_->options); }

const RuleSet& Extractor::rules() const { return *impl_->rules; }

Result<Analysis> Extractor::Extract(const Article& article) {
  Impl& d = *impl_;
  const std::string& original = article.text;
  Analysis out;
  out.id = article.id;
  out.title = article.title;
  out.meta = article.meta;
  out.bytes = original.size();

  NormalisedText norm = TextNormaliser::Normalise(original);
  const OffsetMap& offsets = norm.offsets;
  out.code_points = offsets.CodePoint(original, original.size());
  if (norm.invalid_bytes > 0) {
    out.warnings.push_back("invalid UTF-8 at byte " + std::to_string(norm.first_invalid_byte) +
                           ": " + std::to_string(norm.invalid_bytes) +
                           " byte(s) replaced by U+FFFD");
  }
  if (norm.nul_bytes > 0) {
    out.warnings.push_back(std::to_string(norm.nul_bytes) + " NUL byte(s) in text");
  }
  auto to_original = [&](size_t begin, size_t end) {
    return offsets.ToOriginal(original, begin, end);
  };
  auto slice = [&](const Span& s) {
    return original.substr(s.byte_start, s.byte_end - s.byte_start);
  };

  d.segmenter.SetText(norm.text);
  std::vector<SentenceRange> ranges = d.segmenter.Sentences();
  // The reference path: every token edge of the text, known before any rule runs.
  std::vector<bool> token_edges;
  if (d.options.full_tokenisation) {
    token_edges.assign(norm.text.size() + 1, false);
    token_edges[0] = token_edges[norm.text.size()] = true;
    for (const Token& t : d.segmenter.Tokens(0, norm.text.size())) {
      token_edges[t.begin] = token_edges[t.end] = true;
    }
  }
  auto word_boundary = [&](size_t offset) {
    if (!token_edges.empty()) return offset >= norm.text.size() || token_edges[offset];
    return d.segmenter.IsWordBoundary(offset);
  };
  // ICU keeps a possessive inside its word ("Corbyn's"); a match may end before the "'s".
  auto boundary = [&](size_t offset) {
    if (word_boundary(offset)) return true;
    return offset + 2 <= norm.text.size() && norm.text[offset] == '\'' &&
           (norm.text[offset + 1] == 's' || norm.text[offset + 1] == 'S') &&
           word_boundary(offset + 2);
  };
  std::vector<internal::PendingMention> pending;
  const std::vector<Rule>& rules = d.rules->rules();
  std::vector<std::vector<RuleMatch>> cues(ranges.size());
  size_t splits = 0;

  for (size_t si = 0; si < ranges.size(); ++si) {
    const SentenceRange& range = ranges[si];
    Sentence sentence;
    sentence.span = to_original(range.begin, range.end);
    sentence.paragraph = range.paragraph;
    sentence.headline =
        article.title_byte_end.has_value() && sentence.span.byte_start < *article.title_byte_end;
    out.sentences.push_back(sentence);

    // Figures are built before overlaps are settled, so that a match whose value cannot
    // be read (a "range" whose ends are not in order, say) leaves room for the others.
    std::vector<RuleMatch> found =
        d.matcher.FindAll(norm.text, range.begin, range.end, boundary, d.options.full_scan);
    std::vector<std::vector<Figure>> built(found.size());
    std::vector<RuleMatch> viable;
    for (size_t i = 0; i < found.size(); ++i) {
      const Rule& rule = rules[found[i].rule];
      if (rule.dimension == Dimension::kFigure && rule.kind != "ignore") {
        built[i] = d.figures.Build(found[i], norm.text);
        if (built[i].empty()) continue;
      }
      found[i].tag = i;
      viable.push_back(std::move(found[i]));
    }
    std::vector<Token> tokens;  // the sentence's words, made only when a figure needs them
    size_t first_figure = out.figures.size();
    for (const RuleMatch& m : d.matcher.Resolve(std::move(viable))) {
      const Rule& rule = rules[m.rule];
      if (rule.dimension == Dimension::kFigure) {
        std::vector<Figure>& figures = built[m.tag];  // empty for `ignore`: it only blocks
        const bool split = !figures.empty() && figures[0].split.has_value();
        for (size_t side = 0; side < figures.size(); ++side) {
          Figure& f = figures[side];
          const GroupRange* fig = m.group(side == 0 ? "fig" : "fig2");
          size_t fb = fig ? fig->begin : m.begin, fe = fig ? fig->end : m.end;
          if (tokens.empty()) tokens = d.segmenter.Tokens(range.begin, range.end);
          if (auto about = d.about.Find(norm.text, tokens, fb, fe, f.kind)) {
            f.about_span = to_original(about->first, about->second);
            f.about = std::string(slice(*f.about_span));
          }
          f.span = to_original(fb, fe);
          f.text = std::string(slice(f.span));
          f.sentence = si;
          if (split) f.split = splits;  // the builder marks a split's figures
          out.figures.push_back(std::move(f));
        }
        if (split) ++splits;
      } else if (rule.dimension == Dimension::kActor) {
        if (rule.kind == "not_actor") continue;
        const GroupRange* fig = m.group("fig");
        internal::PendingMention p;
        p.candidate = d.ToMention(m, rule, norm.text);
        p.begin = fig ? fig->begin : m.begin;
        p.end = fig ? fig->end : m.end;
        // "The Socialist Campaign Group" is the Socialist Campaign Group; a gazetteer says
        // where "The" belongs to the name ("The Guardian").
        if (!p.candidate.canonical && norm.text.compare(p.begin, 4, "The ") == 0 &&
            p.end > p.begin + 4) {
          p.begin += 4;
          if (p.candidate.name.rfind("The ", 0) == 0) p.candidate.name.erase(0, 4);
        }
        p.headline = sentence.headline;
        pending.push_back(std::move(p));
        // A party inside a group is a mention of the party too: "[Labour] MPs".
        if (const GroupRange* org = m.group("org")) {
          const Lexicon* lex = d.rules->lexicon("org");
          auto canonical = lex ? lex->find(internal::LexiconKey(
                                     norm.text.substr(org->begin, org->end - org->begin)))
                               : Lexicon::const_iterator();
          if (lex && canonical != lex->end()) {
            internal::PendingMention nested;
            nested.candidate.type = "org";
            nested.candidate.name = canonical->second;
            nested.candidate.canonical = true;
            nested.candidate.strength = rule.priority;
            nested.candidate.mention.rule = rule.id;
            nested.begin = org->begin;
            nested.end = org->end;
            nested.headline = sentence.headline;
            pending.push_back(std::move(nested));
          }
        }
      } else {
        cues[si].push_back(m);
      }
    }
    internal::ReadElidedUnits(original, &out.figures, first_figure);
  }
  d.shared_currencies.Resolve(original, out.sentences, &out.figures);
  internal::AddSpeakerMentions(norm.text, ranges, cues, *d.rules, &pending);
  internal::AddSurnameMentions(norm.text, boundary, &pending);
  internal::AddTitleReferences(norm.text, d.rules->lexicon("title"),
                               d.rules->lexicon("not_title_holder"), boundary, &pending);
  internal::DropHeadlineOnlyMentions(&pending);
  std::vector<MentionCandidate> mentions;
  for (internal::PendingMention& p : pending) {
    p.candidate.mention.span = to_original(p.begin, p.end);
    p.candidate.mention.text = std::string(slice(p.candidate.mention.span));
    mentions.push_back(std::move(p.candidate));
  }
  out.actors = ResolveActors(std::move(mentions));
  ClaimInputs claim_inputs;
  claim_inputs.analysis = &out;
  claim_inputs.cues = &cues;
  claim_inputs.rules = d.rules.get();
  claim_inputs.norm = norm.text;
  claim_inputs.original = original;
  claim_inputs.to_original = to_original;
  out.claims = LinkClaims(claim_inputs);
  LinkFigureActors(&out);
  for (Claim& c : out.claims) c.text = std::string(slice(c.span));
  return out;
}

}  // namespace claimscan
