// The HTML report (issue 9): escaping, span nesting, pages from real extract output, the CLI.
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <claimscan/report.h>

#include "report/article_page.h"
#include "report/html_escape.h"
#include "report/span_nesting.h"
#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using internal::EscapeHtml;
using internal::HtmlSpan;
using internal::RenderNestedSpans;
using nlohmann::json;

TEST(ReportEscape, Table) {
  struct {
    std::string in, out;
  } cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
      {"Tom &amp; Jerry", "Tom &amp;amp; Jerry"},
      {"a \"quoted\" value", "a &quot;quoted&quot; value"},
      {"\xE2\x80\x9Cproper\xE2\x80\x9D \xC2\xA3"
       "5 \xF0\x9F\x98\x80",
       "\xE2\x80\x9Cproper\xE2\x80\x9D \xC2\xA3"
       "5 \xF0\x9F\x98\x80"},
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
      {"cut \xE2\x80", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},            // truncated: one per byte
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},  // never valid
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {std::string("nul \0 bell \x07", 12), "nul \xEF\xBF\xBD bell \xEF\xBF\xBD"},
      {"tab\tline\r\n", "tab\tline\r\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(EscapeHtml(c.in), c.out) << c.in;
}

TEST(ReportEscape, SafeNameAndDigits) {
  EXPECT_EQ(internal::SafeName("seeds/000.txt"), "seeds_000.txt");
  EXPECT_EQ(internal::SafeName("\"><img>"), "___img_");
  EXPECT_EQ(internal::SafeName(".."), "_");
  EXPECT_EQ(internal::SafeName(""), "_");
  EXPECT_EQ(internal::GroupDigits("1500000000"), "1,500,000,000");
  EXPECT_EQ(internal::GroupDigits("-400000.5"), "-400,000.5");
  EXPECT_EQ(internal::GroupDigits("61.8"), "61.8");
  EXPECT_EQ(internal::GroupDigits("1e+20"), "1e+20");
  EXPECT_EQ(internal::GroupDigits(""), "");
}

// A span written as <x> ... </x> (and <x+> for later pieces), so results read at a glance.
HtmlSpan Tag(size_t start, size_t end, int rank, const std::string& name,
             const std::string& after = "") {
  return {start, end, rank, "<" + name + ">", "<" + name + "+>", "</" + name + ">", after};
}

TEST(ReportSpans, NestingTable) {
  struct {
    const char* what;
    std::string text;
    std::vector<HtmlSpan> spans;
    std::string out;
  } cases[] = {
      {"none", "a<b", {}, "a&lt;b"},
      {"one", "abcdef", {Tag(1, 3, 0, "f")}, "a<f>bc</f>def"},
      {"whole text", "abc", {Tag(0, 3, 0, "f")}, "<f>abc</f>"},
      {"nested", "0123456789", {Tag(6, 8, 3, "f"), Tag(2, 9, 1, "q")}, "01<q>2345<f>67</f>8</q>9"},
      {"same span: higher rank outside",
       "abc",
       {Tag(0, 3, 1, "q"), Tag(0, 3, 3, "f")},
       "<f><q>abc</q></f>"},
      {"same start", "abcdef", {Tag(0, 2, 3, "f"), Tag(0, 5, 1, "q")}, "<q><f>ab</f>cde</q>f"},
      {"same end", "abcdef", {Tag(3, 5, 3, "f"), Tag(0, 5, 1, "q")}, "<q>abc<f>de</f></q>f"},
      {"adjacent", "abcd", {Tag(0, 2, 3, "f"), Tag(2, 4, 3, "g")}, "<f>ab</f><g>cd</g>"},
      {"crossing: the lower rank (first) is split",
       "0123456789",
       {Tag(1, 5, 1, "q"), Tag(3, 8, 3, "f")},
       "0<q>12</q><f><q+>34</q>567</f>89"},
      {"crossing: the lower rank (second) is split",
       "0123456789",
       {Tag(1, 5, 3, "f"), Tag(3, 8, 1, "q")},
       "0<f>12<q>34</q></f><q+>567</q>89"},
      {"after is written once, after the last piece",
       "0123456789",
       {Tag(1, 5, 1, "q", "[q]"), Tag(3, 8, 3, "f", "[f]")},
       "0<q>12</q><f><q+>34</q>[q]567</f>[f]89"},
      {"empty and out-of-range spans are dropped",
       "abc",
       {Tag(1, 1, 3, "e"), Tag(2, 1, 3, "r"), Tag(1, 9, 3, "o"), Tag(0, 1, 3, "f")},
       "<f>a</f>bc"},
      {"text inside is escaped", "x<y>&z", {Tag(1, 4, 3, "f")}, "x<f>&lt;y&gt;</f>&amp;z"},
      {"three levels",
       "0123456789",
       {Tag(0, 10, 0, "h"), Tag(2, 9, 1, "q"), Tag(4, 6, 2, "m"), Tag(4, 7, 3, "f")},
       "<h>01<q>23<f><m>45</m>6</f>78</q>9</h>"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RenderNestedSpans(c.text, c.spans), c.out) << c.what;
  }
}

