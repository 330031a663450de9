#!/usr/bin/env bash
# npm run test:mikro-orm-7: fixtory on MikroORM 7 under Node 22, apart from the main install
# (MikroORM 6.6 on Node 20). Installs this folder's lock (MikroORM 7, a Node 22 binary from the npm
# registry's `node` package), installs fixtory's packed tarball next to it with a plain `npm i`
# (so a peer range that excludes MikroORM 7 fails here), type-checks fixtory's sources against
# MikroORM 7, and runs the MikroORM integration specs (legacy and ES decorators), the samples and
# this folder's own specs under Node 22. Any failure stops the script with a non-zero exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
tsc="$root/node_modules/typescript/bin/tsc"
cd "$here"

npm ci --no-audit --no-fund --loglevel=error
node22="$here/node_modules/.bin/node"
echo "Node $("$node22" --version), MikroORM $(node -p "require('./node_modules/@mikro-orm/core/package.json').version")"

# fixtory as a user gets it: the packed tarball, installed with plain `npm i` next to MikroORM 7.
(cd "$root" && npm run build --silent)
rm -rf pack && mkdir pack
tarball="$(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$here/pack")"
npm i --no-save --no-audit --no-fund --loglevel=error "./pack/$tarball"

# fixtory's sources against MikroORM 7's types (entity names as strings are gone there, for example).
node "$tsc" -p tsconfig.lib.json
# The shared specs and samples (their decorators come from samples/mikro-orm-major.ts), compiled
# here so that '@mikro-orm/*' resolves to this folder's MikroORM 7 and 'fixtory' to the tarball.
rm -rf dist
node "$tsc" -p "$root/tsconfig.json" --outDir dist
node "$tsc" -p "$root/tsconfig.es.json" --outDir dist
# Specs that import lib/ modules directly must get the very modules 'fixtory' is: one registry.
rm -rf dist/lib && ln -s ../node_modules/fixtory/dist/lib dist/lib
# This folder's samples and specs, against MikroORM 7's types and fixtory's declarations.
node "$tsc" -p tsconfig.json

"$node22" "$root/node_modules/mocha/bin/mocha.js" --no-config --no-package --enable-source-maps --timeout 20000 \
  'dist/spec/integration/**/*.spec.js' dist/spec-es/mikro-orm.spec.js dist/spec/samples.spec.js 'dist/v7/spec/**/*.spec.js'
