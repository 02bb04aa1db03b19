// Bounded JSON parsing and path-aware access (see json_util.h).
#include "maps/json_util.h"

#include "maps/i18n/i18n.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bodymap::maps {

// [SECTION] Escaping for messages

namespace {

constexpr std::size_t kMaxPathChars = 200;  // longer JSON paths are shortened in messages

// Length of the valid UTF-8 sequence starting at s[i] (its code point in `cp`), 0 when invalid:
// overlong forms, surrogates and values above U+10FFFF are invalid too.
std::size_t utf8Sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Characters that must not reach a terminal as they are: C0 controls, DEL, C1 controls (some
// terminals run U+009B as CSI), line and paragraph separators, and the bidirectional controls
// that can make text display in another order than it is stored.
bool mustEscape(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
           cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

void appendHex(std::string& out, std::uint32_t v, int digits) {
    static const char* kHex = "0123456789ABCDEF";
    for (int d = digits - 1; d >= 0; --d) out += kHex[(v >> (4 * d)) & 0xF];
}

// The escaped text and whether it was cut at maxChars.
std::string escaped(std::string_view text, std::size_t maxChars, bool quoted, bool& cut) {
    std::string out;
    out.reserve(std::min(text.size(), maxChars) + 8);
    cut = false;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t len = utf8Sequence(text, i, cp);
        std::string piece;
        if (len == 0) {
            piece = "\\x";
            appendHex(piece, static_cast<unsigned char>(text[i]), 2);
        } else if (cp == '\n') {
            piece = "\\n";
        } else if (cp == '\r') {
            piece = "\\r";
        } else if (cp == '\t') {
            piece = "\\t";
        } else if (mustEscape(cp)) {
            piece = "\\u";
            appendHex(piece, static_cast<std::uint32_t>(cp), 4);
        } else if (quoted && (cp == '"' || cp == '\\')) {
            piece = std::string("\\") + static_cast<char>(cp);
        } else {
            piece.assign(text.substr(i, len));
        }
        if (out.size() + piece.size() > maxChars) {
            cut = true;
            break;
        }
        out += piece;
        i += len == 0 ? 1 : len;
    }
    return out;
}

// A path for a message: long ones (deep nesting of long keys) keep their start and end.
std::string shortPath(const std::string& path) {
    if (path.size() <= kMaxPathChars) return path;
    std::size_t tail = path.size() - (kMaxPathChars - 60);
    // Cut on a UTF-8 character boundary.
    while (tail < path.size() && (static_cast<unsigned char>(path[tail]) & 0xC0) == 0x80) ++tail;
    std::size_t head = 50;
    while (head > 0 && (static_cast<unsigned char>(path[head]) & 0xC0) == 0x80) --head;
    return path.substr(0, head) + "..." + path.substr(tail);
}

bool isIdentifierKey(std::string_view key) {
    if (key.empty() || key.size() > 64) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digitOrDash = (c >= '0' && c <= '9') || c == '-';
        if (!letter && !(i > 0 && digitOrDash)) return false;
    }
    return true;
}

}  // namespace

std::string quoteForMessage(std::string_view text, std::size_t maxChars) {
    bool cut = false;
    std::string out = "\"" + escaped(text, maxChars, true, cut);
    if (!cut) return out + "\"";
    return out + "...\" (" + std::to_string(text.size()) + " bytes)";
}

std::string printableForMessage(std::string_view text, std::size_t maxChars) {
    bool cut = false;
    std::string out = escaped(text, maxChars, false, cut);
    if (cut) out += "... (" + std::to_string(text.size()) + " bytes)";
    return out;
}

std::string dumpJsonForTerminal(const nlohmann::json& j, int indent) {
    const std::string text = j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8Sequence(text, i, cp);
        // After the dump every byte is in valid UTF-8, C0 controls are escaped, and DEL and
        // characters >= 0x80 occur only inside strings.
        if ((len > 1 || cp == 0x7F) && mustEscape(cp)) {
            out += "\\u";
            appendHex(out, static_cast<std::uint32_t>(cp), 4);
        } else {
            out.append(text, i, len == 0 ? 1 : len);
        }
        i += len == 0 ? 1 : len;
    }
    return out;
}

std::string jsonPathAppend(const std::string& parent, std::string_view key) {
    if (isIdentifierKey(key)) return parent.empty() ? std::string(key) : parent + "." + std::string(key);
    return parent + "[" + quoteForMessage(key, 40) + "]";
}

// [SECTION] Parsing

namespace {

// Builds the json value from nlohmann's SAX events (one pass over the text, so linear time: the
// DOM parser with a callback rescans the parent object at every object end, which took minutes
// on a 1.6 MB file of empty objects). Stops at the first problem with its JSON path.
class BoundedDomBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    BoundedDomBuilder(nlohmann::json& root, std::size_t maxDepth, std::size_t maxContainers)
        : m_root(root), m_maxDepth(maxDepth), m_containersLeft(maxContainers) {}

