#include "report/article_page.h"

#include <algorithm>

#include "report/html_escape.h"
#include "report/page_style.h"
#include "report/span_nesting.h"

namespace claimscan::internal {
namespace {

// Ranks for RenderNestedSpans: where spans cross, figures stay whole, then mentions.
constexpr int kRankHeadline = 0, kRankQuote = 1, kRankMention = 2, kRankFigure = 3;

std::string OrDash(const std::string& s) { return s.empty() ? "\xE2\x80\x94" : s; }

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + EscapeHtml(value) + "\"";
}

std::string Badge(const FigureVerdict& v) {
  std::string cls = "badge v-" + SafeName(v.verdict, 20);
  return "<span" + Attr("class", cls) + ">" + EscapeHtml(v.verdict) + "</span>";
}

// Checks a span against the text; names the problem when it does not fit.
bool Fits(const ArticleModel& a, const std::string& text, const ByteSpan& s,
          const std::string& what, const std::string& expected,
          std::vector<std::string>* problems) {
  std::string where = a.id + ": " + what + " (bytes " + std::to_string(s.byte_start) + "-" +
                      std::to_string(s.byte_end) + ")";
  if (s.byte_start >= s.byte_end || s.byte_end > text.size()) {
    problems->push_back(where + " is outside the text; not highlighted");
    return false;
  }
  if (!expected.empty() && text.compare(s.byte_start, s.byte_end - s.byte_start, expected) != 0) {
    problems->push_back(where + " does not match the text: the text may have changed");
  }
  return true;
}

// The first claim with the same quote span as claim `i` (which has a quote).
size_t QuoteOwner(const ArticleModel& a, size_t i) {
  for (size_t k = 0; k < i; ++k) {
    const auto& q = a.claims[k].quote;
    if (q && q->byte_start == a.claims[i].quote->byte_start &&
        q->byte_end == a.claims[i].quote->byte_end) {
      return k;
    }
  }
  return i;
}

std::string QuoteTooltip(const ArticleModel& a, const ModelClaim& c) {
  const ModelActor* speaker = c.speaker.empty() ? nullptr : a.FindActor(c.speaker);
  std::string who = speaker ? speaker->name : c.speaker;
  return "quote\nspeaker: " + OrDash(who) + "\nverb: " + OrDash(c.verb) +
         "\nrule: " + OrDash(c.rule);
}

std::string MentionTooltip(const ModelActor& actor, const ModelMention& m) {
  return "actor: " + OrDash(actor.type) + "\nname: " + OrDash(actor.name) +
         "\nid: " + OrDash(actor.id) + "\nmentions: " + std::to_string(actor.mentions.size()) +
         "\nrule: " + OrDash(m.rule);
}

// Every highlight of the article, checked against the text.
std::vector<HtmlSpan> Highlights(const ArticleModel& a, const std::string& text,
                                 std::vector<std::string>* problems) {
  std::vector<HtmlSpan> spans;
  for (const ByteSpan& h : a.headlines) {
    if (Fits(a, text, h, "headline", "", problems)) {
      spans.push_back({h.byte_start, h.byte_end, kRankHeadline, "<span class=\"headline\">",
                       "<span class=\"headline\">", "</span>", ""});
    }
  }
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const ModelClaim& c = a.claims[i];
    // Two claims (two reporting verbs) may share one quote: one highlight for both.
    if (!c.quote || QuoteOwner(a, i) != i) continue;
    if (!Fits(a, text, *c.quote, "quote", "", problems)) continue;
    std::string attrs = Attr("data-tip", QuoteTooltip(a, c));
    spans.push_back({c.quote->byte_start, c.quote->byte_end, kRankQuote,
                     "<span class=\"hl quote k-quote\" tabindex=\"0\" id=\"q" + std::to_string(i) +
                         "\"" + attrs + ">",
                     "<span class=\"hl quote k-quote cont\"" + attrs + ">", "</span>", ""});
  }
  for (const ModelActor& actor : a.actors) {
    std::string cls = "hl act " + KindClass("actor-" + actor.type);
    for (const ModelMention& m : actor.mentions) {
      if (!Fits(a, text, m.span, "mention of " + actor.id, m.text, problems)) continue;
      std::string attrs = Attr("data-actor", actor.id) + Attr("data-tip", MentionTooltip(actor, m));
      spans.push_back({m.span.byte_start, m.span.byte_end, kRankMention,
                       "<mark" + Attr("class", cls) + " tabindex=\"0\"" +
                           Attr("data-label", actor.type) + attrs + ">",
                       "<mark" + Attr("class", cls + " cont") + attrs + ">", "</mark>", ""});
    }
  }
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const ModelFigure& f = a.figures[i];
    std::string n = std::to_string(i);
    if (!Fits(a, text, f.span, "figure " + n, f.text, problems)) continue;
    std::string cls = "hl fig " + KindClass(f.kind);
    if (f.verdict) cls += " checked-" + SafeName(f.verdict->verdict, 20);
    std::string attrs = Attr("data-kind", f.kind) + Attr("data-tip", FigureTooltip(a, i));
    spans.push_back({f.span.byte_start, f.span.byte_end, kRankFigure,
                     "<mark" + Attr("class", cls) + " id=\"f" + n + "\" data-figure=\"" + n +
                         "\" tabindex=\"0\"" + Attr("data-label", f.kind) + attrs + ">",
                     "<mark" + Attr("class", cls + " cont") + attrs + ">", "</mark>",
                     f.verdict ? Badge(*f.verdict) : ""});
  }
  return spans;
}

