// Actors and claims: the seed annotation (corpora/seeds/expected.json) and the evaluation
// corpus (corpora/eval/actors/).
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <claimscan/evaluation.h>

#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;

using nlohmann::json;

const Actor* FindActor(const Analysis& a, const std::string& names) {
  // "A|B": either name is acceptable, as the canonical name or a mention's text.
  size_t start = 0;
  while (start <= names.size()) {
    size_t bar = names.find('|', start);
    std::string name =
        names.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    for (const Actor& actor : a.actors) {
      if (actor.name == name) return &actor;
      for (const Mention& m : actor.mentions) {
        if (m.text == name) return &actor;
      }
    }
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return nullptr;
}

TEST(ActorsClaims, SeedActorsAreFoundWithTheirTypes) {
  Extractor extractor = testing::MakeExtractor();
  const json expected =
      json::parse(testing::ReadFile(testing::SourcePath("corpora/seeds/expected.json")));
  size_t checked = 0;
  for (const auto& [file, doc] : expected.items()) {
    Analysis a = testing::AnalyseFile(extractor, "seeds/" + file);
    for (const auto& [type, names] : doc["actors"].items()) {
      for (const json& name : names) {
        const Actor* actor = FindActor(a, name.get<std::string>());
        ASSERT_NE(actor, nullptr) << file << ": no actor " << name;
        EXPECT_EQ(actor->type, type) << file << ": " << name;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 24u);
}

TEST(ActorsClaims, SeedMentionsMergeIntoOneActor) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseFile(extractor, "seeds/000_00fc702a9f399b8e.txt");
  const Actor* corbyn = FindActor(a, "Jeremy Corbyn");
  ASSERT_NE(corbyn, nullptr);
  std::set<std::string> texts;
  for (const Mention& m : corbyn->mentions) texts.insert(m.text);
  EXPECT_TRUE(texts.count("Corbyn") && texts.count("Mr Corbyn") && texts.count("Jeremy Corbyn"));
  Analysis b = testing::AnalyseFile(extractor, "seeds/004_1145b5d6b04816d0.txt");
  const Actor* sanders = FindActor(b, "Bernie Sanders");
  ASSERT_NE(sanders, nullptr);
  std::set<std::string> sanders_texts;
  for (const Mention& m : sanders->mentions) sanders_texts.insert(m.text);
  EXPECT_TRUE(sanders_texts.count("Sanders") && sanders_texts.count("the Senator"));
  const Actor* smith = FindActor(a, "Owen Smith");
  ASSERT_NE(smith, nullptr);
  EXPECT_EQ(smith->name, "Owen Smith");
  EXPECT_GE(smith->mentions.size(), 3u);
}

// The claim whose quote starts with `quote_start`, or nullptr.
const Claim* ClaimQuoting(const Analysis& a, const std::string& original,
                          const std::string& quote_start) {
  for (const Claim& c : a.claims) {
    if (c.quote && original.compare(c.quote->byte_start, quote_start.size(), quote_start) == 0) {
      return &c;
    }
  }
  return nullptr;
}

TEST(ActorsClaims, SeedQuotesAreAttributed) {
  Extractor extractor = testing::MakeExtractor();
  const json expected =
      json::parse(testing::ReadFile(testing::SourcePath("corpora/seeds/expected.json")));
  for (const auto& [file, doc] : expected.items()) {
    std::string original = testing::ReadFile(testing::SourcePath("corpora/seeds/" + file));
    Analysis a = testing::AnalyseFile(extractor, "seeds/" + file);
    for (const json& want : doc["claims"]) {
      const Claim* c = ClaimQuoting(a, original, want["quote_starts"].get<std::string>());
      ASSERT_NE(c, nullptr) << file << ": no claim quoting " << want["quote_starts"];
      EXPECT_EQ(c->verb, want["verb"]);
      ASSERT_TRUE(c->speaker.has_value());
      const Actor* speaker = FindActor(a, want["speaker"].get<std::string>());
      ASSERT_NE(speaker, nullptr);
      EXPECT_EQ(*c->speaker, speaker->id) << file;
    }
  }
}

TEST(ActorsClaims, FiguresLinkToTheActorTheyAreAbout) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseFile(extractor, "seeds/000_00fc702a9f399b8e.txt");
  ASSERT_FALSE(a.figures.empty());
  EXPECT_EQ(a.figures[0].text, "61.8%");
  EXPECT_EQ(a.figures[0].actor, FindActor(a, "Jeremy Corbyn")->id);
  Analysis b = testing::AnalyseFile(extractor, "seeds/004_1145b5d6b04816d0.txt");
  for (const Figure& f : b.figures) {
    if (f.text == "around 130,000") {
      EXPECT_EQ(f.actor, FindActor(b, "Tory party")->id);
    }
  }
}

TEST(ActorsClaims, HeadlineCaseAndCommonWordsMakeNoActors) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseFile(extractor, "seeds/004_1145b5d6b04816d0.txt");
  for (const Actor& actor : a.actors) {
    for (const char* word :
         {"Set", "Be Reelected", "Despite", "Bitter Battle", "What", "Parallels", "Article"}) {
      EXPECT_EQ(actor.name.find(word), std::string::npos) << actor.name;
    }
  }
}

