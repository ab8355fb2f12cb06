#include "claims/claim_linker.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "claims/quote_finder.h"
#include "claims/speaker_resolver.h"

namespace claimscan {
using internal::RelativeClauseSubject;
using internal::ResolveSpeaker;
using internal::SentenceSubject;
namespace {

bool Inside(const Span& inner, const Span& outer) {
  return inner.byte_start >= outer.byte_start && inner.byte_end <= outer.byte_end;
}

bool Overlaps(const Span& a, const Span& b) {
  return a.byte_start < b.byte_end && b.byte_start < a.byte_end;
}

bool Measured(const std::string& kind) {
  return kind == "percentage" || kind == "percentage_point" || kind == "count" || kind == "money" ||
         kind == "multiplier";
}

// An attribution cue, resolved.
struct Cue {
  size_t sentence = 0;
  Span verb;
  std::string verb_text;
  std::optional<std::string> speaker;  // actor id
  std::string rule;
  // From the speaker phrase to the verb (bytes only): a quote inside it is a scare quote
  // ('The Home Office, in a "statement" to the BBC, said'), not what the cue reports.
  Span stretch;
};

}  // namespace

void LinkFigureActors(Analysis* a) {
  for (Figure& f : a->figures) {
    const Span& sentence = a->sentences[f.sentence].span;
    const Actor* by_about = nullptr;
    const Actor* subject = nullptr;
    size_t subject_start = SIZE_MAX;
    for (const Actor& actor : a->actors) {
      if (actor.type == "place") continue;
      for (const Mention& m : actor.mentions) {
        if (f.about_span && Overlaps(m.span, *f.about_span)) by_about = &actor;
        if (Inside(m.span, sentence) && m.span.byte_end <= f.span.byte_start &&
            m.span.byte_start < subject_start) {
          subject = &actor;
          subject_start = m.span.byte_start;
        }
      }
    }
    const Actor* chosen = by_about ? by_about : subject;
    if (chosen != nullptr && Measured(f.kind)) {
      f.actor = chosen->id;
    }
  }
}

std::vector<Claim> LinkClaims(const ClaimInputs& in) {
  const Analysis& a = *in.analysis;
  std::vector<Span> quotes;
  for (const internal::QuoteRange& q : internal::FindQuotes(in.norm)) {
    if (q.end > q.begin) quotes.push_back(in.to_original(q.begin, q.end));
  }
  auto in_quote = [&](const Span& s) {
    return std::any_of(quotes.begin(), quotes.end(), [&](const Span& q) { return Inside(s, q); });
  };
  // Cues outside quotes ("I said to him" inside a quote attributes nothing).
  std::vector<Cue> cues;
  for (size_t si = 0; si < in.cues->size() && si < a.sentences.size(); ++si) {
    for (const RuleMatch& m : (*in.cues)[si]) {
      const GroupRange* verb = m.group("verb");
      const GroupRange* speaker = m.group("speaker");
      if (verb == nullptr) continue;
      Cue cue;
      cue.sentence = si;
      cue.verb = in.to_original(verb->begin, verb->end);
      if (in_quote(cue.verb)) continue;
      cue.verb_text = std::string(in.norm.substr(verb->begin, verb->end - verb->begin));
      if (speaker != nullptr) {
        // The stretch from the speaker phrase to the verb, asides included.
        size_t stretch_end = verb->begin > speaker->begin ? verb->begin : speaker->end;
        Span stretch = in.to_original(speaker->begin, stretch_end);
        // Only the byte offsets of the stretch are read from here on.
        stretch.byte_start =
            RelativeClauseSubject(in.original, stretch.byte_start, stretch.byte_end)
                .value_or(stretch.byte_start);
        cue.speaker = ResolveSpeaker(
            in, stretch, in.norm.substr(speaker->begin, speaker->end - speaker->begin), quotes);
        cue.stretch = stretch;
      } else if (!cues.empty() && cues.back().sentence == si) {
        cue.speaker = cues.back().speaker;  // "He said ... but argued ...": the same speaker
      } else if (const Actor* subject = SentenceSubject(in, si)) {
        cue.speaker = subject->id;  // "Norges Bank kept its rate on hold but said ..."
      } else {
        cue.speaker = ResolveSpeaker(in, cue.verb, "he", quotes);
      }
      cue.rule = in.rules->rules()[m.rule].id;
      cues.push_back(std::move(cue));
    }
  }
  // Each quote's cue: one in a sentence the quote touches, else in the sentence after it.
  std::vector<std::optional<size_t>> quote_cue(quotes.size());
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    size_t last_sentence = 0;
    for (size_t ci = 0; ci < cues.size() && !quote_cue[qi]; ++ci) {
      if (Inside(quotes[qi], cues[ci].stretch)) continue;
      if (Overlaps(a.sentences[cues[ci].sentence].span, quotes[qi])) quote_cue[qi] = ci;
    }
    for (size_t si = 0; si < a.sentences.size(); ++si) {
      if (Overlaps(a.sentences[si].span, quotes[qi])) last_sentence = si;
    }
    for (size_t ci = 0; ci < cues.size() && !quote_cue[qi]; ++ci) {
      if (cues[ci].sentence == last_sentence + 1) quote_cue[qi] = ci;
    }
  }
  std::vector<Claim> claims;
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const Span& span = a.sentences[si].span;
    Claim claim;
    claim.sentence = si;
    claim.span = span;
    bool measured = false;
    for (size_t fi = 0; fi < a.figures.size(); ++fi) {
      if (a.figures[fi].sentence != si) continue;
      claim.figures.push_back(fi);
      measured |= Measured(a.figures[fi].kind);
    }
    for (const Actor& actor : a.actors) {
      bool present = std::any_of(actor.mentions.begin(), actor.mentions.end(),
                                 [&](const Mention& m) { return Inside(m.span, span); });
      if (present) claim.actors.push_back(actor.id);
    }
    // One claim per cue in the sentence; without one, the quote's cue or none.
    std::vector<size_t> sentence_cues;
    for (size_t ci = 0; ci < cues.size(); ++ci) {
      if (cues[ci].sentence == si) sentence_cues.push_back(ci);
    }
    if (sentence_cues.empty()) {
      for (size_t qi = 0; qi < quotes.size(); ++qi) {
        if (Overlaps(quotes[qi], span) && quote_cue[qi]) {
          sentence_cues.push_back(*quote_cue[qi]);
          break;
        }
      }
    }
    if (sentence_cues.empty()) {
      if (measured) claims.push_back(std::move(claim));
      continue;
    }
    for (size_t ci : sentence_cues) {
      Claim speech = claim;
      const Cue& c = cues[ci];
      speech.verb = c.verb_text;
      speech.verb_span = c.verb;
      speech.speaker = c.speaker;
      speech.rule = c.rule;
      for (size_t qi = 0; qi < quotes.size(); ++qi) {
        if (Overlaps(quotes[qi], span) && quote_cue[qi] == ci) speech.quote = quotes[qi];
      }
      claims.push_back(std::move(speech));
    }
  }
  return claims;
}

}  // namespace claimscan
