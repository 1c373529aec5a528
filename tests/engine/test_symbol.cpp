// Table-driven tests of the UN document-symbol grammar: every accepted form with its key,
// display, kind and session, every rejected form, Roman numerals and full-width input.
#include "citegraph/engine/symbol.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>

using namespace citegraph;

namespace {

// Which organ a bare number is read for; `symbol` means the input goes to parse_symbol.
enum class In { symbol, ga, sc, ecosoc, hrc, ccpcj, cnd, chr };

enum class Group {
    general_assembly,
    security_council,
    ecosoc,
    other_bodies,
    decisions,
    resolution_symbols,
    documents,
    full_width
};

Organ organ_for(In in) {
    switch (in) {
    case In::sc:
        return Organ::security_council();
    case In::ecosoc:
        return Organ::ecosoc();
    case In::hrc:
        return {"A/HRC/RES", "A/HRC/DEC"};
    case In::ccpcj:
        return {"CCPCJ/RES", "CCPCJ/DEC"};
    case In::cnd:
        return {"CND/RES", "CND/DEC"};
    case In::chr:
        return {"E/CN.4/RES", "E/CN.4/DEC"};
    case In::symbol:
    case In::ga:
        break;
    }
    return Organ::general_assembly();
}

std::optional<Symbol> run(In in, bool decision, const char* input) {
    if (in == In::symbol) {
        return parse_symbol(input);
    }
    return parse_resolution_number(input, organ_for(in), decision);
}

constexpr NodeKind R = NodeKind::Resolution;
constexpr NodeKind D = NodeKind::Decision;
constexpr NodeKind Doc = NodeKind::Document;

struct Accept {
    Group group;
    In in;
    bool decision;
    const char* input;
    const char* key;
    const char* display;
    NodeKind kind;
    const char* session;
};

// clang-format off
const Accept kAccepts[] = {
    // General Assembly, bare numbers.
    {Group::general_assembly, In::ga, false, "68/193", "A/RES/68/193", "A/RES/68/193", R, "68"},
    {Group::general_assembly, In::ga, false, "70/1", "A/RES/70/1", "A/RES/70/1", R, "70"},
    {Group::general_assembly, In::ga, false, "60/1", "A/RES/60/1", "A/RES/60/1", R, "60"},
    {Group::general_assembly, In::ga, false, "31/1", "A/RES/31/1", "A/RES/31/1", R, "31"},
    {Group::general_assembly, In::ga, false, "99/999", "A/RES/99/999", "A/RES/99/999", R, "99"},
    {Group::general_assembly, In::ga, false, "49/35 A", "A/RES/49/35A", "A/RES/49/35 A", R, "49"},
    {Group::general_assembly, In::ga, false, "49/35A", "A/RES/49/35A", "A/RES/49/35 A", R, "49"},
    {Group::general_assembly, In::ga, false, "57/270 B", "A/RES/57/270B", "A/RES/57/270 B", R,
     "57"},
    {Group::general_assembly, In::ga, false, "S-26/2", "A/RES/S-26/2", "A/RES/S-26/2", R, "S-26"},
    {Group::general_assembly, In::ga, false, "ES-10/19", "A/RES/ES-10/19", "A/RES/ES-10/19", R,
     "ES-10"},
    {Group::general_assembly, In::ga, false, "ES-11/1", "A/RES/ES-11/1", "A/RES/ES-11/1", R,
     "ES-11"},
    {Group::general_assembly, In::ga, false, "2625 (XXV)", "A/RES/2625(XXV)", "A/RES/2625 (XXV)",
     R, "XXV"},
    {Group::general_assembly, In::ga, false, "2625(XXV)", "A/RES/2625(XXV)", "A/RES/2625 (XXV)", R,
     "XXV"},
    {Group::general_assembly, In::ga, false, "1514 (XV)", "A/RES/1514(XV)", "A/RES/1514 (XV)", R,
     "XV"},
    {Group::general_assembly, In::ga, false, "181 (II)", "A/RES/181(II)", "A/RES/181 (II)", R,
     "II"},
    {Group::general_assembly, In::ga, false, "3379 (XXX)", "A/RES/3379(XXX)", "A/RES/3379 (XXX)",
     R, "XXX"},
    {Group::general_assembly, In::ga, false, "3201 (S-VI)", "A/RES/3201(S-VI)",
     "A/RES/3201 (S-VI)", R, "S-VI"},
    {Group::general_assembly, In::ga, false, "2252 (ES-V)", "A/RES/2252(ES-V)",
     "A/RES/2252 (ES-V)", R, "ES-V"},
    {Group::general_assembly, In::ga, false, "217 A (III)", "A/RES/217(III)A",
     "A/RES/217 A (III)", R, "III"},
    {Group::general_assembly, In::ga, false, "217A(III)", "A/RES/217(III)A", "A/RES/217 A (III)",
     R, "III"},
    {Group::general_assembly, In::ga, false, "217 (III) A", "A/RES/217(III)A", "A/RES/217 A (III)",
     R, "III"},
    {Group::general_assembly, In::ga, false, "  68/193\t", "A/RES/68/193", "A/RES/68/193", R,
     "68"},

    // Security Council.
    {Group::security_council, In::sc, false, "1373 (2001)", "S/RES/1373(2001)",
     "S/RES/1373 (2001)", R, "2001"},
    {Group::security_council, In::sc, false, "1373(2001)", "S/RES/1373(2001)",
     "S/RES/1373 (2001)", R, "2001"},
    {Group::security_council, In::sc, false, "242 (1967)", "S/RES/242(1967)", "S/RES/242 (1967)",
     R, "1967"},
    {Group::security_council, In::sc, false, "1 (1946)", "S/RES/1(1946)", "S/RES/1 (1946)", R,
     "1946"},
    {Group::security_council, In::sc, false, "2334 (2016)", "S/RES/2334(2016)",
     "S/RES/2334 (2016)", R, "2016"},

    // Economic and Social Council.
    {Group::ecosoc, In::ecosoc, false, "2013/40", "E/RES/2013/40", "E/RES/2013/40", R, "2013"},
    {Group::ecosoc, In::ecosoc, false, "1996/31", "E/RES/1996/31", "E/RES/1996/31", R, "1996"},
    {Group::ecosoc, In::ecosoc, false, "1978/1", "E/RES/1978/1", "E/RES/1978/1", R, "1978"},
    {Group::ecosoc, In::ecosoc, false, "1733 (LIV)", "E/RES/1733(LIV)", "E/RES/1733 (LIV)", R,
     "LIV"},
    {Group::ecosoc, In::ecosoc, false, "1503 (XLVIII)", "E/RES/1503(XLVIII)",
     "E/RES/1503 (XLVIII)", R, "XLVIII"},
    {Group::ecosoc, In::ecosoc, false, "663 C (XXIV)", "E/RES/663(XXIV)C", "E/RES/663 C (XXIV)",
     R, "XXIV"},

    // Other bodies: the prefix comes from the gazetteer.
    {Group::other_bodies, In::hrc, false, "34/19", "A/HRC/RES/34/19", "A/HRC/RES/34/19", R, "34"},
    {Group::other_bodies, In::hrc, false, "5/1", "A/HRC/RES/5/1", "A/HRC/RES/5/1", R, "5"},
    {Group::other_bodies, In::hrc, false, "S-30/1", "A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1", R,
     "S-30"},
    {Group::other_bodies, In::ccpcj, false, "22/7", "CCPCJ/RES/22/7", "CCPCJ/RES/22/7", R, "22"},
    {Group::other_bodies, In::cnd, false, "56/4", "CND/RES/56/4", "CND/RES/56/4", R, "56"},
    {Group::other_bodies, In::chr, false, "2005/69", "E/CN.4/RES/2005/69", "E/CN.4/RES/2005/69",
     R, "2005"},

    // Decisions.
    {Group::decisions, In::ga, true, "72/548", "A/DEC/72/548", "A/DEC/72/548", D, "72"},
    {Group::decisions, In::ga, true, "S-27/2", "A/DEC/S-27/2", "A/DEC/S-27/2", D, "S-27"},
    {Group::decisions, In::hrc, true, "22/101", "A/HRC/DEC/22/101", "A/HRC/DEC/22/101", D, "22"},
    {Group::decisions, In::ecosoc, true, "2013/213", "E/DEC/2013/213", "E/DEC/2013/213", D,
     "2013"},
    {Group::decisions, In::symbol, false, "A/DEC/72/548", "A/DEC/72/548", "A/DEC/72/548", D,
     "72"},
    {Group::decisions, In::symbol, false, "A/HRC/DEC/22/101", "A/HRC/DEC/22/101",
     "A/HRC/DEC/22/101", D, "22"},
    {Group::decisions, In::symbol, false, "E/DEC/2013/213", "E/DEC/2013/213", "E/DEC/2013/213", D,
     "2013"},

    // Full resolution symbols.
    {Group::resolution_symbols, In::symbol, false, "A/RES/68/193", "A/RES/68/193",
     "A/RES/68/193", R, "68"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/49/35 A", "A/RES/49/35A",
     "A/RES/49/35 A", R, "49"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/49/35A", "A/RES/49/35A",
     "A/RES/49/35 A", R, "49"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/2625 (XXV)", "A/RES/2625(XXV)",
     "A/RES/2625 (XXV)", R, "XXV"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/217 A (III)", "A/RES/217(III)A",
     "A/RES/217 A (III)", R, "III"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/217(III)A", "A/RES/217(III)A",
     "A/RES/217 A (III)", R, "III"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/ES-10/19", "A/RES/ES-10/19",
     "A/RES/ES-10/19", R, "ES-10"},
    {Group::resolution_symbols, In::symbol, false, "A/RES/S-26/2", "A/RES/S-26/2",
     "A/RES/S-26/2", R, "S-26"},
    {Group::resolution_symbols, In::symbol, false, "S/RES/1373 (2001)", "S/RES/1373(2001)",
     "S/RES/1373 (2001)", R, "2001"},
    {Group::resolution_symbols, In::symbol, false, "S/RES/1373(2001)", "S/RES/1373(2001)",
     "S/RES/1373 (2001)", R, "2001"},
    {Group::resolution_symbols, In::symbol, false, "E/RES/2013/40", "E/RES/2013/40",
     "E/RES/2013/40", R, "2013"},
    {Group::resolution_symbols, In::symbol, false, "E/RES/1733 (LIV)", "E/RES/1733(LIV)",
     "E/RES/1733 (LIV)", R, "LIV"},
    {Group::resolution_symbols, In::symbol, false, "A/HRC/RES/22/1", "A/HRC/RES/22/1",
     "A/HRC/RES/22/1", R, "22"},
    {Group::resolution_symbols, In::symbol, false, "A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1",
     "A/HRC/RES/S-30/1", R, "S-30"},
    {Group::resolution_symbols, In::symbol, false, "CCPCJ/RES/22/7", "CCPCJ/RES/22/7",
     "CCPCJ/RES/22/7", R, "22"},
    {Group::resolution_symbols, In::symbol, false, "E/CN.4/RES/2005/69", "E/CN.4/RES/2005/69",
     "E/CN.4/RES/2005/69", R, "2005"},
    {Group::resolution_symbols, In::symbol, false, " A/RES/70/1 ", "A/RES/70/1", "A/RES/70/1", R,
     "70"},

    // Documents: key and display are the symbol itself.
    {Group::documents, In::symbol, false, "A/68/457", "A/68/457", "A/68/457", Doc, "68"},
    {Group::documents, In::symbol, false, "A/68/127", "A/68/127", "A/68/127", Doc, "68"},
    {Group::documents, In::symbol, false, "A/73/380", "A/73/380", "A/73/380", Doc, "73"},
    {Group::documents, In::symbol, false, "E/2009/28", "E/2009/28", "E/2009/28", Doc, "2009"},
    {Group::documents, In::symbol, false, "E/2013/30/Corr.1", "E/2013/30/Corr.1",
     "E/2013/30/Corr.1", Doc, "2013"},
    {Group::documents, In::symbol, false, "A/C.3/68/L.15/Rev.1", "A/C.3/68/L.15/Rev.1",
     "A/C.3/68/L.15/Rev.1", Doc, "68"},
    {Group::documents, In::symbol, false, "A/68/PV.70", "A/68/PV.70", "A/68/PV.70", Doc, "68"},
    {Group::documents, In::symbol, false, "A/CONF.234/16", "A/CONF.234/16", "A/CONF.234/16", Doc,
     ""},
    {Group::documents, In::symbol, false, "A/HRC/37/24/Add.1", "A/HRC/37/24/Add.1",
     "A/HRC/37/24/Add.1", Doc, "37"},
    {Group::documents, In::symbol, false, "A/HRC/37/24/Add.1/Corr.1", "A/HRC/37/24/Add.1/Corr.1",
     "A/HRC/37/24/Add.1/Corr.1", Doc, "37"},
    {Group::documents, In::symbol, false, "S/2001/1234", "S/2001/1234", "S/2001/1234", Doc,
     "2001"},
    {Group::documents, In::symbol, false, "S/PRST/2002/37", "S/PRST/2002/37", "S/PRST/2002/37",
     Doc, "2002"},
    {Group::documents, In::symbol, false, "E/CN.15/2013/27", "E/CN.15/2013/27", "E/CN.15/2013/27",
     Doc, "2013"},
    {Group::documents, In::symbol, false, "ST/SGB/2019/8", "ST/SGB/2019/8", "ST/SGB/2019/8", Doc,
     "2019"},
    {Group::documents, In::symbol, false, "A/ES-10/L.22", "A/ES-10/L.22", "A/ES-10/L.22", Doc,
     "ES-10"},
    {Group::documents, In::symbol, false, "A/78/L.1", "A/78/L.1", "A/78/L.1", Doc, "78"},
    {Group::documents, In::symbol, false, "A/AC.105/C.1/L.300", "A/AC.105/C.1/L.300",
     "A/AC.105/C.1/L.300", Doc, ""},
    {Group::documents, In::symbol, false, "A/CN.9/WG.III/WP.1", "A/CN.9/WG.III/WP.1",
     "A/CN.9/WG.III/WP.1", Doc, ""},
    {Group::documents, In::symbol, false, "E/CN.4/Sub.2/1998/13", "E/CN.4/Sub.2/1998/13",
     "E/CN.4/Sub.2/1998/13", Doc, "1998"},
    {Group::documents, In::symbol, false, "CCPR/C/GC/36", "CCPR/C/GC/36", "CCPR/C/GC/36", Doc,
     ""},
    {Group::documents, In::symbol, false, "A/C.5/73/SR.12", "A/C.5/73/SR.12", "A/C.5/73/SR.12",
     Doc, "73"},
    {Group::documents, In::symbol, false, "S/PV.4385", "S/PV.4385", "S/PV.4385", Doc, ""},
    {Group::documents, In::symbol, false, "A/L.632", "A/L.632", "A/L.632", Doc, ""},
    {Group::documents, In::symbol, false, "A/PV.1234/Add.1", "A/PV.1234/Add.1", "A/PV.1234/Add.1",
     Doc, ""},
    // A revision of a resolution is a document of its own, keyed on the resolution key.
    {Group::documents, In::symbol, false, "A/RES/78/1/Rev.1", "A/RES/78/1/Rev.1",
     "A/RES/78/1/Rev.1", Doc, "78"},
    {Group::documents, In::symbol, false, "S/RES/1373 (2001)/Corr.1", "S/RES/1373(2001)/Corr.1",
     "S/RES/1373(2001)/Corr.1", Doc, "2001"},

    // Full-width digits, slash and parentheses; ideographic and no-break spaces; U+2011.
    {Group::full_width, In::ga, false, "６８／１９３",
     "A/RES/68/193", "A/RES/68/193", R, "68"},
    {Group::full_width, In::ga, false, "２６２５（ＸＸＶ）",
     "A/RES/2625(XXV)", "A/RES/2625 (XXV)", R, "XXV"},
    {Group::full_width, In::ga, false, "２６２５　（ＸＸＶ）",
     "A/RES/2625(XXV)", "A/RES/2625 (XXV)", R, "XXV"},
    {Group::full_width, In::ga, false, "\xE3\x80\x80" "68/193", // ideographic space
     "A/RES/68/193", "A/RES/68/193", R, "68"},
    {Group::full_width, In::ga, false, "49/35\xC2\xA0" "A", // no-break space
     "A/RES/49/35A", "A/RES/49/35 A", R, "49"},
    {Group::full_width, In::ga, false, "ES\xE2\x80\x91" "10/19", // non-breaking hyphen
     "A/RES/ES-10/19", "A/RES/ES-10/19", R, "ES-10"},
    {Group::full_width, In::sc, false, "１３７３（２００１）",
     "S/RES/1373(2001)", "S/RES/1373 (2001)", R, "2001"},
    {Group::full_width, In::ecosoc, false, "２０１３／４０",
     "E/RES/2013/40", "E/RES/2013/40", R, "2013"},
    {Group::full_width, In::symbol, false, "Ａ／ＲＥＳ／６８／１９３",
     "A/RES/68/193", "A/RES/68/193", R, "68"},
    {Group::full_width, In::symbol, false, "A/RES/６８／１９３",
     "A/RES/68/193", "A/RES/68/193", R, "68"},
};
// clang-format on

static_assert(std::size(kAccepts) >= 40, "at least 40 accepted forms");

struct Reject {
    In in;
    bool decision;
    const char* input;
    const char* why;
};

// clang-format off
const Reject kRejects[] = {
    // Bare numbers, General Assembly unless stated.
    {In::ga, false, "12/18", "date"},
    {In::ga, false, "2/28", "page counter"},
    {In::ga, false, "3/3", "page counter"},
    {In::ga, false, "30/1", "session 30 used the Roman form"},
    {In::ga, false, "100/1", "session beyond 99"},
    {In::ga, false, "2012-2015", "range of years"},
    {In::ga, false, "23-25976", "job number"},
    {In::ga, false, "179", "plain count"},
    {In::ga, false, "68/0193", "leading zero in number"},
    {In::ga, false, "068/193", "leading zero in session"},
    {In::ga, false, "0/1", "zero session"},
    {In::ga, false, "68/0", "zero number"},
    {In::ga, false, "68/1000", "number beyond 999"},
    {In::ga, false, "99999999999/1", "absurd session, must not overflow"},
    {In::ga, false, "68/99999999999999999999", "absurd number, must not overflow"},
    {In::ga, false, "68/", "missing number"},
    {In::ga, false, "/193", "missing session"},
    {In::ga, false, "68/193x", "trailing lowercase junk"},
    {In::ga, false, "68/193/2", "trailing component"},
    {In::ga, false, "68/193.", "trailing punctuation"},
    {In::ga, false, "68/193 AB", "two part letters"},
    {In::ga, false, "68/193 a", "lowercase part letter"},
    {In::ga, false, "68 / 193", "spaces around slash"},
    {In::ga, false, "", "empty"},
    {In::ga, false, "   ", "blank"},
    {In::ga, false, "2625 (XXXX)", "non-canonical Roman"},
    {In::ga, false, "2625 (IIII)", "non-canonical Roman"},
    {In::ga, false, "2625 (xxv)", "lowercase Roman"},
    {In::ga, false, "2625 (XXXI)", "Roman session beyond XXX"},
    {In::ga, false, "2625 ( XXV )", "spaces inside parentheses"},
    {In::ga, false, "2625 (XXV", "unclosed parenthesis"},
    {In::ga, false, "217 A", "part letter without session"},
    {In::ga, false, "1373 (2001)", "a year is not a GA session"},
    {In::ga, false, "S-0/1", "zero special session"},
    {In::ga, false, "S-26/", "missing number"},
    {In::ga, false, "ES10/19", "missing hyphen"},
    {In::ga, false, "６８／１９３ｘ", "full-width trailing junk"},
    {In::ga, false, "\xFF" "68/193", "malformed UTF-8"},
    {In::ga, false, "68\xE2\x80\x93" "193", "en dash is not a slash"},
    {In::ga, true, "2625 (XXV)", "decisions have no Roman form"},
    {In::sc, false, "1373 (1800)", "year before 1946"},
    {In::sc, false, "1373 (2101)", "year after 2100"},
    {In::sc, false, "1373", "no year"},
    {In::sc, false, "1373/2001", "slash form"},
    {In::sc, false, "1373 A (2001)", "part letter"},
    {In::sc, false, "1373 (XXV)", "Roman session"},
    {In::sc, false, "10000 (2001)", "number beyond 9999"},
    {In::sc, true, "1373 (2001)", "the Council does not number decisions"},
    {In::ecosoc, false, "1977/1", "year-numbered series starts in 1978"},
    {In::ecosoc, false, "68/193", "session number is not a year"},
    {In::ecosoc, false, "1733 (LXIV)", "Roman session beyond LXIII"},
    {In::ecosoc, false, "55 (ORG-75)", "organisational session tag"},
    {In::ecosoc, false, "S-1/1", "no special-session form"},
    {In::hrc, false, "100/1", "session beyond 99"},
    {In::hrc, false, "ES-1/1", "emergency sessions are GA only"},
    {In::hrc, false, "2625 (XXV)", "no Roman form"},
    {In::ccpcj, false, "22/07", "leading zero"},

    // Full symbols.
    {In::symbol, false, "A/RES", "no number"},
    {In::symbol, false, "A/RES/", "empty number"},
    {In::symbol, false, "A/", "root only"},
    {In::symbol, false, "A", "root only"},
    {In::symbol, false, "AB/12", "unknown root"},
    {In::symbol, false, "XY/68/457", "unknown root"},
    {In::symbol, false, "a/68/457", "lowercase root"},
    {In::symbol, false, "A/68/457/Foo.1", "unknown suffix"},
    {In::symbol, false, "A/68/457/rev.1", "lowercase suffix"},
    {In::symbol, false, "A/68/457/Rev", "suffix without number"},
    {In::symbol, false, "A/68/457/Rev.", "suffix without number"},
    {In::symbol, false, "A/68/Rev.1/457", "body after suffix"},
    {In::symbol, false, "2/28", "page counter"},
    {In::symbol, false, "A/68//457", "empty component"},
    {In::symbol, false, "A/68/457.", "trailing full stop"},
    {In::symbol, false, "A/68/457,", "trailing comma"},
    {In::symbol, false, "A/68/457)", "trailing parenthesis"},
    {In::symbol, false, "A/68", "one component"},
    {In::symbol, false, "S/26757", "one component"},
    {In::symbol, false, "A/C.3", "one component that is not a verbatim record"},
    {In::symbol, false, "S/PV", "verbatim record without number"},
    {In::symbol, false, "A/L.", "draft without number"},
    {In::symbol, false, "A/INF/NGO", "no digit"},
    {In::symbol, false, "A/68/0457", "leading zero"},
    {In::symbol, false, "A/68/ 457", "space inside"},
    {In::symbol, false, "A/68/457 (2013)", "documents take no parenthesised group"},
    {In::symbol, false, "A/RES/2/28", "GA session below 31"},
    {In::symbol, false, "A/RES/68/193x", "trailing junk"},
    {In::symbol, false, "A/RES/68/193/2", "trailing component"},
    {In::symbol, false, "S/RES/1373 (1800)", "bad year"},
    {In::symbol, false, "A/RES/2625 (IIII)", "bad Roman"},
    {In::symbol, false, "S/DEC/1373 (2001)", "the Council does not number decisions"},
    {In::symbol, false, "A/68/RES/1", "RES after a session"},
    {In::symbol, false, "A/C.3/68/L.15/Rev.1 x", "trailing word"},
};
// clang-format on

static_assert(std::size(kRejects) >= 20, "at least 20 rejected forms");

std::size_t check_accepts(Group group) {
    std::size_t checked = 0;
    for (const Accept& c : kAccepts) {
        if (c.group != group) {
            continue;
        }
        ++checked;
        INFO("input: \"" << c.input << "\"");
        CAPTURE(c.decision);
        const std::optional<Symbol> sym = run(c.in, c.decision, c.input);
        CHECK(sym.has_value());
        if (!sym) {
            continue;
        }
        CHECK(sym->key == c.key);
        CHECK(sym->display == c.display);
        CHECK(to_string(sym->kind) == to_string(c.kind));
        CHECK(sym->session == c.session);
    }
    return checked;
}

} // namespace

