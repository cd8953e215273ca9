#!/bin/sh
# Makes the class-data-sharing archive of Sextant's own classes for the place the app is installed, so that
# a start maps them from the archive instead of loading and verifying them from the jars
# (docs/decisions/0026). The package's postinst runs it; packaging/bench-start.sh runs it on a copy of the
# app image.
#
# Usage: make-class-archive.sh APP_ROOT     (the folder holding bin/ and lib/, such as /opt/sextant)
#
# The archive records the launcher's class path with the jars' paths, sizes and times, so it can only be
# made where the jars lie. The launcher names lib/app/sextant.jsa. In the app image that is the runtime's
# own archive (JDK and JavaFX classes); the packages ship that one as sextant-runtime.jsa and own no
# sextant.jsa, so that their checks of the installed files (dpkg --verify, rpm -V) stay clean. This script
# writes sextant.jsa only once the new archive has been made and accepted by a JVM with the launcher's
# class path; when anything fails, it leaves sextant.jsa as it was and exits non-zero.
set -eu

root="${1:?usage: make-class-archive.sh APP_ROOT}"
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
new="$app/sextant.jsa.new"
trap 'rm -f "$new"' EXIT

# The class path exactly as the launcher builds it: the .cfg's entries in order, $APPDIR made absolute
classpath=""
for entry in $(sed -n 's/^app\.classpath=//p' "$app/Sextant.cfg"); do
    jar=$(printf '%s' "$entry" | sed "s|^\\\$APPDIR|$app|")
    classpath="${classpath:+$classpath:}$jar"
done
[ -n "$classpath" ] || { echo "make-class-archive: no class path in $app/Sextant.cfg" >&2; exit 1; }

if ! out=$("$java" -Xshare:dump -XX:SharedClassListFile="$app/sextant.classlist" -XX:SharedArchiveFile="$new" \
        -cp "$classpath" 2>&1); then
    printf '%s\n' "$out" | tail -5 >&2
    echo "make-class-archive: the archive could not be made" >&2
    exit 1
fi
# -Xshare:on refuses to start when the archive does not fit this runtime and class path
if ! "$java" -Xshare:on -XX:SharedArchiveFile="$new" -cp "$classpath" -version >/dev/null 2>&1; then
    echo "make-class-archive: the new archive does not fit the installed app" >&2
    exit 1
fi
chmod 644 "$new"
mv -f "$new" "$app/sextant.jsa"
