#include <algorithm>
#include <cstdlib>

#include <utf8proc.h>

#include <claimscan/text_normaliser.h>

namespace claimscan {
namespace {

constexpr size_t kCheckpoint = 256;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The matching form of one code point, or -1 to keep it, or -2 to drop it.
// Folding is for matching only: the output always quotes the original bytes.
int32_t Fold(int32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0xFF07:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
    case 0xFF02:
      return '"';
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x1680:
      return ' ';
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return '\n';
    case 0xFF05:
      return '%';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return -2;
    default:
      break;
  }
  if (cp >= 0x2010 && cp <= 0x2015) return '-';
  if (cp >= 0x2000 && cp <= 0x200A) return ' ';
  if (cp >= 0xFF10 && cp <= 0xFF19) return '0' + (cp - 0xFF10);
  return -1;
}

void AppendUtf8(int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// NFC of one cluster (a starter and its combining marks), then folded.
std::string NormaliseCluster(std::string_view cluster) {
  utf8proc_uint8_t* nfc = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
                   static_cast<utf8proc_ssize_t>(cluster.size()), &nfc,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string composed =
      n < 0 ? std::string(cluster) : std::string(reinterpret_cast<const char*>(nfc), n);
  std::free(nfc);
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(composed.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(composed.size());
  while (left > 0) {
    int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    int32_t folded = Fold(cp);
    if (folded == -1) {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
    } else if (folded != -2) {
      AppendUtf8(folded, &out);
    }
    p += len;
    left -= len;
  }
  return out;
}

bool NeedsWork(int32_t cp) {
  if (Fold(cp) != -1) return true;
  const utf8proc_property_t* prop = utf8proc_get_property(cp);
  return prop->decomp_seqindex != UINT16_MAX || prop->comp_exclusion;
}

}  // namespace

void OffsetMap::AddChanged(size_t norm, size_t orig, size_t norm_len, size_t orig_len) {
  changed_.push_back(
      {norm, orig, static_cast<uint32_t>(norm_len), static_cast<uint32_t>(orig_len)});
}

size_t OffsetMap::Translate(size_t n, bool span_end) const {
  // The last changed piece starting at or before n. Deletions (norm_len 0) sit where the
  // output stood when they were dropped, so they always precede byte n in the original.
  auto it = std::upper_bound(changed_.begin(), changed_.end(), n,
                             [](size_t v, const Piece& p) { return v < p.norm; });
  if (it == changed_.begin()) return span_end ? n + 1 : n;
  const Piece& p = *(it - 1);
  if (n < p.norm + p.norm_len) return span_end ? p.orig + p.orig_len : p.orig;
  return p.orig + p.orig_len + (n - p.norm - p.norm_len) + (span_end ? 1 : 0);
}

size_t OffsetMap::OriginalStart(size_t n) const {
  if (n >= norm_size_) return orig_size_;
  return Translate(n, false);
}

size_t OffsetMap::OriginalEnd(size_t n) const {
  if (n == 0) return 0;
  return Translate(std::min(n, norm_size_) - 1, true);
}

size_t OffsetMap::CodePoint(std::string_view original, size_t byte) const {
  byte = std::min(byte, original.size());
  size_t block = byte / kCheckpoint;
  // The text's end may fall exactly on a block that has no checkpoint of its own: count on
  // from the last one (found by the fuzzer: a 256-byte article ended at code point 0).
  if (!checkpoints_.empty() && block >= checkpoints_.size()) block = checkpoints_.size() - 1;
  size_t count = block < checkpoints_.size() ? checkpoints_[block] : 0;
  for (size_t i = block * kCheckpoint; i < byte; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(original[i]))) ++count;
  }
  size_t lo =
      std::lower_bound(invalid_trailers_.begin(), invalid_trailers_.end(), block * kCheckpoint) -
      invalid_trailers_.begin();
  size_t hi = std::lower_bound(invalid_trailers_.begin(), invalid_trailers_.end(), byte) -
              invalid_trailers_.begin();
  return count + (hi - lo);
}