TEST_CASE("symbol: General Assembly resolution numbers canonicalise", "[symbol]") {
    CHECK(check_accepts(Group::general_assembly) > 0);
}

TEST_CASE("symbol: Security Council resolution numbers carry their year", "[symbol]") {
    CHECK(check_accepts(Group::security_council) > 0);
}

TEST_CASE("symbol: ECOSOC resolution numbers in year and Roman forms", "[symbol]") {
    CHECK(check_accepts(Group::ecosoc) > 0);
}

TEST_CASE("symbol: other bodies take session/number under their own prefix", "[symbol]") {
    CHECK(check_accepts(Group::other_bodies) > 0);
}

TEST_CASE("symbol: decisions use the decision prefix and kind", "[symbol]") {
    CHECK(check_accepts(Group::decisions) > 0);
}

TEST_CASE("symbol: full resolution symbols canonicalise like bare numbers", "[symbol]") {
    CHECK(check_accepts(Group::resolution_symbols) > 0);
}

TEST_CASE("symbol: document symbols are their own key", "[symbol]") {
    CHECK(check_accepts(Group::documents) > 0);
}

TEST_CASE("symbol: full-width and Unicode-spaced input folds to ASCII", "[symbol]") {
    CHECK(check_accepts(Group::full_width) > 0);
}

