#!/usr/bin/env python3
"""Regenerate Dateline's embedded base-map data (data/basemap/*.json).

Source: Natural Earth admin-0 countries (public domain) as TopoJSON from the npm
package world-atlas@2.0.2 (ISC licence). Get it with:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz

then, from the repository root:

    python3 data/basemap/make_basemap.py /tmp/package [/path/to/nagorno-karabakh.geojson]

(the Nagorno-Karabakh outline defaults to /work/shared/basemap/nagorno-karabakh.geojson
and is copied unchanged). Only the Python 3 standard library is needed; the output
is deterministic for a given input.

What it writes, next to this script:

* countries-110m.json          whole world, 3 decimals (0.001 deg, about 110 m)
* countries-50m-region.json    50m cropped to CROP_50M (Europe, Middle East, Central
                               Asia), 3 decimals
* countries-10m-caucasus.json  10m cropped to CROP_10M (South Caucasus), 4 decimals
* nagorno-karabakh.geojson     copied from the shared folder

Output format (read by src/basemap.rs):

    {"source": "...", "decimals": 3, "crop": [min_lon, min_lat, max_lon, max_lat] | null,
     "countries": [{"name": "Armenia",
                    "polygons": [[outer_ring, hole_ring, ...], ...]}]}

Each ring is a FLAT array [lon0, lat0, lon1, lat1, ...] in degrees (WGS84), not
closed (the first point is not repeated), without consecutive duplicates, at least
3 points. TopoJSON arcs are decoded here (delta decoding + quantization transform).
Polygons crossing the antimeridian (Russia's Chukotka, Fiji) are split into a
western and an eastern part so that no edge spans the whole map.
Cropping clips every ring to the box with Sutherland-Hodgman; clipped rings stay
valid for filling, and their edges lying on the box border are artefacts of the
crop (the Rust side does not stroke them as borders). Countries with nothing left
inside the box are dropped. The Caspian Sea is water: it lies between the country
polygons, not inside any of them.
"""

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (input file, output file, decimals, crop box or None)
CROP_10M = (36.0, 34.0, 56.0, 46.0)  # lon 36..56, lat 34..46: the South Caucasus
CROP_50M = (-25.0, 10.0, 90.0, 75.0)  # Europe, Middle East, Central Asia
JOBS = [
    ("countries-110m.json", "countries-110m.json", 3, None),
    ("countries-50m.json", "countries-50m-region.json", 3, CROP_50M),
    ("countries-10m.json", "countries-10m-caucasus.json", 4, CROP_10M),
]


def decode_arcs(topo):
    """Absolute lon/lat arcs from a quantized, delta-encoded TopoJSON topology."""
    tr = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        pts = []
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        out.append(pts)
    return out


def ring_from_arcs(arcs, idxs):
    """Concatenate arcs (negative index = ~i, reversed) into one ring."""
    ring = []
    for i in idxs:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        # Consecutive arcs share their junction point.
        ring.extend(a if not ring else a[1:])
    return ring


def clip_ring(ring, box):
    """Sutherland-Hodgman clip of a closed ring to an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    pts = ring
    for inside, cut in edges:
        if not pts:
            break
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
        pts = out
    return pts


def jumps(ring):
    """Number of edges whose longitude step exceeds 180 degrees."""
    return sum(1 for i in range(len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180)


def unwrap(ring):
    """Make longitudes continuous by adding multiples of 360 after each jump."""
    out = [ring[0]]
    shift = 0.0
    for i in range(1, len(ring)):
        step = ring[i][0] - ring[i - 1][0]
        if step > 180:
            shift -= 360.0
        elif step < -180:
            shift += 360.0
        out.append((ring[i][0] + shift, ring[i][1]))
    return out


def split_antimeridian(rings):
    """Split a polygon whose outer ring crosses the antimeridian into the parts
    west and east of it (as lists of rings), so that no edge spans the map.

    A crossing ring has an even number (>= 2) of longitude jumps. A single jump
    (Antarctica) is a legitimate edge along the bottom of the map and is kept.
    """
    if jumps(rings[0]) < 2 or jumps(rings[0]) % 2:
        return [rings]
    un = [unwrap(r) for r in rings]
    # Bring the unwrapped outer ring's mean longitude into [-180, 180).
    mean = sum(p[0] for p in un[0]) / len(un[0])
    k = round(mean / 360.0)
    un = [[(x - 360.0 * k, y) for x, y in r] for r in un]
    parts = []
    for off in (-360.0, 0.0, 360.0):
        moved = [[(x + off, y) for x, y in r] for r in un]
        part = []
        for j, r in enumerate(moved):
            c = clip_ring(r, (-180.0, -90.0, 180.0, 90.0))
            if len(c) < 3:
                if j == 0:
                    break
                continue
            part.append(c)
        if part:
            parts.append(part)
    return parts


def tidy(ring, decimals):
    """Round, drop the closing point and consecutive duplicates; None if degenerate."""
    out = []
    for x, y in ring:
        p = (round(x, decimals), round(y, decimals))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    # Ring with (numerically) zero area: nothing to fill or draw.
    area2 = sum(out[i - 1][0] * out[i][1] - out[i][0] * out[i - 1][1] for i in range(len(out)))
    if abs(area2) < 10 ** (-2 * decimals):
        return None
    flat = []
    for x, y in out:
        flat.extend((x, y))
    return flat


def convert(src, dst, decimals, crop):
    with open(src) as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = (g.get("properties") or {}).get("name") or str(g.get("id", "?"))
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        out_polys = []
        pieces = []
        for poly in polys:
            pieces.extend(split_antimeridian([ring_from_arcs(arcs, idxs) for idxs in poly]))
        for poly in pieces:
            rings = []
            for k, ring in enumerate(poly):
                if crop:
                    ring = clip_ring(ring, crop)
                ring = tidy(ring, decimals)
                if ring is None:
                    if k == 0:
                        break  # outer ring gone: drop its holes too
                    continue
                rings.append(ring)
            if rings:
                out_polys.append(rings)
        if out_polys:
            countries.append({"name": name, "polygons": out_polys})
    countries.sort(key=lambda c: c["name"])
    doc = {
        "source": "Natural Earth admin-0 countries (public domain) via world-atlas@2.0.2 "
        + os.path.basename(src),
        "decimals": decimals,
        "crop": list(crop) if crop else None,
        "countries": countries,
    }
    with open(os.path.join(HERE, dst), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    n = sum(len(r) // 2 for c in countries for p in c["polygons"] for r in p)
    print(f"{dst}: {len(countries)} countries, {n} points, {os.path.getsize(os.path.join(HERE, dst))} bytes")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pkg = sys.argv[1]
    nk = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/basemap/nagorno-karabakh.geojson"
    for src, dst, decimals, crop in JOBS:
        convert(os.path.join(pkg, src), dst, decimals, crop)
    shutil.copyfile(nk, os.path.join(HERE, "nagorno-karabakh.geojson"))
    print("nagorno-karabakh.geojson: copied")


if __name__ == "__main__":
    main()