Span OffsetMap::ToOriginal(std::string_view original, size_t begin, size_t end) const {
  Span s;
  s.byte_start = OriginalStart(begin);
  s.byte_end = std::max(s.byte_start, OriginalEnd(end));
  s.start = CodePoint(original, s.byte_start);
  s.end = CodePoint(original, s.byte_end);
  return s;
}

NormalisedText TextNormaliser::Normalise(std::string_view in) {
  NormalisedText result;
  std::string& out = result.text;
  OffsetMap& map = result.offsets;
  out.reserve(in.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(in.data());
  const size_t size = in.size();
  size_t i = 0;
  auto invalid = [&](size_t at) {
    if (result.invalid_bytes++ == 0) result.first_invalid_byte = at;
    if (IsContinuation(bytes[at])) map.invalid_trailers_.push_back(at);
    map.AddChanged(out.size(), at, 3, 1);
    out += "\xEF\xBF\xBD";
  };
  while (i < size) {
    unsigned char c = bytes[i];
    // ASCII stays as it is unless a combining mark follows it ("e" + U+0301).
    bool ascii_alone = c < 0x80 && (i + 1 >= size || bytes[i + 1] < 0x80);
    if (c < 0x80 && c != '\r' && !ascii_alone) {
      int32_t next = 0;
      utf8proc_ssize_t nlen =
          utf8proc_iterate(bytes + i + 1, static_cast<utf8proc_ssize_t>(size - i - 1), &next);
      ascii_alone = nlen <= 0 || utf8proc_get_property(next)->combining_class == 0;
    }
    if (c == '\r') {
      size_t len = (i + 1 < size && bytes[i + 1] == '\n') ? 2 : 1;
      map.AddChanged(out.size(), i, 1, len);
      out += '\n';
      i += len;
      continue;
    }
    if (ascii_alone) {
      if (c == 0) ++result.nul_bytes;
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(size - i), &cp);
    if (len <= 0) {
      invalid(i);
      ++i;
      continue;
    }
    // The cluster: this code point and the combining marks after it.
    size_t end = i + static_cast<size_t>(len);
    bool work = NeedsWork(cp);
    while (end < size && bytes[end] >= 0x80) {
      int32_t next = 0;
      utf8proc_ssize_t nlen =
          utf8proc_iterate(bytes + end, static_cast<utf8proc_ssize_t>(size - end), &next);
      if (nlen <= 0 || utf8proc_get_property(next)->combining_class == 0) break;
      work = true;
      end += static_cast<size_t>(nlen);
    }
    std::string_view cluster = in.substr(i, end - i);
    std::string norm = work ? NormaliseCluster(cluster) : std::string();
    if (!work || norm == cluster) {
      out.append(cluster);
    } else {
      map.AddChanged(out.size(), i, norm.size(), cluster.size());
      out += norm;
    }
    i = end;
  }
  map.norm_size_ = out.size();
  map.orig_size_ = size;
  map.checkpoints_.reserve(size / kCheckpoint + 1);
  size_t count = 0;
  for (size_t b = 0; b < size; ++b) {
    if (b % kCheckpoint == 0) map.checkpoints_.push_back(static_cast<uint32_t>(count));
    if (!IsContinuation(bytes[b])) ++count;
  }
  // checkpoints_ hold lead bytes only; CodePoint() adds the invalid trailers per range,
  // so fold the trailers before each checkpoint into it here.
  size_t t = 0;
  for (size_t block = 0; block < map.checkpoints_.size(); ++block) {
    while (t < map.invalid_trailers_.size() && map.invalid_trailers_[t] < block * kCheckpoint) ++t;
    map.checkpoints_[block] += static_cast<uint32_t>(t);
  }
  return result;
}

}  // namespace claimscan