TEST_CASE("symbol: implausible numbers and malformed symbols are rejected", "[symbol]") {
    for (const Reject& c : kRejects) {
        INFO("input: \"" << c.input << "\" (" << c.why << ")");
        CAPTURE(c.decision);
        const std::optional<Symbol> sym = run(c.in, c.decision, c.input);
        CHECK_FALSE(sym.has_value());
        if (sym) {
            INFO("parsed as " << sym->key);
            CHECK(sym->key.empty());
        }
    }
}

TEST_CASE("symbol: keys and display forms parse back to themselves", "[symbol]") {
    for (const Accept& c : kAccepts) {
        for (const char* form : {c.key, c.display}) {
            INFO("accepted input: \"" << c.input << "\", re-parsing \"" << form << "\"");
            const std::optional<Symbol> sym = parse_symbol(form);
            CHECK(sym.has_value());
            if (!sym) {
                continue;
            }
            CHECK(sym->key == c.key);
            CHECK(sym->display == c.display);
            CHECK(to_string(sym->kind) == to_string(c.kind));
            CHECK(sym->session == c.session);
        }
    }
}

TEST_CASE("symbol: a bare number defaults to the General Assembly series", "[symbol]") {
    const std::optional<Symbol> sym = parse_resolution_number("68/193", Organ{});
    REQUIRE(sym.has_value());
    CHECK(sym->key == "A/RES/68/193");
    CHECK(sym->kind == NodeKind::Resolution);
}

