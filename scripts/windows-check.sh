#!/usr/bin/env bash
# Builds cxm for Windows (x86_64, GNU toolchain) from Linux, as far as a
# Linux machine can check it: clippy with warnings as errors on the Windows
# target, then a `cxm.exe`. Not part of .ci/run (it needs a second target
# and a cross linker); the release workflow's Windows job builds natively.
#
#   scripts/windows-check.sh
#
# Running the binary needs Windows: Debian 12's wine lacks the
# bcryptprimitives.dll Rust's standard library needs.
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu

if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi

# The linker for the GNU target, from Debian's MinGW-w64.
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y gcc-mingw-w64-x86-64
fi

cargo clippy --target "$target" --all-targets --locked -- -D warnings
cargo build --target "$target" --locked
echo "built target/$target/debug/cxm.exe"
