// RAII around the Graphviz C API (cgraph + gvc 2.42), the only place that includes their
// headers. Graphviz 2.42 takes non-const char* everywhere: gv() casts, Graphviz never writes
// through these pointers. AgMemDisc and the `mem` member of Agdisc_t are gone in Graphviz 9+,
// so the discipline set-up stays in CGraph's constructor.
#pragma once

#include <cgraph.h>
#include <gvc.h>
#include <string>

namespace citegraph::detail {

inline char* gv(const char* s) {
    return const_cast<char*>(s);
}
inline char* gv(const std::string& s) {
    return const_cast<char*>(s.c_str());
}

// A directed, non-strict root graph whose agwrite output goes to a std::string.
class CGraph {
  public:
    explicit CGraph(const char* name);
    ~CGraph();
    CGraph(const CGraph&) = delete;
    CGraph& operator=(const CGraph&) = delete;

    Agraph_t* get() const { return g_; }
    std::string write_dot() const;

  private:
    Agraph_t* g_ = nullptr;
};

// A gvc context; plugins (layouts, the svg renderer) are loaded from Graphviz's config6a.
class GvContext {
  public:
    GvContext();
    ~GvContext();
    GvContext(const GvContext&) = delete;
    GvContext& operator=(const GvContext&) = delete;

    GVC_t* get() const { return gvc_; }

  private:
    GVC_t* gvc_ = nullptr;
};

// A layout of `g` by `engine`, freed when it goes out of scope (before the graph is closed).
class Layout {
  public:
    Layout(const GvContext& gvc, const CGraph& g, const std::string& engine);
    ~Layout();
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

    // Renders the laid-out graph ("svg", ...).
    std::string render(const char* format) const;

  private:
    GVC_t* gvc_;
    Agraph_t* g_;
};

} // namespace citegraph::detail
