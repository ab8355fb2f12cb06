// JSON pieces shared by the writers of `extract` and `check` output.
#ifndef CLAIMSCAN_SRC_OUTPUT_JSON_PARTS_H_
#define CLAIMSCAN_SRC_OUTPUT_JSON_PARTS_H_

#include <optional>

#include <nlohmann/json.hpp>

#include <claimscan/document.h>
#include <claimscan/json_writer.h>

namespace claimscan::internal {

using Json = nlohmann::ordered_json;

// Integral values as integers, others with 12 significant digits.
Json Number(double v);
Json Optional(const std::optional<double>& v);
// Adds start, end, byte_start, byte_end.
void PutSpan(Json& j, const Span& s);
// The four offsets, or null.
Json OptionalSpan(const std::optional<Span>& s);
// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string CsvField(std::string_view s);

// The article's JSON as a tree, before AnalysisToJson writes it out: for callers that hand the
// values on without going through text (the Python module).
Json AnalysisJson(const Analysis& analysis, const JsonOptions& options);

// A figure as in the `figures` array of the extract output (docs/schema.md).
Json FigureJson(const Figure& f);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_OUTPUT_JSON_PARTS_H_
