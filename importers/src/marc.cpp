#include "citegraph/importers/marc.hpp"

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

namespace citegraph {

namespace {

// ---- XML ------------------------------------------------------------------------------------

struct Attribute {
    std::string name; // local name (namespace prefix dropped)
    std::string value;
};

// A non-validating XML reader: calls `start`, `end` and `text` in document order, with local
// names (the part after a namespace prefix). Checks what matters for well-formedness here:
// matching tags, one root, quoted attributes, known entity references, terminated comments,
// CDATA sections and processing instructions, UTF-8.
class XmlReader {
  public:
    std::function<void(const std::string&, const std::vector<Attribute>&, std::size_t)> start;
    std::function<void(const std::string&)> end;
    std::function<void(const std::string&)> text;

    XmlReader(const std::string& file, std::string_view s) : file_(file), s_(s) {}

    void run() {
        for (std::size_t i = 0; i < s_.size();) {
            if (!decode_utf8(s_, i)) {
                fail(i, "invalid UTF-8");
            }
        }
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") {
            pos_ = 3;
        }
        while (pos_ < s_.size()) {
            if (s_[pos_] == '<') {
                markup();
            } else {
                std::size_t lt = s_.find('<', pos_);
                std::size_t stop = lt == std::string_view::npos ? s_.size() : lt;
                std::string t = decode(pos_, stop);
                if (stack_.empty() && t.find_first_not_of(" \t\r\n") != std::string::npos) {
                    fail(pos_, "text outside the root element");
                }
                if (!stack_.empty()) {
                    text(t);
                }
                pos_ = stop;
            }
        }
        if (!stack_.empty()) {
            fail(s_.size(), "end of file inside <" + stack_.back().first + "> (opened at line " +
                                std::to_string(line_of(stack_.back().second)) + ")");
        }
        if (!seen_root_) {
            fail(s_.size(), "no root element");
        }
    }

  private:
    [[noreturn]] void fail(std::size_t at, const std::string& message) const {
        std::uint32_t line = 1, col = 1;
        for (std::size_t i = 0; i < at && i < s_.size(); ++i) {
            if (s_[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        throw InputError(file_, message, at, line, col);
    }

    std::size_t line_of(std::size_t at) const {
        return 1 + static_cast<std::size_t>(std::count(s_.begin(), s_.begin() + at, '\n'));
    }

    // Skips past `close` (from pos_), or fails naming what was not terminated and where it
    // started.
    void skip_to(std::string_view close, const char* what, std::size_t started) {
        std::size_t e = s_.find(close, pos_);
        if (e == std::string_view::npos) {
            fail(started, std::string("unterminated ") + what);
        }
        pos_ = e + close.size();
    }

    static bool name_byte(char c, bool first) {
        auto u = static_cast<unsigned char>(c);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
               u >= 0x80 || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
    }

    std::string name() {
        std::size_t b = pos_;
        while (pos_ < s_.size() && name_byte(s_[pos_], pos_ == b)) {
            ++pos_;
        }
        if (pos_ == b) {
            fail(pos_, "expected a name");
        }
        return std::string(s_.substr(b, pos_ - b));
    }

    static std::string local(const std::string& n) {
        auto colon = n.rfind(':');
        return colon == std::string::npos ? n : n.substr(colon + 1);
    }

    void spaces() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
            ++pos_;
        }
    }

    // s_[b, e) with entity and character references replaced.
    std::string decode(std::size_t b, std::size_t e) const {
        std::string out;
        for (std::size_t i = b; i < e; ++i) {
            if (s_[i] != '&') {
                out += s_[i];
                continue;
            }
            std::size_t semi = s_.find(';', i);
            if (semi == std::string_view::npos || semi >= e || semi - i > 12) {
                fail(i, "'&' without a reference (write &amp;)");
            }
            std::string_view ref = s_.substr(i + 1, semi - i - 1);
            if (ref == "lt") {
                out += '<';
            } else if (ref == "gt") {
                out += '>';
            } else if (ref == "amp") {
                out += '&';
            } else if (ref == "quot") {
                out += '"';
            } else if (ref == "apos") {
                out += '\'';
            } else if (ref.size() > 1 && ref[0] == '#') {
                bool hex = ref[1] == 'x';
                std::string_view digits = ref.substr(hex ? 2 : 1);
                std::uint32_t cp = 0;
                bool ok = !digits.empty();
                for (char c : digits) {
                    int d = (c >= '0' && c <= '9')          ? c - '0'
                            : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                            : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                            : -1;
                    ok = ok && d >= 0 && cp <= 0x10FFFF;
                    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d < 0 ? 0 : d);
                }
                if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    fail(i, "bad character reference &" + std::string(ref) + ";");
                }
                append_utf8(out, cp);
            } else {
                fail(i, "unknown entity &" + std::string(ref) + ";");
            }
            i = semi;
        }
        return out;
    }

