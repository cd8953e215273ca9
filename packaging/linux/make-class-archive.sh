#!/bin/sh
# Makes the class-data-sharing archive of Sextant's own classes for the place the app is installed, so that
# a start maps them from the archive instead of loading and verifying them from the jars
# (docs/decisions/0026). The package's postinst runs it; packaging/bench-start.sh runs it on a copy of the
# app image.
#
# Usage: make-class-archive.sh APP_ROOT     (the folder holding bin/ and lib/, such as /opt/sextant)
#
# The archive records the launcher's class path with the jars' paths, sizes and times, so it can only be
# made where the jars lie. The launcher names lib/app/sextant.jsa, which the package ships as the runtime's
# own archive (JDK and JavaFX classes); this script replaces it only once the new archive has been made and
# accepted by a JVM with the launcher's class path. When anything fails, the shipped archive stays and
# Sextant starts as it would without this step.
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
# the mode of the archive the package shipped (644 in the .deb, 444 in the .rpm), so that a package
# check (rpm -V) sees only the content change it is told to expect
mode=$(stat -c %a "$app/sextant.jsa" 2>/dev/null || echo 644)
chmod "$mode" "$new"
mv -f "$new" "$app/sextant.jsa"
