#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <claimscan/article_reader.h>

namespace claimscan {
namespace fs = std::filesystem;
namespace {

std::optional<InputFormat> FormatOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".md") return InputFormat::kMarkdown;
  if (ext == ".jsonl") return InputFormat::kJsonl;
  return std::nullopt;
}

bool SkippedInFolder(const fs::path& p) {
  std::string name = p.filename().string();
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return name.empty() || name[0] == '.' || lower.rfind("readme.", 0) == 0;
}

}  // namespace

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths,
                                     std::vector<Status>* errors) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back(Status::IoError(path, ec ? ec.message() : "no such file or folder"));
      continue;
    }
    if (!fs::is_directory(st)) {
      InputFormat format = FormatOf(path).value_or(InputFormat::kText);
      out.push_back({path, fs::path(path).filename().string(), format});
      continue;
    }
    std::vector<InputFile> found;
    auto options = fs::directory_options::skip_permission_denied;
    fs::recursive_directory_iterator it(path, options, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (SkippedInFolder(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::optional<InputFormat> format = FormatOf(p);
      if (!format || !it->is_regular_file(ec)) continue;
      found.push_back({p.string(), fs::relative(p, path, ec).generic_string(), *format});
    }
    if (ec) errors->push_back(Status::IoError(path, ec.message()));
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Article ArticleFromText(std::string id, std::string bytes, InputFormat format) {
  Article a;
  a.id = std::move(id);
  a.text = std::move(bytes);
  size_t pos = 0;
  if (a.text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  while (pos < a.text.size()) {
    size_t nl = a.text.find('\n', pos);
    if (nl == std::string::npos) nl = a.text.size();
    std::string_view line(a.text.data() + pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos) {
      line.remove_prefix(lead);
      if (format == InputFormat::kMarkdown) {
        while (!line.empty() && line.front() == '#') line.remove_prefix(1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      }
      a.title = std::string(line);
      a.title_byte_end = nl;
      break;
    }
    pos = nl + 1;
  }
  return a;
}

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path, std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError(path, "read failed");
  *out = std::move(buf).str();
  return Status::Ok();
}

Result<Article> ArticleFromJsonLine(std::string_view line, std::string_view where) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput(where, "malformed JSON");
  if (!j.is_object()) return Status::InvalidInput(where, "a JSON Lines record must be an object");
  Article a;
  auto id = j.find("id");
  if (id == j.end()) return Status::InvalidInput(where, "record has no \"id\"");
  if (id->is_string()) {
    a.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    a.id = std::to_string(id->get<long long>());
  } else {
    return Status::InvalidInput(where, "\"id\" must be a string or an integer");
  }
  auto text = j.find("text");
  if (text == j.end()) return Status::InvalidInput(where, "record has no \"text\"");
  if (!text->is_string()) return Status::InvalidInput(where, "\"text\" must be a string");
  a.text = text->get<std::string>();
  auto title = j.find("title");
  if (title != j.end() && title->is_string()) {
    // A title that is also the text's first line marks that line as the headline, so that
    // a record made from a .txt file gives the same output as the file.
    Article from_text = ArticleFromText("", a.text, InputFormat::kText);
    a.title = title->get<std::string>();
    if (from_text.title == a.title) a.title_byte_end = from_text.title_byte_end;
  }
  for (const char* key : {"url", "date", "source"}) {
    auto v = j.find(key);
    if (v != j.end() && v->is_string()) a.meta[key] = v->get<std::string>();
  }
  return a;
}

}  // namespace claimscan