// The speaker of the claim whose verb is `verb`, by canonical name ("" when none).
std::string SpeakerOf(const Analysis& a, const std::string& verb, size_t nth = 0) {
  for (const Claim& c : a.claims) {
    if (c.verb != verb || nth-- > 0) continue;
    for (const Actor& actor : a.actors) {
      if (c.speaker && actor.id == *c.speaker) return actor.name;
    }
    return "";
  }
  return "<no claim>";
}

TEST(ActorsClaims, AnAsideDescribesTheSpeakerWithoutSpeaking) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Council funding row\n\nCOSLA, the umbrella body for Scotland's 32 councils, said the "
      "offer fell short. The African National Congress, which holds 159 seats in the National "
      "Assembly, accused its partner of blackmail.");
  EXPECT_EQ(SpeakerOf(a, "said"), "COSLA");
  EXPECT_EQ(SpeakerOf(a, "accused"), "African National Congress");
  // Read on the original bytes: a curly quote ends the sentence before the subject.
  Analysis b = testing::AnalyseText(
      extractor,
      "Coalition strain\n\nMr Steenhuisen called it \u201ca betrayal.\u201d The Democratic "
      "Alliance, which won 87 seats in the National Assembly, accused the ANC of bad faith.");
  EXPECT_EQ(SpeakerOf(b, "accused"), "Democratic Alliance");
  // A word in scare quotes inside the aside neither ends it nor is what was said.
  Analysis c = testing::AnalyseText(
      extractor,
      "Visa row\n\nThe Home Office, in a \"statement\" to the BBC, said the rules were fair.");
  EXPECT_EQ(SpeakerOf(c, "said"), "Home Office");
  ASSERT_EQ(c.claims.size(), 1u);
  EXPECT_FALSE(c.claims[0].quote.has_value());
}

TEST(ActorsClaims, ARoleSpeaksForThePersonIntroducedWithIt) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Coalition talks stall\n\nNational Party leader Christopher Luxon, the caretaker prime "
      "minister, said on Friday he had spoken to Winston Peters twice. Peters said nothing had "
      "changed. \"Nobody should read too much into a walkout,\" the prime minister said.");
  EXPECT_EQ(SpeakerOf(a, "said", 2), "Christopher Luxon");
  // The name the role is attached to, not another name near it; the whole role, not its
  // last word ("health minister", not any minister).
  Analysis b = testing::AnalyseText(
      extractor,
      "Budget row\n\nRishi Sunak praised Jeremy Hunt, the chancellor, for his restraint. Boris "
      "Johnson agreed. \"It is prudent,\" the chancellor said.\n\nHealth Minister Anne Lee met "
      "Foreign Minister Bob Ray. Anne Lee spoke first. \"We are ready,\" the health minister "
      "said.");
  EXPECT_EQ(SpeakerOf(b, "said"), "Jeremy Hunt");
  EXPECT_EQ(SpeakerOf(b, "said", 1), "Anne Lee");
}

TEST(ActorsClaims, ASourceSpeaksForWhomThePhraseNames) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Taxi row\n\nThe minister took 40 taxis. A Downing Street source said he would stay. "
      "One source said nothing had been decided.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Downing Street");
  EXPECT_EQ(SpeakerOf(a, "said", 1), "");  // a guard: a source that names no one is no one
}