// Tags open and close in a proper nest whatever the spans (a deterministic random walk).
TEST(ReportSpans, AlwaysWellNested) {
  std::string text(40, 'x');
  uint32_t seed = 12345;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  for (int round = 0; round < 500; ++round) {
    std::vector<HtmlSpan> spans;
    size_t count = 1 + next(6);
    for (size_t i = 0; i < count; ++i) {
      size_t a = next(41), b = next(41);
      spans.push_back(
          {std::min(a, b), std::max(a, b), static_cast<int>(next(4)), "<s>", "<s>", "</s>", ""});
    }
    std::string html = RenderNestedSpans(text, spans);
    int depth = 0;
    for (size_t k = 0; k < html.size(); ++k) {
      if (html.compare(k, 3, "<s>") == 0) ++depth;
      if (html.compare(k, 4, "</s>") == 0) {
        ASSERT_GT(depth--, 0) << html;
      }
    }
    EXPECT_EQ(depth, 0) << html;
    EXPECT_EQ(std::regex_replace(html, std::regex("</?s>"), ""), text);
  }
}

// A report over one article analysed now, with its text; returns the article page.
std::string ReportOnText(const std::string& id, const std::string& text,
                         std::vector<std::string>* problems = nullptr) {
  Extractor extractor = testing::MakeExtractor();
  Article article = ArticleFromText(id, text, InputFormat::kText);
  auto analysis = extractor.Extract(article);
  EXPECT_TRUE(analysis.ok());
  ReportInput input;
  input.article_json.push_back(AnalysisToJson(*analysis, {}));
  input.texts[id] = text;
  ReportOptions options;
  options.output_dir = testing::TempDir() + "/report";
  options.title = "Report <script>alert(3)</script> & co";
  auto result = WriteReport(input, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return "";
  if (problems) *problems = result->problems;
  EXPECT_EQ(result->pages.size(), 2u);
  std::string index = testing::ReadFile(options.output_dir + "/index.html");
  EXPECT_EQ(index.find("<script>alert"), std::string::npos);
  EXPECT_NE(index.find("Report &lt;script&gt;alert(3)&lt;/script&gt; &amp; co"), std::string::npos);
  return testing::ReadFile(options.output_dir + "/" + result->pages[0].path);
}

// The issue's test: an article with <script>, entities and quotes everywhere.
TEST(ReportPage, ScriptAndEntitiesAreEscaped) {
  std::string text =
      "Labour <script>alert(1)</script> wins 61.8% & more\n\n"
      "Turnout rose to 61.8% of &amp; voters, \"Jeremy Corbyn\" said <b>today</b>. "
      "It cost \xC2\xA3"
      "5m and \xFF bad bytes.\n";
  std::vector<std::string> problems;
  std::string page = ReportOnText("x\"><img src=x onerror=alert(2)>.txt", text, &problems);
  EXPECT_TRUE(problems.empty()) << problems[0];
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("of &amp;amp; voters"), std::string::npos);
  EXPECT_NE(page.find("&quot;Jeremy Corbyn&quot;"), std::string::npos);
  EXPECT_NE(page.find("and \xEF\xBF\xBD bad"), std::string::npos);  // invalid byte replaced
  // The <title> holds the escaped headline; no script element at all on an article page.
  EXPECT_NE(page.find("<title>Labour &lt;script&gt;alert(1)&lt;/script&gt; wins 61.8% &amp; more"),
            std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  // Both 61.8% are highlighted, the second with its exact text.
  EXPECT_NE(page.find("data-figure=\"0\""), std::string::npos);
  EXPECT_NE(page.find("data-figure=\"1\""), std::string::npos);
  std::regex figure(
      R"re(<mark class="hl fig k-percentage" id="f1" data-figure="1"[^>]*>61\.8%</mark>)re");
  EXPECT_TRUE(std::regex_search(page, figure)) << page;
}

// Every figure, mention and quote of the seeds: one highlight each with its exact text.
TEST(ReportPage, SeedHighlightsCoverExactBytes) {
  Extractor extractor = testing::MakeExtractor();
  for (const char* name : {"seeds/000_00fc702a9f399b8e.txt", "seeds/004_1145b5d6b04816d0.txt"}) {
    Analysis analysis = testing::AnalyseFile(extractor, name);
    std::string text = testing::ReadFile(testing::SourcePath(std::string("corpora/") + name));
    auto model = internal::ParseArticle(AnalysisToJson(analysis, {}));
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    std::vector<std::string> problems;
    std::string page = internal::RenderArticlePage(*model, &text, "../index.html", &problems);
    EXPECT_TRUE(problems.empty()) << problems[0];
    for (size_t i = 0; i < analysis.figures.size(); ++i) {
      std::string open = "data-figure=\"" + std::to_string(i) + "\"";
      size_t at = page.find(open);
      ASSERT_NE(at, std::string::npos) << name << " figure " << i;
      EXPECT_EQ(page.find(open, at + 1), std::string::npos) << "twice: figure " << i;
      size_t body = page.find('>', at) + 1;
      std::string inner = page.substr(body, page.find("</mark>", body) - body);
      inner = std::regex_replace(inner, std::regex("<[^>]*>"), "");
      EXPECT_EQ(inner, EscapeHtml(analysis.figures[i].text)) << name << " figure " << i;
    }
    size_t mentions = 0;
    for (const Actor& a : analysis.actors) mentions += a.mentions.size();
    size_t marks = 0;
    for (size_t at = page.find("<mark class=\"hl act "); at != std::string::npos;
         at = page.find("<mark class=\"hl act ", at + 1)) {
      marks += page.compare(page.find('"', at + 7) - 4, 4, "cont") != 0;
    }
    EXPECT_EQ(marks, mentions) << name;
    EXPECT_NE(page.find("class=\"hl quote k-quote\""), std::string::npos) << name;
  }
}

TEST(ReportPage, VerdictsAndMissingText) {
  Extractor extractor = testing::MakeExtractor();
  Analysis analysis = testing::AnalyseText(extractor, "Turnout was 61.8% and 38.2% said no.");
  analysis.id = "a.txt";
  ReportInput input;
  input.article_json.push_back(AnalysisToJson(analysis, {}));
  ASSERT_EQ(analysis.figures.size(), 2u);
  const Span& s = analysis.figures[1].span;
  input.verdicts.push_back({"corpora/a.txt", s.byte_start, s.byte_end, "contradicted",
                            "38.2 is not 40 <b>", "notice.txt"});
  ReportOptions options;
  options.output_dir = testing::TempDir();
  auto result = WriteReport(input, options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->problems.size(), 1u);  // no text
  EXPECT_NE(result->problems[0].find("a.txt: original text not found"), std::string::npos);
  std::string page = testing::ReadFile(options.output_dir + "/a/a.txt.html");
  EXPECT_NE(page.find("not found"), std::string::npos);
  EXPECT_NE(page.find("<span class=\"badge v-contradicted\">contradicted</span>"),
            std::string::npos);
  std::string index = testing::ReadFile(options.output_dir + "/index.html");
  EXPECT_NE(index.find("<svg"), std::string::npos);
  EXPECT_NE(index.find("href=\"a/a.txt.html\""), std::string::npos);

  input.texts["a.txt"] = "Turnout was 61.8% and 38.2% said no.";
  result = WriteReport(input, options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->problems.empty());
  page = testing::ReadFile(options.output_dir + "/a/a.txt.html");
  EXPECT_NE(page.find("verdict: contradicted (38.2 is not 40 &lt;b&gt;)\nsource: notice.txt"),
            std::string::npos);
}

TEST(ReportPage, BadInputIsAnErrorNotACrash) {
  ReportInput input;
  input.article_json = {
      "{not json", R"({"id":"e","error":"bad"})",
      R"({"id":"t","bytes":"ten","figures":[],"actors":[],"claims":[]})",
      R"({"id":"c","bytes":3,"figures":[],"actors":[],"claims":[{"figures":[4],"byte_start":0,"byte_end":1}]})"};
  ReportOptions options;
  options.output_dir = testing::TempDir();
  auto result = WriteReport(input, options);
  EXPECT_FALSE(result.ok());
  input.article_json.push_back(
      R"({"id":"ok","bytes":3,"figures":[{"kind":"count","text":"999","byte_start":2,"byte_end":5}],"actors":[],"claims":[]})");
  input.texts["ok"] = "abc";
  result = WriteReport(input, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->pages.size(), 2u);
  ASSERT_EQ(result->problems.size(), 5u);
  EXPECT_NE(result->problems[4].find("ok: figure 0 (bytes 2-5) is outside the text"),
            std::string::npos);
}

// `claimscan report` over real extract and check output, and the texts found on disk.
TEST(ReportCli, SeedsEndToEnd) {
  const std::string bin = CLAIMSCAN_BINARY;
  const std::string seeds = testing::SourcePath("corpora/seeds");
  std::string dir = testing::TempDir(), out, err;
  ASSERT_EQ(testing::RunCommand(bin + " extract " + seeds + " -o " + dir + "/out -q", &out, &err),
            0);
  ASSERT_EQ(testing::RunCommand(
                bin + " check " + seeds + " --format json > " + dir + "/check.jsonl", &out, &err) >>
                1,
            0);  // 0 or 1
  int code = testing::RunCommand(bin + " report " + dir + "/out -o " + dir + "/site --articles " +
                                     seeds + " --check " + dir + "/check.jsonl",
                                 &out, &err);
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(err.find("3 pages"), std::string::npos) << err;
  std::string page = testing::ReadFile(dir + "/site/a/000_00fc702a9f399b8e.txt.html");
  EXPECT_NE(page.find("class=\"badge v-"), std::string::npos);  // verdicts matched by path
  EXPECT_TRUE(fs::exists(dir + "/site/index.html"));
  // Without --articles the texts are not found: pages still written, exit 1, each named.
  code = testing::RunCommand(bin + " report " + dir + "/out -o " + dir + "/site2", &out, &err);
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.find("000_00fc702a9f399b8e.txt: original text not found"), std::string::npos)
      << err;
  // A changed text is refused (the SHA-256 differs).
  fs::create_directories(dir + "/changed");
  std::ofstream(dir + "/changed/000_00fc702a9f399b8e.txt") << "Something else\n";
  code = testing::RunCommand(bin + " report " + dir + "/out/000_00fc702a9f399b8e.json -o " + dir +
                                 "/site3 --articles " + dir + "/changed",
                             &out, &err);
  EXPECT_EQ(code, 1);
  // A missing corpus.db or folder is an error.
  EXPECT_EQ(
      testing::RunCommand(bin + " report " + dir + "/corpus.db -o " + dir + "/s4", &out, &err), 2);
  EXPECT_NE(err.find("corpus.db"), std::string::npos);
  EXPECT_EQ(testing::RunCommand(bin + " report " + dir + "/nothing -o " + dir + "/s5", &out, &err),
            2);
}

