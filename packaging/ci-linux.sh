#!/usr/bin/env bash
# CI's packaging checks on Linux, run by .ci/run after mvn verify:
#   1. mvn -Ppackage builds the runtime, the CDS archive, the app image and the .deb;
#   2. the packaged app's --self-check passes, and fails (naming the class) on a runtime short of a module;
#   3. the packaged app starts under Xvfb until its main window is shown, then closes itself;
#   4. the .deb installs with apt-get, puts a valid desktop entry with its icon in the menu, archives the
#      app's own classes where they are installed, dpkg --verify finds every file as shipped, it runs, and
#      removing it leaves the user's data folder alone (needs root and apt-get; skipped otherwise);
#   5. where rpmbuild is present, the .rpm is built too, and installed with rpm (its dependencies carry
#      Fedora's names, unknown to a Debian machine's rpm database, hence --nodeps): its scripts make the same
#      menu entry, `sextant` command and class archive as the .deb's, rpm -V finds nothing changed, and
#      removing it leaves nothing behind (needs root and rpm; skipped otherwise).
# Ends with "packaging: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
pass() { echo "[packaging] ok: $1"; passed=$((passed + 1)); }
fail() { echo "[packaging] FAILED: $1" >&2; echo "packaging: $passed passed, 1 failed"; exit 1; }
on_display() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Build. The CDS step starts the app once, so Maven runs with a display.
started=$(date +%s)
on_display mvn -B -ntp -Ppackage -DskipTests package >"$work/package.log" 2>&1 \
  || { tail -50 "$work/package.log"; fail "mvn -Ppackage package"; }
app=target/package/image/Sextant/bin/Sextant
deb=$(ls target/package/installers/sextant_*.deb 2>/dev/null | head -1)
[ -x "$app" ] && [ -n "$deb" ] || fail "the app image and the .deb exist"
pass "app image and $(basename "$deb") ($(du -h "$deb" | cut -f1)) built in $(( $(date +%s) - started )) s"
[ -s target/package/image/Sextant/lib/app/sextant.jsa ] && [ -s target/package/image/Sextant/lib/app/sextant.classlist ] \
  && [ -x target/package/image/Sextant/lib/make-class-archive.sh ] \
  || fail "the app image has its CDS archive, the class list and the script that archives the app's classes"
grep -qF 'java-options=-XX:SharedArchiveFile=$APPDIR/sextant.jsa' target/package/image/Sextant/lib/app/Sextant.cfg \
  || fail "the launcher names the app's CDS archive"
pass "the app image has its class-data-sharing archive, named by the launcher"

# 2. The packaged app's self-check, with a display so that the JavaFX toolkit is started too.
on_display "$app" --self-check >"$work/self-check.txt" 2>"$work/self-check.err" \
  || { cat "$work/self-check.txt" "$work/self-check.err"; fail "self-check of the app image"; }
cat "$work/self-check.txt"
grep -q "^ok .*JavaFX toolkit" "$work/self-check.txt" || fail "the self-check started JavaFX"
grep -q "^ok .*Class-data sharing .*on, from .*/lib/app/sextant.jsa" "$work/self-check.txt" \
  || fail "the app image starts with its class-data-sharing archive"
pass "self-check of the app image"

# The same app on a runtime without java.sql (JDBC, which H2, pgjdbc and the store need) must fail the
# self-check and name the missing class. (java.sql, as no other module in the list requires it.)
modules=$(sed -n 's/^--add-modules //p' packaging/jlink.args | sed 's/java\.sql,//')
jlink --add-modules "$modules" --module-path target/package/javafx --output "$work/short-runtime" \
  --strip-debug --no-header-files --no-man-pages
set +e
"$work/short-runtime/bin/java" -cp "target/package/input/*" dev.sextant.Main --self-check >"$work/short.txt" 2>/dev/null
status=$?
set -e
cat "$work/short.txt"
[ "$status" = 1 ] && grep -q "^FAILED .*Connector PostgreSQL.*missing class java\.sql\." "$work/short.txt" \
  || fail "the self-check names the class a runtime without java.sql lacks (exit status $status)"
pass "the self-check fails on a runtime without java.sql and names the missing class"

# 3. A start under Xvfb on a fresh data folder, until the main window is shown; the app then closes itself.
JAVA_TOOL_OPTIONS="-Dsextant.closeWhenStarted=true" timeout 300 \
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" --home "$work/home" >"$work/start.log" 2>&1 \
  || { cat "$work/start.log"; fail "the app image starts and closes cleanly"; }
grep -h "Main window shown" "$work/start.log"
grep -q "Start-up finished" "$work/start.log" || { cat "$work/start.log"; fail "the start-up work finished"; }
pass "the app image showed its main window under Xvfb and closed itself"

