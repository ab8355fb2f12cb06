// claimscan: figures, actors and claims from news articles.
//
// The library reads an article, normalises its text for matching while keeping a map back
// to the original bytes, splits it into sentences with ICU, runs rule files of RE2 patterns
// (rules/, loaded at run time), normalises the values it finds and links them into claims.
// Every span in the result refers to the original bytes, in bytes and in code points.
//
//   #include <claimscan/claimscan.h>
//
//   auto rules = claimscan::RuleSet::Load({"rules"});        // fails with file:line
//   if (!rules.ok()) { std::cerr << rules.status().ToString(); return 2; }
//   auto shared = std::make_shared<const claimscan::RuleSet>(std::move(rules).value());
//   auto extractor = claimscan::Extractor::Create(shared);   // one per thread
//
//   claimscan::Article article;
//   article.id = "example";
//   article.text = "Turnout rose to 61.8% in 2016.";
//   auto analysis = extractor->Extract(article);
//   for (const claimscan::Figure& f : analysis->figures) {
//     // f.kind == "percentage", *f.value == 61.8, f.text == "61.8%", f.rule == ...
//   }
//   std::string json = claimscan::AnalysisToJson(*analysis, {});
//
// Stages, one header each: text_normaliser.h, segmenter.h, rule_set.h, rule_matcher.h,
// number_parser.h, figure_builder.h, actor_resolver.h, extractor.h, article_reader.h,
// json_writer.h, batch.h, rule_tester.h. Errors come back as Status / Result<T>; the
// library does not throw. corpus_database.h stores a corpus in SQLite (docs/sqlite.md).
#ifndef CLAIMSCAN_CLAIMSCAN_H_
#define CLAIMSCAN_CLAIMSCAN_H_

#include <claimscan/about_finder.h>
#include <claimscan/actor_resolver.h>
#include <claimscan/article_reader.h>
#include <claimscan/batch.h>
#include <claimscan/checker.h>
#include <claimscan/corpus_database.h>
#include <claimscan/csv_writer.h>
#include <claimscan/document.h>
#include <claimscan/evaluation.h>
#include <claimscan/extractor.h>
#include <claimscan/figure_builder.h>
#include <claimscan/json_writer.h>
#include <claimscan/number_parser.h>
#include <claimscan/report.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/rule_set.h>
#include <claimscan/rule_tester.h>
#include <claimscan/segmenter.h>
#include <claimscan/status.h>
#include <claimscan/text_normaliser.h>

#endif  // CLAIMSCAN_CLAIMSCAN_H_
