#!/usr/bin/python3
"""Checks that the regions of a BodyMap body template tile its silhouettes, on the cell grid
the app paints on (cell (i, j) is inside a polygon when its centre (i + 0.5, j + 0.5) is,
even-odd rule), that the region metadata is consistent, and that the fascial bands cover every
line on its views, both sides, inside the silhouette, without overlaps within one line.
Exits non-zero on failure.

    /usr/bin/python3 assets/tools/check_template.py [template.json]
"""
import json
import os
import re
import sys

import numpy as np

MIN_EXACTLY_ONE = 99.9           # % of silhouette cells in exactly one region
MAX_OUTSIDE = 0                  # region cells outside the silhouette
REGION_TOTAL = (60, 80)
WPI_AREAS = ["jaw-left", "jaw-right", "shoulder-girdle-left", "shoulder-girdle-right",
             "upper-arm-left", "upper-arm-right", "lower-arm-left", "lower-arm-right",
             "hip-left", "hip-right", "upper-leg-left", "upper-leg-right", "lower-leg-left",
             "lower-leg-right", "neck", "upper-back", "lower-back", "chest", "abdomen"]
# generalized-pain region of each WPI area (DOMAIN.md: jaw, chest, abdomen are excluded)
GP_OF_WPI = {}
for s in ("left", "right"):
    for a in ("shoulder-girdle", "upper-arm", "lower-arm"):
        GP_OF_WPI[f"{a}-{s}"] = f"{s}-upper"
    for a in ("hip", "upper-leg", "lower-leg"):
        GP_OF_WPI[f"{a}-{s}"] = f"{s}-lower"
    GP_OF_WPI[f"jaw-{s}"] = None
for a in ("neck", "upper-back", "lower-back"):
    GP_OF_WPI[a] = "axial"
# Fascial lines and the views they run on (maps/fascial_lines.cpp holds the same catalogue).
LINE_VIEWS = {"SBL": ("back",), "SFL": ("front",), "LL": ("front", "back"), "SPL": ("front", "back"),
              "DFAL": ("front",), "SFAL": ("front",), "DBAL": ("back",), "SBAL": ("back",),
              "BFL": ("back",), "FFL": ("front",), "IFL": ("front", "back"), "DFL": ("front",)}
MIN_BAND_CELLS = 40
GP_OF_WPI["chest"] = None
GP_OF_WPI["abdomen"] = None


def rasterize(rings, w, h):
    """Boolean mask [h, w] of the cells whose centres lie inside the rings (even-odd)."""
    acc = np.zeros((h, w + 1), np.int32)
    yc = np.arange(h) + 0.5
    for ring in rings:
        p = np.asarray(ring, float)
        if len(p) < 3:
            continue
        q = np.roll(p, -1, axis=0)
        for (x0, y0), (x1, y1) in zip(p, q):
            if y0 == y1:
                continue
            lo, hi = min(y0, y1), max(y0, y1)
            # rows whose centre satisfies lo <= yc < hi (half-open: no double counting)
            j0 = max(int(np.ceil(lo - 0.5)), 0)
            j1 = min(int(np.ceil(hi - 0.5)), h)
            if j1 <= j0:
                continue
            ys = yc[j0:j1]
            xs = x0 + (ys - y0) * (x1 - x0) / (y1 - y0)
            # number of cell centres strictly left of the crossing
            k = np.clip(np.ceil(xs - 0.5), 0, w).astype(np.int64)
            rows = np.arange(j0, j1)
            np.add.at(acc, (rows, np.zeros_like(rows)), 1)
            np.add.at(acc, (rows, k), -1)
    return (np.cumsum(acc, axis=1)[:, :w] % 2).astype(bool)