    void markup() {
        std::size_t at = pos_;
        std::string_view rest = s_.substr(pos_);
        if (rest.substr(0, 4) == "<!--") {
            pos_ += 4;
            skip_to("-->", "comment", at);
        } else if (rest.substr(0, 9) == "<![CDATA[") {
            if (stack_.empty()) {
                fail(at, "CDATA section outside the root element");
            }
            std::size_t b = pos_ + 9;
            pos_ = b;
            skip_to("]]>", "CDATA section", at);
            text(std::string(s_.substr(b, pos_ - 3 - b)));
        } else if (rest.substr(0, 9) == "<!DOCTYPE") {
            std::size_t gt = s_.find('>', pos_);
            std::size_t bracket = s_.find('[', pos_);
            if (bracket != std::string_view::npos &&
                (gt == std::string_view::npos || bracket < gt)) {
                fail(at, "a DOCTYPE with an internal subset is not supported");
            }
            skip_to(">", "DOCTYPE", at);
        } else if (rest.substr(0, 2) == "<?") {
            pos_ += 2;
            skip_to("?>", "processing instruction", at);
        } else if (rest.substr(0, 2) == "</") {
            pos_ += 2;
            std::string n = name();
            spaces();
            if (pos_ >= s_.size() || s_[pos_] != '>') {
                fail(pos_, "expected '>' to close </" + n + ">");
            }
            ++pos_;
            if (stack_.empty() || stack_.back().first != n) {
                fail(at, "end tag </" + n + "> does not match " +
                             (stack_.empty()
                                  ? std::string("any open element")
                                  : "<" + stack_.back().first + "> (line " +
                                        std::to_string(line_of(stack_.back().second)) + ")"));
            }
            stack_.pop_back();
            end(local(n));
        } else {
            ++pos_;
            std::string n = name();
            if (stack_.empty() && seen_root_) {
                fail(at, "a second root element <" + n + ">");
            }
            std::vector<Attribute> attrs;
            for (;;) {
                std::size_t before = pos_;
                spaces();
                if (pos_ >= s_.size()) {
                    fail(at, "unterminated start tag <" + n + ">");
                }
                if (s_[pos_] == '>' || s_.substr(pos_, 2) == "/>") {
                    break;
                }
                if (pos_ == before) {
                    fail(pos_, "expected a space, '>' or '/>' in <" + n + ">");
                }
                std::string an = name();
                spaces();
                if (pos_ >= s_.size() || s_[pos_] != '=') {
                    fail(pos_, "expected '=' after attribute " + an);
                }
                ++pos_;
                spaces();
                char q = pos_ < s_.size() ? s_[pos_] : '\0';
                if (q != '"' && q != '\'') {
                    fail(pos_, "attribute " + an + " without quotes");
                }
                std::size_t close = s_.find(q, pos_ + 1);
                if (close == std::string_view::npos) {
                    fail(pos_, "unterminated value of attribute " + an);
                }
                std::size_t lt = s_.find('<', pos_ + 1);
                if (lt < close) {
                    fail(lt, "'<' in the value of attribute " + an);
                }
                attrs.push_back({local(an), decode(pos_ + 1, close)});
                pos_ = close + 1;
            }
            bool empty = s_[pos_] == '/';
            pos_ += empty ? 2 : 1;
            seen_root_ = true;
            start(local(n), attrs, line_of(at));
            if (empty) {
                end(local(n));
            } else {
                stack_.emplace_back(n, at);
            }
        }
    }

    const std::string& file_;
    std::string_view s_;
    std::size_t pos_ = 0;
    bool seen_root_ = false;
    std::vector<std::pair<std::string, std::size_t>> stack_; // open elements, their offsets
};

// ---- MARC -----------------------------------------------------------------------------------

