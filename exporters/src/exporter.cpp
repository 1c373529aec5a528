#include "citegraph/exporters/exporter.hpp"

#include "citegraph/engine/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace citegraph {

void write_text_file(const std::string& path, std::string_view content) {
    if (path == "-") {
        std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
        std::cout.flush();
        if (!std::cout) {
            throw Error("cannot write the export to standard output");
        }
        return;
    }
    // stdio rather than ofstream: errno then says why (ENOENT, EACCES, ENOSPC, EISDIR).
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        throw Error("cannot write '" + path + "': " + std::strerror(errno));
    }
    const std::size_t n = std::fwrite(content.data(), 1, content.size(), f);
    const int write_errno = errno;
    const bool ok = n == content.size();
    if (std::fclose(f) != 0 || !ok) {
        throw Error("cannot write '" + path + "': " + std::strerror(ok ? errno : write_errno));
    }
}

void SingleFileExporter::write(const CitationGraph& g, const ExportOptions& opt,
                               const std::string& path) const {
    // Render first: a graph that cannot be exported leaves no half-written file behind.
    write_text_file(path, render(g, opt));
}

} // namespace citegraph
