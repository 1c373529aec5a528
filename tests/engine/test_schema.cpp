#include "citegraph/engine/schema.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace citegraph;

TEMPLATE_TEST_CASE("schema vocabularies round-trip through their names", "[schema]", NodeKind,
                   Relation, Role) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < count_of<TestType>(); ++i) {
        auto value = static_cast<TestType>(i);
        std::string name(to_string(value));
        INFO(name);
        CHECK_FALSE(name.empty());
        CHECK(seen.insert(name).second); // names are unique
        TestType back{};
        if constexpr (std::is_same_v<TestType, NodeKind>) {
            back = parse_node_kind(name).value();
        } else if constexpr (std::is_same_v<TestType, Relation>) {
            back = parse_relation(name).value();
        } else {
            back = parse_role(name).value();
        }
        CHECK(back == value);
    }
}

TEST_CASE("schema rejects names outside the vocabulary", "[schema]") {
    CHECK_FALSE(parse_relation("cites").has_value());
    CHECK_FALSE(parse_relation("Reaffirms").has_value());
    CHECK_FALSE(parse_node_kind("resolution").has_value());
    CHECK_FALSE(parse_role("").has_value());
}

TEST_CASE("schema knows which relations carry mandates", "[schema]") {
    CHECK(is_mandate_relation(Relation::requests));
    CHECK(is_mandate_relation(Relation::urges));
    CHECK(is_mandate_relation(Relation::calls_upon));
    CHECK(is_mandate_relation(Relation::invites));
    CHECK_FALSE(is_mandate_relation(Relation::reaffirms));
    CHECK_FALSE(is_mandate_relation(Relation::notes));
    CHECK_FALSE(is_mandate_relation(Relation::adopted_on_report));
}

TEST_CASE("schema orders paragraph labels as in the document", "[schema]") {
    CHECK(paragraph_rank("header") < paragraph_rank("pp1"));
    CHECK(paragraph_rank("pp2") < paragraph_rank("pp10"));
    CHECK(paragraph_rank("pp43") < paragraph_rank("op1"));
    CHECK(paragraph_rank("op9") < paragraph_rank("op10"));
    CHECK(paragraph_rank("op50") < paragraph_rank("annex"));
    CHECK(paragraph_rank("ppx") == paragraph_rank("annex"));
}
