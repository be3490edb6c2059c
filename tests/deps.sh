#!/bin/sh
# deps.sh - install the Debian packages imraudit needs when they are absent.
# Build: liblua5.4-dev libpcre2-dev libsqlite3-dev libmupdf-dev (and the
# libraries Debian's static MuPDF links against) pkg-config; tests: python3.
set -u
need=""
pkg-config --exists lua5.4 2>/dev/null || need="$need liblua5.4-dev"
pkg-config --exists libpcre2-8 2>/dev/null || need="$need libpcre2-dev"
pkg-config --exists sqlite3 2>/dev/null || need="$need libsqlite3-dev"
pkg-config --exists mupdf 2>/dev/null || need="$need libmupdf-dev"
pkg-config --exists mujs 2>/dev/null || need="$need libmujs-dev"
pkg-config --exists gumbo 2>/dev/null || need="$need libgumbo-dev"
pkg-config --exists libopenjp2 2>/dev/null || need="$need libopenjp2-7-dev"
pkg-config --exists jbig2dec 2>/dev/null || need="$need libjbig2dec0-dev"
pkg-config --exists harfbuzz 2>/dev/null || need="$need libharfbuzz-dev"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
[ -x /usr/bin/python3 ] || need="$need python3"
for extra in ${IMRAUDIT_EXTRA_PKGS:-}; do
  dpkg -s "$extra" >/dev/null 2>&1 || need="$need $extra"
done
[ -z "$need" ] && exit 0
echo "imraudit: installing missing packages:$need"
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "imraudit: cannot install$need: not root and no password-less sudo;" >&2
  echo "imraudit: run: sudo apt-get install -y$need" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq $need >/dev/null; then
  echo "imraudit: apt-get install$need failed" >&2
  exit 1
fi
