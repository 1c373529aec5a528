// The questions users ask, on real data: the English corpus plus the Chinese seed in one
// graph (label `corpus`). The answers are checked against what the texts say.
#include "citegraph/engine/queries.hpp"
#include "support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace citegraph;
using namespace citegraph::testing;
namespace fs = std::filesystem;

namespace {
const CitationGraph& corpus_graph() {
    static CitationGraph g = [] {
        CitationGraph out;
        std::vector<std::string> files{std::string(CITEGRAPH_DATA_DIR) +
                                       "/samples/A_RES_68_193.zh.txt"};
        for (const auto& e :
             fs::directory_iterator(fs::path(CITEGRAPH_SHARED_DIR) / "corpus" / "en-ga")) {
            if (e.path().extension() == ".txt") {
                files.push_back(e.path().string());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            ImportResult r = import_file(context(), f);
            for (const auto& n : r.batch.nodes) {
                out.add_node(n);
            }
            for (const auto& e : r.batch.edges) {
                out.add_edge(e);
            }
        }
        return out;
    }();
    return g;
}

template <typename C> bool has_id(const C& rows, const std::string& id) {
    return std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.id == id; });
}
} // namespace

TEST_CASE("corpus: series A/RES/78/229 holds the crime-programme resolutions in order",
          "[corpus][queries]") {
    const auto& g = corpus_graph();
    auto s = series(g, "A/RES/78/229");
    // 78/229 reaffirms 46/152, 60/1, 67/1, 69/193 … 77/237 in pp1 (cited only: the corpus
    // holds sessions 78-80). Its series is the crime-programme resolutions of one recurring
    // item (#17): the predecessors cited (73/186, 77/237 …), never the foundational works
    // every member cites (46/152, 60/1, 67/1).
    for (const char* id : {"A/RES/46/152", "A/RES/60/1", "A/RES/67/1"}) {
        CAPTURE(id);
        CHECK_FALSE(has_id(s, id));
    }
    REQUIRE(has_id(s, "A/RES/73/186"));
    REQUIRE(has_id(s, "A/RES/77/237"));
    REQUIRE(has_id(s, "A/RES/78/229"));
    auto pos = [&](const std::string& id) {
        return std::find_if(s.begin(), s.end(), [&](const auto& m) { return m.id == id; }) -
               s.begin();
    };
    CHECK(pos("A/RES/73/186") < pos("A/RES/77/237"));
    CHECK(pos("A/RES/77/237") < pos("A/RES/78/229"));
    for (const auto& m : s) {
        if (m.id == "A/RES/73/186") {
            CHECK_FALSE(m.in_store); // only cited
        }
        if (m.id == "A/RES/78/229") {
            CHECK(m.in_store);
        }
    }
    // A later resolution of the series in the corpus, if it reaffirms 78/229.
    bool later = std::any_of(s.begin(), s.end(),
                             [&](const auto& m) { return m.in_store && m.session > 78; });
    CHECK(later);
}

TEST_CASE("corpus: mandates to UNODC list the seed's beside the English ones",
          "[corpus][queries]") {
    const auto& g = corpus_graph();
    MandateFilter f;
    f.to = "body:unodc";
    auto rows = mandates(g, f);
    auto count = [&](const std::string& doc, const std::string& para) {
        return std::count_if(rows.begin(), rows.end(), [&](const MandateRow& r) {
            return r.document == doc && r.paragraph == para;
        });
    };
    CHECK(count("A/RES/68/193", "op12") == 1);
    CHECK(count("A/RES/68/193", "op13") == 1);
    CHECK(count("A/RES/68/193", "op9") == 1);
    // 78/229 op89: "Requests the United Nations Office on Drugs and Crime, in collaboration …"
    CHECK(count("A/RES/78/229", "op89") == 1);
    std::size_t english = std::count_if(rows.begin(), rows.end(),
                                        [](const MandateRow& r) { return r.language == "en"; });
    CHECK(english > 20);
}

TEST_CASE("corpus: related A/RES/68/193 ranks A/RES/78/229 near the top", "[corpus][queries]") {
    const auto& g = corpus_graph();
    RelatedOptions o;
    o.top = 5;
    auto rel = related(g, "A/RES/68/193", o);
    REQUIRE_FALSE(rel.empty());
    std::vector<std::string> ids;
    for (const auto& r : rel) {
        ids.push_back(r.id);
    }
    CAPTURE(ids);
    CHECK(has_id(rel, "A/RES/78/229"));
    for (const auto& r : rel) {
        if (r.id == "A/RES/78/229") {
            CHECK_FALSE(r.shared_cited.empty()); // the why: 46/152, 60/1, the conventions …
        }
    }
}
