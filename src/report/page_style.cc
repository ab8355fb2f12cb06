#include "report/page_style.h"

#include "report/html_escape.h"

namespace claimscan::internal {
namespace {

struct PaletteEntry {
  const char* kind;
  KindColour colour;
};

// Related figure kinds share a hue: shares blue, money amber, counts violet, time slate.
constexpr PaletteEntry kPalette[] = {
    {"percentage", {"#dbeafe", "#1d4ed8"}},   {"percentage_point", {"#cfe0fb", "#1e40af"}},
    {"money", {"#fdecc8", "#a0520a"}},        {"count", {"#ede9fe", "#6d28d9"}},
    {"multiplier", {"#d7f0f8", "#0e6c8a"}},   {"score", {"#e6f4d7", "#3f6212"}},
    {"year", {"#e8edf3", "#475569"}},         {"decade", {"#e8edf3", "#475569"}},
    {"date", {"#e8edf3", "#475569"}},         {"time", {"#e8edf3", "#475569"}},
    {"duration", {"#e2e8f0", "#3b4a5e"}},     {"age", {"#e2e8f0", "#3b4a5e"}},
    {"actor-person", {"#fbe4ef", "#a3195b"}}, {"actor-org", {"#d5f3ee", "#0f6b62"}},
    {"actor-place", {"#fde6d2", "#b23f0a"}},  {"actor-group", {"#e3e6fb", "#4338ca"}},
    {"quote", {"#f4f1ea", "#6b5e45"}},
};

constexpr KindColour kNeutral = {"#ecebe8", "#57534e"};

constexpr const char* kCss = R"css(
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fbfaf7;color:#1f2328;font:18px/1.6 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
a{color:#1d4ed8}
.ui,header,nav,aside,table,.legend,.meta,.notice,h1,h2,h3,.chart,.stats,footer{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header{border-bottom:1px solid #e4e1da;background:#fff;padding:.6rem 1.5rem;font-size:14px;color:#57534e;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
header a{text-decoration:none}
header .brand{font-weight:700;color:#1f2328;letter-spacing:.02em}
.layout{display:grid;grid-template-columns:minmax(0,72ch) minmax(260px,360px);gap:2.5rem;max-width:1200px;margin:0 auto;padding:1.5rem}
@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr)}}
main{min-width:0}
.meta{font-size:14px;color:#6b6660;margin:.2rem 0 1rem}
.meta span+span:before{content:" · "}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .5rem;font-size:13px;margin:0 0 1.2rem;padding:0;list-style:none}
.legend li{display:inline-flex;align-items:center;gap:.3rem;padding:.1rem .5rem;border-radius:999px;background:var(--bg);color:var(--ink)}
.legend b{font-weight:600}
.notice{background:#fff4e5;border:1px solid #f3c98b;border-radius:6px;padding:.6rem .9rem;font-size:14px;margin:0 0 1rem}
.text{white-space:pre-wrap;overflow-wrap:break-word;max-width:70ch}
.headline{display:inline-block;font:700 1.65rem/1.25 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;letter-spacing:-.01em;margin:0 0 .2rem}
.hl{position:relative;background:var(--bg);color:inherit;border-radius:3px;padding:.05em .15em;box-decoration-break:clone;-webkit-box-decoration-break:clone;cursor:help;outline-offset:2px}
.hl:focus{outline:2px solid var(--ink)}
.hl.fig{box-shadow:inset 0 -2px 0 var(--ink)}
.hl.act{box-shadow:inset 0 -1px 0 var(--ink)}
.hl[data-label]:after{content:attr(data-label);font:600 .55em/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:var(--ink);margin-left:.35em;vertical-align:.15em}
.hl.quote{background:var(--bg);box-shadow:none;border-radius:0;padding:0;font-style:italic}
.hl.quote .hl{font-style:normal}
.hl:before{content:attr(data-tip);display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:10;width:max-content;max-width:22rem;white-space:pre-line;background:#1f2328;color:#f6f5f2;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-style:normal;padding:.5rem .7rem;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);pointer-events:none}
.hl:hover:before,.hl:focus:before{display:block}
.hl:hover:not(:focus):has(.hl:hover):before{display:none}
.badge{display:inline-block;font:600 10.5px/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-style:normal;color:#fff;border-radius:999px;padding:.25em .55em;margin-left:.25em;vertical-align:.2em;letter-spacing:.02em}
.hl.checked-contradicted{box-shadow:inset 0 -2px 0 #c81e1e}
.hl.act[data-label]:after{opacity:.75}
.v-supported{background:#15803d}.v-contradicted{background:#c81e1e}.v-unsupported{background:#6b7280}
aside{font-size:14px;line-height:1.45}
aside .panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;padding-right:.3rem}
aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:#6b6660;margin:0 0 .6rem}
aside ol{list-style:none;margin:0 0 1.5rem;padding:0}
.claim{background:#fff;border:1px solid #e4e1da;border-radius:8px;padding:.6rem .75rem;margin:0 0 .6rem}
.claim .who{font-weight:650;color:#1f2328}
.claim .who .verb{font-weight:400;color:#6b6660}
.claim .said{color:#3d3a36;margin:.25rem 0 .35rem;display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}
.chips{display:flex;flex-wrap:wrap;gap:.3rem}
.chip{display:inline-flex;align-items:center;gap:.25rem;background:var(--bg);color:var(--ink);border-radius:4px;padding:.05rem .4rem;font-size:13px;text-decoration:none}
.chip .badge{margin-left:.1rem;vertical-align:0}
.actors li{display:flex;justify-content:space-between;gap:.5rem;padding:.15rem 0;border-bottom:1px dotted #e4e1da}
.actors .n{color:#6b6660;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;background:var(--ink);margin-right:.35em}
h1{font-size:1.8rem;line-height:1.25;margin:.2rem 0 .4rem}
h2{font-size:1.15rem;margin:2rem 0 .6rem}
.wrap{max-width:1100px;margin:0 auto;padding:1.5rem}
.stats{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0 1.5rem;padding:0;list-style:none}
.stats li{background:#fff;border:1px solid #e4e1da;border-radius:8px;padding:.6rem 1rem;font-size:14px;color:#6b6660;min-width:8rem}
.stats b{display:block;font-size:1.6rem;color:#1f2328;font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1.5rem}
.chart{margin:0;background:#fff;border:1px solid #e4e1da;border-radius:8px;padding:.8rem 1rem}
.chart h3{font-size:14px;margin:0 0 .5rem;color:#3d3a36}
.chart svg{display:block;width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:14px;background:#fff;border:1px solid #e4e1da}
th,td{padding:.45rem .6rem;border-bottom:1px solid #eeebe5;text-align:left;vertical-align:top}
th{background:#f4f2ed;font-weight:600;white-space:nowrap;user-select:none}
th[data-sort]{cursor:pointer}
th[data-sort]:after{content:" \2195";color:#a8a29e}
th[aria-sort=ascending]:after{content:" \2191";color:#1f2328}
th[aria-sort=descending]:after{content:" \2193";color:#1f2328}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.id{color:#6b6660;font-size:12px;overflow-wrap:anywhere}
tbody tr:hover{background:#faf8f3}
.zero{color:#c4c0b8}
footer{color:#8a857d;font-size:12px;padding:2rem 1.5rem;text-align:center;font-family:system-ui,sans-serif}
)css";

}  // namespace

KindColour ColourOf(std::string_view kind) {
  for (const PaletteEntry& e : kPalette) {
    if (kind == e.kind) return e.colour;
  }
  return kNeutral;
}

std::string KindClass(std::string_view kind) { return "k-" + SafeName(kind, 40); }

std::string PageCss() {
  std::string css = kCss;
  css += ".hl,.chip,.legend li{--bg:";
  css += kNeutral.background;
  css += ";--ink:";
  css += kNeutral.ink;
  css += "}\n";
  // Doubled classes outrank ".legend li" above.
  for (const PaletteEntry& e : kPalette) {
    std::string k = "." + KindClass(e.kind);
    css += k + k + "{--bg:" + e.colour.background + ";--ink:" + e.colour.ink + "}\n";
  }
  return css;
}

std::string HtmlDocument(std::string_view title, std::string_view body, std::string_view script) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"claimscan\">\n<title>";
  AppendEscaped(title, &out);
  out += "</title>\n<style>";
  out += PageCss();
  out += "</style>\n</head>\n<body>\n";
  out += body;
  if (!script.empty()) {
    out += "<script>";
    out += script;
    out += "</script>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace claimscan::internal