# 4. The .deb, installed and removed as a user would.
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "[packaging] not root or no apt-get: the .deb is not installed here"
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq -o DPkg::Lock::Timeout=300 "./$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install the .deb"; }
  pass "apt-get installed $(basename "$deb")"
  entry=/usr/share/applications/sextant.desktop
  [ -f "$entry" ] || fail "the desktop entry is installed at $entry"
  desktop-file-validate "$entry" || fail "the desktop entry is valid"
  [ "$(sed -n 's/^Icon=//p' "$entry")" = "sextant" ] || fail "the desktop entry names the theme icon 'sextant'"
  for size in 16 32 48 128 256 512; do
    icon="/usr/share/icons/hicolor/${size}x${size}/apps/sextant.png"
    file "$icon" | grep -q "PNG image data, $size x $size" || fail "the icon $icon is a $size px PNG"
  done
  grep -q "^Exec=/opt/sextant/bin/Sextant$" "$entry" || fail "the desktop entry starts /opt/sextant/bin/Sextant"
  pass "desktop entry $entry is valid, and its icon is installed in every size"
  on_display /opt/sextant/bin/Sextant --self-check >"$work/installed-check.txt" 2>&1 \
    || { cat "$work/installed-check.txt"; fail "self-check of the installed app"; }
  grep -q "^ok .*Class-data sharing .*on, from /opt/sextant/lib/app/sextant.jsa" "$work/installed-check.txt" \
    || { cat "$work/installed-check.txt"; fail "the installed app starts with its class-data-sharing archive"; }
  pass "self-check of the installed app"
  # every file as the package shipped it: the archive postinst makes belongs to no package
  verify=$(dpkg --verify sextant 2>&1) && [ -z "$verify" ] \
    || { printf '%s\n' "$verify"; fail "dpkg --verify finds the installed files as the .deb shipped them"; }
  pass "dpkg --verify sextant finds every installed file as shipped"

  # postinst archived the app's own classes where they lie: the launcher's first class comes from it
  JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" /opt/sextant/bin/Sextant --version >"$work/class-load.log" 2>&1 \
    || { tail -20 "$work/class-load.log"; fail "the installed launcher maps the archive made at install"; }
  grep -q "dev.sextant.Main source: shared objects file" "$work/class-load.log" \
    || { grep "dev.sextant.Main " "$work/class-load.log"; grep -i "make-class-archive\|archive" "$work/install.log"; \
         fail "the installed app's own classes come from the archive made at install"; }
  pass "the installed app's own classes come from the class archive its postinst made"

  # The user's data folder (XDG), made by a real start of the installed app, must survive removal.
  XDG_DATA_HOME="$work/xdg" JAVA_TOOL_OPTIONS="-Dsextant.closeWhenStarted=true" timeout 300 \
    xvfb-run -a -s "-screen 0 1280x800x24" /opt/sextant/bin/Sextant >"$work/installed-start.log" 2>&1 \
    || { cat "$work/installed-start.log"; fail "the installed app starts"; }
  store="$work/xdg/sextant/store/sextant.mv.db"
  [ -f "$store" ] || fail "the installed app made its store at $store"
  # the command line of the installed app, on the PATH, without a display: it lists what the window made
  XDG_DATA_HOME="$work/xdg" sextant connections list >"$work/cli.log" 2>&1 || { cat "$work/cli.log"; fail "sextant connections list"; }
  grep -q "^Sample " "$work/cli.log" || { cat "$work/cli.log"; fail "the installed command line lists the Sample connection"; }
  pass "the installed 'sextant' command lists the connections the window made"
  before=$(sha256sum "$store" | cut -d' ' -f1)
  apt-get purge -y -qq -o DPkg::Lock::Timeout=300 sextant >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get purge sextant"; }
  [ ! -e /opt/sextant ] && [ ! -e "$entry" ] && [ ! -e /usr/share/icons/hicolor/48x48/apps/sextant.png ] \
    && [ ! -e /usr/bin/sextant ] \
    || fail "removing the package removes the app, its desktop entry and its icons"
  [ "$(sha256sum "$store" | cut -d' ' -f1)" = "$before" ] || fail "the user's data folder is left alone"
  pass "apt-get purge removed the app and its menu entry and left the user's data alone"
fi

# 5. The .rpm, where it was built, installed and removed with rpm.
rpm_file=$(ls target/package/installers/sextant-*.rpm 2>/dev/null | head -1)
if ! command -v rpmbuild >/dev/null; then
  echo "[packaging] no rpmbuild: no .rpm to check"
elif [ -z "$rpm_file" ]; then
  fail "rpmbuild is present and the .rpm was built"
elif [ "$(id -u)" != "0" ] || [ -e /opt/sextant ]; then
  echo "[packaging] not root, or /opt/sextant is taken: the .rpm is not installed here"
else
  rpm -i --nodeps "$rpm_file" >"$work/rpm-install.log" 2>&1 || { cat "$work/rpm-install.log"; fail "rpm -i the .rpm"; }
  entry=/usr/share/applications/sextant.desktop
  desktop-file-validate "$entry" && [ "$(sed -n 's/^Icon=//p' "$entry")" = "sextant" ] \
    && file /usr/share/icons/hicolor/256x256/apps/sextant.png | grep -q "PNG image data, 256 x 256" \
    && [ "$(readlink /usr/bin/sextant)" = /opt/sextant/bin/Sextant ] \
    || fail "the .rpm installs the desktop entry, the icons and the sextant command"
  JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" sextant --version >"$work/rpm-class-load.log" 2>&1 \
    && grep -q "dev.sextant.Main source: shared objects file" "$work/rpm-class-load.log" \
    || { cat "$work/rpm-install.log"; fail "the .rpm's %post archived the app's classes where they are installed"; }
  # the archive %post made belongs to no package, so rpm checks every file it owns in full
  rpm -V --nodeps sextant >"$work/rpm-verify.log" 2>/dev/null \
    || { cat "$work/rpm-verify.log"; fail "rpm -V finds the installed files as the .rpm shipped them"; }
  pass "rpm installed $(basename "$rpm_file"): menu entry, icons, sextant command and class archive"
  rpm -e sextant >"$work/rpm-remove.log" 2>&1 || { cat "$work/rpm-remove.log"; fail "rpm -e sextant"; }
  [ ! -e /opt/sextant ] && [ ! -e "$entry" ] && [ ! -e /usr/share/icons/hicolor/48x48/apps/sextant.png ] \
    && [ ! -e /usr/bin/sextant ] \
    || fail "rpm -e removes the app, its desktop entry, its icons and the sextant command"
  pass "rpm -e removed the app and everything its %post made"
fi

echo "packaging: $passed passed, 0 failed"
