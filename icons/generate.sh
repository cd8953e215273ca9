#!/usr/bin/env bash
# Regenerates the PNG icons from sextant.svg. Needs rsvg-convert (Debian: librsvg2-bin).
# The PNGs are committed, so building Sextant never needs this tool.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" sextant.svg -o "png/sextant-$size.png"
done
echo "Wrote $(ls png | wc -l) PNGs to icons/png"