std::string attr(const std::vector<Attribute>& as, std::string_view name) {
    for (const auto& a : as) {
        if (a.name == name) {
            return a.value;
        }
    }
    return {};
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) {
        return {};
    }
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// A 245/246 $a without the ISBD punctuation that introduces the next subfield (" :", " /",
// " ;", " =") and with white space runs collapsed; the ISBD " : " inside a title is written
// ": " as in the documents' own title lines ("thereto : situations" -> "thereto: situations").
std::string clean_title(std::string_view s) {
    std::string out;
    for (char c : trim(s)) {
        bool sp = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (sp && !out.empty() && out.back() == ' ') {
            continue;
        }
        if (c == ':' && out.size() >= 2 && out.back() == ' ') {
            out.pop_back();
        }
        out += sp ? ' ' : c;
    }
    // The ':' of a trailing " :" lost its space above.
    while (!out.empty() &&
           (out.back() == ':' || out.back() == '/' || out.back() == ';' || out.back() == '=')) {
        bool spaced = out.back() == ':' || (out.size() >= 2 && out[out.size() - 2] == ' ');
        if (!spaced) {
            break;
        }
        out.pop_back();
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
    }
    return out;
}

// MARC 041 language codes (ISO 639-2) of the six official languages.
std::string two_letter(std::string_view code) {
    static const std::pair<const char*, const char*> codes[] = {
        {"eng", "en"}, {"fre", "fr"}, {"fra", "fr"}, {"spa", "es"},
        {"rus", "ru"}, {"ara", "ar"}, {"chi", "zh"}, {"zho", "zh"}};
    for (const auto& [three, two] : codes) {
        if (code == three) {
            return two;
        }
    }
    return {};
}

// The language of a title written in a script only one official language uses: Han -> zh,
// Cyrillic -> ru, Arabic -> ar; "" for Latin (English, French or Spanish: not decidable).
std::string language_by_script(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto cp = decode_utf8(s, i);
        if (!cp) {
            return {};
        }
        char32_t c = *cp;
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) {
            return "zh";
        }
        if (c >= 0x400 && c <= 0x4FF) {
            return "ru";
        }
        if (c >= 0x600 && c <= 0x6FF) {
            return "ar";
        }
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F)) {
            return {};
        }
    }
    return {};
}

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 269 $a as ISO 8601: "2023-11-08", "20231108", "2023-11", "2023"; "" otherwise.
std::string iso_date(std::string_view s) {
    std::string t = trim(s);
    if (t.size() == 8 && digits(t)) {
        return t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2);
    }
    bool ok = (t.size() == 4 || t.size() == 7 || t.size() == 10) && digits(t.substr(0, 4));
    for (std::size_t i = 4; ok && i < t.size(); i += 3) {
        ok = t[i] == '-' && digits(t.substr(i + 1, 2));
    }
    return ok ? t : std::string();
}

} // namespace

std::vector<MarcRecord> read_marcxml(const std::string& file, std::string_view bytes) {
    std::vector<MarcRecord> out;
    XmlReader xml(file, bytes);
    bool in_record = false;
    std::string tag, code, buf, title245;
    std::vector<std::pair<std::string, std::string>> subfields; // of the open datafield
    std::vector<std::string> titles246;
    bool root = true;
    xml.start = [&](const std::string& n, const std::vector<Attribute>& as, std::size_t line) {
        if (root && n != "collection" && n != "record") {
            throw InputError(file, "not MARCXML: the root element is <" + n + ">",
                             InputError::kNoPosition, static_cast<std::uint32_t>(line), 1);
        }
        root = false;
        if (n == "record") {
            out.emplace_back();
            out.back().line = line;
            in_record = true;
            title245.clear();
            titles246.clear();
        } else if (n == "datafield" || n == "controlfield") {
            tag = attr(as, "tag");
            subfields.clear();
        } else if (n == "subfield") {
            code = attr(as, "code");
            buf.clear();
        }
    };
    xml.text = [&](const std::string& t) { buf += t; };
    xml.end = [&](const std::string& n) {
        if (!in_record) {
            return;
        }
        MarcRecord& r = out.back();
        if (n == "subfield") {
            subfields.emplace_back(code, buf);
        } else if (n == "datafield") {
            for (const auto& [c, v] : subfields) {
                if (c != "a") {
                    continue;
                }
                std::string value = trim(v);
                if (tag == "191" && r.symbol.empty()) {
                    r.symbol = value;
                } else if (tag == "041" && r.language.empty()) {
                    r.language = two_letter(value);
                } else if (tag == "245" && title245.empty()) {
                    title245 = clean_title(value);
                } else if (tag == "246") {
                    titles246.push_back(clean_title(value));
                } else if (tag == "269" && r.date.empty()) {
                    r.date = iso_date(value);
                } else if (tag == "650" || tag == "610" || tag == "630") {
                    r.subjects.push_back(value);
                } else if (tag == "993" && !value.empty()) {
                    r.related.push_back(value);
                }
            }
        } else if (n == "record") {
            if (r.language.empty()) {
                r.language = "en";
            }
            if (!title245.empty()) {
                r.titles[r.language] = title245;
            }
            for (const auto& t : titles246) {
                std::string lang = language_by_script(t);
                if (!lang.empty() && !t.empty() && r.titles.count(lang) == 0) {
                    r.titles[lang] = t;
                }
            }
            in_record = false;
        }
    };
    xml.run();
    return out;
}