TEST_CASE("symbol: roman_value reads canonical numerals only", "[symbol][roman]") {
    struct Case {
        const char* text;
        int value;
    };
    const Case cases[] = {
        {"I", 1},
        {"III", 3},
        {"IV", 4},
        {"V", 5},
        {"IX", 9},
        {"XIV", 14},
        {"XXV", 25},
        {"XXX", 30},
        {"XL", 40},
        {"XLVIII", 48},
        {"LIV", 54},
        {"LXIII", 63},
        {"XC", 90},
        {"XCIX", 99},
        {"CD", 400},
        {"CM", 900},
        {"MCMXCIX", 1999},
        {"MMXXIV", 2024},
        {"MMMDCCCLXXXVIII", 3888},
        {"MMMM", 4000},
        {"", 0},
        {"IIII", 0},
        {"XXXX", 0},
        {"VV", 0},
        {"IL", 0},
        {"IC", 0},
        {"XM", 0},
        {"VX", 0},
        {"IIX", 0},
        {"MMMMI", 0},
        {"MMMMM", 0},
        {"xxv", 0},
        {"XxV", 0},
        {"X V", 0},
        {"25", 0},
        {"ORG", 0},
        {"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", 0},
    };
    for (const Case& c : cases) {
        INFO("roman: \"" << c.text << "\"");
        CHECK(roman_value(c.text) == c.value);
    }
}