def check_bands(v, sil, w, h):
    """Band checks of one view; prints a per-line summary, returns failures."""
    failures = []
    per_line = {}
    ids = set()
    for b in v.get("fascialBands", []):
        m = rasterize(b["polygons"], w, h)
        n = int(m.sum())
        line, side = b["line"], b.get("side")
        if b["id"] in ids:
            failures.append(f"duplicate band id {b['id']}")
        ids.add(b["id"])
        if line not in LINE_VIEWS:
            failures.append(f"{b['id']}: unknown line {line}")
            continue
        if v["id"] not in LINE_VIEWS[line]:
            failures.append(f"{b['id']}: line {line} does not run on the {v['id']} view")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", b["id"]) or not b["id"].startswith(line.lower() + "-"):
            failures.append(f"bad band id {b['id']}")
        if side is not None and f"({side}" not in b["name"]:
            failures.append(f"{b['id']}: name '{b['name']}' does not say the side")
        if n < MIN_BAND_CELLS:
            failures.append(f"{b['id']}: only {n} cells")
        out = int((m & ~sil).sum())
        if out:
            failures.append(f"{b['id']}: {out} cells outside the silhouette")
        if side is not None and n:
            xs = np.nonzero(m)[1] + 0.5
            on_viewer_left = side == ("right" if v["id"] == "front" else "left")
            wrong = int((xs > w / 2).sum() if on_viewer_left else (xs < w / 2).sum())
            if wrong:
                failures.append(f"{b['id']}: {wrong} cells on the wrong half for the {side} side")
        acc = per_line.setdefault(line, {"count": np.zeros((h, w), np.int32), "bands": 0, "sides": set()})
        acc["count"] += m
        acc["bands"] += 1
        acc["sides"].add(side)
    print(f"  fascial bands: {len(v.get('fascialBands', []))}")
    for line, views in LINE_VIEWS.items():
        if v["id"] not in views:
            continue
        acc = per_line.get(line)
        if acc is None:
            failures.append(f"{v['id']}: line {line} has no bands")
            continue
        over = int((acc["count"] >= 2).sum())
        cells = int((acc["count"] >= 1).sum())
        print(f"    {line:5s} {acc['bands']:3d} bands, {cells:6d} cells, overlapping within the line: {over}")
        if over:
            failures.append(f"{v['id']}: {over} cells on two bands of {line}")
        if not {"left", "right"} <= acc["sides"]:
            failures.append(f"{v['id']}: {line} lacks a left or right band")
    return failures


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "templates", "adult_neutral.json")
    doc = json.load(open(path))
    w, h = doc["grid"]["width"], doc["grid"]["height"]
    failures = []
    total = 0
    ids, names = set(), set()
    wpi_members = {a: [] for a in WPI_AREAS}
    print(f"template {doc['id']} v{doc['version']}: {os.path.normpath(path)}  ({os.path.getsize(path) / 1024:.0f} KB)")
    for v in doc["views"]:
        sil = rasterize([v["outline"]], w, h)
        count = np.zeros((h, w), np.int32)
        outside = 0
        for r in v["regions"]:
            m = rasterize(r["polygons"], w, h)
            count += m
            outside += int((m & ~sil).sum())
            n = int(m.sum())
            if n == 0:
                failures.append(f"{r['id']}: no cells")
            for key in ("id", "name"):
                seen = ids if key == "id" else names
                if r[key] in seen:
                    failures.append(f"duplicate {key} {r[key]}")
                seen.add(r[key])
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
                failures.append(f"bad id {r['id']}")
            if r["side"] not in ("left", "right") or r["side"] not in r["id"].split("-"):
                failures.append(f"{r['id']}: side {r['side']}")
            if r["side"] not in r["name"].lower():
                failures.append(f"{r['id']}: name '{r['name']}' does not say the side")
            wpi, gp = r["wpi"], r["gp"]
            if wpi is not None:
                if wpi not in wpi_members:
                    failures.append(f"{r['id']}: unknown wpi {wpi}")
                else:
                    wpi_members[wpi].append(r["id"])
                    if wpi.endswith(("-left", "-right")) and not wpi.endswith(r["side"]):
                        failures.append(f"{r['id']}: wpi {wpi} on the {r['side']} side")
                    if GP_OF_WPI[wpi] != gp:
                        failures.append(f"{r['id']}: gp {gp}, expected {GP_OF_WPI[wpi]}")
            elif gp is not None:
                failures.append(f"{r['id']}: gp {gp} without a WPI area")
            # laterality: front, patient's right on the viewer's left; back, on the right
            ys, xs = np.nonzero(m)
            if n:
                cx = xs.mean() + 0.5
                viewer_left = cx < w / 2
                expect_right = viewer_left if v["id"] == "front" else not viewer_left
                if (r["side"] == "right") != expect_right:
                    failures.append(f"{r['id']}: on the wrong side of the {v['id']} view (x={cx:.0f})")
                if ((xs + 0.5 < w / 2).any() and (xs + 0.5 > w / 2).any()):
                    failures.append(f"{r['id']}: crosses the midline")
        n_sil = int(sil.sum())
        one = int(((count == 1) & sil).sum())
        none = int(((count == 0) & sil).sum())
        multi = int((count >= 2).sum())
        pct = 100.0 * one / n_sil
        total += len(v["regions"])
        # guides inside the silhouette
        g_out = 0
        for g in v["guides"]:
            for x, y in g["points"]:
                i, j = int(x), int(y)
                if not (0 <= i < w and 0 <= j < h and sil[j, i]):
                    g_out += 1
        print(f"\nview {v['id']}: silhouette {n_sil} cells, {len(v['outline'])} outline points, "
              f"{len(v['guides'])} guides, {len(v['regions'])} regions")
        print(f"  in exactly one region: {one} ({pct:.3f} %)")
        print(f"  in no region: {none}   in two or more regions: {multi}")
        print(f"  region cells outside the silhouette: {outside}   guide points outside: {g_out}")
        if pct < MIN_EXACTLY_ONE:
            failures.append(f"{v['id']}: only {pct:.3f} % of cells in exactly one region")
        if outside > MAX_OUTSIDE:
            failures.append(f"{v['id']}: {outside} region cells outside the silhouette")
        if g_out:
            failures.append(f"{v['id']}: {g_out} guide points outside the silhouette")
        xs = [p[0] for p in v["outline"]]
        ys = [p[1] for p in v["outline"]]
        print(f"  outline bounds x {min(xs):.1f}..{max(xs):.1f}, y {min(ys):.1f}..{max(ys):.1f}")
        if min(xs) < 8 or max(xs) > w - 8 or min(ys) < 8 or max(ys) > h - 8:
            failures.append(f"{v['id']}: outline closer than 8 cells to the grid edge")
        failures += check_bands(v, sil, w, h)
    print(f"\nregions in total: {total}")
    if not REGION_TOTAL[0] <= total <= REGION_TOTAL[1]:
        failures.append(f"{total} regions, expected {REGION_TOTAL[0]}-{REGION_TOTAL[1]}")
    print("\nWPI areas:")
    for a in WPI_AREAS:
        print(f"  {a:22s} {', '.join(wpi_members[a]) or '-'}")
        if not wpi_members[a]:
            failures.append(f"WPI area {a} has no region")
    if failures:
        print("\nFAILED:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
