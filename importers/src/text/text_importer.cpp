// The plain-text importer: runs the pipeline and assembles the batch.
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/importer.hpp"
#include "citegraph/importers/mandates.hpp"
#include "citegraph/importers/text_pipeline.hpp"

namespace citegraph {
namespace {

// The document's session: the symbol's ("A/RES/70/1": 70; "A/RES/2625 (XXV)": XXV = 25)
// wins over a header line ("Seventieth session") that contradicts it, with a warning; the
// header's when the symbol carries none.
std::string header_session(const std::string& header, const Symbol& own,
                           std::vector<std::string>& warnings) {
    if (header.empty()) {
        return own.session;
    }
    if (own.session.empty()) {
        return header;
    }
    std::string number = own.session;
    if (number.find_first_not_of("0123456789") != std::string::npos) {
        int roman = roman_value(number);
        if (roman <= 0) {
            return own.session; // "S-26", "ES-10": no session line to compare with
        }
        number = std::to_string(roman);
    }
    if (number != header) {
        warnings.push_back("the header says session " + header + " but the symbol " + own.display +
                           " is of session " + own.session + "; the symbol's session is kept");
        return own.session;
    }
    return header;
}

class TextImporter final : public Importer {
  public:
    explicit TextImporter(ImportContext& ctx) : ctx_(ctx) {}

    std::string_view name() const override { return "text"; }

    bool accepts(const std::string&, std::string_view) const override {
        return true; // the text importer is the fallback; clean() refuses what is not text
    }

    ImportResult import(const std::string& path, std::string_view bytes,
                        const std::string& language) override {
        std::string lang = language.empty() ? detect_language(path, bytes) : language;
        std::string table = lang.substr(0, lang.find('-')); // zh-Hant reads with the zh tables
        const Lexicon* lex = nullptr;
        try {
            lex = &ctx_.lexicon(table);
        } catch (const Error& e) {
            throw InputError(path, std::string("language '") + lang + "': " + e.what());
        }
        text::CleanText clean = text::clean(bytes, *lex, path);
        text::Segmented seg = text::segment(clean, *lex, ctx_.gazetteer());

        // The document's own id: the title line's number read in the organ's series, checked
        // against the file name's symbol.
        std::string from_name = symbol_from_file_name(path);
        std::string id;
        Symbol own;
        if (!seg.header.symbol_text.empty()) {
            Organ organ;
            if (const Entity* e = ctx_.gazetteer().find(seg.header.organ);
                e && !e->res_prefix.empty()) {
                organ.res_prefix = e->res_prefix;
            }
            auto s = parse_resolution_number(seg.header.symbol_text, organ);
            // "Resolution 1540 (2004)" under no subject line: the number's form decides.
            for (const Organ& other : {Organ::security_council(), Organ::ecosoc()}) {
                if (!s && organ.res_prefix == Organ::general_assembly().res_prefix) {
                    s = parse_resolution_number(seg.header.symbol_text, other);
                }
            }
            if (s) {
                own = *s;
                id = s->key;
            }
        }
        if (id.empty() && !from_name.empty()) {
            own = *parse_symbol(from_name);
            id = from_name;
        }
        if (id.empty()) {
            throw InputError(path, "no resolution symbol: neither a title line such as "
                                   "'68/193. Title' nor a file name such as A_RES_68_193.zh.txt");
        }
        // A file name and a title that name two documents: which one the text is cannot be
        // told, and taking either would replace that document's stored version silently.
        if (!from_name.empty() && from_name != id) {
            throw InputError(path, "the file name says " + from_name + " but the title line says " +
                                       id + " ('" + seg.header.symbol_text +
                                       "'); rename the file or fix the title");
        }
        // The document's organ is the one whose series its symbol is in (S/RES: the Security
        // Council), whatever the header named or left out.
        if (const Entity* e = ctx_.gazetteer().organ_of_symbol(id)) {
            seg.header.organ = e->id;
        }
        if (seg.paragraphs.empty()) {
            throw InputError(path, "no resolution structure found (no paragraph after the "
                                   "header)");
        }

        ImportResult res;
        ImportBatch& b = res.batch;
        b.document.id = id;
        b.document.language = lang;
        b.document.source = path;
        b.document.agenda_item = seg.header.agenda_item;
        b.document.meeting = seg.header.meeting;
        for (const auto& p : seg.paragraphs) {
            ParagraphRecord pr;
            pr.label = p.label;
            pr.span_begin = clean.raw_offset(p.span.clean_pos(0));
            pr.span_end =
                clean.raw_end(p.span.clean_pos(static_cast<std::uint32_t>(p.span.text.size() - 1)));
            pr.text = p.span.text;
            b.document.paragraphs.push_back(std::move(pr));
        }
        NodeRecord self;
        self.id = id;
        self.kind = own.kind;
        self.symbol = own.display;
        self.session = header_session(seg.header.session, own, res.report.warnings);
        self.date = seg.header.date;
        self.body = seg.header.organ;
        if (!seg.header.title.empty()) {
            self.names[lang] = seg.header.title;
        }
        text::Extraction ex = text::extract(seg, clean, *lex, ctx_.gazetteer(), id, lang);
        b.nodes.push_back(self);
        for (auto& n : ex.nodes) {
            if (n.id != id) {
                b.nodes.push_back(std::move(n));
            }
        }
        b.edges = std::move(ex.edges);
        b.mandates = text::read_mandates(b.document.paragraphs, b.edges, *lex, ctx_.gazetteer(),
                                         seg.header.organ);

        res.report.file = path;
        res.report.document = id;
        res.report.language = lang;
        res.report.paragraphs = b.document.paragraphs.size();
        res.report.edges = b.edges.size();
        for (auto& u : ex.unresolved) {
            res.report.unresolved.push_back({u.paragraph, u.text, u.reason});
        }
        return res;
    }

  private:
    ImportContext& ctx_;
};

} // namespace

std::unique_ptr<Importer> make_text_importer(ImportContext& ctx) {
    return std::make_unique<TextImporter>(ctx);
}

} // namespace citegraph
