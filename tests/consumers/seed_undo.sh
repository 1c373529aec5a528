#!/usr/bin/env bash
# The seed document through the UNDO N-Quads export and two real RDF consumers: import
# A/RES/68/193 (Chinese), export `--format undo-nq`, and run the UN Document Ontology's own
# competency queries (../shared/vocab/undo/sparql/01.md, questions 1-3, adapted to our IRIs in
# queries/undo/) with oxigraph (npm) and rdflib (Debian). The expected answers are facts read
# from the text (data/samples/A_RES_68_193.zh.txt):
#   - pp1 "重申其 1991 年 12 月 18 日第 46/152 号、…第 67/192 号决议": the General Assembly
#     reaffirms seven resolutions, so A/RES/68/193 refers to A/RES/46/152 (Q1) and describes
#     the GA reaffirming it (Q3);
#   - the header "[根据第三委员会的报告(A/68/457)通过]" names the report A/68/457, a document;
#     footnote 1 cites the UN Convention against Transnational Organized Crime, a treaty;
#     op12 "请联合国毒品和犯罪问题办公室…" is a mandate (requests, addressee) to UNODC (Q2,
#     mandates_to_unodc.rq);
#   - UNODC, an addressee, is never the object of eli:cites.
#   seed_undo.sh CITEGRAPH_BINARY SEED_TEXT WORK_DIR
set -euo pipefail
cg=$1 seed=$2 work=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
rm -f "$work/seed.db" "$work/seed.db-wal" "$work/seed.db-shm"
"$cg" --db "$work/seed.db" import "$seed" >/dev/null
"$cg" --db "$work/seed.db" export --format undo-nq -o "$work/seed.nq" 2>/dev/null
fail() {
  echo "seed_undo: $*" >&2
  exit 1
}
q() { # q ENGINE QUERY_FILE: the rows, sorted
  if [ "$1" = oxigraph ]; then
    (cd "$here" && node sparql.mjs --union "@queries/undo/$2" "$work/seed.nq") | sort
  else
    /usr/bin/python3 "$here/check_undo_rdflib.py" "$work/seed.nq" "$here/queries/undo/$2" 2>/dev/null | sort
  fi
}
if grep -q -e '%28' -e '%29' "$work/seed.nq"; then
  fail "an IRI percent-encodes a parenthesis"
fi
engines=(oxigraph)
if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
  engines+=(rdflib)
elif [ "${CITEGRAPH_REQUIRE_CONSUMERS:-0}" = 1 ]; then
  fail "rdflib is not installed (Debian python3-rdflib)"
else
  echo "seed_undo: warning: rdflib not installed, skipped (Debian python3-rdflib)" >&2
fi
for engine in "${engines[@]}"; do
  got=$(q "$engine" q1_documents_referring.rq)
  [ "$got" = "https://undocs.org/A/RES/68/193" ] || fail "$engine Q1: got '$got'"

  got=$(q "$engine" q3_ga_reaffirming.rq)
  [ "$got" = "https://undocs.org/A/RES/68/193" ] || fail "$engine Q3: got '$got'"

  q2=$(q "$engine" q2_entities_referred.rq)
  undo=https://w3id.org/un/ontology/undo/ allot=https://w3id.org/akn/ontology/allot/
  for r in 46/152 60/1 67/1 67/186 67/189 67/190 67/192; do
    grep -qxF "https://undocs.org/A/RES/$r	${undo}Resolution" <<<"$q2" ||
      fail "$engine Q2: A/RES/$r is not among the resolutions A/RES/68/193 refers to"
  done
  for want in "https://undocs.org/A/68/457	${undo}Document" \
              "https://citegraph.invalid/id/treaty:untoc	${undo}Treaty" \
              "https://citegraph.invalid/id/body:unodc	${allot}Organization"; do
    grep -qxF "$want" <<<"$q2" || fail "$engine Q2: missing '$want'"
  done
  # One type per entity: the UNDO or ALLOT class of its kind, nothing else.
  entities=$(cut -f1 <<<"$q2" | sort -u | wc -l)
  [ "$entities" = "$(wc -l <<<"$q2")" ] || fail "$engine Q2: an entity has two types"

  got=$(q "$engine" mandates_to_unodc.rq)
  grep -qxF "https://undocs.org/A/RES/68/193	op12" <<<"$got" ||
    fail "$engine: op12's request to UNODC is not a mandate: '$got'"
done
cited=$(cd "$here" && node sparql.mjs --union \
  'ASK { ?d <http://data.europa.eu/eli/ontology#cites> <https://citegraph.invalid/id/body:unodc> }' \
  "$work/seed.nq")
[ "$cited" = false ] || fail "UNODC, an addressee, is the object of eli:cites"
graphs=$(grep -c ' <https://undocs.org/A/RES/68/193> \.$' "$work/seed.nq" || true)
echo "seed_undo: UNDO competency questions 1-3 answer right (${engines[*]}); $(wc -l <"$work/seed.nq") quads, $graphs in the graph of A/RES/68/193"
