#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

#include <claimscan/json_writer.h>

namespace claimscan {
namespace fs = std::filesystem;

namespace {

// What the temporary files of this process end with: ".claimscan-tmp-HOST-PID". The host
// keeps a run on one machine from sweeping the files of a live run on another (shared disks).
std::string TemporarySuffix(pid_t pid) {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return ".claimscan-tmp-" + std::string(host) + "-" + std::to_string(pid);
}

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string tmp, int fd)
    : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), tmp_(std::move(other.tmp_)), fd_(other.fd_) {
  other.fd_ = -1;
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(tmp_.c_str());
  fd_ = -1;
}

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status::IoError(target.parent_path().string(), ec.message());
  }
  // Hidden, so that a run killed before the rename leaves nothing that looks like output.
  fs::path tmp =
      target.parent_path() / ("." + target.filename().string() + TemporarySuffix(::getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(path, std::strerror(errno));
  return AtomicFile(path, tmp.string(), fd);
}

Status AtomicFile::Append(std::string_view bytes) {
  if (fd_ < 0) return Status::IoError(path_, "write after the file was closed");
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : EIO;
      Abandon();
      return Status::IoError(path_, std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (fd_ < 0) return Status::IoError(path_, "commit after the file was closed");
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp_.c_str());
    return Status::IoError(path_, std::strerror(err));
  }
  return Status::Ok();
}

namespace {

// The PID in the name of a temporary file this host's claimscan made (".a.json" +
// TemporarySuffix(PID)), or 0 when the name is not one.
pid_t TemporaryFileOwner(const std::string& name) {
  const std::string prefix = TemporarySuffix(0);
  const std::string ours = prefix.substr(0, prefix.size() - 1);  // without the "0"
  size_t at = name.rfind(ours);
  if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at == 0 ||
      at + ours.size() >= name.size()) {
    return 0;
  }
  pid_t pid = 0;
  for (size_t i = at + ours.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || pid > 100000000) return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

bool IsStale(const fs::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_regular_file(ec)) return false;
  pid_t pid = TemporaryFileOwner(entry.path().filename().string());
  // A live process (this one, or another run writing the same folder) keeps its files.
  return pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

size_t RemoveStaleTemporaryFiles(const std::string& folder, bool recursive) {
  size_t removed = 0;
  std::error_code ec;
  auto remove = [&](const fs::directory_entry& entry) {
    std::error_code rm;
    if (IsStale(entry) && fs::remove(entry.path(), rm)) ++removed;
  };
  const auto options = fs::directory_options::skip_permission_denied;
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(folder, options, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      remove(*it);
    }
  } else {
    for (auto it = fs::directory_iterator(folder, options, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      remove(*it);
    }
  }
  return removed;
}

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  Result<AtomicFile> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  Status s = file->Append(contents);
  if (!s.ok()) return s;
  return file->Commit();
}

}  // namespace claimscan
