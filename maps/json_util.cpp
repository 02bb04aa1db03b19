// Bounded JSON parsing and path-aware access (see json_util.h).
#include "maps/json_util.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>
#include <filesystem>

namespace bodymap::maps {

namespace {
struct DepthExceeded {};
}  // namespace

Result<nlohmann::json> parseJsonLimited(std::string_view text, const std::string& source,
                                        int maxDepth) {
    auto callback = [maxDepth](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if ((event == nlohmann::json::parse_event_t::object_start ||
             event == nlohmann::json::parse_event_t::array_start) &&
            depth >= maxDepth) {
            throw DepthExceeded{};
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), callback, true, false);
    } catch (const DepthExceeded&) {
        return Error{source + ": nesting deeper than " + std::to_string(maxDepth) + " levels"};
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        // nlohmann's messages start with "[json.exception.parse_error.101] "; keep the rest.
        auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        if (text.empty()) what = "the file is empty";
        return Error{source + ": not valid JSON: " + what};
    } catch (const std::exception& e) {
        return Error{source + ": not valid JSON: " + std::string(e.what())};
    }
}

Result<std::string> readFileLimited(const std::string& path, std::uintmax_t maxBytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) return Error{path + ": is a directory, not a file"};
    auto size = fs::file_size(path, ec);
    if (ec) return Error{path + ": cannot read: " + ec.message()};
    if (size > maxBytes) {
        return Error{path + ": file is too large (" + std::to_string(size) + " bytes, limit " +
                     std::to_string(maxBytes) + ")"};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open for reading"};
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) return Error{path + ": read failed"};
    return data;
}

void JsonCursor::fail(const std::string& problem) const {
    throw JsonPathError((m_path.empty() ? std::string("(top level)") : m_path) + ": " + problem);
}

namespace {
const char* typeName(const nlohmann::json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "a boolean";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_array()) return "an array";
    return "an object";
}
}  // namespace

void JsonCursor::requireObject() const {
    if (!m_j->is_object()) fail(std::string("expected an object, found ") + typeName(*m_j));
}

JsonCursor JsonCursor::at(const char* key) const {
    requireObject();
    auto it = m_j->find(key);
    std::string childPath = m_path.empty() ? key : m_path + "." + key;
    if (it == m_j->end()) throw JsonPathError(childPath + ": missing");
    return JsonCursor(*it, childPath);
}

std::optional<JsonCursor> JsonCursor::find(const char* key) const {
    requireObject();
    auto it = m_j->find(key);
    if (it == m_j->end() || it->is_null()) return std::nullopt;
    return JsonCursor(*it, m_path.empty() ? key : m_path + "." + key);
}

JsonCursor JsonCursor::at(std::size_t index) const {
    if (!m_j->is_array()) fail(std::string("expected an array, found ") + typeName(*m_j));
    if (index >= m_j->size()) fail("index " + std::to_string(index) + " out of range");
    return JsonCursor((*m_j)[index], m_path + "[" + std::to_string(index) + "]");
}

std::size_t JsonCursor::arraySize(std::size_t maxSize) const {
    if (!m_j->is_array()) fail(std::string("expected an array, found ") + typeName(*m_j));
    if (m_j->size() > maxSize) {
        fail("too many elements (" + std::to_string(m_j->size()) + ", limit " +
             std::to_string(maxSize) + ")");
    }
    return m_j->size();
}

std::string JsonCursor::string(std::size_t maxLength) const {
    if (!m_j->is_string()) fail(std::string("expected a string, found ") + typeName(*m_j));
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
            fail("number out of range");
        }
        v = m_j->get<std::int64_t>();
    } else if (m_j->is_number_float()) {
        double d = m_j->get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15) {
            fail("expected an integer, found " + m_j->dump());
        }
        v = static_cast<std::int64_t>(d);
    } else {
        fail(std::string("expected an integer, found ") + typeName(*m_j));
    }
    if (v < min || v > max) {
        fail("value " + std::to_string(v) + " out of range [" + std::to_string(min) + ", " +
             std::to_string(max) + "]");
    }
    return v;
}

double JsonCursor::number(double min, double max) const {
    if (!m_j->is_number()) fail(std::string("expected a number, found ") + typeName(*m_j));
    double v = m_j->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        std::ostringstream os;
        os << "value " << v << " out of range [" << min << ", " << max << "]";
        fail(os.str());
    }
    return v;
}

bool JsonCursor::boolean() const {
    if (!m_j->is_boolean()) fail(std::string("expected true or false, found ") + typeName(*m_j));
    return m_j->get<bool>();
}

}  // namespace bodymap::maps
