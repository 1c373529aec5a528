#!/bin/sh
# Installs the real third-party readers the exporter tests feed our output to (npm jsonld,
# oxigraph and, optionally, kuzu) into tests/consumers/node_modules. Idempotent: does nothing
# when the pinned versions are already installed. Test-only: nothing here is a product
# dependency.
#
#   scripts/install-consumers.sh           # jsonld + oxigraph + kuzu (kuzu is ~540 MB)
#   CITEGRAPH_SKIP_KUZU=1 scripts/install-consumers.sh   # without the optional kuzu
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
cd "$here/../tests/consumers"
dir=$(pwd)

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-consumers: node and npm are required (Debian: nodejs npm)" >&2
    exit 1
fi

# Prints the packages whose installed version differs from the one pinned in package.json:
# `missing required` for the dependencies, `missing optional` for the optional ones (kuzu).
missing() {
    node -e '
        const fs = require("fs");
        const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
        const optional = process.argv[1] === "optional";
        const want = optional
            ? (process.env.CITEGRAPH_SKIP_KUZU === "1" ? {} : (pkg.optionalDependencies || {}))
            : (pkg.dependencies || {});
        const out = [];
        for (const [name, version] of Object.entries(want)) {
            try {
                const got = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8"));
                if (got.version !== version) out.push(`${name}@${version} (have ${got.version})`);
            } catch (e) {
                out.push(`${name}@${version}`);
            }
        }
        console.log(out.join(" "));
    ' "$1"
}

todo="$(missing required) $(missing optional)"
todo=$(echo $todo)
if [ -z "$todo" ]; then
    echo "install-consumers: up to date in $dir"
    exit 0
fi
echo "install-consumers: installing $todo"

omit=""
if [ "${CITEGRAPH_SKIP_KUZU:-0}" = "1" ]; then
    omit="--omit=optional"
fi
if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund $omit
else
    npm install --no-audit --no-fund $omit
fi

# npm 11 does not run dependencies' install scripts unless allowed; kuzu ships its native
# module prebuilt (kuzujs.node), and install.js only copies it into place if it is missing.
if [ -d node_modules/kuzu ] && [ ! -f node_modules/kuzu/kuzujs.node ]; then
    (cd node_modules/kuzu && node install.js)
fi

todo=$(missing required)
if [ -n "$todo" ]; then
    echo "install-consumers: still missing after install: $todo" >&2
    exit 1
fi
todo=$(missing optional)
if [ -n "$todo" ]; then
    echo "install-consumers: optional package not installed (its tests will be skipped): $todo" >&2
fi
echo "install-consumers: done"
