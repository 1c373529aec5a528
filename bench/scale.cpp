// The 10^7-edge scale run (issue #7): a seeded synthetic citation graph shaped like the peer's
// (bench/compare) at 10^6 nodes / 10^7 edges, built in memory, ranked, queried and exported;
// and the same records imported into the SQLite store. bench/scale drives it and adds the
// CLI's own path (load from the store, rank, export) under /usr/bin/time -v.
//
//   citegraph_scale graph  --nodes N --edges M --seed S --out DIR [--formats graphml,neo4j]
//   citegraph_scale store  --nodes N --edges M --seed S --db PATH [--batch 5000]
//
// Prints one JSON object per step on stdout: step, seconds, peak_rss_MB (the step's own peak:
// VmHWM is reset through /proc/self/clear_refs before each step), rss_MB after it, and
// step-specific counts.
#include "bench_util.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/queries.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/exporters/exporter.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <malloc.h>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using citegraph::bench::proc_status_bytes;
using Clock = std::chrono::steady_clock;

struct Options {
    std::string mode;
    std::size_t nodes = 1000000;
    std::size_t edges = 10000000;
    std::uint64_t seed = 20240601;
    std::string out = "scale-out";
    std::string db = "scale.db";
    std::string formats = "graphml,neo4j";
    std::size_t batch = 5000;
};