MetadataPlan plan_metadata(const std::string& file, const std::vector<MarcRecord>& records,
                           const CitationGraph& existing) {
    MetadataPlan plan;
    std::map<std::string, std::size_t> planned; // id -> index in plan.nodes
    auto node_for = [&](const Symbol& s) -> NodeRecord& {
        auto it = planned.find(s.key);
        if (it != planned.end()) {
            return plan.nodes[it->second];
        }
        NodeRecord n;
        n.id = s.key;
        n.kind = s.kind;
        n.symbol = s.display;
        n.session = s.session;
        if (!existing.find(s.key)) {
            ++plan.new_nodes;
        }
        planned.emplace(s.key, plan.nodes.size());
        plan.nodes.push_back(std::move(n));
        return plan.nodes.back();
    };
    // The value the store or an earlier record gives, or nullptr.
    auto current_name = [&](const NodeRecord& n, const std::string& lang) -> const std::string* {
        if (auto it = n.names.find(lang); it != n.names.end()) {
            return &it->second;
        }
        if (auto v = existing.find(n.id)) {
            const auto& names = existing.node(*v).names;
            if (auto it = names.find(lang); it != names.end()) {
                return &it->second;
            }
        }
        return nullptr;
    };
    auto offer_title = [&](NodeRecord& n, const std::string& lang, const std::string& title,
                           const std::string& where) {
        const std::string* have = current_name(n, lang);
        if (!have) {
            n.names[lang] = title;
            ++plan.titles;
        } else if (*have != title) {
            plan.conflicts.push_back(n.id + " title (" + lang + "): keeps \"" + *have + "\"; " +
                                     where + " says \"" + title + "\"");
        }
    };
    for (const auto& r : records) {
        ++plan.records;
        std::string where = file + ":" + std::to_string(r.line);
        if (r.symbol.empty()) {
            plan.skipped.push_back(where + ": record without a 191 symbol");
            continue;
        }
        auto sym = parse_symbol(r.symbol);
        if (!sym) {
            plan.skipped.push_back(where + ": 191 '" + r.symbol + "' is not a UN document symbol");
            continue;
        }
        NodeRecord& n = node_for(*sym);
        const std::string id = n.id; // `n` may move when node_for() adds a node below
        for (const auto& [lang, title] : r.titles) {
            offer_title(plan.nodes[planned[id]], lang, title, where);
        }
        if (!r.date.empty()) {
            NodeRecord& m = plan.nodes[planned[id]];
            std::string have = m.date;
            if (have.empty()) {
                if (auto v = existing.find(id)) {
                    have = existing.node(*v).date;
                }
            }
            if (have.empty()) {
                m.date = r.date;
                ++plan.dates;
            } else if (have != r.date) {
                plan.conflicts.push_back(id + " date: keeps " + have + "; " + where + " says " +
                                         r.date);
            }
        }
        plan.subjects += r.subjects.size();
        for (const auto& rel : r.related) {
            auto rs = parse_symbol(rel);
            if (!rs || rs->kind != NodeKind::Resolution) {
                continue;
            }
            NodeRecord& adopted = node_for(*rs);
            for (const auto& [lang, title] : r.titles) {
                offer_title(adopted, lang, title, where + " (993 of " + sym->display + ")");
            }
        }
    }
    return plan;
}

} // namespace citegraph
