// The timeline's SVG bar chart (moved from the engine: the engine knows no output format).
#include "citegraph/exporters/timeline_svg.hpp"

#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <sstream>

namespace citegraph {

std::string timeline_svg(const std::vector<TimelineRow>& rows, const std::string& title) {
    const int bar = 28, gap = 8, left = 40, top = 40, plot = 160;
    const int width = left + static_cast<int>(rows.size()) * (bar + gap) + gap + 20;
    const int height = top + plot + 50;
    std::size_t max = 1;
    for (const auto& r : rows) {
        max = std::max(max, r.documents);
    }
    std::ostringstream s;
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\">\n"
      << "<title>" << xml_escape(title) << "</title>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height
      << "\" fill=\"white\"/>\n"
      << "<text x=\"" << left << "\" y=\"20\" font-family=\"sans-serif\" font-size=\"13\">"
      << xml_escape(title) << "</text>\n"
      << "<line x1=\"" << left << "\" y1=\"" << top + plot << "\" x2=\"" << width - 10 << "\" y2=\""
      << top + plot << "\" stroke=\"black\"/>\n"
      << "<text x=\"" << left - 6 << "\" y=\"" << top + 4
      << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"end\">" << max
      << "</text>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        int x = left + gap + static_cast<int>(i) * (bar + gap);
        int h =
            static_cast<int>(static_cast<double>(r.documents) * plot / static_cast<double>(max));
        s << "<rect x=\"" << x << "\" y=\"" << top + plot - h << "\" width=\"" << bar
          << "\" height=\"" << h << "\" fill=\"#4a7ab5\"><title>" << xml_escape(r.bucket) << ": "
          << r.documents << " documents, " << r.citations << " citations</title></rect>\n";
        s << "<text x=\"" << x + bar / 2 << "\" y=\"" << top + plot - h - 4
          << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"middle\">" << r.documents
          << "</text>\n";
        s << "<text x=\"" << x + bar / 2 << "\" y=\"" << top + plot + 14
          << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"middle\">"
          << xml_escape(r.bucket) << "</text>\n";
    }
    s << "</svg>\n";
    return s.str();
}

} // namespace citegraph
