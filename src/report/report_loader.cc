// Reading a report's input: extract output, check verdicts and the original texts.
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <claimscan/article_reader.h>
#include <claimscan/report.h>

#include "common/sha256.h"

namespace claimscan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> Lines(const std::string& bytes) {
  std::vector<std::string> out;
  std::istringstream in(bytes);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
  }
  return out;
}

bool Blank(const std::string& line) { return line.find_first_not_of(" \t") == std::string::npos; }

// An id as extract writes it: a string, or a JSON Lines record's number.
std::string IdOf(const Json& j) {
  auto it = j.find("id");
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// What an article's text must be: its id, size and (when recorded) input hash.
struct Wanted {
  std::string id, sha256;
  size_t bytes = 0;
};

}  // namespace

Status LoadOutputFolder(const std::string& path, ReportInput* input) {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    fs::recursive_directory_iterator it(path, ec), end;
    if (ec) return Status::IoError(path, ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::IoError(path, ec.message());
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.' || !it->is_regular_file(ec)) continue;  // temporaries
      if (EndsWith(name, ".json") || EndsWith(name, ".jsonl")) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  size_t before = input->article_json.size();
  for (const std::string& file : files) {
    std::string bytes;
    Status s = ReadWholeFile(file, &bytes);
    if (!s.ok()) return s;
    if (EndsWith(file, ".jsonl")) {
      for (std::string& line : Lines(bytes)) {
        if (!Blank(line)) input->article_json.push_back(std::move(line));
      }
    } else if (!Blank(bytes)) {
      input->article_json.push_back(std::move(bytes));
    }
  }
  if (input->article_json.size() == before) {
    return Status::InvalidInput(path, "no extract output (*.json, *.jsonl) found");
  }
  return Status::Ok();
}

Status LoadCheckVerdicts(const std::string& path, ReportInput* input) {
  std::string bytes;
  Status s = ReadWholeFile(path, &bytes);
  if (!s.ok()) return s;
  std::vector<std::string> lines = Lines(bytes);
  for (size_t n = 0; n < lines.size(); ++n) {
    if (Blank(lines[n])) continue;
    std::string where = path + ":" + std::to_string(n + 1);
    Json j = Json::parse(lines[n], nullptr, false);
    if (!j.is_object() || !j.contains("figures") || !j["figures"].is_array()) {
      return Status::InvalidInput(where, "not a line of `claimscan check --format json` output");
    }
    // nlohmann throws on a mistyped field; converted here.
    try {
      std::string id = IdOf(j);
      for (const Json& f : j["figures"]) {
        FigureVerdict v;
        v.article_id = id;
        v.byte_start = f.at("figure").at("byte_start").get<size_t>();
        v.byte_end = f.at("figure").at("byte_end").get<size_t>();
        v.verdict = f.at("verdict").get<std::string>();
        const Json& e = f.value("evidence", Json());
        if (e.is_object()) {
          v.comparison = e.value("comparison", "");
          v.source = e.value("source", "");
        }
        input->verdicts.push_back(std::move(v));
      }
    } catch (const Json::exception& e) {
      return Status::InvalidInput(where, e.what());
    }
  }
  return Status::Ok();
}

std::vector<std::string> LoadArticleTexts(const std::vector<std::string>& sources,
                                          ReportInput* input) {
  std::vector<Wanted> wanted;
  for (const std::string& json : input->article_json) {
    Json j = Json::parse(json, nullptr, false);
    if (!j.is_object() || j.contains("error")) continue;
    Wanted w;
    w.id = IdOf(j);
    if (input->texts.count(w.id)) continue;
    auto sha = j.find("input_sha256");
    if (sha != j.end() && sha->is_string()) w.sha256 = sha->get<std::string>();
    auto bytes = j.find("bytes");
    if (bytes != j.end() && bytes->is_number_unsigned()) w.bytes = bytes->get<size_t>();
    wanted.push_back(std::move(w));
  }
  // `text` is the article's when the hash of `hashed` (the file, or the record's line) matches,
  // or, for output without a hash, when its size does.
  auto matches = [](const Wanted& w, const std::string& hashed, const std::string& text) {
    if (!w.sha256.empty()) return internal::Sha256Hex(hashed) == w.sha256;
    return text.size() == w.bytes;
  };
  std::error_code ec;
  for (const std::string& source : sources) {
    if (fs::is_directory(source, ec)) {
      fs::path root(source);
      if (root.filename().empty()) root = root.parent_path();  // "corpora/seeds/"
      for (const Wanted& w : wanted) {
        if (input->texts.count(w.id)) continue;
        // Ids are relative to the folder given to extract: this one, or its parent.
        for (const fs::path& base : {root, root.parent_path()}) {
          fs::path candidate = base / w.id;
          std::string bytes;
          if (!fs::is_regular_file(candidate, ec) ||
              !ReadWholeFile(candidate.string(), &bytes).ok()) {
            continue;
          }
          if (matches(w, bytes, bytes)) {
            input->texts[w.id] = std::move(bytes);
            break;
          }
        }
      }
      continue;
    }
    std::string bytes;
    if (!ReadWholeFile(source, &bytes).ok()) continue;
    if (EndsWith(source, ".jsonl")) {
      for (const std::string& line : Lines(bytes)) {
        Json j = Json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
        std::string id = IdOf(j);
        for (const Wanted& w : wanted) {
          if (w.id != id || input->texts.count(id)) continue;
          std::string text = j["text"].get<std::string>();
          if (matches(w, line, text)) input->texts[id] = std::move(text);
        }
      }
    } else {
      // One article file: whichever article it is (the id may be relative to any folder).
      std::string hash = internal::Sha256Hex(bytes);
      for (const Wanted& w : wanted) {
        if (!input->texts.count(w.id) && w.sha256 == hash) input->texts[w.id] = bytes;
      }
    }
  }
  std::vector<std::string> missing;
  for (const Wanted& w : wanted) {
    if (!input->texts.count(w.id)) {
      missing.push_back(w.id + ": original text not found (or changed since extract)");
    }
  }
  return missing;
}

}  // namespace claimscan