// A corpus.db in: the articles' JSON and the verdicts `check --db` stored.
TEST(ReportCli, FromACorpusDatabase) {
  const std::string bin = CLAIMSCAN_BINARY;
  const std::string seeds = testing::SourcePath("corpora/seeds");
  std::string dir = testing::TempDir(), out, err;
  ASSERT_EQ(
      testing::RunCommand(
          bin + " extract " + seeds + " --format sqlite -o " + dir + "/corpus.db -q", &out, &err),
      0)
      << err;
  ASSERT_EQ(testing::RunCommand(bin + " check " + seeds + "/000_00fc702a9f399b8e.txt --against " +
                                    seeds + "/004_1145b5d6b04816d0.txt --db " + dir + "/corpus.db",
                                &out, &err) >>
                1,
            0)
      << err;
  int code = testing::RunCommand(
      bin + " report " + dir + "/corpus.db -o " + dir + "/site --articles " + seeds, &out, &err);
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(err.find("3 pages"), std::string::npos) << err;
  std::string page = testing::ReadFile(dir + "/site/a/000_00fc702a9f399b8e.txt.html");
  EXPECT_NE(page.find("class=\"badge v-"), std::string::npos);  // verdicts from the database
  EXPECT_NE(page.find(">61.8%<"), std::string::npos);
}