TEST_CASE("symbol: roman_value round-trips every canonical numeral up to XXX", "[symbol][roman]") {
    const char* const numerals[] = {
        "I",   "II",   "III",   "IV",   "V",   "VI",   "VII",   "VIII",   "IX",   "X",
        "XI",  "XII",  "XIII",  "XIV",  "XV",  "XVI",  "XVII",  "XVIII",  "XIX",  "XX",
        "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX"};
    int expected = 1;
    for (const char* n : numerals) {
        INFO("roman: " << n);
        CHECK(roman_value(n) == expected);
        ++expected;
    }
}

TEST_CASE("symbol: the dates a key's session allows", "[symbol]") {
    auto w = date_window("A/RES/68/193");
    REQUIRE(w);
    CHECK(w->first == "2013-09-01");
    CHECK(w->last == "2014-09-30");
    CHECK(w->contains("2013-12-18"));
    CHECK_FALSE(w->contains("2016-03-23"));
    CHECK(date_window("A/DEC/72/548")->contains("2018-04-12"));
    CHECK(date_window("A/RES/217(III)A")->contains("1948-12-10"));
    CHECK_FALSE(date_window("A/RES/217(III)A")->contains("1950-12-10"));
    CHECK(date_window("A/RES/1(I)")->contains("1946-01-24"));
    CHECK(date_window("S/RES/1373(2001)")->contains("2001-09-28"));
    CHECK_FALSE(date_window("S/RES/1373(2001)")->contains("2003-11-19"));
    CHECK(date_window("E/RES/2013/40")->contains("2013-07-25"));
    // Nothing known: special sessions, other series, documents.
    CHECK_FALSE(date_window("A/RES/S-26/2"));
    CHECK_FALSE(date_window("A/HRC/RES/31/14"));
    CHECK_FALSE(date_window("CCPCJ/RES/22/7"));
    CHECK_FALSE(date_window("A/68/457"));
    CHECK_FALSE(date_window("E/RES/1733(LIV)"));
}

