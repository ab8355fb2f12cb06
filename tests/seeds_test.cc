// The hand annotation of the seed articles (corpora/seeds/expected.json) as assertions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace claimscan {
namespace {

using nlohmann::json;

json Expected() {
  return json::parse(testing::ReadFile(testing::SourcePath("corpora/seeds/expected.json")));
}

// An output span matches when it lies inside the annotated span and overlaps it.
const Figure* Find(const Analysis& a, const json& want) {
  for (const Figure& f : a.figures) {
    if (f.span.start >= want["start"].get<size_t>() && f.span.end <= want["end"].get<size_t>() &&
        f.span.end > f.span.start) {
      return &f;
    }
  }
  return nullptr;
}

TEST(Seeds, EveryAnnotatedFigureIsFoundWithKindValueAndApprox) {
  Extractor extractor = testing::MakeExtractor();
  json expected = Expected();
  size_t checked = 0;
  for (const auto& [file, doc] : expected.items()) {
    Analysis a = testing::AnalyseFile(extractor, "seeds/" + file);
    for (const json& want : doc["figures"]) {
      const Figure* f = Find(a, want);
      ASSERT_NE(f, nullptr) << file << ": no figure inside '" << want["text"] << "'";
      EXPECT_EQ(f->kind, want["kind"]) << file << ": " << f->text;
      ASSERT_TRUE(f->value.has_value()) << f->text;
      EXPECT_DOUBLE_EQ(*f->value, want["value"].get<double>()) << file << ": " << f->text;
      if (want.contains("approx")) {
        EXPECT_EQ(f->approx, want["approx"]) << f->text;
      }
      if (want.contains("currency")) {
        EXPECT_EQ(f->currency, want["currency"]) << f->text;
      }
      if (want.contains("unit")) {
        EXPECT_EQ(f->unit, want["unit"]) << f->text;
      }
      if (want.contains("about")) {
        EXPECT_EQ(f->about, want["about"]) << f->text;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 20u);
}

TEST(Seeds, CommentNumberingIsNeverAFigure) {
  Extractor extractor = testing::MakeExtractor();
  const json expected = Expected();
  for (const auto& [file, doc] : expected.items()) {
    if (!doc.contains("not_figures")) continue;
    Analysis a = testing::AnalyseFile(extractor, "seeds/" + file);
    std::string text = testing::ReadFile(testing::SourcePath("corpora/seeds/" + file));
    for (const json& s : doc["not_figures"]) {
      size_t at = text.find(s.get<std::string>());
      ASSERT_NE(at, std::string::npos) << s;
      for (const Figure& f : a.figures) {
        bool overlaps =
            f.span.byte_start < at + s.get<std::string>().size() && at < f.span.byte_end;
        EXPECT_FALSE(overlaps) << file << ": '" << f.text << "' inside " << s;
      }
    }
  }
}

TEST(Seeds, YearsAreNeverCounts) {
  Extractor extractor = testing::MakeExtractor();
  const json expected = Expected();
  for (const auto& [file, doc] : expected.items()) {
    Analysis a = testing::AnalyseFile(extractor, "seeds/" + file);
    for (const Figure& f : a.figures) {
      if (f.text == "2015" || f.text == "2020") {
        EXPECT_EQ(f.kind, "year") << file;
      }
      if (f.kind == "count") {
        EXPECT_FALSE(f.value == 2015.0 || f.value == 2020.0) << file;
      }
    }
  }
}

TEST(Seeds, IssueTwoCountsAndMoneyOf004) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseFile(extractor, "seeds/004_1145b5d6b04816d0.txt");
  std::vector<double> counts;
  for (const Figure& f : a.figures) {
    if (f.kind == "count" && f.value) counts.push_back(*f.value);
  }
  EXPECT_EQ(counts, (std::vector<double>{500000, 59, 400000, 130000, 500}));
  bool money = false;
  for (const Figure& f : a.figures) {
    if (f.kind == "money") money = f.value == 300000.0 && f.currency == "GBP";
  }
  EXPECT_TRUE(money);
}

}  // namespace
}  // namespace claimscan