// JSON Lines in and out: the texts come from the records, matched by id and line hash.
TEST(ReportCli, JsonLinesRecordsAndSingleFiles) {
  const std::string bin = CLAIMSCAN_BINARY;
  std::string dir = testing::TempDir(), out, err;
  std::ofstream(dir + "/in.jsonl")
      << R"({"id": 7, "title": "T <i>", "text": "Turnout was 61.8% & rising, Mr Smith said."})"
      << "\n"
      << R"({"id": "b", "text": "Over 400,000 calls were made."})"
      << "\n";
  std::ofstream(dir + "/one.txt") << "Headline\n\nIt cost \xC2\xA3"
                                  << "5m in 2016.\n";
  ASSERT_EQ(testing::RunCommand(
                bin + " extract " + dir + "/in.jsonl " + dir + "/one.txt -o " + dir + "/out -q",
                &out, &err),
            0)
      << err;
  ReportInput input;
  ASSERT_TRUE(LoadOutputFolder(dir + "/out", &input).ok());
  EXPECT_EQ(input.article_json.size(), 3u);
  std::vector<std::string> missing =
      LoadArticleTexts({dir + "/in.jsonl", dir + "/one.txt"}, &input);
  EXPECT_TRUE(missing.empty()) << missing[0];
  EXPECT_EQ(input.texts["7"], "Turnout was 61.8% & rising, Mr Smith said.");
  EXPECT_EQ(input.texts.size(), 3u);
  ReportOptions options;
  options.output_dir = dir + "/site";
  auto result = WriteReport(input, options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->problems.empty()) << result->problems[0];
  std::string page = testing::ReadFile(dir + "/site/a/7.html");
  EXPECT_NE(page.find("<title>T &lt;i&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find(">61.8%</mark>"), std::string::npos);
  EXPECT_FALSE(LoadOutputFolder(dir + "/nothing-here", &input).ok());
  EXPECT_FALSE(LoadCheckVerdicts(dir + "/in.jsonl", &input).ok());  // not check output
}

}  // namespace
}  // namespace claimscan
