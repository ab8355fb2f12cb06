#include <gtest/gtest.h>

#include <claimscan/actor_resolver.h>

namespace claimscan {
namespace {

MentionCandidate M(const char* type, const char* name, size_t at, int strength = 0,
                   bool canonical = false) {
  MentionCandidate c;
  c.type = type;
  c.name = name;
  c.canonical = canonical;
  c.strength = strength;
  c.mention.text = name;
  c.mention.span = {at, at + 1, at, at + 1};
  c.mention.rule = "r";
  return c;
}

TEST(ActorResolver, SurnamesJoinTheFullNameWhicheverComesFirst) {
  std::vector<Actor> actors = ResolveActors(
      {M("person", "Corbyn", 1), M("person", "Jeremy Corbyn", 5), M("person", "Smith", 9)});
  ASSERT_EQ(actors.size(), 2u);
  EXPECT_EQ(actors[0].name, "Jeremy Corbyn");
  EXPECT_EQ(actors[0].id, "person:jeremy-corbyn");
  ASSERT_EQ(actors[0].mentions.size(), 2u);
  EXPECT_EQ(actors[0].mentions[0].span.byte_start, 1u);  // in text order
  EXPECT_EQ(actors[1].name, "Smith");
}

TEST(ActorResolver, StrongestRuleSettlesTheType) {
  std::vector<Actor> actors =
      ResolveActors({M("place", "Momentum", 1, 1), M("org", "Momentum", 5, 25, true)});
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].type, "org");
  EXPECT_EQ(actors[0].id, "org:momentum");
}

TEST(ActorResolver, SameNameDifferentPeopleAreNotMergedBySurnameAcrossTypes) {
  std::vector<Actor> actors = ResolveActors({M("person", "Owen Smith", 1), M("org", "Smith", 5)});
  EXPECT_EQ(actors.size(), 2u);
}

}  // namespace
}  // namespace claimscan
