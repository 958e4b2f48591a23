#!/usr/bin/env bash
# Checks the release packages as a coordinator's IT person would meet them: the .deb's and .rpm's
# metadata and files, the AppStream and desktop files, then installs the .deb, starts
# /usr/bin/draagkracht under Xvfb through the end-to-end harness (first start, a database made) and
# removes the package again (the data stays). Needs root: `make package-test` runs it.
# Usage: check-packages.sh VERSION DEB RPM
set -euo pipefail
version=$1 deb=$2 rpm=$3
fail() { echo "package check: $*" >&2; exit 1; }
field() { dpkg-deb --field "$deb" "$1"; }

echo "== $deb ($(stat -c %s "$deb") bytes)"
[ "$(stat -c %s "$deb")" -le $((25 * 1024 * 1024)) ] || fail ".deb larger than 25 MB"
[ "$(field Version)" = "$version" ] || fail ".deb version $(field Version), workspace $version"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libssl3; do
  field Depends | grep -q "$dep" || fail ".deb does not depend on $dep: $(field Depends)"
done
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/draagkracht ./usr/share/applications/Draagkracht.desktop \
  ./usr/share/metainfo/nl.draagkracht.app.metainfo.xml ./usr/share/icons/hicolor/128x128/apps/draagkracht.png; do
  grep -q " $path\$" <<<"$contents" || fail ".deb lacks $path"
done
echo "   Installed-Size: $(field Installed-Size) KiB; Depends: $(field Depends)"

echo "== $rpm ($(stat -c %s "$rpm") bytes)"
info=$(rpm -qip "$rpm" 2>/dev/null)
grep -Eq "^Version +: $version\$" <<<"$info" || fail ".rpm version: $(grep ^Version <<<"$info")"
grep -Eq "^License +: EUPL-1.2\$" <<<"$info" || fail ".rpm licence: $(grep ^License <<<"$info")"
files=$(rpm -qlp "$rpm" 2>/dev/null)
for path in /usr/bin/draagkracht /usr/share/applications/Draagkracht.desktop /usr/share/metainfo/nl.draagkracht.app.metainfo.xml; do
  grep -qx "$path" <<<"$files" || fail ".rpm lacks $path"
done
echo "   $(grep -E '^(Name|Version|License|Size) ' <<<"$info" | tr -s ' ' | paste -sd ';')"

echo "== AppStream and desktop entry"
appstreamcli validate --no-net --explain packaging/nl.draagkracht.app.metainfo.xml
work=$(mktemp -d)
trap 'rm -rf "$work"; dpkg -s draagkracht >/dev/null 2>&1 && apt-get remove -y -qq draagkracht >/dev/null || true' EXIT
dpkg-deb --extract "$deb" "$work"
desktop-file-validate "$work/usr/share/applications/Draagkracht.desktop"

echo "== installed"
apt-get install -y -qq "$(realpath "$deb")" >/dev/null
dpkg -s draagkracht | grep -E '^(Version|Installed-Size):'
DRAAGKRACHT_APP=/usr/bin/draagkracht cargo test -p draagkracht-tests --test e2e installed::the_installed_package -- --ignored
echo "package check: passed"