    bool null() override { return place(nullptr) != nullptr; }
    bool boolean(bool v) override { return place(v) != nullptr; }
    bool number_integer(number_integer_t v) override { return place(v) != nullptr; }
    bool number_unsigned(number_unsigned_t v) override { return place(v) != nullptr; }
    bool number_float(number_float_t v, const string_t&) override { return place(v) != nullptr; }
    bool string(string_t& v) override {
        if (v.find('\0') != string_t::npos) {
            return fail(slotPath(), "text contains \\u0000 (a NUL character), which BodyMap never writes");
        }
        return place(std::move(v)) != nullptr;
    }
    bool binary(binary_t&) override { return fail(slotPath(), "binary values are not JSON"); }

    bool start_object(std::size_t) override { return open(nlohmann::json::object()); }
    bool start_array(std::size_t) override { return open(nlohmann::json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& f = m_frames.back();
        if (k.find('\0') != string_t::npos) {
            return fail(containerPath(), "key " + quoteForMessage(k) +
                                             " contains \\u0000 (a NUL character)");
        }
        auto& object = *f.value->get_ptr<nlohmann::json::object_t*>();
        auto [it, inserted] = object.emplace(std::move(k), nullptr);
        if (!inserted) return fail(containerPath(), "duplicate key " + quoteForMessage(it->first));
        f.slot = &it->second;
        f.key = &it->first;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& ex) override {
        std::string what = ex.what();
        // nlohmann's messages start with "[json.exception.parse_error.101] "; keep the rest.
        const auto pos = what.find("] ");
        if (pos != std::string::npos) what.erase(0, pos + 2);
        // The message quotes the token read last, which may be a whole long string or number:
        // keep its end, where the problem is.
        constexpr std::size_t kMaxTokenChars = 80, kTokenChars = 72;
        if (lastToken.size() > kMaxTokenChars) {
            const auto at = what.find(lastToken);
            if (at != std::string::npos) {
                std::size_t from = lastToken.size() - kTokenChars;
                while (from < lastToken.size() &&
                       (static_cast<unsigned char>(lastToken[from]) & 0xC0) == 0x80) {
                    ++from;
                }
                what.replace(at, lastToken.size(),
                             "(" + std::to_string(lastToken.size()) + " bytes) ..." +
                                 lastToken.substr(from));
            }
        }
        m_error = "not valid JSON: " + printableForMessage(what, 400);
        m_errorOffset = position - std::min(position, lastToken.size());  // the token's start
        return false;
    }

    const std::string& error() const { return m_error; }
    // Where nlohmann reported a problem without saying where (number overflow), else npos.
    std::size_t unplacedErrorOffset() const {
        return m_error.find(" at line ") == std::string::npos ? m_errorOffset : std::string::npos;
    }

private:
    struct Frame {
        nlohmann::json* value;         // the open object or array
        nlohmann::json* slot;          // objects: the value of the current key
        const std::string* key;        // objects: the current key
    };

    // Puts a value where the parser is: the root, the end of the open array or the current key.
    template <class V>
    nlohmann::json* place(V&& v) {
        if (m_frames.empty()) {
            m_root = nlohmann::json(std::forward<V>(v));
            return &m_root;
        }
        Frame& f = m_frames.back();
        if (f.value->is_array()) {
            auto& array = *f.value->get_ptr<nlohmann::json::array_t*>();
            array.emplace_back(std::forward<V>(v));
            return &array.back();
        }
        *f.slot = nlohmann::json(std::forward<V>(v));
        return f.slot;
    }

    bool open(nlohmann::json&& empty) {
        if (m_frames.size() >= m_maxDepth) {
            return fail(slotPath(), "nesting deeper than " + std::to_string(m_maxDepth) + " levels");
        }
        if (m_containersLeft == 0) {
            return fail(slotPath(), "more objects and arrays than any valid file of this kind has");
        }
        --m_containersLeft;
        nlohmann::json* v = place(std::move(empty));
        m_frames.push_back({v, nullptr, nullptr});
        return true;
    }

    bool close() {
        m_frames.pop_back();
        return true;
    }

    // The path of frame `i`'s current child; `adding`: the child is not placed yet.
    std::string childPath(std::string path, std::size_t i, bool adding) const {
        const Frame& f = m_frames[i];
        if (f.value->is_array()) {
            const std::size_t n = f.value->size();
            return path + "[" + std::to_string(adding ? n : n - 1) + "]";
        }
        return f.key ? jsonPathAppend(path, *f.key) : path;
    }
    // The path of the innermost open object or array.
    std::string containerPath() const {
        std::string path;
        for (std::size_t i = 0; i + 1 < m_frames.size(); ++i) path = childPath(path, i, false);
        return path;
    }
    // The path of the value being read now.
    std::string slotPath() const {
        if (m_frames.empty()) return "";
        return childPath(containerPath(), m_frames.size() - 1, true);
    }

    bool fail(const std::string& path, const std::string& problem) {
        m_error = (path.empty() ? std::string() : shortPath(path) + ": ") + problem;
        return false;
    }

    nlohmann::json& m_root;
    std::size_t m_maxDepth;
    std::size_t m_containersLeft;
    std::vector<Frame> m_frames;
    std::string m_error;
    std::size_t m_errorOffset = std::string::npos;
};

// "line 3, column 7" of byte `offset` (columns count bytes from 1).
std::string lineAndColumn(std::string_view text, std::size_t offset) {
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return i18n::format(tr("line %zu, column %zu"), line, offset - lineStart + 1);
}

}  // namespace

