// WriteReport: every article's page, then the index.
#include <map>
#include <set>

#include <claimscan/json_writer.h>
#include <claimscan/report.h>

#include "report/article_model.h"
#include "report/article_page.h"
#include "report/html_escape.h"
#include "report/index_page.h"

namespace claimscan {

Result<ReportResult> WriteReport(const ReportInput& input, const ReportOptions& options) {
  if (options.output_dir.empty()) {
    return Status::InvalidArgument("report", "no output folder given");
  }
  ReportResult result;
  std::map<std::string, std::vector<const FigureVerdict*>> verdicts;  // by article id
  for (const FigureVerdict& v : input.verdicts) verdicts[v.article_id].push_back(&v);
  // `check` names an article by the path it was given ("corpora/seeds/a.txt") where extract
  // named it relative to its folder ("a.txt"): a verdict id ending in "/" + the id matches too.
  auto verdicts_of = [&](const std::string& id) -> std::vector<const FigureVerdict*> {
    auto exact = verdicts.find(id);
    if (exact != verdicts.end()) return exact->second;
    std::string suffix = "/" + id;
    for (const auto& [key, list] : verdicts) {
      if (key.size() > suffix.size() &&
          key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return list;
      }
    }
    return {};
  };

  std::vector<internal::ArticleModel> articles;
  articles.reserve(input.article_json.size());
  for (const std::string& json : input.article_json) {
    Result<internal::ArticleModel> model = internal::ParseArticle(json);
    if (!model.ok()) {
      result.problems.push_back(model.status().message());
      continue;
    }
    articles.push_back(std::move(model).value());
  }
  if (articles.empty()) {
    return Status::InvalidInput(options.output_dir, "no article to report on");
  }

  std::vector<internal::IndexEntry> entries;
  std::set<std::string> taken;
  for (internal::ArticleModel& article : articles) {
    internal::AttachVerdicts(verdicts_of(article.id), &article);
    // One file per article, named after its id; a clash gets a number.
    std::string base = "a/" + internal::SafeName(article.id);
    std::string href = base + ".html";
    for (int n = 2; !taken.insert(href).second; ++n)
      href = base + "-" + std::to_string(n) + ".html";

    auto text = input.texts.find(article.id);
    if (text == input.texts.end()) {
      result.problems.push_back(article.id +
                                ": original text not found; its page lists the figures without it");
    } else if (text->second.size() != article.bytes) {
      result.problems.push_back(article.id + ": the text has " +
                                std::to_string(text->second.size()) + " bytes, the JSON says " +
                                std::to_string(article.bytes));
    }
    std::string page =
        internal::RenderArticlePage(article, text == input.texts.end() ? nullptr : &text->second,
                                    "../index.html", &result.problems);
    Status s = WriteFileAtomically(options.output_dir + "/" + href, page);
    if (!s.ok()) return s;
    result.pages.push_back({article.id, href, page.size()});
    entries.push_back({&article, href});
  }
  std::string index = internal::RenderIndexPage(options.title, entries);
  Status s = WriteFileAtomically(options.output_dir + "/index.html", index);
  if (!s.ok()) return s;
  result.pages.push_back({"", "index.html", index.size()});
  return result;
}

}  // namespace claimscan