// "the Premier" is the person introduced as Premier, not the person named last; "The
// Tánaiste, Simon Harris," is the person named in apposition.
TEST(ActorsClaims, ATitleReferenceIsThePersonWhoHoldsTheTitle) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Pay row\n\nPremier Rebecca Talbot met the union. Health Minister Daniel Pryor stayed "
      "away. The Premier said the offer was fair.\n\nThe Tánaiste, Simon Harris, said Sinn "
      "Féin was scaremongering. Niamh Carragher disagreed.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Rebecca Talbot");
  EXPECT_EQ(SpeakerOf(a, "said", 1), "Simon Harris");
  // A former holder holds the title no more, and a list is no apposition.
  Analysis b = testing::AnalyseText(
      extractor,
      "Debt row\n\nFormer Chancellor George Osborne attacked Rachel Reeves. The Chancellor "
      "said she would not change course. Afterwards the Chancellor, Kemi Badenoch and Ed Davey "
      "posed for photographs.");
  EXPECT_EQ(SpeakerOf(b, "said"), "Rachel Reeves");
  for (const Actor& actor : b.actors) {
    if (actor.name == "Kemi Badenoch") EXPECT_EQ(actor.mentions.size(), 1u);
  }
  for (const Actor& actor : a.actors) {
    if (actor.name != "Daniel Pryor" && actor.name != "Niamh Carragher") continue;
    EXPECT_EQ(actor.mentions.size(), 1u) << actor.name;  // no title reference merged in
  }
}

// A role in the speaker phrase ("The health minister said") is its holder, not a former
// holder named since; a title written again after an apposition is the apposed person.
TEST(ActorsClaims, ARoleSpeakerSkipsFormerHoldersAndATitleRepeatsItsApposition) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Clinic row\n\nHealth Minister Anne Lee opened the clinic. Former health minister Tom "
      "Price called it a stunt. The health minister said the clinic would stay open.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Anne Lee");
  const std::string text =
      "Rent row\n\nThe Taoiseach, Micheál Martin, defended the plan.\n\n\u201CThe Taoiseach "
      "can dress this up,\u201D Niamh Carragher said.";
  Analysis b = testing::AnalyseText(extractor, text);
  const size_t again = text.rfind("The Taoiseach");
  const Actor* holder = nullptr;
  for (const Actor& actor : b.actors) {
    for (const Mention& m : actor.mentions) {
      if (m.span.byte_start == again) holder = &actor;
    }
  }
  ASSERT_NE(holder, nullptr);
  EXPECT_EQ(holder->name, "Micheál Martin");
}

// Organisations that speak through someone unnamed: "a council spokeswoman" and "the
// council" are the council last named; "a senior EU official" speaks for the EU; "people
// familiar with the matter" speak for no one named, and "Island States" states nothing.
TEST(ActorsClaims, UnnamedSpeakersSpeakForTheOrganisationTheyName) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Hotel row\n\nDublin City Council met the Department of Housing. A council spokeswoman "
      "added that no family would be placed on the street. Later the council said it had "
      "bought more rooms.\n\nA senior EU official, speaking on condition of anonymity, said "
      "the bloc would stay. The Alliance of Small Island States issued a statement. The bank "
      "will hold rates, two people familiar with the matter said.");
  EXPECT_EQ(SpeakerOf(a, "added"), "Dublin City Council");
  EXPECT_EQ(SpeakerOf(a, "said"), "Dublin City Council");
  EXPECT_EQ(SpeakerOf(a, "said", 1), "European Union");
  EXPECT_EQ(SpeakerOf(a, "said", 2), "");
  EXPECT_EQ(SpeakerOf(a, "States"), "<no claim>");
}

// Wire and US political copy: a party-state tag in brackets after the name, "was quoted as
// saying", a statement "from" a body, a person's office, and the agent of a passive.
TEST(ActorsClaims, BracketsPassivesAndStatementsNameTheirSpeaker) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Lithium row\n\nSpeaker Tom Halvorsen (R-Minn.) told reporters the deal was done. Mining "
      "Minister Valentina Soto was quoted as saying by a newspaper that the plan stood. A "
      "statement from the National Mining Society (Sonami) read: \"Royalties are too high.\" "
      "Senator Ignacio Fuenzalida disagreed. Fuenzalida's office said he would table a plan. "
      "The proposal was described by Fuenzalida as \"a tax dressed up as a royalty\".");
  EXPECT_EQ(SpeakerOf(a, "told"), "Tom Halvorsen");
  EXPECT_EQ(SpeakerOf(a, "quoted as saying"), "Valentina Soto");
  EXPECT_EQ(SpeakerOf(a, "read"), "National Mining Society");
  EXPECT_EQ(SpeakerOf(a, "said"), "Ignacio Fuenzalida");
  EXPECT_EQ(SpeakerOf(a, "described"), "Ignacio Fuenzalida");
}

