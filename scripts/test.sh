#!/usr/bin/env bash
# Builds iacgen with warnings as errors and runs the whole test suite: unit tests, the golden
# test of out/, and the conformance checks with the real upstream parsers and schemas.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DIACGEN_BUILD_TESTS=ON -DIACGEN_WERROR=ON >/dev/null
cmake --build build --parallel 2
cd build
ctest --no-tests=error --output-on-failure --parallel 2
