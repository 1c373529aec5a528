#!/usr/bin/env bash
# The main job on the bundled data: install, build, import every sample document into the
# SQLite store out/citegraph.db, and write every export plus an SVG picture into out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cg="$root/build/cli/citegraph"
out="$root/out"
mkdir -p "$out"
rm -f "$out/citegraph.db" "$out/citegraph.db-wal" "$out/citegraph.db-shm"
db=(--db "$out/citegraph.db")
"$cg" "${db[@]}" import "$root"/data/samples/*.txt
"$cg" "${db[@]}" stats
"$cg" "${db[@]}" export --format dot -o "$out/graph.dot"
"$cg" "${db[@]}" export --format svg -o "$out/graph.svg"
"$cg" "${db[@]}" export --format graphml -o "$out/graph.graphml"
"$cg" "${db[@]}" export --format jsonld -o "$out/graph.jsonld"
"$cg" "${db[@]}" export --format neo4j -o "$out/neo4j"
"$cg" "${db[@]}" export --format html -o "$out/explorer.html"
"$cg" "${db[@]}" export --format svg --lang zh --from A/RES/68/193 --depth 1 \
  --kind Resolution Treaty Body Instrument Programme -o "$out/A_RES_68_193.svg"
echo "main job: store and exports in $out"
