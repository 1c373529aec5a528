#!/usr/bin/env bash
# Install test (issue #21): what a user gets from `cmake --install` and from the .deb.
#   check_install.sh BUILD_DIR SOURCE_DIR CMAKE CPACK VERSION CXX [sanitize]
# 1. Installs the build into a temporary prefix and moves the prefix (an install must not
#    depend on where it was put, nor on the source or build tree), then runs the installed
#    command from another folder, with no CITEGRAPH_DATA, on the installed seed, and checks
#    edges read from the seed's text; checks that $CITEGRAPH_DATA and --data are obeyed.
# 2. Builds examples/find_package, a CMake project of its own, against the moved prefix with
#    find_package(citegraph), and runs it.
# 3. Makes the .deb packages with cpack, checks their contents and declared dependencies with
#    dpkg-deb, unpacks the command's package and runs the command it holds.
set -euo pipefail
build=$1 src=$2 cmake=$3 cpack=$4 version=$5 cxx=$6 sanitize=${7:-}
unset CITEGRAPH_DATA
# A scratch folder outside the source and build trees; removed when the test passes, kept (and
# named) when it fails.
work=$(mktemp -d "${TMPDIR:-/tmp}/citegraph-install.XXXXXX")
trap 'status=$?; if [ $status -eq 0 ]; then rm -rf "$work"; else echo "kept $work" >&2; fi' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# has TEXT LINE: TEXT contains LINE as a whole line (fixed string)
has() { grep -qxF -- "$2" <<<"$1" || fail "expected the line '$2' in:"$'\n'"$1"; }
contains() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in:"$'\n'"$1"; }

mkdir -p "$work/run"

# ---- 1. cmake --install, moved ------------------------------------------------------------
"$cmake" --install "$build" --prefix "$work/staging" >/dev/null
mv "$work/staging" "$work/prefix"
prefix="$work/prefix"
data="$prefix/share/citegraph"
for f in bin/citegraph share/citegraph/gazetteer/entities.tsv share/citegraph/lexicon/zh/verbs.tsv \
         share/citegraph/lexicon/en/structure.tsv share/citegraph/vocab/citegraph.ttl \
         share/citegraph/samples/A_RES_68_193.zh.txt include/citegraph/version.hpp \
         include/citegraph/engine/store.hpp include/citegraph/importers/importer.hpp \
         include/citegraph/exporters/exporter.hpp lib/cmake/citegraph/citegraphConfig.cmake \
         share/doc/citegraph/LICENSE; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
# The installed command carries no path into the source tree's data.
if grep -qaF -- "$src/data" "$prefix/bin/citegraph"; then
  fail "the installed command names the source tree's data folder $src/data"
fi

cd "$work/run" # not the source tree, not the build tree
cg="$prefix/bin/citegraph"
out=$("$cg" --version)
[ "$out" = "citegraph $version" ] || fail "--version printed '$out', not 'citegraph $version'"
# The default data folder is the install's: --help shows it.
has "$("$cg" --help)" "  --data TEXT=$data"

seed="$data/samples/A_RES_68_193.zh.txt"
out=$("$cg" --db seed.db import "$seed")
contains "$out" "imported A/RES/68/193 (zh) from $seed"
# Edges read from the text of the seed:
#   pp1 重申其 … 第 46/152 号 … 决议                    -> reaffirms A/RES/46/152
#   op12 请联合国毒品和犯罪问题办公室 … 加强努力         -> requests body:unodc (addressee)
#   op13 又请联合国毒品和犯罪问题办公室继续 …            -> requests body:unodc (addressee)
out=$("$cg" --db seed.db show body:unodc)
has "$out" "  name (zh): 联合国毒品和犯罪问题办公室"
has "$out" "    A/RES/68/193 op12 (zh) requests [addressee]"
has "$out" "    A/RES/68/193 op13 (zh) requests [addressee]"
out=$("$cg" --db seed.db show A/RES/46/152)
has "$out" "    A/RES/68/193 pp1 (zh) reaffirms [object]"

