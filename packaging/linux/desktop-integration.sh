#!/bin/sh
# Ties an installed Sextant into the system, and unties it again. The package scripts of both the .deb
# (postinst, prerm) and the .rpm (%post, %preun in sextant.spec) call this one script, so both packages
# install the same things:
#   add     the desktop menu entry, the icon in every size (named by its theme name, so the desktop picks
#           the size it needs), `sextant` on the PATH for the command line, and the archive of the app's
#           own classes made where they lie (make-class-archive.sh), lib/app/sextant.jsa, or, if that
#           fails, a copy of the runtime's archive the package ships (sextant-runtime.jsa);
#   remove  the menu entry, the icons, the `sextant` link and that archive. The user's data folder
#           (~/.local/share/sextant, or $XDG_DATA_HOME/sextant) is never touched;
#   archive that archive alone, made again (the .rpm's %posttrans in sextant.spec).
# jpackage's own scripts call xdg-desktop-menu, which fails (and leaves the package half-installed) on a
# system that has no menu folders yet; this script creates the standard folders it writes to.
#
# Usage: desktop-integration.sh add|remove|archive
set -e

app=/opt/sextant
entry=/usr/share/applications/sextant.desktop
link=/usr/bin/sextant
archive="$app/lib/app/sextant.jsa"
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
    fi
}

# The archive of the app's classes, made where they lie; the runtime's archive in its place if it cannot be.
make_archive() {
    echo "Archiving Sextant's classes for a faster start..."
    if ! "$app/lib/make-class-archive.sh" "$app"; then
        echo "Sextant will start without the archive of its own classes (a little slower)." >&2
        if [ ! -e "$archive" ] && [ -e "$app/lib/app/sextant-runtime.jsa" ]; then
            cp "$app/lib/app/sextant-runtime.jsa" "$archive"
            chmod 644 "$archive"
        fi
    fi
}

case "$1" in
    add)
        mkdir -p /usr/share/applications
        sed 's|^Icon=.*|Icon=sextant|' "$app/lib/sextant-Sextant.desktop" >"$entry"
        chmod 644 "$entry"
        for size in $sizes; do
            dir="/usr/share/icons/hicolor/${size}x${size}/apps"
            mkdir -p "$dir"
            cp "$app/lib/app/icons/sextant-$size.png" "$dir/sextant.png"
            chmod 644 "$dir/sextant.png"
        done
        # a `sextant` that is not ours (another program, or a file put there by hand) stays
        if [ ! -e "$link" ] || [ "$(readlink "$link")" = "$app/bin/Sextant" ]; then
            ln -sf "$app/bin/Sextant" "$link"
        fi
        refresh_caches
        make_archive
        ;;
    archive)
        make_archive
        ;;
    remove)
        rm -f "$entry"
        # made at install, owned by no package; the app image's own archive has no runtime copy beside it
        if [ -e "$app/lib/app/sextant-runtime.jsa" ]; then
            rm -f "$archive" "$archive.new"
        fi
        if [ "$(readlink "$link")" = "$app/bin/Sextant" ]; then
            rm -f "$link"
        fi
        for size in $sizes; do
            rm -f "/usr/share/icons/hicolor/${size}x${size}/apps/sextant.png"
        done
        refresh_caches
        ;;
    *)
        echo "usage: desktop-integration.sh add|remove|archive" >&2
        exit 1
        ;;
esac
