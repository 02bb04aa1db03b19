// .mo reading and Plural-Forms evaluation (see mo_catalog.h). The .mo layout is GNU gettext's:
// a header of seven 32-bit words (magic 0x950412de in the file's byte order, revision, count,
// offsets of the original and translated string tables), then (length, offset) pairs.
#include "maps/i18n/mo_catalog.h"

#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>

namespace bodymap::maps::i18n {

// ---- Plural-Forms ----

class PluralParser {
public:
    PluralParser(PluralRule& rule, std::string_view text) : m_rule(rule), m_text(text) {}
    bool run() {
        m_rule.m_nodes.clear();
        const int root = ternary();
        skip();
        if (root < 0 || m_pos != m_text.size() || m_failed) return false;
        m_rule.m_root = root;
        return true;
    }

private:
    using Node = PluralRule::Node;
    void skip() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    bool take(std::string_view op) {
        skip();
        if (m_text.substr(m_pos, op.size()) != op) return false;
        // "<" must not take the first half of "<=", "!" not the first of "!=".
        if (op.size() == 1 && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '=' &&
            (op == "<" || op == ">" || op == "!" || op == "="))
            return false;
        m_pos += op.size();
        return true;
    }
    int add(Node node) {
        if (m_rule.m_nodes.size() > 512) {  // a real rule has a few dozen nodes
            m_failed = true;
            return -1;
        }
        m_rule.m_nodes.push_back(node);
        return static_cast<int>(m_rule.m_nodes.size() - 1);
    }
    int binary(const char* op, int a, int b) {
        if (a < 0 || b < 0) return -1;
        Node node;
        node.kind = Node::Binary;
        node.op[0] = op[0];
        node.op[1] = op[1];  // op is one or two characters; op[2] stays 0
        node.a = a;
        node.b = b;
        return add(node);
    }
    int ternary() {
        if (++m_depth > 64) { m_failed = true; return -1; }
        int cond = logicalOr();
        if (take("?")) {
            const int yes = ternary();
            if (!take(":")) { m_failed = true; return -1; }
            const int no = ternary();
            if (cond < 0 || yes < 0 || no < 0) return -1;
            Node node;
            node.kind = Node::Ternary;
            node.a = cond;
            node.b = yes;
            node.c = no;
            cond = add(node);
        }
        --m_depth;
        return cond;
    }
    int logicalOr() {
        int a = logicalAnd();
        while (take("||")) a = binary("||", a, logicalAnd());
        return a;
    }
    int logicalAnd() {
        int a = equality();
        while (take("&&")) a = binary("&&", a, equality());
        return a;
    }
    int equality() {
        int a = relational();
        for (;;) {
            if (take("==")) a = binary("==", a, relational());
            else if (take("!=")) a = binary("!=", a, relational());
            else return a;
        }
    }
    int relational() {
        int a = additive();
        for (;;) {
            if (take("<=")) a = binary("<=", a, additive());
            else if (take(">=")) a = binary(">=", a, additive());
            else if (take("<")) a = binary("<", a, additive());
            else if (take(">")) a = binary(">", a, additive());
            else return a;
        }
    }
    int additive() {
        int a = multiplicative();
        for (;;) {
            if (take("+")) a = binary("+", a, multiplicative());
            else if (take("-")) a = binary("-", a, multiplicative());
            else return a;
        }
    }
    int multiplicative() {
        int a = unary();
        for (;;) {
            if (take("*")) a = binary("*", a, unary());
            else if (take("/")) a = binary("/", a, unary());
            else if (take("%")) a = binary("%", a, unary());
            else return a;
        }
    }
    int unary() {
        if (++m_depth > 64) { m_failed = true; return -1; }
        int result = -1;
        if (take("!")) {
            const int a = unary();
            if (a >= 0) {
                Node node;
                node.kind = Node::Not;
                node.a = a;
                result = add(node);
            }
        } else if (take("-")) {
            const int a = unary();
            if (a >= 0) {
                Node node;
                node.kind = Node::Neg;
                node.a = a;
                result = add(node);
            }
        } else {
            result = primary();
        }
        --m_depth;
        return result;
    }
    int primary() {
        skip();
        if (take("(")) {
            const int inner = ternary();
            if (!take(")")) { m_failed = true; return -1; }
            return inner;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == 'n') {
            ++m_pos;
            Node node;
            node.kind = Node::N;
            return add(node);
        }
        if (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            unsigned long v = 0;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                v = v * 10 + static_cast<unsigned long>(m_text[m_pos] - '0');
                if (v > 1000000000UL) { m_failed = true; return -1; }
                ++m_pos;
            }
            Node node;
            node.value = v;
            return add(node);
        }
        m_failed = true;
        return -1;
    }

    PluralRule& m_rule;
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
    bool m_failed = false;
};

bool PluralRule::parse(std::string_view expr) {
    PluralRule parsed;
    if (!PluralParser(parsed, expr).run()) return false;
    *this = std::move(parsed);
    return true;
}