// "she said" skips a man the article calls "Mr" and a person the quote itself names; an
// organisation that opens the speaker phrase is the speaker, not a person in its aside.
TEST(ActorsClaims, PronounsAgreeWithHonorificsAndAnOrganisationHeadsItsAside) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Court and council\n\nJustice Elena Kagan listened to the argument. Mr. Coles had been "
      "denied credit for years, she said. Mayor Dana Whitfield proposed a tax rise. The "
      "Chicago Teachers Union, a key Whitfield ally, said it backed the increase. James Corrie "
      "criticised the chancellor. Miriam Okafor hit back. \"Corrie is entitled to his view,\" "
      "she told reporters. The party retains full confidence in Okafor.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Elena Kagan");
  EXPECT_EQ(SpeakerOf(a, "said", 1), "Chicago Teachers Union");
  EXPECT_EQ(SpeakerOf(a, "told"), "Miriam Okafor");  // not Corrie, whom the quote names
  // "in Okafor" reads like a place, but Okafor is a person the article has named.
  for (const Actor& actor : a.actors) EXPECT_NE(actor.id, "place:okafor");
}

// A titled name at the start of the speaker phrase is named, even when the title's first
// word starts indefinite phrases too ("Opposition councillors"); a contraction is no name.
TEST(ActorsClaims, ATitledSpeakerIsNamedAndAContractionIsNoName) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Health row\n\nOpposition Leader Marcus Feeney said Labor had lost control. \"We've "
      "called the police three times,\" said Maria Lopez.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Marcus Feeney");
  for (const Actor& actor : a.actors) EXPECT_NE(actor.name, "We've");
}

// "X did something but said ...": the cue without a speaker shares the subject that opens
// the sentence, not the person named last.
TEST(ActorsClaims, AButSaidCueSharesTheSubjectThatOpensTheSentence) {
  Extractor extractor = testing::MakeExtractor();
  Analysis a = testing::AnalyseText(
      extractor,
      "Rates held\n\nGovernor Ida Wolden Bache spoke first. The Bank of England kept its rate "
      "at 4.25% on Thursday but said borrowing costs could fall.");
  EXPECT_EQ(SpeakerOf(a, "said"), "Bank of England");
}

// A speaker whose name ends in a word of the rules' `map org_suffix` is an organisation,
// and a user's rule file extends that list without recompiling.
TEST(ActorsClaims, ASpeakerEndingInAnOrganisationWordIsAnOrganisation) {
  const std::string text =
      "Harbour row\n\nBright Harbour Cooperative said the fees would rise. Marlow Tidal "
      "Water said nothing.";
  auto TypeOf = [](const Analysis& a, const std::string& name) -> std::string {
    for (const Actor& actor : a.actors) {
      if (actor.name == name) return actor.type;
    }
    return "<none>";
  };
  Extractor bundled = testing::MakeExtractor();
  Analysis before = testing::AnalyseText(bundled, text);
  EXPECT_EQ(TypeOf(before, "Marlow Tidal Water"), "org");
  EXPECT_EQ(TypeOf(before, "Bright Harbour Cooperative"), "person");

  fs::path extra = fs::temp_directory_path() / "claimscan_org_suffix_test.rules";
  std::ofstream(extra) << "map org_suffix\n  org: Cooperative\n";
  Result<RuleSet> rules = RuleSet::Load({testing::SourcePath("rules"), extra.string()});
  fs::remove(extra);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  Result<Extractor> extended =
      Extractor::Create(std::make_shared<const RuleSet>(std::move(rules).value()), {});
  ASSERT_TRUE(extended.ok());
  Analysis after = testing::AnalyseText(*extended, text);
  EXPECT_EQ(TypeOf(after, "Bright Harbour Cooperative"), "org");
}

// The evaluation corpus: mention F1 >= 0.85 and attribution F1 >= 0.8 (issue 4).
TEST(ActorsClaims, EvaluationCorpusFloors) {
  Result<std::vector<GoldActorArticle>> gold =
      LoadActorGold(testing::SourcePath("corpora/eval/actors"));
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_GE(gold->size(), 40u);
  Extractor extractor = testing::MakeExtractor();
  std::map<std::string, Analysis> predicted;
  for (const GoldActorArticle& g : *gold) {
    Article article = ArticleFromText(g.id, testing::ReadFile(g.path), InputFormat::kText);
    Result<Analysis> r = extractor.Extract(article);
    ASSERT_TRUE(r.ok());
    predicted[g.id] = std::move(r).value();
  }
  ActorScores scores = ScoreActors(*gold, predicted);
  std::printf("%s", FormatActorScores(scores).c_str());
  EXPECT_GE(scores.mentions_all.F1(), 0.85);
  EXPECT_GE(scores.merging.F1(), 0.95);
  EXPECT_GE(scores.verbs.F1(), 0.90);
  EXPECT_GE(scores.attribution.F1(), 0.80);
}

}  // namespace
}  // namespace claimscan