// Shaped like peer_baseline.gen_graph: n_res resolutions in order, each citing ~k distinct
// earlier ones (70 % preferential attachment, 30 % uniform), 20 % repeating one citation in
// an operative paragraph (a multigraph), plus 3 mentions of treaties/bodies drawn from a
// Zipf(1) popularity over n_ent = n_res / 50 entities (a third of body mentions are mandates).
// k is chosen so that the edge count is close to --edges.
class Generator {
  public:
    Generator(std::size_t nodes, std::size_t edges, std::uint64_t seed) : rng_(seed) {
        n_res_ = nodes * 50 / 51;
        n_ent_ = nodes - n_res_;
        const double per_res = static_cast<double>(edges) / static_cast<double>(n_res_);
        k_dist_ = std::normal_distribution<double>(std::max(1.0, per_res - kMentions - 0.2), 2.0);
        ids_.reserve(nodes);
        for (std::size_t i = 0; i < n_res_; ++i) {
            ids_.push_back("A/RES/" + std::to_string(i / 300 + 1) + "/" +
                           std::to_string(i % 300 + 1));
        }
        for (std::size_t j = 0; j < n_ent_; ++j) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%s:%06zu", j % 3 ? "treaty" : "body", j);
            ids_.push_back(buf);
        }
        pool_.reserve(static_cast<std::size_t>(static_cast<double>(edges)));
    }

    std::size_t num_nodes() const { return ids_.size(); }

    citegraph::NodeRecord node(std::size_t v) const {
        citegraph::NodeRecord r;
        r.id = ids_[v];
        if (v < n_res_) {
            r.kind = citegraph::NodeKind::Resolution;
            r.session = std::to_string(v / 300 + 1);
            r.date = std::to_string(1946 + v * 80 / n_res_) + "-12-18";
        } else {
            r.kind = (v - n_res_) % 3 ? citegraph::NodeKind::Treaty : citegraph::NodeKind::Body;
            r.names["en"] = "Entity " + std::to_string(v - n_res_);
        }
        return r;
    }

    // The next resolution's edges (false when all are done). `targets` receives the vertex
    // of every edge's target.
    bool next(std::vector<citegraph::EdgeRecord>& out, std::vector<std::size_t>& targets) {
        out.clear();
        targets.clear();
        if (i_ >= n_res_) {
            return false;
        }
        const std::size_t i = i_++;
        const std::string& src = ids_[i];
        std::string cites_text = "Recalling its resolutions";
        std::vector<std::size_t> chosen;
        if (i > 0) {
            auto k = static_cast<std::size_t>(std::max(1.0, std::round(k_dist_(rng_))));
            k = std::min(k, i);
            while (chosen.size() < k) {
                std::size_t t = u01_(rng_) < 0.7 ? pool_[rng_() % pool_.size()] : rng_() % i;
                if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) {
                    chosen.push_back(t);
                }
            }
            for (std::size_t c = 0; c < chosen.size() && c < 3; ++c) {
                cites_text += (c ? ", " : " ") + ids_[chosen[c]];
            }
            cites_text += chosen.size() > 3 ? " and others," : ",";
        }
        const std::string op_text = "Requests the Secretary-General to report on the "
                                    "implementation of the present resolution.";
        auto add = [&](std::size_t t, citegraph::Relation rel, citegraph::Role role,
                       const char* para, const std::string& text) {
            citegraph::EdgeRecord e;
            e.source = src;
            e.target = ids_[t];
            e.relation = rel;
            e.role = role;
            e.prov.document = src;
            e.prov.language = "en";
            e.prov.paragraph = para;
            e.prov.span_begin = static_cast<std::uint32_t>(out.size() * 40);
            e.prov.span_end = e.prov.span_begin + 30;
            e.prov.text = text;
            out.push_back(std::move(e));
            targets.push_back(t);
        };
        for (std::size_t t : chosen) {
            add(t, citegraph::Relation::recalls, citegraph::Role::object, "pp1", cites_text);
            pool_.push_back(t);
        }
        if (!chosen.empty() && u01_(rng_) < 0.2) {
            add(chosen.front(), citegraph::Relation::reaffirms, citegraph::Role::object, "op1",
                op_text);
        }
        for (int m = 0; m < kMentions; ++m) {
            const auto e = std::min(
                n_ent_ - 1,
                static_cast<std::size_t>(std::pow(static_cast<double>(n_ent_), u01_(rng_))) - 1);
            const std::size_t t = n_res_ + e;
            const bool body = e % 3 == 0;
            if (body && rng_() % 3 == 0) {
                add(t, citegraph::Relation::requests, citegraph::Role::addressee, "op2", op_text);
            } else {
                add(t, citegraph::Relation::notes, citegraph::Role::mention, "pp2", cites_text);
            }
        }
        pool_.push_back(i);
        return true;
    }

  private:
    static constexpr int kMentions = 3;
    std::mt19937_64 rng_;
    std::size_t n_res_ = 0, n_ent_ = 0, i_ = 0;
    std::normal_distribution<double> k_dist_;
    std::uniform_real_distribution<double> u01_{0.0, 1.0};
    std::vector<std::string> ids_;
    std::vector<std::size_t> pool_;
};

void reset_peak() {
    // "5": reset the peak resident set size (VmHWM) to the current one (Linux >= 4.0).
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
}

double mb(std::uint64_t bytes) {
    return static_cast<double>(bytes) / 1e6;
}

// Runs `fn` as one step and prints its JSON line; `fn` adds its own fields to `extra`.
void step(const std::string& name, const std::function<void(std::ostringstream&)>& fn) {
    std::cerr << "[scale] " << name << " ..." << std::endl;
    reset_peak();
    const auto t0 = Clock::now();
    std::ostringstream extra;
    fn(extra);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "{\"step\": \"%s\", \"seconds\": %.3f, \"peak_rss_MB\": %.1f, \"rss_MB\": %.1f",
                  name.c_str(), s, mb(proc_status_bytes("VmHWM")), mb(proc_status_bytes("VmRSS")));
    std::cout << buf << extra.str() << "}" << std::endl;
    std::cerr << "[scale] " << name << " " << s << " s" << std::endl;
}

std::uint64_t path_bytes(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::uint64_t total = 0;
        for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
            if (e.is_regular_file()) {
                total += e.file_size();
            }
        }
        return total;
    }
    return fs::file_size(path, ec);
}

