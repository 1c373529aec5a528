#!/usr/bin/env bash
# The seed document through the real JSON-LD consumers: import A/RES/68/193 (Chinese) with the
# citegraph command, export JSON-LD, expand it with jsonld.js in safe mode and ask oxigraph
# which works A/RES/68/193 reaffirms in pp1. Exactly the seven resolutions of the text must
# come back. And rdflib (Debian) must read the JSON-LD itself and jsonld.js's N-Quads to the
# same triples.
#   seed_sparql.sh CITEGRAPH_BINARY SEED_TEXT WORK_DIR
set -euo pipefail
cg=$1 seed=$2 work=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
rm -f "$work/seed.db" "$work/seed.db-wal" "$work/seed.db-shm"
"$cg" --db "$work/seed.db" import "$seed" >/dev/null
"$cg" --db "$work/seed.db" export --format jsonld -o "$work/seed.jsonld" 2>/dev/null
cd "$here"
node jsonld_to_nquads.mjs "$work/seed.jsonld" "$work/seed.nq"
got=$(node sparql.mjs @queries/reaffirmed_in_pp1.rq "$work/seed.nq" | grep -o 'https://undocs.org/[^ ,"]*' | sort -u)
want="https://undocs.org/A/RES/46/152
https://undocs.org/A/RES/60/1
https://undocs.org/A/RES/67/1
https://undocs.org/A/RES/67/186
https://undocs.org/A/RES/67/189
https://undocs.org/A/RES/67/190
https://undocs.org/A/RES/67/192"
if [ "$got" != "$want" ]; then
  echo "seed_sparql: expected the seven pp1 resolutions, got:" >&2
  echo "$got" >&2
  exit 1
fi
if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
  /usr/bin/python3 rdflib_same_triples.py "$work/seed.jsonld" "$work/seed.nq"
elif [ "${CITEGRAPH_REQUIRE_CONSUMERS:-0}" = 1 ]; then
  echo "seed_sparql: rdflib is not installed (Debian python3-rdflib)" >&2
  exit 1
fi
echo "seed_sparql: A/RES/68/193 reaffirms the 7 resolutions of pp1 (jsonld.js safe mode + oxigraph)"