unsigned long PluralRule::eval(int index, unsigned long n) const {
    const Node& node = m_nodes[static_cast<std::size_t>(index)];
    switch (node.kind) {
    case Node::Number: return node.value;
    case Node::N: return n;
    case Node::Not: return eval(node.a, n) == 0 ? 1 : 0;
    case Node::Neg: return 0UL - eval(node.a, n);
    case Node::Ternary: return eval(node.a, n) != 0 ? eval(node.b, n) : eval(node.c, n);
    case Node::Binary: break;
    }
    const std::string_view op(node.op);
    const unsigned long a = eval(node.a, n);
    if (op == "&&") return a != 0 && eval(node.b, n) != 0 ? 1 : 0;
    if (op == "||") return a != 0 || eval(node.b, n) != 0 ? 1 : 0;
    const unsigned long b = eval(node.b, n);
    if (op == "*") return a * b;
    if (op == "/") return b == 0 ? 0 : a / b;
    if (op == "%") return b == 0 ? 0 : a % b;
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "<") return a < b ? 1 : 0;
    if (op == ">") return a > b ? 1 : 0;
    if (op == "<=") return a <= b ? 1 : 0;
    if (op == ">=") return a >= b ? 1 : 0;
    if (op == "==") return a == b ? 1 : 0;
    if (op == "!=") return a != b ? 1 : 0;
    return 0;
}

unsigned long PluralRule::evaluate(unsigned long n) const {
    if (m_root < 0) return n != 1 ? 1 : 0;  // the Germanic rule, gettext's default
    return eval(m_root, n);
}

// ---- .mo ----

std::unique_ptr<MoCatalog> MoCatalog::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot be read";
        return nullptr;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0 || size > (64 << 20)) {
        error = path + ": not a catalog (larger than 64 MiB)";
        return nullptr;
    }
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), size);
    if (!in) {
        error = path + ": cannot be read";
        return nullptr;
    }
    return parse(std::move(bytes), path, error);
}

std::unique_ptr<MoCatalog> MoCatalog::parse(std::string bytes, const std::string& source,
                                            std::string& error) {
    auto cat = std::unique_ptr<MoCatalog>(new MoCatalog());
    cat->m_bytes = std::move(bytes);
    const std::string& b = cat->m_bytes;
    const auto word = [&](std::size_t at, bool swap, std::uint32_t& out) {
        if (at > b.size() || b.size() - at < 4) return false;
        std::uint32_t v;
        std::memcpy(&v, b.data() + at, 4);
        if (swap) v = __builtin_bswap32(v);
        out = v;
        return true;
    };
    std::uint32_t magic = 0;
    if (!word(0, false, magic) || (magic != 0x950412deU && magic != 0xde120495U)) {
        error = source + ": not a gettext catalog (.mo)";
        return nullptr;
    }
    const bool swap = magic == 0xde120495U;
    std::uint32_t revision = 0, count = 0, originals = 0, translations = 0;
    if (!word(4, swap, revision) || !word(8, swap, count) || !word(12, swap, originals) ||
        !word(16, swap, translations) || (revision >> 16) > 1) {
        error = source + ": damaged catalog header";
        return nullptr;
    }
    // Each string must lie inside the file and end with a NUL.
    const auto string = [&](std::uint32_t table, std::uint32_t i, std::string_view& out) {
        std::uint32_t len = 0, off = 0;
        const std::size_t at = static_cast<std::size_t>(table) + std::size_t{8} * i;
        if (!word(at, swap, len) || !word(at + 4, swap, off)) return false;
        if (off > b.size() || b.size() - off <= len || b[off + len] != '\0') return false;
        out = std::string_view(b.data() + off, len);
        return true;
    };
    if (count > b.size() / 16) {
        error = source + ": damaged catalog (string count)";
        return nullptr;
    }
    cat->m_entries.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view original, translation;
        if (!string(originals, i, original) || !string(translations, i, translation)) {
            error = source + ": damaged catalog (string " + std::to_string(i) + ")";
            return nullptr;
        }
        if (original.empty()) {
            // The header: "Plural-Forms: nplurals=2; plural=(n != 1);".
            const std::size_t pf = translation.find("Plural-Forms:");
            if (pf != std::string_view::npos) {
                std::string_view line = translation.substr(pf);
                line = line.substr(0, line.find('\n'));
                const std::size_t np = line.find("nplurals=");
                if (np != std::string_view::npos) {
                    cat->m_nplurals = std::strtoul(line.data() + np + 9, nullptr, 10);
                    if (cat->m_nplurals < 1 || cat->m_nplurals > 6) cat->m_nplurals = 2;
                }
                const std::size_t pl = line.find("plural=");
                if (pl != std::string_view::npos) {
                    std::string_view expr = line.substr(pl + 7);
                    expr = expr.substr(0, expr.find(';'));
                    if (!cat->m_rule.parse(expr)) {
                        error = source + ": the Plural-Forms rule cannot be read";
                        return nullptr;
                    }
                }
            }
            continue;
        }
        // A plural entry's msgid is "singular\0plural": the key is the singular.
        const std::string_view key = original.substr(0, original.find('\0'));
        cat->m_entries[key] = Entry{translation.data(), static_cast<std::uint32_t>(translation.size())};
    }
    return cat;
}

const char* MoCatalog::find(std::string_view key) const {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.length == 0) return nullptr;
    return it->second.text;
}

const char* MoCatalog::findPlural(std::string_view key, unsigned long n) const {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.length == 0) return nullptr;
    unsigned long form = m_rule.evaluate(n);
    if (form >= m_nplurals) form = 0;
    const char* p = it->second.text;
    const char* end = p + it->second.length;
    for (unsigned long i = 0; i < form; ++i) {
        p += std::strlen(p) + 1;
        if (p >= end) return it->second.text;
    }
    return *p ? p : nullptr;
}

}  // namespace bodymap::maps::i18n
