// The overlaps command (issue #17): mandates of different resolutions that ask the same
// addressee for the same action on the same subject, grouped, with their evidence, ranked.
#include "cli.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <set>

namespace citegraph::cli {
namespace {

// Words of a clause: ASCII words of 5 letters or more, lower-cased, and the character
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
    double max_df = 0.01;
    double title_threshold = 0.75;
    std::size_t min_shared = 3;
    std::size_t top = 20;
    std::string lang = "en";
    bool json = false;
};

struct Item {
    const StoredMandate* m;
    std::string addressee;
    std::set<std::string> words;
    std::set<std::string> title; // words of the document's title
    bool anaphor = false;        // the clause names its subject by an anaphor ("the Territory")
};

// The `subject_anaphor` rows of data/lexicon/<lang>/mandates.tsv: phrases by which a clause
// refers to its resolution's own subject ("the Territory", "the Force", "the Mission").
std::vector<std::string> subject_anaphors(const std::string& data, const std::string& lang) {
    std::vector<std::string> out;
    std::ifstream in(data + "/lexicon/" + lang + "/mandates.tsv");
    std::string line;
    while (std::getline(in, line)) {
        const std::string key = "subject_anaphor\t";
        if (line.compare(0, key.size(), key) == 0) {
            out.push_back(line.substr(key.size()));
        }
    }
    return out;
}

int cmd_overlaps(const Globals& g, const OverlapArgs& a) {
    const CitationGraph graph = load_graph(g);
    const std::vector<std::string> anaphors = subject_anaphors(g.data, a.lang);
    auto store = open_for_reading(g);
    const std::vector<StoredMandate> stored =
        store ? store->mandates() : std::vector<StoredMandate>{};
    // Subject words are the rare ones: a word in more than max_df of the clauses is the
    // boilerplate of mandates ("requests", "provisional agenda", "session"), not a subject.
    std::vector<std::set<std::string>> words;
    std::map<std::string, std::size_t> df;
    std::size_t clauses = 0;
    for (const auto& s : stored) {
        words.emplace_back();
        if (s.language != a.lang) {
            continue;
        }
        words.back() = subject_words(s.mandate.text);
        for (const auto& w : words.back()) {
            ++df[w];
        }
        ++clauses;
    }
    const double max_count = a.max_df * static_cast<double>(clauses);
    // Buckets of (addressee, action); "other" is no action to compare.
    std::map<std::pair<std::string, std::string>, std::vector<Item>> buckets;
    for (std::size_t k = 0; k < stored.size(); ++k) {
        const StoredMandate& s = stored[k];
        if (s.language != a.lang || s.mandate.action == "other") {
            continue;
        }
        const std::set<std::string>& all = words[k];
        std::set<std::string> subject;
        for (const auto& w : all) {
            if (static_cast<double>(df[w]) <= max_count) {
                subject.insert(w);
            }
        }
        std::set<std::string> title;
        if (auto v = graph.find(s.document)) {
            auto t = graph.node(*v).names.find(a.lang);
            if (t != graph.node(*v).names.end()) {
                title = subject_words(t->second);
            }
        }
        bool anaphor = false;
        for (const auto& p : anaphors) {
            anaphor = anaphor || s.mandate.text.find(p) != std::string::npos;
        }
        for (const auto& addressee : s.mandate.addressees) {
            buckets[{addressee, s.mandate.action}].push_back(
                {&s, addressee, subject, title, anaphor});
        }
    }
    struct Group {
        std::string addressee, action;
        std::vector<const Item*> items;
        double score = 0; // mean pairwise similarity of linked pairs
        std::vector<std::string> shared;
        std::vector<const Item*> renews; // per item: the predecessor it renews, or null
    };
    // Lineage: a mandate renews the latest earlier mandate of its group whose resolution is
    // its predecessor in a series: the same title, or cited by it.
    auto date_of = [&](const Item* it) {
        auto v = graph.find(it->m->document);
        return v ? graph.node(*v).date : std::string();
    };
    auto predecessor = [&](const Item* later, const Item* earlier) {
        if (!later->title.empty() && later->title == earlier->title) {
            return true;
        }
        auto v = graph.find(later->m->document);
        auto w = graph.find(earlier->m->document);
        if (!v || !w) {
            return false;
        }
        for (auto [e, end] = boost::out_edges(*v, graph.boost_graph()); e != end; ++e) {
            if (boost::target(*e, graph.boost_graph()) == *w) {
                return true;
            }
        }
        return false;
    };
    std::vector<Group> groups;
    for (const auto& [key, items] : buckets) {
        // Complete link, greedily: a mandate joins the first group all of whose mandates (of
        // other documents) it is similar to at or above the threshold; single link would chain
        // one Territory's resolution to another's through an omnibus resolution naming both.
        std::vector<std::vector<std::size_t>> clusters;
        std::vector<double> sums;
        std::vector<int> links;
        for (std::size_t i = 0; i < items.size(); ++i) {
            bool placed = false;
            for (std::size_t c = 0; c < clusters.size() && !placed; ++c) {
                double sum = 0;
                int n = 0;
                bool ok = true;
                for (std::size_t j : clusters[c]) {
                    if (items[j].m->document == items[i].m->document) {
                        ok = false;
                        break;
                    }
                    double sim = jaccard(items[i].words, items[j].words);
                    // A clause about "the Territory" is about the resolution's subject: the
                    // two resolutions' titles must agree too.
                    if ((items[i].anaphor || items[j].anaphor) &&
                        jaccard(items[i].title, items[j].title) < a.title_threshold) {
                        sim = 0;
                    }
                    if (sim < a.threshold) {
                        ok = false;
                        break;
                    }
                    sum += sim;
                    ++n;
                }
                if (ok) {
                    clusters[c].push_back(i);
                    sums[c] += sum;
                    links[c] += n;
                    placed = true;
                }
            }
            if (!placed) {
                clusters.push_back({i});
                sums.push_back(0);
                links.push_back(0);
            }
        }
        std::map<int, Group> by_root;
        std::map<int, std::pair<double, int>> sim;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            if (clusters[c].size() < 2) {
                continue;
            }
            Group& grp = by_root[static_cast<int>(c)];
            grp.addressee = key.first;
            grp.action = key.second;
            for (std::size_t i : clusters[c]) {
                grp.items.push_back(&items[i]);
            }
            sim[static_cast<int>(c)] = {sums[c], links[c]};
        }
        for (auto& [r, grp] : by_root) {
            std::stable_sort(grp.items.begin(), grp.items.end(), [&](const Item* x, const Item* y) {
                return std::make_pair(date_of(x), x->m->document) <
                       std::make_pair(date_of(y), y->m->document);
            });
            grp.renews.assign(grp.items.size(), nullptr);
            for (std::size_t i = 1; i < grp.items.size(); ++i) {
                for (std::size_t j = i; j-- > 0;) {
                    if (date_of(grp.items[j]) < date_of(grp.items[i]) &&
                        predecessor(grp.items[i], grp.items[j])) {
                        grp.renews[i] = grp.items[j];
                        break;
                    }
                }
            }
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
    // A group's evidence is the subject words all its mandates share; fewer than min_shared is
    // too little ("an updated report" on two subjects shares "updated" only).
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [&](const Group& grp) { return grp.shared.size() < a.min_shared; }),
                 groups.end());
    // Ranked by similarity (in steps of 5 %), then shared words, then documents, then
    // addressee and action: the near-identical mandates first.
    auto docs = [](const Group& grp) {
        std::set<std::string> d;
        for (const Item* it : grp.items) {
            d.insert(it->m->document);
        }
        return d.size();
    };
    auto rank = [&](const Group& grp) {
        return std::make_tuple(-static_cast<long>(grp.score * 20 + 0.5),
                               -static_cast<long>(grp.shared.size()), -static_cast<long>(docs(grp)),
                               grp.addressee, grp.action);
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const Group& x, const Group& y) { return rank(x) < rank(y); });
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
            for (const Item* const& it : grp.items) {
                w.StartObject();
                w.Key("document");
                w.String(it->m->document.c_str());
                w.Key("paragraph");
                w.String(it->m->mandate.paragraph.c_str());
                w.Key("text");
                w.String(it->m->mandate.text.c_str());
                const Item* prev = grp.renews[static_cast<std::size_t>(&it - grp.items.data())];
                if (prev != nullptr) {
                    w.Key("renews");
                    std::string ref = prev->m->document + " " + prev->m->mandate.paragraph;
                    w.String(ref.c_str());
                }
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
        for (std::size_t i = 0; i < grp.shared.size() && i < 12; ++i) {
            std::cout << " " << grp.shared[i];
        }
        if (grp.shared.size() > 12) {
            std::cout << " (+" << grp.shared.size() - 12 << ")";
        }
        std::cout << "\n";
        for (const Item* const& it : grp.items) {
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
            const Item* prev = grp.renews[static_cast<std::size_t>(&it - grp.items.data())];
            if (prev != nullptr) {
                std::cout << "      renews " << prev->m->document << " "
                          << prev->m->mandate.paragraph << "\n";
            }
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
    o->add_option("--max-df", oa->max_df,
                  "subject words are those in at most this fraction of the clauses")
        ->capture_default_str();
    o->add_option("--title-threshold", oa->title_threshold,
                  "title similarity two resolutions need when a clause names its subject by an "
                  "anaphor (\"the Territory\")")
        ->capture_default_str();
    o->add_option("--min-shared", oa->min_shared,
                  "subject words all mandates of a group must share")
        ->capture_default_str();
    o->add_option("--top", oa->top, "number of groups")->capture_default_str();
    o->add_option("--lang", oa->lang, "language version compared")->capture_default_str();
    o->add_flag("--json", oa->json, "JSON output");
    out.push_back({o, [&g, oa] { return cmd_overlaps(g, *oa); }});
}

} // namespace citegraph::cli