Result<nlohmann::json> parseJsonLimited(std::string_view text, const std::string& source,
                                        int maxDepth, std::size_t maxContainers) {
    const std::string name = printableForMessage(source);
    // TRANSLATORS: %s is a file name.
    if (text.empty()) return Error{i18n::format(tr("%s: not valid JSON: the file is empty"), name.c_str())};
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        // TRANSLATORS: %s is a file name, then "line 3, column 7", then the byte offset.
        return Error{i18n::format(tr("%s: not valid JSON: a NUL byte at %s (byte %zu; not a text file?)"), name.c_str(),
                                  lineAndColumn(text, nul).c_str(), nul)};
    }
    nlohmann::json root;
    BoundedDomBuilder builder(root, static_cast<std::size_t>(std::max(maxDepth, 0)), maxContainers);
    try {
        if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) {
            std::string where;
            if (const auto at = builder.unplacedErrorOffset(); at != std::string::npos) {
                // TRANSLATORS: the first %s is a file name, the second the problem, the third
                // "line 3, column 7".
                return Error{i18n::format(tr("%s: %s at %s"), name.c_str(), builder.error().c_str(),
                                          lineAndColumn(text, std::min(at, text.size())).c_str())};
            }
            return Error{i18n::format(tr("%s: %s"), name.c_str(), builder.error().c_str())};
        }
    } catch (const std::exception& e) {  // bad_alloc on hostile input: still an error value
        return Error{i18n::format(tr("%s: cannot read: %s"), name.c_str(), printableForMessage(e.what(), 200).c_str())};
    }
    return root;
}

// [SECTION] Reading files

namespace {

std::string fileTypeName(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "a special file";
}

std::string errnoReason(int err) {
    switch (err) {
        case ENOENT: return tr("no such file");
        case EACCES:
        case EPERM: return tr("permission denied");
        case ELOOP: return tr("too many levels of symbolic links (a symlink loop?)");
        case ENOTDIR: return tr("a part of the path is not a folder");
        case ENAMETOOLONG: return tr("the file name is too long");
        case EISDIR: return tr("is a directory, not a file");
        default: {
            std::string s = std::strerror(err);
            if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
            return s;
        }
    }
}

}  // namespace

Result<std::string> readFileLimited(const std::string& path, std::uintmax_t maxBytes) {
    const std::string name = printableForMessage(path);
    struct stat st {};
    // stat before open: opening a FIFO would block and opening a device can have side effects.
    // TRANSLATORS: %s is a file name, then why it cannot be read ("no such file").
    if (::stat(path.c_str(), &st) != 0) return Error{i18n::format(tr("%s: cannot read: %s"), name.c_str(), errnoReason(errno).c_str())};
    if (S_ISDIR(st.st_mode)) return Error{i18n::format(tr("%s: is a directory, not a file"), name.c_str())};
    if (!S_ISREG(st.st_mode)) {
        // TRANSLATORS: %s is a file name, then what it is ("a FIFO").
        return Error{i18n::format(tr("%s: not a regular file (%s)"), name.c_str(), std::string(fileTypeName(st.st_mode)).c_str())};
    }
    if (static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        return Error{i18n::format(tr("%s: file is too large (%s bytes, limit %s)"), name.c_str(),
                                  std::to_string(st.st_size).c_str(), std::to_string(maxBytes).c_str())};
    }
    // O_NONBLOCK: should the path be swapped for a FIFO after the stat, open does not block.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return Error{i18n::format(tr("%s: cannot read: %s"), name.c_str(), errnoReason(errno).c_str())};
    struct stat fst {};
    if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
        ::close(fd);
        return Error{i18n::format(tr("%s: not a regular file (it changed while being opened)"), name.c_str())};
    }
    std::string data;
    data.resize(static_cast<std::size_t>(fst.st_size) + 1);  // + 1 notices a file that grew
    std::size_t got = 0;
    for (;;) {
        if (got == data.size()) {
            if (got > maxBytes) break;
            data.resize(std::min<std::uintmax_t>(maxBytes + 1, data.size() * 2 + 4096));
        }
        const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            return Error{i18n::format(tr("%s: read failed: %s"), name.c_str(), errnoReason(err).c_str())};
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got > maxBytes) {
        return Error{i18n::format(tr("%s: file is too large (it grew over the limit of %s bytes while being read)"),
                                  name.c_str(), std::to_string(maxBytes).c_str())};
    }
    data.resize(got);
    return data;
}