int run_graph(const Options& o) {
    std::filesystem::create_directories(o.out);
    std::vector<citegraph::EdgeRecord> batch;
    std::vector<std::size_t> targets;
    std::size_t edges = 0;
    step("generate (records only, not kept)", [&](std::ostringstream& x) {
        Generator gen(o.nodes, o.edges, o.seed);
        std::size_t docs = 0;
        while (gen.next(batch, targets)) {
            edges += batch.size();
            ++docs;
        }
        x << ", \"nodes\": " << gen.num_nodes() << ", \"edges\": " << edges
          << ", \"documents\": " << docs;
    });
    auto g = std::make_unique<citegraph::CitationGraph>();
    malloc_trim(0);
    const std::uint64_t rss_before = proc_status_bytes("VmRSS");
    step("generate + build in-memory graph", [&](std::ostringstream& x) {
        Generator gen(o.nodes, o.edges, o.seed);
        for (std::size_t v = 0; v < gen.num_nodes(); ++v) {
            g->add_node(gen.node(v));
        }
        while (gen.next(batch, targets)) {
            for (const auto& e : batch) {
                g->add_edge(e);
            }
        }
        batch.clear();
        batch.shrink_to_fit();
        // the generator's id table and pool go with it; what stays is the graph
        x << ", \"nodes\": " << g->num_nodes() << ", \"edges\": " << g->num_edges();
    });
    {
        malloc_trim(0); // what the generator freed goes back to the system
        const std::uint64_t rss = proc_status_bytes("VmRSS");
        std::printf("{\"step\": \"graph resident memory\", \"graph_rss_MB\": %.1f, "
                    "\"bytes_per_edge\": %.1f}\n",
                    mb(rss - rss_before),
                    static_cast<double>(rss - rss_before) / static_cast<double>(g->num_edges()));
        std::fflush(stdout);
    }
    step("PageRank", [&](std::ostringstream& x) {
        citegraph::PageRankOptions po;
        po.multiplicity = true;
        auto r = citegraph::pagerank(*g, po);
        std::size_t best = 0;
        for (std::size_t v = 1; v < r.rank.size(); ++v) {
            best = r.rank[v] > r.rank[best] ? v : best;
        }
        x << ", \"iterations\": " << r.iterations << ", \"converged\": " << r.converged
          << ", \"top\": \"" << g->node(best).id << "\"";
    });
    step("query caches (neighbour index + id order)", [&](std::ostringstream& x) {
        auto ix = g->neighbour_index();
        g->id_order();
        const std::size_t bytes =
            (ix->in_begin.size() + ix->in_split.size() + ix->out_begin.size() +
             ix->out_para_begin.size()) *
                sizeof(std::size_t) +
            (ix->in.size() + ix->out.size() + ix->distinct_targets.size()) * 4 +
            ix->by_paragraph.size() * sizeof(ix->by_paragraph[0]) + ix->kind.size();
        x << ", \"index_MB\": " << mb(bytes) << ", \"index_bytes_per_edge\": "
          << static_cast<double>(bytes) / static_cast<double>(g->num_edges());
    });
    step("related top-10 x100 (recent documents)", [&](std::ostringstream& x) {
        std::size_t rows = 0;
        const std::size_t n_res = g->num_nodes() * 50 / 51;
        for (std::size_t q = 0; q < 100; ++q) {
            const std::size_t v = n_res / 5 + (q * 7919) % (n_res - n_res / 5);
            rows += citegraph::related(*g, g->node(v).id).size();
        }
        x << ", \"rows\": " << rows;
    });
    step("shortest path x100 (recent -> old)", [&](std::ostringstream& x) {
        std::size_t found = 0;
        const std::size_t n_res = g->num_nodes() * 50 / 51;
        citegraph::PathOptions po;
        po.limit = 1;
        for (std::size_t q = 0; q < 100; ++q) {
            const std::size_t a = n_res * 9 / 10 + (q * 31) % (n_res / 10);
            const std::size_t b = (q * 17) % (n_res / 10);
            found += !citegraph::shortest_paths(*g, g->node(a).id, g->node(b).id, po).empty();
        }
        x << ", \"found\": " << found;
    });
    std::stringstream fs(o.formats);
    std::string format;
    while (std::getline(fs, format, ',')) {
        const std::string path = o.out + "/graph." + (format == "neo4j" ? "neo4j" : format);
        if (format == "neo4j") {
            std::filesystem::remove_all(path);
        }
        step("export " + format, [&](std::ostringstream& x) {
            citegraph::make_exporter(format)->write(*g, citegraph::ExportOptions{}, path);
            x << ", \"path\": \"" << path << "\", \"out_MB\": " << mb(path_bytes(path));
        });
    }
    return 0;
}

