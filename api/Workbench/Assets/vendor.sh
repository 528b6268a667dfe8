#!/usr/bin/env bash
# The IDE's third-party files, exactly as published on npm (MIT licences beside them), committed so that a fresh clone
# builds and serves the IDE with no network. Re-fetch and check them with:  bash api/Workbench/Assets/vendor.sh
# GraphiQL 3.8.3 is the last release with a self-contained browser build (4 and later are ES modules around Monaco and
# need a bundler); React 18.3.1 is the last with UMD builds.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent graphiql@3.8.3 react@18.3.1 react-dom@18.3.1 >/dev/null && for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
cp "$work/graphiql-3.8.3/package/graphiql.min.js" "$work/graphiql-3.8.3/package/graphiql.min.css" .
cp "$work/react-18.3.1/package/umd/react.production.min.js" "$work/react-dom-18.3.1/package/umd/react-dom.production.min.js" .
cp "$work/graphiql-3.8.3/package/LICENSE" LICENSE.graphiql.txt
cp "$work/react-18.3.1/package/LICENSE" LICENSE.react.txt
sha256sum -c <<'SUMS'
22faab94067b695e5f7959619fbe686ebcc8955002a0c97d986bcbba4ad4bc2c  graphiql.min.js
35f4f974f4b2bcd44da73963347f8952e341f83909e4498227d4e26b98f66f0d  react-dom.production.min.js
d949f1c3687aedadcedac85261865f29b17cd273997e7f6b2bfc53b2f9d4c4dd  react.production.min.js
b1868247f8e0502cd869e581f5f3cb55b334862e7f51b1d6cbace11059b9adc2  graphiql.min.css
SUMS
