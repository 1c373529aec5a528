#include "sample_graph.hpp"

#include <algorithm>
#include <vector>

namespace citegraph::test {
namespace {

NodeRecord node(std::string id, NodeKind kind, std::string symbol,
                std::map<std::string, std::string> names, std::string date = {},
                std::string body = {}, std::string session = {}) {
    NodeRecord n;
    n.id = std::move(id);
    n.kind = kind;
    n.symbol = std::move(symbol);
    n.names = std::move(names);
    n.date = std::move(date);
    n.body = std::move(body);
    n.session = std::move(session);
    return n;
}

EdgeRecord edge(std::string target, Relation relation, Role role, std::string language,
                std::string paragraph, std::uint32_t begin, std::uint32_t end, std::string text) {
    EdgeRecord e;
    e.source = "A/RES/68/193";
    e.target = std::move(target);
    e.relation = relation;
    e.role = role;
    e.prov.document = "A/RES/68/193";
    e.prov.language = std::move(language);
    e.prov.paragraph = std::move(paragraph);
    e.prov.span_begin = begin;
    e.prov.span_end = end;
    e.prov.text = std::move(text);
    return e;
}

std::vector<NodeRecord> nodes() {
    std::vector<NodeRecord> out;
    out.push_back(node("A/RES/68/193", NodeKind::Resolution, "A/RES/68/193",
                       {{"zh", "加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力"},
                        {"en", "Strengthening the United Nations crime prevention and "
                               "criminal justice programme, in particular its technical "
                               "cooperation capacity"}},
                       "2013-12-18", "body:ga", "68"));
    out.push_back(node("A/RES/46/152", NodeKind::Resolution, "A/RES/46/152",
                       {{"en", "Creation of an effective United Nations crime prevention and "
                               "criminal justice programme"}},
                       "1991-12-18", "body:ga", "46"));
    out.push_back(node("A/RES/60/1", NodeKind::Resolution, "A/RES/60/1",
                       {{"en", "2005 World Summit Outcome"}, {"zh", "2005年世界首脑会议成果"}},
                       "2005-09-16", "body:ga", "60"));
    out.push_back(
        node("A/RES/67/1", NodeKind::Resolution, "A/RES/67/1", {}, "2012-09-24", "body:ga", "67"));
    out.push_back(node("A/68/457", NodeKind::Document, "A/68/457",
                       {{"en", "Crime prevention and criminal justice: report of the Third "
                               "Committee"}}));
    NodeRecord untoc = node("treaty:untoc", NodeKind::Treaty, "",
                            {{"en", "United Nations Convention against Transnational "
                                    "Organized Crime"},
                             {"zh", "联合国打击跨国有组织犯罪公约"}},
                            "2000-11-15");
    untoc.unts_volume = "2225;2237;2241;2326";
    untoc.unts_number = "39574";
    out.push_back(untoc);
    out.push_back(node("instrument:political-declaration-2009", NodeKind::Instrument, "",
                       {{"zh", "关于开展国际合作以综合、平衡战略应对世界毒品问题的政治宣言和"
                               "行动计划"}},
                       "2009"));
    out.push_back(node("body:unodc", NodeKind::Body, "",
                       {{"en", "United Nations Office on Drugs and Crime"},
                        {"zh", "联合国毒品和犯罪问题办公室"}}));
    out.push_back(
        node("body:ga", NodeKind::Body, "", {{"en", "General Assembly"}, {"zh", "大会"}}));
    out.push_back(node("actor:member-states", NodeKind::Actor, "",
                       {{"en", "Member States"}, {"zh", "会员国"}}));
    return out;
}

std::vector<EdgeRecord> edges() {
    const std::string pp1 = "重申其 1991 年 12 月 18 日第 46/152 号、2005 年 9 月 16 日第 60/1 "
                            "号、2012 年 9 月 24 日第 67/1 号决议，";
    std::vector<EdgeRecord> out;
    out.push_back(
        edge("A/RES/46/152", Relation::reaffirms, Role::object, "zh", "pp1", 310, 322, pp1));
    out.push_back(
        edge("A/RES/60/1", Relation::reaffirms, Role::object, "zh", "pp1", 345, 355, pp1));
    out.push_back(
        edge("A/RES/67/1", Relation::reaffirms, Role::object, "zh", "pp1", 378, 388, pp1));
    out.push_back(edge("A/RES/46/152", Relation::reaffirms, Role::object, "en", "pp1", 402, 408,
                       "Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 "
                       "September 2005 and 67/1 of 24 September 2012,"));
    out.push_back(edge("A/RES/60/1", Relation::reaffirms, Role::object, "zh", "pp9", 2100, 2110,
                       "重申 2005 年世界首脑会议成果，"));
    out.push_back(edge("A/RES/67/1", Relation::recalls, Role::object, "zh", "pp10", 2300, 2310,
                       "回顾 \"法治宣言\"，\n特别是其中 <第 23 段> & 第 24 段，"));
    out.push_back(edge("treaty:untoc", Relation::reaffirms, Role::object, "zh", "pp2", 420, 470,
                       "又重申大会关于……《联合国打击跨国有组织犯罪公约》及其各项议定书、"
                       "“经修正的”公约，\n以及所有国际反恐公约和议定书的各项决议，"));
    out.push_back(edge("treaty:untoc", Relation::reaffirms, Role::source, "zh", "pp2", 1800, 1860,
                       "¹ 联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号。"));
    out.push_back(edge("instrument:political-declaration-2009", Relation::reaffirms, Role::object,
                       "zh", "pp3", 600, 700,
                       "还重申大会第六十四届会议通过的《政治宣言和行动计划》，"));
    out.push_back(edge("body:unodc", Relation::requests, Role::addressee, "zh", "op12", 5000, 5020,
                       "请联合国毒品和犯罪问题办公室，\n在现有资源范围内，"
                       "继续提供技术援助（见 C:\\UNODC\\）"));
    out.push_back(edge("body:ga", Relation::requests, Role::mention, "zh", "op12", 5030, 5032,
                       "并向大会第六十九届会议提交报告"));
    out.push_back(edge("actor:member-states", Relation::urges, Role::addressee, "zh", "op5", 4000,
                       4010, "敦促会员国, \"包括\" 捐助国, 加强合作"));
    out.push_back(edge("A/68/457", Relation::adopted_on_report, Role::object, "zh", "header", 40,
                       52, "[根据第三委员会的报告(A/68/457)通过]"));
    return out;
}

} // namespace

CitationGraph sample_graph() {
    CitationGraph g;
    for (const auto& n : nodes()) {
        g.add_node(n);
    }
    for (const auto& e : edges()) {
        g.add_edge(e);
    }
    return g;
}

CitationGraph sample_graph_reversed() {
    CitationGraph g;
    auto ns = nodes();
    std::reverse(ns.begin(), ns.end());
    for (const auto& n : ns) {
        g.add_node(n);
    }
    auto es = edges();
    std::reverse(es.begin(), es.end());
    for (const auto& e : es) {
        g.add_edge(e);
    }
    return g;
}

} // namespace citegraph::test