// [SECTION] JsonCursor

void JsonCursor::fail(const std::string& problem) const {
    throw JsonPathError((m_path.empty() ? std::string(tr("(top level)")) : shortPath(m_path)) + ": " +
                        problem);
}

namespace {
const char* typeName(const nlohmann::json& j) {
    // TRANSLATORS: JSON value types, in "expected a string, found %s".
    if (j.is_null()) return trc("JSON type", "null");
    if (j.is_boolean()) return trc("JSON type", "a boolean");
    if (j.is_number()) return trc("JSON type", "a number");
    if (j.is_string()) return trc("JSON type", "a string");
    if (j.is_array()) return trc("JSON type", "an array");
    return trc("JSON type", "an object");
}
}  // namespace

void JsonCursor::requireObject() const {
    if (!m_j->is_object()) fail(i18n::format(tr("expected an object, found %s"), typeName(*m_j)));
}

JsonCursor JsonCursor::at(const char* key) const {
    requireObject();
    auto it = m_j->find(key);
    std::string childPath = jsonPathAppend(m_path, key);
    // TRANSLATORS: %s is a JSON path ("views[0].label"): a required value is not there.
    if (it == m_j->end()) throw JsonPathError(i18n::format(tr("%s: missing"), shortPath(childPath).c_str()));
    return JsonCursor(*it, childPath);
}

std::optional<JsonCursor> JsonCursor::find(const char* key) const {
    requireObject();
    auto it = m_j->find(key);
    if (it == m_j->end() || it->is_null()) return std::nullopt;
    return JsonCursor(*it, jsonPathAppend(m_path, key));
}

JsonCursor JsonCursor::at(std::size_t index) const {
    if (!m_j->is_array()) fail(i18n::format(tr("expected an array, found %s"), typeName(*m_j)));
    if (index >= m_j->size()) fail("index " + std::to_string(index) + " out of range");
    return JsonCursor((*m_j)[index], m_path + "[" + std::to_string(index) + "]");
}

std::size_t JsonCursor::arraySize(std::size_t maxSize) const {
    if (!m_j->is_array()) fail(i18n::format(tr("expected an array, found %s"), typeName(*m_j)));
    if (m_j->size() > maxSize) {
        fail("too many elements (" + std::to_string(m_j->size()) + ", limit " +
             std::to_string(maxSize) + ")");
    }
    return m_j->size();
}

std::string JsonCursor::string(std::size_t maxLength) const {
    if (!m_j->is_string()) fail(i18n::format(tr("expected a string, found %s"), typeName(*m_j)));
    const auto& s = m_j->get_ref<const std::string&>();
    if (s.size() > maxLength) {
        fail("text too long (" + std::to_string(s.size()) + " bytes, limit " +
             std::to_string(maxLength) + ")");
    }
    return s;
}

std::int64_t JsonCursor::integer(std::int64_t min, std::int64_t max) const {
    std::int64_t v = 0;
    if (m_j->is_number_integer()) {
        if (m_j->is_number_unsigned() &&
            m_j->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            fail(tr("number out of range"));
        }
        v = m_j->get<std::int64_t>();
    } else if (m_j->is_number_float()) {
        double d = m_j->get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15) {
            fail(i18n::format(tr("expected an integer, found %s"), m_j->dump().c_str()));
        }
        v = static_cast<std::int64_t>(d);
    } else {
        fail(i18n::format(tr("expected an integer, found %s"), typeName(*m_j)));
    }
    if (v < min || v > max) {
        fail("value " + std::to_string(v) + " out of range [" + std::to_string(min) + ", " +
             std::to_string(max) + "]");
    }
    return v;
}

double JsonCursor::number(double min, double max) const {
    if (!m_j->is_number()) fail(i18n::format(tr("expected a number, found %s"), typeName(*m_j)));
    double v = m_j->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        std::ostringstream os;
        os << "value " << v << " out of range [" << min << ", " << max << "]";
        fail(os.str());
    }
    return v;
}

bool JsonCursor::boolean() const {
    if (!m_j->is_boolean()) fail(i18n::format(tr("expected true or false, found %s"), typeName(*m_j)));
    return m_j->get<bool>();
}

}  // namespace bodymap::maps
