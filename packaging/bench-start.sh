#!/usr/bin/env bash
# Start-up benchmark of the packaged app (not a test: it prints figures and never fails on a time).
#
# Measures the time from JVM start to the main window being shown, as the app logs it (with the processor
# time the process had used by then, which a busy machine disturbs less), the time from launching the
# packaged app until then (from the time of day the log line gives), and for Sextant the time from JVM
# start until its start-up work is done (the store opened and the connections read, ready to be listed),
# over RUNS runs (median), for:
#   - Sextant as the .deb installs it: the app image plus the archive of the app's own classes that the
#     package's postinst makes where the app lies (lib/make-class-archive.sh, run here on a copy);
#   - Sextant's app image as built, with its class-data-sharing archive of the JDK's and JavaFX's classes,
#     and with CDS turned off (-Xshare:off);
#   - the floor: a bare JavaFX window (packaging/bench/BareWindow.java) packaged the same way (the same
#     jlinked runtime, its own CDS archive recorded from its own start, jpackage), with and without CDS;
#   - the like window (packaging/bench/LikeWindow.java): the controls of Sextant's first frame in its
#     layout and theme, without Sextant's own work, packaged as the floor is, with an archive of its
#     classes made where it lies, as Sextant's package does.
# The runs are interleaved, so that a busy machine weighs on all six alike. Each Sextant run gets a fresh
# copy of a data folder whose sample database was built once beforehand (building it is not start-up).
#
# Needs the app image (mvn -Ppackage -DskipTests package) and, without a display, xvfb-run.
# Also times the command line (`sextant connections list`, launch to exit) in both forms of Sextant.
#
# Usage: packaging/bench-start.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-7}"
PKG=target/package
APP="$PKG/image/Sextant/bin/Sextant"
[ -x "$APP" ] || { echo "No app image at $APP: build it first with mvn -Ppackage -DskipTests package" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jdk_bin="$(dirname "$(readlink -f "$(command -v javac)")")"

echo "Packaging the floor (a bare JavaFX window) the same way as Sextant..."
cp -r "$PKG/runtime" "$work/floor-runtime"
rm -f "$work/floor-runtime/lib/server/classes.jsa"
mkdir -p "$work/floor-classes" "$work/floor-input"
"$jdk_bin/javac" -cp "$PKG/javafx/*" -d "$work/floor-classes" packaging/bench/BareWindow.java
"$jdk_bin/jar" --create --file "$work/floor-input/bare-window.jar" -C "$work/floor-classes" .
"$work/floor-runtime/bin/java" -XX:DumpLoadedClassList="$work/floor.lst" -Dsextant.closeWhenStarted=true \
  -cp "$work/floor-input/bare-window.jar" BareWindow >/dev/null
"$work/floor-runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/floor.lst" >"$work/floor-dump.log" 2>&1
# The same JVM options as Sextant's launcher (packaging/app-image.args)
mapfile -t java_options < <(grep -- '^--java-options' packaging/app-image.args | tr ' ' '\n')
"$jdk_bin/jpackage" --type app-image --name BareWindow --input "$work/floor-input" --main-jar bare-window.jar \
  --main-class BareWindow --runtime-image "$work/floor-runtime" --dest "$work/floor-image" "${java_options[@]}"
FLOOR="$work/floor-image/BareWindow/bin/BareWindow"

echo "Packaging the like window (Sextant's layout, controls and theme, none of its work) the same way..."
mkdir -p "$work/like-classes" "$work/like-input"
atlantafx=$(ls "$PKG"/input/atlantafx-base-*.jar)
cp "$atlantafx" "$work/like-input/"
"$jdk_bin/javac" -cp "$PKG/javafx/*:$atlantafx" -d "$work/like-classes" packaging/bench/LikeWindow.java \
  packaging/bench/BareWindow.java
"$jdk_bin/jar" --create --file "$work/like-input/like-window.jar" -C "$work/like-classes" .
"$work/floor-runtime/bin/java" -XX:DumpLoadedClassList="$work/like.lst" -Dsextant.closeWhenStarted=true \
  -cp "$work/like-input/*" LikeWindow >/dev/null
"$jdk_bin/jpackage" --type app-image --name LikeWindow --input "$work/like-input" --main-jar like-window.jar \
  --main-class LikeWindow --runtime-image "$work/floor-runtime" --dest "$work/like-image" "${java_options[@]}" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/like.jsa'
# As Sextant's package does where it is installed: one archive of the JDK's, JavaFX's and the app's classes
like_app="$work/like-image/LikeWindow/lib/app"
like_cp=$(sed -n 's/^app\.classpath=//p' "$like_app/LikeWindow.cfg" | sed "s|^\\\$APPDIR|$like_app|" | paste -sd:)
"$work/floor-runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/like.lst" \
  -XX:SharedArchiveFile="$like_app/like.jsa" -cp "$like_cp" >"$work/like-dump.log" 2>&1
LIKE="$work/like-image/LikeWindow/bin/LikeWindow"

echo "Archiving the app's classes in a copy of the app image, as the package's postinst does..."
mkdir -p "$work/installed"
cp -r "$PKG/image/Sextant" "$work/installed/"
"$work/installed/Sextant/lib/make-class-archive.sh" "$work/installed/Sextant"
INSTALLED="$work/installed/Sextant/bin/Sextant"

echo "Building Sextant's sample database once..."
JAVA_TOOL_OPTIONS="-Dsextant.closeWhenStarted=true" "$APP" --home "$work/home-template" >"$work/prepare.log" 2>&1
grep -q "Start-up finished" "$work/prepare.log" || { echo "Sextant did not start:" >&2; cat "$work/prepare.log" >&2; exit 1; }

# One start: launches, waits for the log lines (Sextant's also for its start-up work to be done), ends the
# process. Prints "<logged ms> <cpu ms> <wall ms> <ready ms>" (ready: "-" for the floor). The wall time is
# taken from the time of day the line itself gives, since Sextant writes its first lines only once logging
# is set up, after the window is shown.
measure() {
  local share="$1" wait_for="$2"; shift 2
  local log="$work/run.log" start pid logged cpu at ready
  : >"$log"
  start=$(date +%s%3N)
  JAVA_TOOL_OPTIONS="$share" "$@" >"$log" 2>&1 &
  pid=$!
  while ! grep -q "$wait_for" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s%3N) - start )) -gt 60000 ]; then
      echo "A run did not show its window:" >&2; cat "$log" >&2; kill "$pid" 2>/dev/null || true; exit 1
    fi
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  logged=$(grep -a "Main window shown" "$log" | grep -ao "[0-9]* ms after JVM start" | grep -o "^[0-9]*")
  cpu=$(grep -ao "[0-9]* ms of CPU" "$log" | grep -o "^[0-9]*")
  at=$(grep -a "Main window shown" "$log" | grep -ao "shown at [0-9:.]*" | cut -d' ' -f3)
  ready=$(grep -a "Start-up work done" "$log" | grep -ao "[0-9]* ms after JVM start" | grep -o "^[0-9]*" || true)
  echo "$logged ${cpu:-0} $(( $(date -d "$at" +%s%3N) - start )) ${ready:--}"
}

