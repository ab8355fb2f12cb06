// RuleTester: runs every rule's examples and counterexamples through the whole pipeline.
#ifndef CLAIMSCAN_RULE_TESTER_H_
#define CLAIMSCAN_RULE_TESTER_H_

#include <string>
#include <vector>

#include <claimscan/extractor.h>

namespace claimscan {

// One example or counterexample that did not come out as the rule file says.
struct RuleTestFailure {
  std::string rule;
  std::string where;  // file:line of the example
  std::string text;
  std::string message;  // what was expected and what was found
};

struct RuleTestReport {
  size_t rules = 0;
  size_t examples = 0;
  size_t counterexamples = 0;
  std::vector<RuleTestFailure> failures;
};

// An example must yield exactly one item (figure, actor mention or claim) over its
// bracketed span (or whole text), found by that rule, with every attribute it lists.
// A counterexample must yield nothing from that rule (other rules may still match it).
RuleTestReport TestRules(Extractor& extractor);

}  // namespace claimscan

#endif  // CLAIMSCAN_RULE_TESTER_H_