int run_store(const Options& o) {
    std::filesystem::remove(o.db);
    std::filesystem::remove(o.db + "-wal");
    std::filesystem::remove(o.db + "-shm");
    step("generate + store import (SQLite)", [&](std::ostringstream& x) {
        Generator gen(o.nodes, o.edges, o.seed);
        citegraph::Store store(o.db);
        std::vector<citegraph::EdgeRecord> edges;
        std::vector<std::size_t> targets;
        std::vector<citegraph::ImportBatch> batches;
        std::size_t docs = 0, n_edges = 0, i = 0;
        while (gen.next(edges, targets)) {
            citegraph::ImportBatch b;
            b.document.id = gen.node(i).id;
            b.document.language = "en";
            b.document.source = "synthetic";
            b.nodes.push_back(gen.node(i));
            std::vector<std::size_t> seen;
            for (std::size_t t : targets) {
                if (std::find(seen.begin(), seen.end(), t) == seen.end()) {
                    seen.push_back(t);
                    b.nodes.push_back(gen.node(t));
                }
            }
            for (const auto& e : edges) {
                if (b.document.paragraphs.empty() ||
                    std::none_of(b.document.paragraphs.begin(), b.document.paragraphs.end(),
                                 [&](const auto& p) { return p.label == e.prov.paragraph; })) {
                    b.document.paragraphs.push_back({e.prov.paragraph, 0, 0, e.prov.text});
                }
            }
            n_edges += edges.size();
            b.edges = std::move(edges);
            edges = {};
            batches.push_back(std::move(b));
            ++docs;
            ++i;
            if (batches.size() >= o.batch) {
                store.import_all(batches);
                batches.clear();
            }
        }
        if (!batches.empty()) {
            store.import_all(batches);
        }
        x << ", \"documents\": " << docs << ", \"edges\": " << n_edges
          << ", \"batch_documents\": " << o.batch;
    });
    std::printf("{\"step\": \"store size\", \"db_MB\": %.1f}\n",
                mb(path_bytes(o.db) + path_bytes(o.db + "-wal")));
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (argc < 2) {
        std::cerr << "usage: citegraph_scale graph|store [--nodes N] [--edges M] [--seed S] "
                     "[--out DIR] [--formats graphml,neo4j,jsonld] [--db PATH] [--batch N]\n";
        return 1;
    }
    o.mode = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--nodes") {
            o.nodes = std::stoull(v);
        } else if (k == "--edges") {
            o.edges = std::stoull(v);
        } else if (k == "--seed") {
            o.seed = std::stoull(v);
        } else if (k == "--out") {
            o.out = v;
        } else if (k == "--formats") {
            o.formats = v;
        } else if (k == "--db") {
            o.db = v;
        } else if (k == "--batch") {
            o.batch = std::stoull(v);
        } else {
            std::cerr << "unknown option " << k << "\n";
            return 1;
        }
    }
    try {
        if (o.mode == "graph") {
            return run_graph(o);
        }
        if (o.mode == "store") {
            return run_store(o);
        }
    } catch (const std::exception& e) {
        std::cerr << "citegraph_scale: " << e.what() << "\n";
        return 2;
    }
    std::cerr << "unknown mode " << o.mode << "\n";
    return 1;
}