declare -A logged cputime wall readiness
configs=(sextant-installed like-cds sextant-cds floor-cds sextant-nocds floor-nocds)
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= RUNS; i++)); do
  for cfg in "${configs[@]}"; do
    # -Xshare:on fails rather than start without the archive, so "cds" runs are sure to use it.
    case "$cfg" in *-nocds) share="-Xshare:off" ;; *) share="-Xshare:on" ;; esac
    if [[ "$cfg" == sextant-* ]]; then
      rm -rf "$work/home-run"
      cp -r "$work/home-template" "$work/home-run"
      launcher="$APP"
      [ "$cfg" = sextant-installed ] && launcher="$INSTALLED"
      read -r l c w r < <(measure "$share" "Start-up work done" "$launcher" --home "$work/home-run")
    elif [[ "$cfg" == like-* ]]; then
      read -r l c w r < <(measure "$share" "Main window shown" "$LIKE")
    else
      read -r l c w r < <(measure "$share" "Main window shown" "$FLOOR")
    fi
    logged[$cfg]+="$l "
    cputime[$cfg]+="$c "
    wall[$cfg]+="$w "
    [ "$r" = - ] || readiness[$cfg]+="$r "
  done
  echo "run $i of $RUNS done"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

echo
echo "[benchmark] medians of $RUNS runs (ms): logged = JVM start to window shown; cpu = processor time used by then;"
echo "[benchmark] wall = launch to window shown; ready = JVM start to the start-up work done (store open, connections read)"
printf "[benchmark] %-17s %7s %7s %7s %7s   %s\n" "what" "logged" "cpu" "wall" "ready" "all logged figures"
declare -A ml mc mw
for cfg in "${configs[@]}"; do
  ml[$cfg]=$(echo "${logged[$cfg]}" | median)
  mc[$cfg]=$(echo "${cputime[$cfg]}" | median)
  mw[$cfg]=$(echo "${wall[$cfg]}" | median)
  mr=""
  [ -z "${readiness[$cfg]:-}" ] || mr=$(echo "${readiness[$cfg]}" | median)
  printf "[benchmark] %-17s %7s %7s %7s %7s   %s\n" "$cfg" "${ml[$cfg]}" "${mc[$cfg]}" "${mw[$cfg]}" "${mr:--}" "${logged[$cfg]}"
done
for pair in "Sextant installed / floor with CDS:sextant-installed:floor-cds" \
    "Sextant installed / like window:sextant-installed:like-cds" "like window / floor with CDS:like-cds:floor-cds" \
    "Sextant installed / app image as built:sextant-installed:sextant-cds" \
    "Sextant / floor with CDS:sextant-cds:floor-cds" "Sextant / floor without CDS:sextant-nocds:floor-nocds" \
    "Sextant with CDS / without:sextant-cds:sextant-nocds"; do
  IFS=: read -r name a b <<<"$pair"
  echo "[benchmark] $name logged $(ratio "${ml[$a]}" "${ml[$b]}"), cpu $(ratio "${mc[$a]}" "${mc[$b]}"), wall $(ratio "${mw[$a]}" "${mw[$b]}")"
done
echo "[benchmark] target: Sextant at most 1.3x the floor"

# The command line starts the same JVM without JavaFX: `sextant connections list` from launch to exit,
# the app image as built against the installed form, interleaved.
cli_image="" cli_installed=""
for ((i = 1; i <= RUNS; i++)); do
  for form in image installed; do
    launcher="$APP"
    [ "$form" = installed ] && launcher="$INSTALLED"
    start=$(date +%s%N)
    "$launcher" --home "$work/home-template" connections list >/dev/null 2>&1 || { echo "connections list failed" >&2; exit 1; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$form" = image ]; then cli_image+="$ms "; else cli_installed+="$ms "; fi
  done
done
ci=$(echo "$cli_image" | median)
cn=$(echo "$cli_installed" | median)
echo "[benchmark] command line 'connections list', launch to exit (median ms): app image $ci, installed $cn," \
  "installed / app image $(ratio "$cn" "$ci")"
