#include "check/text_table.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

namespace claimscan::internal {
namespace {

struct Cell {
  size_t begin = 0, end = 0;  // bytes of `text`
};

struct Line {
  size_t begin = 0, end = 0;
  std::vector<Cell> cells;
  bool has_digit = false;
};

// Cells are separated by a tab or by two or more spaces: how fixed-width tables are typed.
std::vector<Cell> SplitCells(std::string_view text, size_t begin, size_t end) {
  std::vector<Cell> cells;
  size_t i = begin;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end) break;
    size_t b = i, last = i;
    while (i < end) {
      if (text[i] == '\t' || (text[i] == ' ' && i + 1 < end && text[i + 1] == ' ')) break;
      if (text[i] != ' ') last = i + 1;
      ++i;
    }
    cells.push_back({b, last});
  }
  return cells;
}

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = std::min(text.find('\n', pos), text.size());
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    Line line{pos, end, SplitCells(text, pos, end), false};
    line.has_digit = std::any_of(text.begin() + pos, text.begin() + end, [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    lines.push_back(std::move(line));
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

bool IsBlank(const Line& l) { return l.cells.empty(); }

// The header cell above a cell: the one it overlaps most by column, else the nearest.
// `overlaps`, if given, says whether the cell returned overlaps the column.
const Cell* HeaderCellFor(const Line& header, const Line& row, const Cell& cell,
                          bool* overlaps = nullptr) {
  size_t col_b = cell.begin - row.begin, col_e = cell.end - row.begin;
  const Cell* best = nullptr;
  long best_gap = 0;
  for (const Cell& h : header.cells) {
    long hb = static_cast<long>(h.begin - header.begin),
         he = static_cast<long>(h.end - header.begin);
    long overlap = std::min<long>(he, col_e) - std::max<long>(hb, col_b);
    long gap = overlap > 0 ? -overlap : -overlap + 1;
    if (best == nullptr || gap < best_gap) {
      best = &h;
      best_gap = gap;
    }
  }
  if (overlaps != nullptr) *overlaps = best != nullptr && best_gap < 0;
  return best;
}

void AddWords(std::string_view text, const Cell& c, double weight, const Lexicon* synonyms,
              std::map<std::string, double>* out) {
  for (const auto& [term, w] :
       TextTerms(text.substr(c.begin, c.end - c.begin), nullptr, synonyms)) {
    double& slot = (*out)[term];
    slot = std::max(slot, weight * w);
  }
}

}  // namespace

std::vector<std::string> ApplyTextTableTerms(const Analysis& analysis, std::string_view text,
                                             const Lexicon* synonyms, std::vector<Terms>* terms) {
  std::vector<std::string> columns(analysis.figures.size());
  std::vector<Line> lines = Lines(text);
  size_t li = 0;
  for (size_t i = 0; i < analysis.figures.size(); ++i) {
    const Figure& f = analysis.figures[i];
    if ((*terms)[i].empty()) continue;
    while (li + 1 < lines.size() && lines[li].end < f.span.byte_start) ++li;
    if (li >= lines.size() || f.span.byte_start < lines[li].begin) continue;
    const Line& row = lines[li];
    auto in = std::find_if(row.cells.begin(), row.cells.end(), [&](const Cell& c) {
      return f.span.byte_start >= c.begin && f.span.byte_end <= c.end;
    });
    // A table cell is a figure alone in a cell, not the row's first (its label).
    if (row.cells.size() < 2 || in == row.cells.end() || in == row.cells.begin()) continue;
    if (in->end - in->begin > f.span.byte_end - f.span.byte_start + 4) continue;
    // The row's label: its cells without digits ("MERCER, Thomas   Conservative Party").
    std::map<std::string, double> cell_terms;
    for (const Cell& c : row.cells) {
      if (std::none_of(text.begin() + c.begin, text.begin() + c.end,
                       [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
        AddWords(text, c, 1.0, synonyms, &cell_terms);
      }
    }
    // The header: the nearest line above, in the same block, with cells and no numbers; the
    // caption: the non-table line above it.
    for (size_t h = li; h-- > 0;) {
      if (IsBlank(lines[h])) break;
      if (lines[h].cells.size() < 2) break;
      if (lines[h].has_digit) continue;
      bool overlaps = false;
      const Cell* hc = HeaderCellFor(lines[h], row, *in, &overlaps);
      // A header over two lines ("Electorate" above "Seats"): a column the lower line leaves
      // empty ("% Votes") takes its header from the line above.
      if (!overlaps && h > 0 && !IsBlank(lines[h - 1]) && lines[h - 1].cells.size() >= 2 &&
          !lines[h - 1].has_digit) {
        bool upper_overlaps = false;
        const Cell* upper = HeaderCellFor(lines[h - 1], row, *in, &upper_overlaps);
        if (upper_overlaps) {
          hc = upper;
          --h;
        }
      }
      if (hc != nullptr) {
        AddWords(text, *hc, 1.0, synonyms, &cell_terms);
        columns[i] = std::string(text.substr(hc->begin, hc->end - hc->begin));
      }
      for (size_t c = h; c-- > 0;) {
        if (IsBlank(lines[c])) continue;
        if (lines[c].cells.size() == 1) {
          AddWords(text, lines[c].cells.front(), 0.4, synonyms, &cell_terms);
        }
        break;
      }
      break;
    }
    // Actors named in the row keep their terms: they say whose figure it is.
    for (const auto& [term, weight] : (*terms)[i]) {
      if (term[0] == '@') cell_terms[term] = std::max(cell_terms[term], weight);
    }
    (*terms)[i] = Terms(cell_terms.begin(), cell_terms.end());
  }
  return columns;
}

}  // namespace claimscan::internal
