#!/usr/bin/env bash
# Regenerates every icon file from sextant.svg:
#   png/sextant-N.png  the window and Linux icons, 16 to 1024 px (rsvg-convert, Debian: librsvg2-bin)
#   sextant.ico        the Windows icon, 16 to 256 px in one file (icotool, Debian: icoutils)
#   sextant.icns       the macOS icon, 16 to 1024 px in one file (png2icns, Debian: icnsutils)
# The generated files are committed, so building Sextant or its installers never needs these tools.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh needs $tool (Debian: librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" sextant.svg -o "png/sextant-$size.png"
done

# Windows reads the small sizes as bitmaps and the 256 px one as an embedded PNG (-r keeps it PNG).
icotool -c -o sextant.ico png/sextant-16.png png/sextant-24.png png/sextant-32.png png/sextant-48.png \
  png/sextant-64.png png/sextant-128.png -r png/sextant-256.png

# The sizes macOS asks for; png2icns picks the icon type from each PNG's size.
png2icns sextant.icns png/sextant-16.png png/sextant-32.png png/sextant-48.png png/sextant-128.png \
  png/sextant-256.png png/sextant-512.png png/sextant-1024.png >/dev/null

echo "Wrote $(ls png | wc -l) PNGs, sextant.ico and sextant.icns to icons/"
