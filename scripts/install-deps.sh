#!/bin/sh
# install-deps.sh: installs the Debian packages jdalign builds and tests with.
# Does nothing when every package is already there; uses sudo when not root.
#   scripts/install-deps.sh [build|real|fuzz]
set -eu
build="gcc make pkg-config libxml2-dev liblzma-dev zlib1g-dev libcsv-dev
uthash-dev libjansson-dev libcurl4-openssl-dev libcriterion-dev python3"
case "${1:-build}" in
build) want=$build ;;
real) want="$build python3-lxml python3-sklearn time libreoffice-calc-nogui parallel" ;;
fuzz) want="$build clang-14 libclang-rt-14-dev" ;;
*) echo "usage: install-deps.sh [build|real|fuzz]" >&2; exit 2 ;;
esac
missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
