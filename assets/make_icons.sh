#!/usr/bin/env bash
# Regenerate the PNG icons under assets/icons/hicolor/ from assets/dateline.svg.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The PNGs are committed, so
# building Dateline does not need this script; run it after editing the SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v rsvg-convert >/dev/null || { echo "make_icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
for n in 16 32 48 64 128 256 512; do
    dir="$here/icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio --format png \
        --output "$dir/dateline.png.tmp" "$here/dateline.svg"
    mv "$dir/dateline.png.tmp" "$dir/dateline.png"
    echo "$dir/dateline.png"
done