// The kinds present, in palette-like order: figure kinds, actor types, quotes.
std::string Legend(const ArticleModel& a) {
  std::vector<std::pair<std::string, std::string>> items;  // class kind, shown name
  auto add = [&](const std::string& kind, const std::string& name) {
    for (const auto& it : items) {
      if (it.first == kind) return;
    }
    items.emplace_back(kind, name);
  };
  for (const ModelFigure& f : a.figures) add(f.kind, f.kind);
  for (const ModelActor& actor : a.actors) add("actor-" + actor.type, actor.type);
  for (const ModelClaim& c : a.claims) {
    if (c.quote) add("quote", "quote");
  }
  std::string out = "<ul class=\"legend\" aria-label=\"Legend\">";
  for (const auto& [kind, name] : items) {
    out += "<li" + Attr("class", KindClass(kind)) + "><span class=\"swatch\"></span>" +
           EscapeHtml(name) + "</li>";
  }
  return out + "</ul>\n";
}

std::string FigureChip(const ArticleModel& a, size_t i) {
  const ModelFigure& f = a.figures[i];
  std::string out = "<a" + Attr("class", "chip " + KindClass(f.kind)) + " href=\"#f" +
                    std::to_string(i) + "\">" + EscapeHtml(f.text);
  if (f.verdict) out += Badge(*f.verdict);
  return out + "</a>";
}

std::string SidePanel(const ArticleModel& a) {
  std::string out = "<aside><div class=\"panel\">\n<h2>Claims (" + std::to_string(a.claims.size()) +
                    ")</h2>\n<ol>\n";
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const ModelClaim& c = a.claims[i];
    const ModelActor* speaker = c.speaker.empty() ? nullptr : a.FindActor(c.speaker);
    std::string who = speaker ? speaker->name : (c.speaker.empty() ? "Unattributed" : c.speaker);
    out += "<li class=\"claim\"><div class=\"who\">";
    if (c.quote) out += "<a href=\"#q" + std::to_string(QuoteOwner(a, i)) + "\">";
    out += EscapeHtml(who);
    if (c.quote) out += "</a>";
    if (!c.verb.empty()) out += " <span class=\"verb\">" + EscapeHtml(c.verb) + "</span>";
    out += "</div><div class=\"said\">" + EscapeHtml(c.text) + "</div>";
    if (!c.figures.empty()) {
      out += "<div class=\"chips\">";
      for (size_t f : c.figures) out += FigureChip(a, f);
      out += "</div>";
    }
    out += "</li>\n";
  }
  out +=
      "</ol>\n<h2>Actors (" + std::to_string(a.actors.size()) + ")</h2>\n<ol class=\"actors\">\n";
  std::vector<const ModelActor*> actors;
  for (const ModelActor& actor : a.actors) actors.push_back(&actor);
  std::stable_sort(actors.begin(), actors.end(), [](const ModelActor* x, const ModelActor* y) {
    return x->mentions.size() > y->mentions.size();
  });
  for (const ModelActor* actor : actors) {
    out += "<li" + Attr("class", KindClass("actor-" + actor->type)) + Attr("title", actor->id) +
           "><span><span class=\"swatch\"></span>" + EscapeHtml(actor->name) +
           "</span><span class=\"n\">" + std::to_string(actor->mentions.size()) + "</span></li>\n";
  }
  return out + "</ol>\n</div></aside>\n";
}

}  // namespace

