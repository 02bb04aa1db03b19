#!/usr/bin/python3
"""Renders a BodyMap body template (JSON) to a PNG with pycairo, both views side by side,
so that the template can be looked at while it is being designed.

    /usr/bin/python3 assets/tools/preview_template.py [template.json] [-o out.png]
        [--height 1000] [--regions] [--colors] [--labels] [--crop X0,Y0,X1,Y1] [--view front|back]
        [--bands [LINE,...]] [--band-borders]
--regions draws region borders, --colors fills each region with its own tint (to see the
tiling), --labels writes region ids, --crop zooms into a grid rectangle of each view,
--bands fills the fascial-line bands (all lines, or the listed ones, e.g. SBL,SPL) in their line
colours, semi-transparent; --band-borders also outlines each band (to see the station cuts).
"""
import argparse
import colorsys
import json
import os

import cairo

SKIN = (0.925, 0.890, 0.850)
OUTLINE = (0.22, 0.20, 0.19)
GUIDE = (0.58, 0.53, 0.50)
BORDER = (0.35, 0.45, 0.70)
LR = (0.30, 0.30, 0.34)
# Line colours, the same as render/fascial_colors.h (Paul Tol's muted scheme + 3 extras).
LINE_COLORS = {
    "SBL": "#CC6677", "SFL": "#332288", "LL": "#DDCC77", "SPL": "#117733", "DFAL": "#88CCEE",
    "SFAL": "#882255", "DBAL": "#44AA99", "SBAL": "#999933", "BFL": "#AA4499", "FFL": "#EE7733",
    "IFL": "#0077BB", "DFL": "#555555",
}


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) / 255.0 for i in (1, 3, 5))


def ring_path(cr, pts, closed=True):
    cr.move_to(*pts[0])
    for p in pts[1:]:
        cr.line_to(*p)
    if closed:
        cr.close_path()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("template", nargs="?", default=os.path.join(here, "..", "templates", "adult_neutral.json"))
    ap.add_argument("-o", "--out", default="/tmp/bodymap_preview.png")
    ap.add_argument("--height", type=int, default=1000)
    ap.add_argument("--regions", action="store_true")
    ap.add_argument("--colors", action="store_true")
    ap.add_argument("--labels", action="store_true")
    ap.add_argument("--crop", default=None)
    ap.add_argument("--view", default=None)
    ap.add_argument("--bands", nargs="?", const="ALL", default=None)
    ap.add_argument("--band-borders", action="store_true")
    a = ap.parse_args()

    doc = json.load(open(a.template))
    gw, gh = doc["grid"]["width"], doc["grid"]["height"]
    views = [v for v in doc["views"] if a.view in (None, v["id"])]
    x0, y0, x1, y1 = (0, 0, gw, gh) if not a.crop else [float(t) for t in a.crop.split(",")]
    title_h = 40
    scale = (a.height - title_h) / (y1 - y0)
    vw = (x1 - x0) * scale
    gap = 0 if a.crop else 60
    W, H = int(vw * len(views) + gap * (len(views) - 1)), a.height
    surf = cairo.ImageSurface(cairo.FORMAT_RGB24, W, H)
    cr = cairo.Context(surf)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cr.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)

    for k, v in enumerate(views):
        cr.save()
        cr.translate(k * (vw + gap), title_h)
        cr.rectangle(0, 0, vw, H - title_h)
        cr.clip()
        cr.scale(scale, scale)
        cr.translate(-x0, -y0)
        lw = 1.0 / scale
        ring_path(cr, v["outline"])
        cr.set_source_rgb(*SKIN)
        cr.fill()
        if a.colors:
            for i, r in enumerate(v["regions"]):
                h = (i * 0.618034) % 1.0
                cr.set_source_rgb(*colorsys.hls_to_rgb(h, 0.80, 0.55))
                cr.set_fill_rule(cairo.FILL_RULE_EVEN_ODD)
                for ring in r["polygons"]:
                    ring_path(cr, ring)
                cr.fill()
        for g in v["guides"]:
            ring_path(cr, g["points"], g["closed"])
            cr.set_source_rgb(*GUIDE)
            cr.set_line_width(1.3 * lw)
            cr.set_line_cap(cairo.LINE_CAP_ROUND)
            cr.set_line_join(cairo.LINE_JOIN_ROUND)
            cr.stroke()
        if a.bands:
            wanted = None if a.bands == "ALL" else set(a.bands.upper().split(","))
            cr.set_fill_rule(cairo.FILL_RULE_EVEN_ODD)
            for b in v.get("fascialBands", []):
                if wanted is not None and b["line"] not in wanted:
                    continue
                for ring in b["polygons"]:
                    ring_path(cr, ring)
                cr.set_source_rgba(*hex_rgb(LINE_COLORS.get(b["line"], "#000000")), 0.45)
                if a.band_borders:
                    cr.fill_preserve()
                    cr.set_source_rgba(0.1, 0.1, 0.1, 0.6)
                    cr.set_line_width(0.8 * lw)
                    cr.stroke()
                else:
                    cr.fill()
            cr.set_fill_rule(cairo.FILL_RULE_WINDING)
        if a.regions or a.colors:
            for r in v["regions"]:
                for ring in r["polygons"]:
                    ring_path(cr, ring)
                cr.set_source_rgba(*BORDER, 0.8)
                cr.set_line_width(1.0 * lw)
                cr.stroke()
        ring_path(cr, v["outline"])
        cr.set_source_rgb(*OUTLINE)
        cr.set_line_width(2.2 * lw)
        cr.set_line_join(cairo.LINE_JOIN_ROUND)
        cr.stroke()
        if a.labels:
            cr.set_font_size(7)
            for r in v["regions"]:
                pts = [p for ring in r["polygons"] for p in ring]
                cx = sum(p[0] for p in pts) / len(pts)
                cy = sum(p[1] for p in pts) / len(pts)
                t = r["id"].replace(v["id"] + "-", "").replace("right-", "R ").replace("left-", "L ")
                ext = cr.text_extents(t)
                cr.move_to(cx - ext.width / 2, cy)
                cr.set_source_rgb(0.1, 0.1, 0.3)
                cr.show_text(t)
        # patient's side marks: front view, patient's right on the viewer's left
        left_mark, right_mark = ("R", "L") if v["id"] == "front" else ("L", "R")
        cr.set_font_size(64)
        cr.set_source_rgb(*LR)
        for mark, mx in ((left_mark, 30), (right_mark, gw - 30)):
            ext = cr.text_extents(mark)
            cr.move_to(mx - ext.width / 2 - ext.x_bearing, 90)
            cr.show_text(mark)
        cr.restore()
        cr.set_font_size(22)
        cr.set_source_rgb(0.2, 0.2, 0.2)
        ext = cr.text_extents(v["label"])
        cr.move_to(k * (vw + gap) + vw / 2 - ext.width / 2, 28)
        cr.show_text(v["label"])
    surf.write_to_png(a.out)
    print("wrote", a.out, W, "x", H)


if __name__ == "__main__":
    main()
