#!/usr/bin/env bash
# Installs every Debian 12 package dialoogbot needs to build, test, fuzz and benchmark.
# Idempotent: packages already present are skipped quickly. Run as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates curl
  libcurl4-openssl-dev nlohmann-json3-dev libboost-dev libsqlite3-dev sqlite3 libssl-dev
  libgtest-dev googletest libbenchmark-dev
  libyaml-cpp-dev libhowardhinnant-date-dev tzdata libspdlog-dev libfmt-dev libcli11-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libutf8proc-dev wdutch
  libolm-dev
  debootstrap python3-matrix-nio
  clang-14 libclang-rt-14-dev clang-format-14 python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[deps] installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "[deps] all build and test packages are installed"
