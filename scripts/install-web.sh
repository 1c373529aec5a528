#!/bin/sh
# Installs the browser libraries the HTML exporter inlines (data/web/package.json: sigma,
# graphology) into data/web/node_modules, and the browser-test driver (tests/browser/
# package.json: puppeteer-core, which drives Debian's chromium) into tests/browser/node_modules.
# Pinned versions and lock files; idempotent: does nothing when the pinned versions are there.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-web: node and npm are required (Debian: nodejs npm)" >&2
    exit 1
fi

# Prints the dependencies of ./package.json whose installed version differs from the pin.
missing() {
    node -e '
        const fs = require("fs");
        const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
        const out = [];
        for (const [name, version] of Object.entries(pkg.dependencies || {})) {
            try {
                const got = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8"));
                if (got.version !== version) out.push(`${name}@${version} (have ${got.version})`);
            } catch (e) {
                out.push(`${name}@${version}`);
            }
        }
        console.log(out.join(" "));
    '
}

for dir in "$root/data/web" "$root/tests/browser"; do
    cd "$dir"
    todo=$(missing)
    if [ -z "$todo" ]; then
        echo "install-web: up to date in $dir"
        continue
    fi
    echo "install-web: installing $todo in $dir"
    npm ci --no-audit --no-fund --ignore-scripts
    todo=$(missing)
    if [ -n "$todo" ]; then
        echo "install-web: still missing after install in $dir: $todo" >&2
        exit 1
    fi
done
