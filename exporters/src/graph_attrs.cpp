#include "graph_attrs.hpp"

#include "citegraph/engine/text.hpp"
#include "text_util.hpp"

#include <map>

namespace citegraph::detail {
namespace {

// Language codes become attribute names (name_zh): keep them to XML-name-friendly characters.
std::string attr_safe(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '_';
    }
    return out;
}

std::optional<long> roman(std::string_view s) {
    auto value = [](char c) -> long {
        switch (c) {
        case 'I':
            return 1;
        case 'V':
            return 5;
        case 'X':
            return 10;
        case 'L':
            return 50;
        case 'C':
            return 100;
        default:
            return 0;
        }
    };
    long total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const long v = value(s[i]);
        if (v == 0) {
            return std::nullopt;
        }
        const long next = i + 1 < s.size() ? value(s[i + 1]) : 0;
        total += next > v ? -v : v;
    }
    return total > 0 ? std::optional<long>(total) : std::nullopt;
}

// "reaffirms=2;recalls=1": counts by name.
std::string counts(const std::map<std::string, int>& m) {
    std::string out;
    for (const auto& [name, n] : m) {
        out += out.empty() ? "" : ";";
        out += name + "=" + std::to_string(n);
    }
    return out;
}

} // namespace

std::optional<long> session_number(std::string_view session) {
    if (session.empty() || session.size() > 9) {
        return std::nullopt;
    }
    if (is_integer(session)) {
        return std::stol(std::string(session));
    }
    return roman(session);
}

std::string xml_escape(std::string_view text) {
    // XML-safe first (xml_safe), then the engine's escaping of & < > ".
    return citegraph::xml_escape(xml_safe(text));
}

NodeAttrs::NodeAttrs(const CitationGraph& g, const std::string& lang)
    : lang_(lang), languages_(name_languages(g)) {
    for (auto v : g.sorted_vertices()) {
        const auto& u = g.node(v).unts_number;
        numeric_unts_ = numeric_unts_ && (u.empty() || (is_integer(u) && u.size() <= 15));
    }
    decls_ = {{"label", AttrType::String}, {"labels", AttrType::String},
              {"name", AttrType::String},  {"node_id", AttrType::String},
              {"kind", AttrType::String},  {"symbol", AttrType::String}};
    for (const auto& l : languages_) {
        decls_.push_back({"name_" + attr_safe(l), AttrType::String});
    }
    const std::vector<AttrDecl> rest = {
        {"date", AttrType::String},
        {"year", AttrType::Int},
        {"body", AttrType::String},
        {"session", AttrType::Int},
        {"session_label", AttrType::String},
        {"unts_volume", AttrType::String},
        {"unts_number", numeric_unts_ ? AttrType::Long : AttrType::String}};
    decls_.insert(decls_.end(), rest.begin(), rest.end());
}

std::vector<AttrValue> NodeAttrs::values(const NodeRecord& n) const {
    std::vector<AttrValue> out;
    std::size_t i = 0;
    auto add = [&](const std::string& value) {
        if (!value.empty()) {
            out.push_back({i, xml_escape(value)});
        }
        ++i;
    };
    add(display_name(n, lang_));
    add(":" + std::string(to_string(n.kind)));
    add(n.id);
    add(n.id);
    add(std::string(to_string(n.kind)));
    add(n.symbol);
    for (const auto& l : languages_) {
        auto it = n.names.find(l);
        add(it == n.names.end() ? std::string() : it->second);
    }
    add(n.date);
    add(n.date.size() >= 4 && is_iso_date_like(n.date) ? n.date.substr(0, 4) : std::string());
    add(n.body);
    const auto session = session_number(n.session);
    add(session ? std::to_string(*session) : std::string());
    add(n.session);
    add(n.unts_volume);
    add(n.unts_number);
    return out;
}

EdgeAttrs::EdgeAttrs(bool aggregate) : aggregate_(aggregate) {
    if (aggregate_) {
        decls_ = {{"label", AttrType::String},
                  {"weight", AttrType::Double},
                  {"relations", AttrType::String},
                  {"roles", AttrType::String}};
    } else {
        decls_ = {{"label", AttrType::String},    {"relation", AttrType::String},
                  {"role", AttrType::String},     {"document", AttrType::String},
                  {"language", AttrType::String}, {"paragraph", AttrType::String},
                  {"text", AttrType::String},     {"span_start", AttrType::Int},
                  {"span_end", AttrType::Int}};
    }
}

std::vector<AttrValue> EdgeAttrs::values(const CitationGraph& g,
                                         const std::vector<CitationGraph::Edge>& group) const {
    std::vector<AttrValue> out;
    std::size_t i = 0;
    auto add = [&](const std::string& value) {
        if (!value.empty()) {
            out.push_back({i, xml_escape(value)});
        }
        ++i;
    };
    if (aggregate_) {
        std::map<std::string, int> relations, roles;
        for (auto e : group) {
            ++relations[std::string(to_string(g.props(e).relation))];
            ++roles[std::string(to_string(g.props(e).role))];
        }
        std::string names; // "reaffirms;recalls": a citation or a mandate, never called one
        for (const auto& [name, n] : relations) {
            names += names.empty() ? name : ";" + name;
        }
        add(names);
        add(std::to_string(group.size()) + ".0");
        add(counts(relations));
        add(counts(roles));
        return out;
    }
    const auto e = group.front();
    const auto p = g.provenance(e);
    add(upper_snake(to_string(g.props(e).relation)));
    add(std::string(to_string(g.props(e).relation)));
    add(std::string(to_string(g.props(e).role)));
    add(p.document);
    add(p.language);
    add(p.paragraph);
    add(p.text);
    add(std::to_string(p.span_begin));
    add(std::to_string(p.span_end));
    return out;
}

} // namespace citegraph::detail