# $CITEGRAPH_DATA is obeyed (a copy without the Chinese tables is refused, naming them) and
# --data wins over it.
cp -r "$data" "$work/partial-data"
rm -r "$work/partial-data/lexicon/zh"
if out=$(CITEGRAPH_DATA="$work/partial-data" "$cg" --db other.db import "$seed" 2>&1); then
  fail "import with CITEGRAPH_DATA=$work/partial-data (no lexicon/zh) succeeded: $out"
fi
contains "$out" "$work/partial-data/lexicon/zh"
out=$(CITEGRAPH_DATA="$work/partial-data" "$cg" --db other.db --data "$data" import "$seed")
contains "$out" "imported A/RES/68/193 (zh)"

# A command copied away from its data says where it looked and what to do.
mkdir -p "$work/lonely/bin"
cp "$cg" "$work/lonely/bin/citegraph"
if out=$("$work/lonely/bin/citegraph" --db lonely.db import "$seed" 2>&1); then
  fail "import without a data folder succeeded: $out"
fi
contains "$out" "$work/lonely/share/citegraph: no data folder there"
contains "$out" "set CITEGRAPH_DATA or give --data DIR"

# ---- 2. a project of its own, find_package(citegraph) -------------------------------------
flags=()
if [ "$sanitize" = sanitize ]; then
  flags=(-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined
         -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
fi
"$cmake" -S "$src/examples/find_package" -B "$work/example" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" "${flags[@]}" >/dev/null
"$cmake" --build "$work/example" >/dev/null
out=$("$work/example/store_seed" "$work/run/example.db")
has "$out" "citegraph $version, data $data"
contains "$out" "stored 1 document, "
has "$out" "A/RES/68/193 op12 requests body:unodc"
has "$out" "A/RES/68/193 op13 requests body:unodc"

# ---- 3. the .deb packages -------------------------------------------------------------------
"$cpack" --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null
deb=$(ls "$work"/deb/citegraph_"$version"_*.deb)
dev=$(ls "$work"/deb/libcitegraph-dev_"$version"_*.deb)
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/citegraph ./usr/share/citegraph/gazetteer/entities.tsv \
         ./usr/share/citegraph/lexicon/zh/verbs.tsv ./usr/share/citegraph/lexicon/ar/variants.tsv \
         ./usr/share/citegraph/samples/A_RES_68_193.zh.txt ./usr/share/doc/citegraph/LICENSE; do
  has "$files" "$f"
done
# The package names of Depends, one a line ("libc6 (>= 2.34), libgvc6" -> libc6, libgvc6).
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | awk '{print $1}')
for p in libc6 libstdc++6 libsqlite3-0 libgvc6 libcgraph6 libpoppler-cpp0v5; do
  has "$depends" "$p"
done
files=$(dpkg-deb -c "$dev" | awk '{print $6}')
for f in ./usr/include/citegraph/version.hpp ./usr/include/citegraph/engine/store.hpp \
         ./usr/include/citegraph/importers/importer.hpp ./usr/lib/cmake/citegraph/citegraphConfig.cmake \
         ./usr/lib/cmake/citegraph/citegraphTargets.cmake ./usr/lib/libcitegraph_engine.a \
         ./usr/lib/libcitegraph_importers.a ./usr/lib/libcitegraph_exporters.a; do
  has "$files" "$f"
done
contains "$(dpkg-deb -f "$dev" Depends)" "citegraph (= $version)"
# The command of the package, unpacked, finds the package's data beside it.
dpkg-deb -x "$deb" "$work/debroot"
out=$("$work/debroot/usr/bin/citegraph" --db deb.db import \
      "$work/debroot/usr/share/citegraph/samples/A_RES_68_193.zh.txt")
contains "$out" "imported A/RES/68/193 (zh)"
out=$("$work/debroot/usr/bin/citegraph" --db deb.db show body:unodc)
has "$out" "    A/RES/68/193 op12 (zh) requests [addressee]"
echo "install test: prefix, find_package example and .deb checked"
