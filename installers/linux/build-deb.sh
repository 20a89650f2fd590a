#!/usr/bin/env bash
# Pack the PyInstaller folder (installers/pyinstaller/outreach.spec) as a Debian package.
#
#   installers/linux/build-deb.sh DIST_FOLDER OUT_DIR VERSION
#
# (run by `make installer-linux`). The package installs
#
#   /opt/outreach-app/                      the program folder (outreach-app, outreach-app-cli, _internal/)
#   /usr/bin/outreach-app, outreach-app-cli symbolic links into it
#   /usr/share/applications/outreach-app.desktop
#   /usr/share/icons/hicolor/<N>x<N>/apps/outreach-app.png, scalable/apps/outreach-app.svg
#
# and nothing else: profiles and vaults live in each user's data folder
# (~/.local/share/outreach-app), which installing, upgrading or removing the package
# never touches.
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 DIST_FOLDER OUT_DIR VERSION" >&2
    exit 2
fi
dist=$1
out=$2
version=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
icons=$repo/resources/icons
arch=$(dpkg --print-architecture)
package=outreach-app

[[ -x $dist/outreach-app && -x $dist/outreach-app-cli && -d $dist/_internal ]] ||
    { echo "$dist is not a built program folder (run pyinstaller first)" >&2; exit 1; }

mkdir -p "$out"
root=$(mktemp -d "$out/.deb-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"

install -d -m 0755 "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/DEBIAN"
cp -a "$dist" "$root/opt/$package"
# On Linux the windowed and the console program are the same file (a console is a
# Windows matter): ship it once.
if cmp -s "$root/opt/$package/outreach-app" "$root/opt/$package/outreach-app-cli"; then
    ln -sf outreach-app "$root/opt/$package/outreach-app-cli"
fi
ln -s "/opt/$package/outreach-app" "$root/usr/bin/outreach-app"
ln -s "/opt/$package/outreach-app-cli" "$root/usr/bin/outreach-app-cli"

install -m 0644 "$here/outreach-app.desktop" "$root/usr/share/applications/outreach-app.desktop"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 0644 "$icons/outreach-app-$size.png" \
        "$root/usr/share/icons/hicolor/${size}x${size}/apps/outreach-app.png"
done
install -D -m 0644 "$icons/outreach-app.svg" "$root/usr/share/icons/hicolor/scalable/apps/outreach-app.svg"

# Plain permissions whatever the umask of the build: folders and programs 0755, the rest 0644.
find "$root/opt" -type d -exec chmod 0755 {} +
find "$root/opt" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/$package/outreach-app"
[[ -L $root/opt/$package/outreach-app-cli ]] || chmod 0755 "$root/opt/$package/outreach-app-cli"

installed_kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The bundle carries its libraries except the system's own (C library, GL, DRM, Wayland's
# client and the X connection, listed in control.in); the C library must be at least the
# newest version any bundled file asks for, i.e. that of the build machine.
glibc=$(grep -rhaoE 'GLIBC_2\.[0-9]+' "$root/opt/$package" | sort -uV | tail -1 | cut -d_ -f2)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_kib/" \
    -e "s/@GLIBC@/$glibc/" \
    "$here/control.in" > "$root/DEBIAN/control"
# No maintainer scripts: dpkg's triggers refresh the menu and the icon cache, and
# nothing of the users' data is the package's to create or remove.

deb=$out/${package}_${version}_${arch}.deb
# zstd: about 95 MB for 250 MB in seconds (xz -6 saves 15 MB more but takes minutes on
# two cores). Every dpkg that can satisfy the libc6 dependency reads zstd (dpkg >= 1.21.18).
dpkg-deb --root-owner-group -Zzstd -z9 --build "$root" "$deb" >/dev/null
echo "$deb"