std::string GroupDigits(std::string_view number) {
  size_t begin = (!number.empty() && number[0] == '-') ? 1 : 0;
  size_t end = begin;
  while (end < number.size() && number[end] >= '0' && number[end] <= '9') ++end;
  if (end == begin) return std::string(number);
  for (size_t k = end; k < number.size(); ++k) {
    if (number[k] != '.' && (number[k] < '0' || number[k] > '9')) return std::string(number);
  }
  std::string out(number.substr(0, begin));
  for (size_t k = begin; k < end; ++k) {
    out.push_back(number[k]);
    size_t left = end - k - 1;
    if (left > 0 && left % 3 == 0) out.push_back(',');
  }
  return out + std::string(number.substr(end));
}

std::string FigureTooltip(const ArticleModel& a, size_t index) {
  const ModelFigure& f = a.figures[index];
  std::string out = f.kind + "\nvalue: " + OrDash(GroupDigits(f.value)) +
                    "\nunit: " + OrDash(f.unit) + "\napprox: " + OrDash(f.approx) +
                    "\nabout: " + OrDash(f.about) +
                    "\nspeaker: " + OrDash(a.SpeakerOfFigure(index)) + "\nrule: " + OrDash(f.rule);
  if (f.verdict) {
    out += "\nverdict: " + f.verdict->verdict;
    if (!f.verdict->comparison.empty()) out += " (" + f.verdict->comparison + ")";
    if (!f.verdict->source.empty()) out += "\nsource: " + f.verdict->source;
  }
  return out;
}

std::string RenderArticlePage(const ArticleModel& a, const std::string* text,
                              std::string_view index_href, std::vector<std::string>* problems) {
  std::string title = a.title.empty() ? a.id : a.title;
  std::string body = "<header><a class=\"brand\"" + Attr("href", index_href) + ">claimscan</a><a" +
                     Attr("href", index_href) + ">&larr; All articles</a><span>" +
                     EscapeHtml(a.id) + "</span></header>\n";
  body += "<div class=\"layout\">\n<main>\n<p class=\"meta\">";
  size_t checked = 0;
  for (const ModelFigure& f : a.figures) checked += f.verdict != nullptr;
  body += "<span>" + std::to_string(a.figures.size()) + " figures</span><span>" +
          std::to_string(a.MentionCount()) + " actor mentions</span><span>" +
          std::to_string(a.claims.size()) + " claims</span>";
  if (checked) body += "<span>" + std::to_string(checked) + " checked</span>";
  for (const std::string* field : {&a.date, &a.source}) {
    if (!field->empty()) body += "<span>" + EscapeHtml(*field) + "</span>";
  }
  // Only web links: a "javascript:" URL in a record must not become a live link.
  bool web = a.url.rfind("http://", 0) == 0 || a.url.rfind("https://", 0) == 0;
  if (web) body += "<span><a" + Attr("href", a.url) + ">original</a></span>";
  body += "</p>\n" + Legend(a);
  for (const std::string& w : a.warnings) {
    body += "<p class=\"notice\">" + EscapeHtml(w) + "</p>\n";
  }
  if (text) {
    body += "<div class=\"text\">" + RenderNestedSpans(*text, Highlights(a, *text, problems)) +
            "</div>\n";
  } else {
    body += "<h1>" + EscapeHtml(title) +
            "</h1>\n<p class=\"notice\">The original text was not found: the figures are listed "
            "without it.</p>\n<p>";
    for (size_t i = 0; i < a.figures.size(); ++i) body += FigureChip(a, i) + " ";
    body += "</p>\n";
  }
  body += "</main>\n" + SidePanel(a) + "</div>\n";
  return HtmlDocument(title, body, "");
}

}  // namespace claimscan::internal
