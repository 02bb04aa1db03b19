// One language's compiled gettext catalog (.mo) in memory: lookups by msgid (with context) and
// the Plural-Forms rule of its header. Pure std; loading never throws.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bodymap::maps::i18n {

// A gettext Plural-Forms expression ("n != 1", "n > 1", "n%10==1 && n%100!=11 ? 0 : ..."),
// parsed once. Evaluates to a form index; out-of-range results are clamped by the caller.
class PluralRule {
public:
    // Parses `expr` (C syntax: n, integers, ! * / % + - < > <= >= == != && || ?: and
    // parentheses). Returns false, leaving the English rule (n != 1), on a syntax error.
    bool parse(std::string_view expr);
    unsigned long evaluate(unsigned long n) const;

private:
    struct Node {
        enum Kind { Number, N, Not, Neg, Binary, Ternary } kind = Number;
        char op[3] = {};       // for Binary: "*", "/", "%", "+", "-", "<", "<=", ... "&&", "||"
        unsigned long value = 0;
        int a = -1, b = -1, c = -1;
    };
    unsigned long eval(int node, unsigned long n) const;
    std::vector<Node> m_nodes;
    int m_root = -1;
    friend class PluralParser;
};

class MoCatalog {
public:
    // Reads a .mo file; on failure returns null and sets `error` (naming the file).
    static std::unique_ptr<MoCatalog> load(const std::string& path, std::string& error);
    // Parses .mo bytes; `source` names them in errors.
    static std::unique_ptr<MoCatalog> parse(std::string bytes, const std::string& source,
                                            std::string& error);

    // The translation of key ("msgid" or "context\x04msgid"), or null. For plural entries the
    // key is the singular and `form` picks the form.
    const char* find(std::string_view key) const;
    const char* findPlural(std::string_view key, unsigned long n) const;
    std::size_t size() const { return m_entries.size(); }
    unsigned long pluralCount() const { return m_nplurals; }

private:
    struct Entry {
        const char* text;     // first form, NUL-terminated, inside m_bytes
        std::uint32_t length;  // bytes of all forms, separated by NULs
    };
    std::string m_bytes;
    std::unordered_map<std::string_view, Entry> m_entries;
    PluralRule m_rule;
    unsigned long m_nplurals = 2;
};

}  // namespace bodymap::maps::i18n
