// The checks every import passes after extraction, whatever the importer (text or PDF), on
// the batch it built (import_file() calls it):
//  * the text's letters are in the script of its language's tables (the script of the verbs
//    of data/lexicon/<lang>/verbs.tsv), else InputError: a Chinese text tagged English would
//    import with no edge and no word;
//  * an impossible calendar date of any node (31 February) is dropped, with a warning;
//  * citations of the document by itself are dropped, with a warning;
//  * a paragraph number that occurs twice is an InputError (paragraph labels are keys).
#pragma once

#include "citegraph/importers/importer.hpp"
#include "citegraph/importers/lexicon.hpp"

#include <string>

namespace citegraph {

void validate_import(ImportResult& r, const Lexicon& lex, const std::string& path);

} // namespace citegraph
