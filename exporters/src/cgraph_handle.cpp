#include "cgraph_handle.hpp"

#include "citegraph/engine/error.hpp"

namespace citegraph::detail {
namespace {

int put_string(void* chan, const char* str) {
    static_cast<std::string*>(chan)->append(str);
    return 0;
}

int flush_string(void* /*chan*/) {
    return 0;
}

// agopen keeps pointers to the discipline, so it lives as long as the program.
Agdisc_t* string_discipline() {
    static Agiodisc_t io{AgIoDisc.afread, put_string, flush_string};
    static Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
    return &disc;
}

std::string last_graphviz_error() {
    const char* msg = aglasterr();
    std::string out = msg != nullptr ? msg : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
        out.pop_back();
    }
    return out.empty() ? std::string("no message from Graphviz") : out;
}

} // namespace

CGraph::CGraph(const char* name) {
    g_ = agopen(gv(name), Agdirected, string_discipline());
    if (g_ == nullptr) {
        throw Error("Graphviz could not create a graph: " + last_graphviz_error());
    }
}

CGraph::~CGraph() {
    if (g_ != nullptr) {
        agclose(g_);
    }
}

std::string CGraph::write_dot() const {
    std::string out;
    if (agwrite(g_, &out) != 0) {
        throw Error("Graphviz could not write the DOT text: " + last_graphviz_error());
    }
    return out;
}

// One Graphviz context for the whole process, never freed. Graphviz 2.42's pango text plugin
// caches a font name from the context's font dictionary in a static; freeing a context and
// laying out with a new one reads that freed string (AddressSanitizer: heap-use-after-free in
// textspan_size). Graphviz is not thread-safe anyway (see exporter.hpp).
GvContext::GvContext() {
    static GVC_t* const shared = gvContext();
    gvc_ = shared;
    if (gvc_ == nullptr) {
        throw Error("Graphviz could not create a layout context");
    }
}

GvContext::~GvContext() = default;

Layout::Layout(const GvContext& gvc, const CGraph& g, const std::string& engine)
    : gvc_(gvc.get()), g_(g.get()) {
    if (gvLayout(gvc_, g_, engine.c_str()) != 0) {
        throw Error("Graphviz layout '" + engine + "' failed: " + last_graphviz_error() +
                    " (are the Graphviz plugins configured? run `dot -c` as root)");
    }
}

Layout::~Layout() {
    gvFreeLayout(gvc_, g_);
}

std::string Layout::render(const char* format) const {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc_, g_, format, &data, &length) != 0 || data == nullptr) {
        if (data != nullptr) {
            gvFreeRenderData(data);
        }
        throw Error(std::string("Graphviz could not render ") + format + ": " +
                    last_graphviz_error());
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
}

} // namespace citegraph::detail