TEST_CASE("symbol: a series whose symbol holds the session inside (UNEP/EA.5/Res.5)", "[symbol]") {
    const Organ unea{"UNEP/EA.{session}/Res.{number}", ""};
    auto s = parse_resolution_number("5/5", unea);
    REQUIRE(s);
    CHECK(s->key == "UNEP/EA.5/Res.5");
    CHECK(s->kind == NodeKind::Resolution);
    CHECK(s->session == "5");
    CHECK(parse_resolution_number("6/10", unea)->key == "UNEP/EA.6/Res.10");
    // Not the plain session/number form, or a session no assembly has had: nothing.
    CHECK_FALSE(parse_resolution_number("2013/40", unea));
    CHECK_FALSE(parse_resolution_number("5/5 A", unea));
    CHECK_FALSE(parse_resolution_number("2625 (XXV)", unea));
    CHECK_FALSE(parse_resolution_number("5/5", unea, true)); // no decision series given

    // The same symbols written in full, as footnotes cite them.
    auto full = parse_symbol("UNEP/EA.5/Res.14");
    REQUIRE(full);
    CHECK(full->kind == NodeKind::Resolution);
    CHECK(full->key == "UNEP/EA.5/Res.14");
    CHECK(full->session == "5");
    CHECK(parse_symbol("HSP/HA.2/Res.3")->kind == NodeKind::Resolution);
    CHECK(parse_symbol("UNEP/EA.5/Dec.2")->kind == NodeKind::Decision);
    CHECK(parse_symbol("UNEP/EA.5/Res.14/Corr.1")->kind == NodeKind::Document);
    CHECK(parse_symbol("UNEP/EA.5/HLS.1")->kind == NodeKind::Document);
    CHECK_FALSE(parse_symbol("UNEP/EA.5/Res.14/5"));
    CHECK_FALSE(parse_symbol("UNEP/EA.5/Res.x"));
}
