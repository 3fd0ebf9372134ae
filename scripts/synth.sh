#!/usr/bin/env bash
# Builds iacgen and synthesizes the bundled applications into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DIACGEN_BUILD_TESTS=OFF >/dev/null
cmake --build build --parallel 2 --target iacgen_cli
./build/iacgen synth "$@"
