#include "report/index_page.h"

#include <algorithm>
#include <map>

#include "report/html_escape.h"
#include "report/page_style.h"
#include "report/svg_chart.h"

namespace claimscan::internal {
namespace {

// Sorts the table by the clicked (or Enter/Space on the focused) header: numbers by value,
// text by locale order; a second click reverses. No framework, no network.
constexpr const char* kSortScript = R"js(
(function(){var t=document.getElementById('articles');if(!t)return;var hs=t.tHead.rows[0].cells;
Array.prototype.forEach.call(hs,function(th,i){var type=th.getAttribute('data-sort');if(!type)return;th.tabIndex=0;
function go(){var cur=th.getAttribute('aria-sort'),asc=cur?cur!=='ascending':type!=='num';
Array.prototype.forEach.call(hs,function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
function key(r){var c=r.cells[i];return c.hasAttribute('data-v')?c.getAttribute('data-v'):c.textContent}
rows.sort(function(x,y){var a=key(x),c=key(y),d=type==='num'?a-c:a.localeCompare(c);return asc?d:-d});
rows.forEach(function(r){b.appendChild(r)})}
th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go()}})})})();
)js";

struct Counts {
  size_t supported = 0, contradicted = 0, unsupported = 0;
};

Counts VerdictCounts(const ArticleModel& a) {
  Counts c;
  for (const ModelFigure& f : a.figures) {
    if (!f.verdict) continue;
    c.supported += f.verdict->verdict == "supported";
    c.contradicted += f.verdict->verdict == "contradicted";
    c.unsupported += f.verdict->verdict == "unsupported";
  }
  return c;
}

std::string NumberCell(size_t n, const char* badge = nullptr) {
  std::string v = std::to_string(n);
  if (n == 0) return "<td class=\"num zero\" data-v=\"0\">0</td>";
  if (badge) {
    return "<td class=\"num\" data-v=\"" + v + "\"><span class=\"badge " + badge + "\">" + v +
           "</span></td>";
  }
  return "<td class=\"num\" data-v=\"" + v + "\">" + v + "</td>";
}

std::string Stat(size_t n, const char* what) {
  return "<li><b>" + std::to_string(n) + "</b>" + what + "</li>";
}

std::string Charts(const std::vector<IndexEntry>& entries) {
  std::map<std::string, size_t> kinds;
  struct ActorTotal {
    std::string name, type;
    size_t mentions = 0;
  };
  std::map<std::string, ActorTotal> actors;  // by id
  for (const IndexEntry& e : entries) {
    for (const ModelFigure& f : e.article->figures) ++kinds[f.kind];
    for (const ModelActor& a : e.article->actors) {
      ActorTotal& t = actors[a.id];
      t.name = a.name.empty() ? a.id : a.name;
      t.type = a.type;
      t.mentions += a.mentions.size();
    }
  }
  std::vector<Bar> kind_bars, actor_bars;
  for (const auto& [kind, n] : kinds) kind_bars.push_back({kind, n, ColourOf(kind).ink});
  for (const auto& [id, t] : actors) {
    actor_bars.push_back({t.name, t.mentions, ColourOf("actor-" + t.type).ink});
  }
  auto most = [](const Bar& x, const Bar& y) { return x.value > y.value; };
  std::stable_sort(kind_bars.begin(), kind_bars.end(), most);
  std::stable_sort(actor_bars.begin(), actor_bars.end(), most);
  if (actor_bars.size() > 10) actor_bars.resize(10);
  return "<div class=\"charts\">\n<figure class=\"chart\"><h3>Figures by kind</h3>\n" +
         HorizontalBarChart("Figures by kind", kind_bars) +
         "</figure>\n<figure class=\"chart\"><h3>Actors mentioned most</h3>\n" +
         HorizontalBarChart("Actors mentioned most (mentions)", actor_bars) + "</figure>\n</div>\n";
}

}  // namespace

std::string RenderIndexPage(std::string_view title, const std::vector<IndexEntry>& entries) {
  size_t figures = 0, mentions = 0, claims = 0;
  Counts total;
  for (const IndexEntry& e : entries) {
    figures += e.article->figures.size();
    mentions += e.article->MentionCount();
    claims += e.article->claims.size();
    Counts c = VerdictCounts(*e.article);
    total.supported += c.supported;
    total.contradicted += c.contradicted;
    total.unsupported += c.unsupported;
  }
  std::string body = "<header><span class=\"brand\">claimscan</span><span>" + EscapeHtml(title) +
                     "</span></header>\n<div class=\"wrap\">\n<h1>" + EscapeHtml(title) +
                     "</h1>\n<ul class=\"stats\">" + Stat(entries.size(), "articles") +
                     Stat(figures, "figures") + Stat(mentions, "actor mentions") +
                     Stat(claims, "claims");
  size_t checked = total.supported + total.contradicted + total.unsupported;
  if (checked) {
    body += Stat(total.supported, "supported") + Stat(total.contradicted, "contradicted") +
            Stat(total.unsupported, "unsupported");
  }
  body += "</ul>\n" + Charts(entries);
  body +=
      "<h2>Articles</h2>\n<table id=\"articles\">\n<thead><tr><th data-sort=\"text\">Title</th>"
      "<th data-sort=\"text\">Id</th><th class=\"num\" data-sort=\"num\">Figures</th>"
      "<th class=\"num\" data-sort=\"num\">Actors</th><th class=\"num\" data-sort=\"num\">"
      "Claims</th><th class=\"num\" data-sort=\"num\">Supported</th><th class=\"num\" "
      "data-sort=\"num\">Contradicted</th><th class=\"num\" data-sort=\"num\">Unsupported</th>"
      "</tr></thead>\n<tbody>\n";
  for (const IndexEntry& e : entries) {
    const ArticleModel& a = *e.article;
    Counts c = VerdictCounts(a);
    std::string shown = a.title.empty() ? a.id : a.title;
    body += "<tr><td><a href=\"" + EscapeHtml(e.href) + "\">" + EscapeHtml(shown) +
            "</a></td><td class=\"id\">" + EscapeHtml(a.id) + "</td>" +
            NumberCell(a.figures.size()) + NumberCell(a.actors.size()) +
            NumberCell(a.claims.size()) + NumberCell(c.supported, "v-supported") +
            NumberCell(c.contradicted, "v-contradicted") +
            NumberCell(c.unsupported, "v-unsupported") + "</tr>\n";
  }
  body += "</tbody>\n</table>\n</div>\n<footer>Made by claimscan from extract";
  body += checked ? " and check output" : " output";
  body += ". Pages open from disk and load nothing from the network.</footer>\n";
  return HtmlDocument(title, body, kSortScript);
}

}  // namespace claimscan::internal
