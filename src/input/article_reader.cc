#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <claimscan/article_reader.h>

#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace fs = std::filesystem;
namespace {

std::optional<InputFormat> FormatOf(const fs::path& p) {
  std::string ext = AsciiLower(p.extension().string());
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".md") return InputFormat::kMarkdown;
  if (ext == ".jsonl") return InputFormat::kJsonl;
  return std::nullopt;
}

bool SkippedInFolder(const fs::path& p) {
  std::string name = p.filename().string();
  std::string lower = AsciiLower(name);
  return name.empty() || name[0] == '.' || lower.rfind("readme.", 0) == 0;
}

}  // namespace

std::optional<std::string> BinaryFileKind(std::string_view head) {
  struct Magic {
    std::string_view bytes;
    const char* name;
  };
  static const Magic kMagic[] = {
      {"\x1F\x8B", "gzip data"},
      {"PK\x03\x04", "a zip archive"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"%PDF-", "a PDF document"},
      {"\x7F"
       "ELF",
       "an executable"},
      {"BZh", "bzip2 data"},
      {"\xFD"
       "7zXZ",
       "xz data"},
      {"\x28\xB5\x2F\xFD", "zstd data"},
      {"\xFF\xFE", "UTF-16 text"},
      {"\xFE\xFF", "UTF-16 text"},
  };
  for (const Magic& m : kMagic) {
    if (head.substr(0, m.bytes.size()) == m.bytes) return std::string(m.name);
  }
  return std::nullopt;
}

std::optional<std::string> BinaryContent(std::string_view bytes) {
  if (std::optional<std::string> kind = BinaryFileKind(bytes)) return kind;
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) return "NUL byte at byte " + std::to_string(nul);
  return std::nullopt;
}

namespace {

// A reason an article's bytes cannot be analysed (binary, empty), or nullopt.
std::optional<std::string> Unanalysable(std::string_view bytes) {
  if (bytes.empty()) return "empty file, nothing to analyse";
  if (std::optional<std::string> binary = BinaryContent(bytes)) {
    return "binary file (" + *binary + "), skipped";
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return "file holds only whitespace, nothing to analyse";
  }
  return std::nullopt;
}

// The offset of the first byte that is not part of valid UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return i;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    unsigned char c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if ((n == 3 && c == 0xE0 && c1 < 0xA0) || (n == 3 && c == 0xED && c1 >= 0xA0) ||
        (n == 4 && c == 0xF0 && c1 < 0x90) || (n == 4 && c > 0xF4) ||
        (n == 4 && c == 0xF4 && c1 >= 0x90)) {
      return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

// Why `path` cannot be opened as a file, in words a user acts on; `missing` says what a plain
// "no such file" means where it happens.
std::string OpenFailure(const std::string& path, int err,
                        const char* missing = "no such file or folder") {
  if (err == ELOOP) return "symbolic link loop";
  struct stat link;
  if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    struct stat target;
    bool loop = ::stat(path.c_str(), &target) != 0 && errno == ELOOP;
    return loop ? "symbolic link loop" : "dangling symbolic link";
  }
  if (err == ENOENT) return missing;
  return std::strerror(err);
}

}  // namespace

namespace {

// Adds the articles of `folder` (recursively) to `found`. A subfolder that cannot be listed is
// named in `errors` and its siblings are still listed.
void WalkFolder(const fs::path& root, const fs::path& folder, std::vector<InputFile>* found,
                std::vector<Status>* errors) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  if (ec) {
    errors->push_back(Status::IoError(folder.string(), "cannot list folder: " + ec.message()));
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      errors->push_back(Status::IoError(folder.string(), "listing stopped: " + ec.message()));
      return;
    }
    const fs::path& p = it->path();
    if (SkippedInFolder(p)) continue;
    std::error_code kind_ec;
    // Links to folders are not followed, so that no folder loop can recur.
    if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec)) {
      WalkFolder(root, p, found, errors);
      continue;
    }
    std::optional<InputFormat> format = FormatOf(p);
    if (!format) continue;
    // Symbolic links to files are followed; a link that leads nowhere is named.
    fs::file_status target = it->status(kind_ec);
    if (kind_ec) {
      errors->push_back(Status::IoError(p.string(), OpenFailure(p.string(), kind_ec.value())));
      continue;
    }
    if (fs::is_directory(target)) continue;
    if (!fs::is_regular_file(target)) {
      errors->push_back(
          Status::IoError(p.string(), "not a regular file (a FIFO, socket or device)"));
      continue;
    }
    found->push_back({p.string(), p.lexically_relative(root).generic_string(), *format});
  }
}

}  // namespace

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths,
                                     std::vector<Status>* errors) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back(Status::IoError(path, OpenFailure(path, ec ? ec.value() : ENOENT)));
      continue;
    }
    if (!fs::is_directory(st)) {
      InputFormat format = FormatOf(path).value_or(InputFormat::kText);
      out.push_back({path, fs::path(path).filename().string(), format});
      continue;
    }
    std::vector<InputFile> found;
    WalkFolder(path, path, &found, errors);
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

Status ReadArticleFile(const std::string& path, const ReadLimits& limits, std::string* out) {
  // O_NONBLOCK: a FIFO must not block the batch before fstat can turn it away.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    // Files are listed before any is read; one may be gone by the time its turn comes.
    return Status::IoError(
        path, OpenFailure(path, err, "no such file (removed since the batch started?)"));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path, "not a regular file (a FIFO, socket or device)");
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (limits.max_bytes > 0 && size > limits.max_bytes) {
    ::close(fd);
    return Status::InvalidInput(path, "article is " + Megabytes(size) + ", over the limit of " +
                                          Megabytes(limits.max_bytes) +
                                          " (raise it with --max-article-mb)");
  }
  out->clear();
  out->reserve(size);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::IoError(path, std::strerror(err));
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (limits.max_bytes > 0 && out->size() > limits.max_bytes) {
      ::close(fd);
      return Status::InvalidInput(path, "article grew past the limit of " +
                                            Megabytes(limits.max_bytes) + " while being read");
    }
  }
  ::close(fd);
  if (std::optional<std::string> why = Unanalysable(*out)) {
    return Status::InvalidInput(path, *why);
  }
  return Status::Ok();
}

Result<Article> ArticleFromJsonLine(std::string_view line, std::string_view where) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // JSON text must be UTF-8 (RFC 8259): say so rather than "malformed".
    size_t bad = FirstInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      return Status::InvalidInput(where, "invalid UTF-8 at byte " + std::to_string(bad) +
                                             " of the line (JSON must be UTF-8)");
    }
    return Status::InvalidInput(where, "malformed JSON");
  }
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
