#!/usr/bin/env bash
# Installs what building and testing iacgen needs on Debian 12, when it is missing:
# the compiler, CMake, the four libraries, Graphviz (`dot`, for the diagram conformance test),
# Node.js with npm, and the pinned conformance tools.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make nlohmann-json3-dev libcli11-dev libfmt-dev doctest-dev graphviz)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The conformance checkers (HashiCorp's HCL parser and formatter, the Bicep grammar), exactly as
# pinned in conformance/package-lock.json.
if ! cmp -s conformance/package-lock.json conformance/node_modules/.iacgen-lock 2>/dev/null; then
  npm ci --prefix conformance --no-audit --no-fund --loglevel=error
  cp conformance/package-lock.json conformance/node_modules/.iacgen-lock
fi
