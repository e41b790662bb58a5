#!/usr/bin/env bash
# Installs the Debian packages the test run needs (PostgreSQL for the second database pass,
# Chromium and fonts for the browser tests), and only those that are missing. Idempotent.
#   bash scripts/install-test-deps.sh
set -euo pipefail

packages=(postgresql chromium fonts-liberation)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "Test dependencies already installed: ${packages[*]}"
    exit 0
fi

echo "Installing missing test dependencies: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
else
    sudo=()
fi
export DEBIAN_FRONTEND=noninteractive
# A source that cannot be reached need not stop us if the packages are still to be had.
"${sudo[@]}" apt-get update -qq </dev/null || echo "apt-get update failed; trying the install anyway" >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
echo "Installed: ${missing[*]}"
