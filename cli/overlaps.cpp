// The overlaps command (issue #17): mandates of different resolutions that ask the same
// addressee for the same action on the same subject, grouped, with their evidence, ranked.
#include "cli.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <numeric>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <set>

namespace citegraph::cli {
namespace {

// Subject words of a clause: ASCII words of 5 letters or more, lower-cased, and the character
// bigrams of CJK text (three-byte UTF-8 sequences); short function words fall out by length.
std::set<std::string> subject_words(const std::string& text) {
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 5) {
            out.insert(word);
        }
        word.clear();
    };
    std::string prev_cjk;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            ++i;
            prev_cjk.clear();
            continue;
        }
        flush();
        if (c >= 0xE0 && c < 0xF0 && i + 3 <= text.size()) {
            std::string ch = text.substr(i, 3);
            if (!prev_cjk.empty()) {
                out.insert(prev_cjk + ch);
            }
            prev_cjk = ch;
            i += 3;
            continue;
        }
        prev_cjk.clear();
        i += c >= 0xF0 ? 4 : c >= 0xC0 ? 2 : 1;
    }
    flush();
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) {
        return 0;
    }
    std::size_t common = 0;
    for (const auto& w : a) {
        common += b.count(w);
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

struct OverlapArgs {
    double threshold = 0.5;
    std::size_t top = 20;
    std::string lang = "en";
    bool json = false;
};

struct Item {
    const StoredMandate* m;
    std::string addressee;
    std::set<std::string> words;
};

int find_root(std::vector<std::size_t>& parent, std::size_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return static_cast<int>(x);
}

int cmd_overlaps(const Globals& g, const OverlapArgs& a) {
    auto store = open_for_reading(g);
    const std::vector<StoredMandate> stored =
        store ? store->mandates() : std::vector<StoredMandate>{};
    // Buckets of (addressee, action); "other" is no action to compare.
    std::map<std::pair<std::string, std::string>, std::vector<Item>> buckets;
    for (const auto& s : stored) {
        if (s.language != a.lang || s.mandate.action == "other") {
            continue;
        }
        for (const auto& addressee : s.mandate.addressees) {
            buckets[{addressee, s.mandate.action}].push_back(
                {&s, addressee, subject_words(s.mandate.text)});
        }
    }
    struct Group {
        std::string addressee, action;
        std::vector<const Item*> items;
        double score = 0; // mean pairwise similarity of linked pairs
        std::vector<std::string> shared;
    };
    std::vector<Group> groups;
    for (const auto& [key, items] : buckets) {
        // Single link over pairs of different documents at or above the threshold.
        std::vector<std::size_t> parent(items.size());
        std::iota(parent.begin(), parent.end(), 0);
        std::map<int, std::pair<double, int>> sim; // root -> (sum, links)
        std::vector<std::tuple<std::size_t, std::size_t, double>> links;
        for (std::size_t i = 0; i < items.size(); ++i) {
            for (std::size_t j = i + 1; j < items.size(); ++j) {
                if (items[i].m->document == items[j].m->document) {
                    continue;
                }
                double s = jaccard(items[i].words, items[j].words);
                if (s >= a.threshold) {
                    links.emplace_back(i, j, s);
                    parent[static_cast<std::size_t>(find_root(parent, i))] =
                        static_cast<std::size_t>(find_root(parent, j));
                }
            }
        }
        for (const auto& [i, j, s] : links) {
            auto& e = sim[find_root(parent, i)];
            e.first += s;
            e.second += 1;
        }
        std::map<int, Group> by_root;
        for (std::size_t i = 0; i < items.size(); ++i) {
            int r = find_root(parent, i);
            if (sim.count(r) == 0) {
                continue;
            }
            Group& grp = by_root[r];
            grp.addressee = key.first;
            grp.action = key.second;
            grp.items.push_back(&items[i]);
        }
        for (auto& [r, grp] : by_root) {
            grp.score = sim[r].first / sim[r].second;
            std::map<std::string, std::size_t> count;
            for (const Item* it : grp.items) {
                for (const auto& w : it->words) {
                    ++count[w];
                }
            }
            for (const auto& [w, c] : count) {
                if (c == grp.items.size()) {
                    grp.shared.push_back(w);
                }
            }
            groups.push_back(std::move(grp));
        }
    }
    // Ranked by the number of documents, then similarity, then addressee and action.
    auto docs = [](const Group& grp) {
        std::set<std::string> d;
        for (const Item* it : grp.items) {
            d.insert(it->m->document);
        }
        return d.size();
    };
    std::stable_sort(groups.begin(), groups.end(), [&](const Group& x, const Group& y) {
        return std::make_tuple(-static_cast<long>(docs(x)), -x.score, x.addressee, x.action) <
               std::make_tuple(-static_cast<long>(docs(y)), -y.score, y.addressee, y.action);
    });
    if (groups.size() > a.top) {
        groups.resize(a.top);
    }
    if (a.json) {
        rapidjson::StringBuffer buf;
        rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
        w.SetIndent(' ', 2);
        w.StartArray();
        for (const auto& grp : groups) {
            w.StartObject();
            w.Key("addressee");
            w.String(grp.addressee.c_str());
            w.Key("action");
            w.String(grp.action.c_str());
            w.Key("similarity");
            w.Double(grp.score);
            w.Key("shared_words");
            w.StartArray();
            for (const auto& s : grp.shared) {
                w.String(s.c_str());
            }
            w.EndArray();
            w.Key("mandates");
            w.StartArray();
            for (const Item* it : grp.items) {
                w.StartObject();
                w.Key("document");
                w.String(it->m->document.c_str());
                w.Key("paragraph");
                w.String(it->m->mandate.paragraph.c_str());
                w.Key("text");
                w.String(it->m->mandate.text.c_str());
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        std::cout << buf.GetString() << "\n";
        return kOk;
    }
    std::cout << groups.size() << (groups.size() == 1 ? " group" : " groups") << "\n";
    int n = 0;
    for (const auto& grp : groups) {
        std::cout << "\n#" << ++n << "  " << grp.addressee << "  " << grp.action << "  "
                  << grp.items.size() << " mandates, similarity "
                  << static_cast<int>(grp.score * 100 + 0.5) << " %\n   shared:";
        for (const auto& s : grp.shared) {
            std::cout << " " << s;
        }
        std::cout << "\n";
        for (const Item* it : grp.items) {
            std::string t = it->m->mandate.text;
            if (t.size() > 110) {
                t = t.substr(0, 110);
                while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) {
                    t.pop_back();
                }
                if (!t.empty()) {
                    t.pop_back();
                }
                t += "...";
            }
            std::cout << "   " << it->m->document << " " << it->m->mandate.paragraph << "  " << t
                      << "\n";
        }
    }
    return kOk;
}

} // namespace

void add_overlap_commands(CLI::App& app, Globals& g, std::vector<Command>& out) {
    auto oa = std::make_shared<OverlapArgs>();
    auto* o = app.add_subcommand("overlaps", "mandates of different resolutions asking the same "
                                             "addressee for the same action on the same subject");
    o->add_option("--threshold", oa->threshold,
                  "clause similarity (Jaccard of subject words) linking two mandates")
        ->capture_default_str();
    o->add_option("--top", oa->top, "number of groups")->capture_default_str();
    o->add_option("--lang", oa->lang, "language version compared")->capture_default_str();
    o->add_flag("--json", oa->json, "JSON output");
    out.push_back({o, [&g, oa] { return cmd_overlaps(g, *oa); }});
}

} // namespace citegraph::cli
