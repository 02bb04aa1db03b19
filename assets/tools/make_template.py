#!/usr/bin/python3
"""Generator of the BodyMap body-chart template "adult-neutral" (front and back views).

Builds a neutral adult silhouette from smooth primitives (spline outlines, limb width
profiles, capsules) with shapely, cuts it into sided anatomical regions that tile it, adds
light orientation guides (waist, iliac crest and hip crease among them), and writes assets/templates/adult_neutral.json.

Run from the repository root with Debian's python (shapely 1.8, numpy):
    /usr/bin/python3 assets/tools/make_template.py
The JSON output is committed; CI does not run this script. After a change, look at it with
assets/tools/preview_template.py and verify the tiling with assets/tools/check_template.py.

Coordinates: grid cells, x to the right, y DOWN, grid 512 x 1024 per view, midline x = 256.
Geometry is built for the viewer's LEFT half (x <= 256) and mirrored. Distances from the
midline are called "o" (offset), so x = 256 - o on the viewer's left.
Laterality: FRONT view, viewer's left = patient's RIGHT; BACK view, viewer's left = patient's
LEFT.
"""
import json
import math
import os

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union
from shapely import affinity

# [SECTION] Grid and overall proportions ---------------------------------------------------
GRID_W, GRID_H = 512, 1024
MID = 256.0                      # midline x
TOP = 20.0                       # top of head
SOLE = 1004.0                    # soles (front view toes)
HEAD_H = 123.0                   # vertex to chin: (SOLE - TOP) / HEAD_H = 8 heads
HEAD_HW = 43.0                   # half head width (skull at the temples)
CHIN_Y = TOP + HEAD_H            # 143
NECK_HW = 30.5                   # half neck width at its narrowest

# Shoulders and trunk (o = distance from the midline)
ACROMION = (99.0, 197.5)         # top-outer corner of the trunk outline
SHOULDER_JOINT = (102.0, 216.0)  # centre of the humeral head: start of the arm axis
DELTOID_S, DELTOID_R = 6.0, 23.5 # deltoid cap: circle centred on the arm axis
ARMPIT_Y = 272.0
CHEST_HW = 88.0
WAIST_Y, WAIST_HW = 392.0, 82.5
ILIAC_Y, ILIAC_HW = 432.0, 88.0
HIP_Y, HIP_HW = 492.0, 97.5      # greater trochanters
CROTCH_Y = 526.0
NAVEL_Y = 392.0

# Arms: segment lengths and angles from the vertical (abduction; forearm adds the carrying
# angle so the palms face forward with the thumbs pointing away from the body).
UPPER_ARM_LEN = 176.0
FOREARM_LEN = 142.0
UPPER_ARM_DEG = 13.5
FOREARM_DEG = 19.0
HAND_DEG = 17.0
PALM_LEN = 56.0
FINGER_LEN = {"index": 42.0, "middle": 47.0, "ring": 44.0, "little": 34.0}
THUMB_TIP_S = 64.0               # how far down the hand the thumb tip reaches

# Legs: axis through hip joint, knee, ankle (offsets from the midline).
HIP_JOINT = (52.0, 470.0)
KNEE = (46.0, 728.0)
ANKLE = (50.0, 957.0)

# Smoothing of the junctions between primitives.
CLOSE_R = 4.0
OPEN_R = 2.0
OUTLINE_STEP = 2.5               # target spacing of outline points (cells)


# [SECTION] Small geometry helpers --------------------------------------------------------
def P(o, y):
    return (MID - o, y)


def O(points):
    """(o, y) list -> viewer-left (x, y) list."""
    return [P(o, y) for o, y in points]


def catmull_rom(points, closed=False, samples=12, alpha=0.5):
    """Centripetal Catmull-Rom spline through points; returns a dense list of (x, y)."""
    pts = [np.asarray(p, float) for p in points]
    if closed:
        ext = [pts[-1]] + pts + [pts[0], pts[1]]
    else:
        ext = [2 * pts[0] - pts[1]] + pts + [2 * pts[-1] - pts[-2]]
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-6) ** alpha
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-6) ** alpha
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-6) ** alpha
        n = max(2, int(samples * np.linalg.norm(p2 - p1) / 10.0) + 2)
        for t in np.linspace(t1, t2, n, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    if not closed:
        out.append(tuple(pts[-1]))
    return out


def pchip(xs, ys, x):
    """Monotone cubic (Fritsch-Carlson) interpolation: smooth, no overshoot."""
    xs = np.asarray(xs, float)
    ys = np.asarray(ys, float)
    x = np.clip(np.asarray(x, float), xs[0], xs[-1])
    h = np.diff(xs)
    d = np.diff(ys) / h
    m = np.zeros_like(ys)
    for k in range(1, len(xs) - 1):
        if d[k - 1] * d[k] > 0:
            w1, w2 = 2 * h[k] + h[k - 1], h[k] + 2 * h[k - 1]
            m[k] = (w1 + w2) / (w1 / d[k - 1] + w2 / d[k])
    m[0], m[-1] = d[0], d[-1]
    idx = np.clip(np.searchsorted(xs, x) - 1, 0, len(xs) - 2)
    t = (x - xs[idx]) / h[idx]
    h00 = 2 * t**3 - 3 * t**2 + 1
    h10 = t**3 - 2 * t**2 + t
    h01 = -2 * t**3 + 3 * t**2
    h11 = t**3 - t**2
    return h00 * ys[idx] + h10 * h[idx] * m[idx] + h01 * ys[idx + 1] + h11 * h[idx] * m[idx + 1]


class Axis:
    """A smooth centre line with arc length s; normal() points to the viewer's left/outside
    for limbs that run downwards on the viewer's left half."""

    def __init__(self, points):
        dense = np.array(catmull_rom(points, samples=20))
        seg = np.linalg.norm(np.diff(dense, axis=0), axis=1)
        self.pts = dense
        self.s = np.concatenate([[0.0], np.cumsum(seg)])
        self.length = self.s[-1]

    def at(self, s):
        s = float(s)
        if s <= 0:
            t = self.tangent(0)
            return self.pts[0] + t * s
        if s >= self.length:
            t = self.tangent(self.length)
            return self.pts[-1] + t * (s - self.length)
        return np.array([np.interp(s, self.s, self.pts[:, 0]), np.interp(s, self.s, self.pts[:, 1])])

    def tangent(self, s):
        s = min(max(s, 3.0), self.length - 3.0)
        a = np.array([np.interp(s - 3, self.s, self.pts[:, k]) for k in (0, 1)])
        b = np.array([np.interp(s + 3, self.s, self.pts[:, k]) for k in (0, 1)])
        t = b - a
        return t / np.linalg.norm(t)

    def normal(self, s):
        t = self.tangent(s)
        return np.array([t[1], -t[0]]) * -1.0  # (-ty, tx)

    def point(self, s, lateral):
        """Point at arc length s, 'lateral' cells along the outward normal (negative: inward)."""
        return self.at(s) + self.normal(s) * lateral

    def cut(self, s, reach=90.0):
        """A segment perpendicular to the axis at s (for region boundaries)."""
        return (tuple(self.point(s, reach)), tuple(self.point(s, -reach)))


def profile_polygon(axis, stations, s0, s1, step=1.5):
    """Limb outline from a width profile: stations = [(s, outer, inner), ...]."""
    ss = np.arange(s0, s1 + 1e-9, step)
    st = np.array(stations, float)
    w_out = pchip(st[:, 0], st[:, 1], ss)
    w_in = pchip(st[:, 0], st[:, 2], ss)
    outer = [tuple(axis.point(s, w)) for s, w in zip(ss, w_out)]
    inner = [tuple(axis.point(s, -w)) for s, w in zip(ss, w_in)]
    return Polygon(outer + inner[::-1]).buffer(0)


def capsule(a, b, ra, rb):
    """Convex hull of two circles (a tapered capsule)."""
    return Point(a).buffer(ra, 48).union(Point(b).buffer(rb, 48)).convex_hull


def spline_shape(points_o_y, mirror=False, samples=12):
    """Closed spline shape through (o, y) control points (viewer's left half)."""
    pts = [P(o, y) for o, y in points_o_y]
    if mirror:
        pts = pts + [(2 * MID - x, y) for x, y in reversed(pts)]
    return Polygon(catmull_rom(pts, closed=True, samples=samples)).buffer(0)


def mirror_geom(g):
    return affinity.scale(g, xfact=-1.0, yfact=1.0, origin=(MID, 0))


def rotate_dir(deg):
    """Unit direction pointing down and away from the midline on the viewer's left."""
    r = math.radians(deg)
    return np.array([-math.sin(r), math.cos(r)])


# [SECTION] Body parts --------------------------------------------------------------------
def build_axes():
    sh = np.array(P(*SHOULDER_JOINT))
    elbow = sh + rotate_dir(UPPER_ARM_DEG) * UPPER_ARM_LEN
    wrist = elbow + rotate_dir(FOREARM_DEG) * FOREARM_LEN
    arm = Axis([tuple(sh), tuple(elbow), tuple(wrist)])
    hand_dir = rotate_dir(HAND_DEG)
    hand = Axis([tuple(wrist), tuple(wrist + hand_dir * 60), tuple(wrist + hand_dir * 120)])
    leg = Axis([P(*HIP_JOINT), P(*KNEE), P(*ANKLE)])
    return {"arm": arm, "hand": hand, "leg": leg,
            "elbow_s": UPPER_ARM_LEN, "wrist_s": arm.length,
            "knee_s": float(np.interp(KNEE[1], leg.pts[:, 1], leg.s)),
            "ankle_s": leg.length}


def head_shape():
    # Egg: full cranium, widest at the temples, tapering jaw, rounded chin.
    return spline_shape([
        (0, TOP), (20, TOP + 3), (33, TOP + 12), (41, TOP + 28), (HEAD_HW, TOP + 50),
        (HEAD_HW - 0.5, TOP + 70), (41, TOP + 88), (37.5, TOP + 100), (31, TOP + 110),
        (22, TOP + 117), (11, TOP + 121.5), (0, CHIN_Y)], mirror=True)


def ear_shape():
    e = Polygon(catmull_rom([P(HEAD_HW - 4, TOP + 52), P(HEAD_HW + 4.5, TOP + 54),
                             P(HEAD_HW + 6.5, TOP + 62), P(HEAD_HW + 4.5, TOP + 76),
                             P(HEAD_HW - 1, TOP + 86), P(HEAD_HW - 5, TOP + 80)],
                            closed=True)).buffer(0)
    return e


def trunk_shape():
    # Neck, trapezius slope, shoulders, flanks, hips down to the crotch (both halves).
    return spline_shape([
        (0, CHIN_Y - 30), (NECK_HW, CHIN_Y - 22), (NECK_HW, CHIN_Y + 8), (NECK_HW + 2.5, 161),
        (NECK_HW + 8, 168), (45, 174), (61, 180), (78, 186), (90, 191.5), ACROMION, (103.5, 206),
        (104, 222), (98, 242), (CHEST_HW + 1, ARMPIT_Y - 6), (CHEST_HW, ARMPIT_Y + 10),
        (87.5, 310), (85.5, 350), (WAIST_HW, WAIST_Y), (ILIAC_HW - 1, ILIAC_Y),
        (94, 462), (HIP_HW, HIP_Y), (HIP_HW - 1, 512), (60, 520), (20, CROTCH_Y - 2), (0, CROTCH_Y)],
        mirror=True)


def arm_shape(ax):
    arm = ax["arm"]
    e, w = ax["elbow_s"], ax["wrist_s"]
    # (s, outer, inner): deltoid, biceps, elbow, brachioradialis / flexors, wrist.
    stations = [(8, 14, 14), (24, 23.5, 22), (40, 25, 21.5), (62, 24, 21.5), (90, 23.5, 23),
                (120, 22.5, 23), (150, 20.5, 21), (e - 6, 21, 21.5), (e + 8, 22.5, 22.5),
                (e + 30, 24, 23.5), (e + 55, 22, 21), (e + 90, 18.5, 17.5), (w - 12, 16.5, 15.5),
                (w, 16, 15.5), (w + 8, 16.5, 16)]
    return profile_polygon(arm, stations, 8, w + 8).union(deltoid_shape(ax))


def deltoid_shape(ax):
    return Point(tuple(ax["arm"].point(DELTOID_S, 1.0))).buffer(DELTOID_R, 64)


def hand_shape(ax):
    """Open hand, palm towards the viewer on the front view: palm with thenar and hypothenar
    pads, four slightly fanned fingers, and a thumb angled away from the body."""
    hand = ax["hand"]
    palm = profile_polygon(hand, [(-8, 16.5, 16), (8, 19.5, 18), (24, 21.5, 19.5),
                                  (42, 22, 20.5), (PALM_LEN - 4, 21.5, 20)], -8, PALM_LEN - 2)
    parts = [palm]
    # (name, lateral offset of the knuckle (+ = thumb side), knuckle s, base radius,
    #  tip radius, fan angle in degrees (+ = towards the thumb side))
    layout = [("index", 15.2, PALM_LEN - 3, 5.5, 4.9, 2.0), ("middle", 5.0, PALM_LEN - 1, 5.7, 5.1, 0.5),
              ("ring", -5.3, PALM_LEN - 3, 5.5, 4.9, -1.0), ("little", -14.9, PALM_LEN - 8, 5.0, 4.4, -3.0)]
    d = hand.tangent(PALM_LEN)
    nrm = hand.normal(PALM_LEN)
    for name, lat, ks, r0, r1, fan in layout:
        base = hand.point(ks - 6, lat)
        c, s_ = math.cos(math.radians(fan)), math.sin(math.radians(fan))
        d2 = d * c + nrm * s_
        tip = base + d2 * (FINGER_LEN[name] + 6 - r1)
        parts.append(capsule(tuple(base), tuple(tip), r0, r1))
    # thumb: thick thenar base near the wrist, tip beside the index finger with a clear web
    th_ax = Axis([tuple(hand.point(4, 8)), tuple(hand.point(26, 20)), tuple(hand.point(46, 28)),
                  tuple(hand.point(THUMB_TIP_S, 31))])
    thumb = profile_polygon(th_ax, [(0, 10, 12), (18, 9.5, 9), (32, 7.8, 7.2),
                                    (th_ax.length, 6.4, 5.9)], 0, th_ax.length)
    thumb = thumb.union(Point(tuple(th_ax.point(th_ax.length, 0.25))).buffer(6.1, 48))
    parts.append(thumb)
    return unary_union(parts)


def leg_shape(ax):
    leg = ax["leg"]
    k = ax["knee_s"]
    a = ax["ankle_s"]
    # (s, outer, inner): thigh (vastus lateralis high, vastus medialis low), knee, calf
    # (lateral head higher, medial head lower and fuller), slim ankle with malleoli.
    stations = [(-30, 30, 56), (0, 44, 54), (30, 50, 51), (60, 49.5, 46.5), (100, 47, 41.5),
                (140, 44, 36.5), (180, 39.5, 32.5), (k - 40, 34, 30.5), (k - 18, 30.5, 30.5),
                (k, 29, 28.5), (k + 22, 28, 26.5), (k + 50, 32, 30.5), (k + 75, 33, 35),
                (k + 100, 30.5, 34.5), (k + 135, 25, 26), (k + 170, 20, 20), (a - 30, 17, 16.5),
                (a - 12, 17, 17), (a, 17, 17)]
    return profile_polygon(leg, stations, -30, a)


def foot_front(ax):
    """Foot seen from the front: toes towards the viewer and a little turned out, big toe on
    the medial side and lowest, toe tips rising towards the little toe."""
    ao, ay = ANKLE
    # (dx, dy) from the ankle centre; dx > 0 is medial (towards the midline)
    pts = [(-17, -22), (-18.5, -12), (-19.8, -3), (-20.5, 4), (-23, 12), (-27, 20), (-31, 27.5),
           (-33.5, 33.5), (-33.2, 38), (-30.5, 40), (-27.8, 39.2),        # little toe
           (-25, 41.6), (-21.5, 42.2), (-19.4, 41.3),                     # 4th toe
           (-17, 43.6), (-13, 44.2), (-10.8, 43.3),                       # 3rd toe
           (-8.3, 45.3), (-4, 45.9), (-1.6, 44.9),                        # 2nd toe
           (1.5, 46.6), (7, 47.3), (12, 46.4), (15.6, 42.5), (17, 36),   # big toe
           (16.8, 26), (16.3, 14), (17.3, 3), (19.4, -8), (17.5, -22)]
    return spline_shape([(ao - dx, ay + dy) for dx, dy in pts], samples=16)


def foot_back(ax):
    """Heel seen from behind; the outer edge of the (turned out) forefoot shows beside it."""
    ao, ay = ANKLE
    pts = [(-16.5, -24), (-17.5, -14), (-20, -4), (-19.5, 4), (-19, 12), (-20.5, 22), (-24, 29),
           (-28, 34), (-27.5, 38.5), (-20, 40.5), (-10, 42.2), (0, 42.6), (9, 41.2), (15, 37),
           (17.5, 29), (17.5, 19), (17, 10), (17.5, 0), (19.5, -9), (17, -24)]
    return spline_shape([(ao - dx, ay + dy) for dx, dy in pts], samples=16)


def smooth(g, close_r=CLOSE_R, open_r=OPEN_R):
    g = g.buffer(close_r, 32).buffer(-close_r, 32)
    g = g.buffer(-open_r, 32).buffer(open_r, 32)
    return g


def local_close(body, zone_left, r):
    """Morphological closing of radius r applied only inside zone_left and its mirror."""
    zone = unary_union([zone_left, mirror_geom(zone_left)])
    return body.union(smooth(body, r, 0.0).intersection(zone))


def outer_ring(g):
    if isinstance(g, MultiPolygon):
        g = max(g.geoms, key=lambda p: p.area)
    return Polygon(g.exterior)


def symmetric_ring(body, step=OUTLINE_STEP):
    """Dense outline, exactly mirror-symmetric: the viewer-left half of the boundary is
    resampled every ~step cells and mirrored."""
    half = body.intersection(box(-10, -10, MID, GRID_H + 10))
    half = outer_ring(half)
    coords = list(half.exterior.coords)[:-1]
    on_mid = [abs(x - MID) < 1e-6 for x, y in coords]
    # rotate so that the walk starts at the first off-midline vertex after a midline vertex
    n = len(coords)
    start = next(i for i in range(n) if on_mid[i - 1] and not on_mid[i])
    seq = coords[start:] + coords[:start]
    flags = on_mid[start:] + on_mid[:start]
    end = flags.index(True)
    arc = [coords[start - 1]] + seq[:end] + [seq[end]]
    line = LineString(arc)
    m = max(8, int(round(line.length / step)))
    pts = [line.interpolate(i * line.length / m) for i in range(m + 1)]
    left = [(round(p.x, 1), round(p.y, 1)) for p in pts]
    left[0] = (MID, left[0][1])
    left[-1] = (MID, left[-1][1])
    right = [(round(2 * MID - x, 1), y) for x, y in reversed(left[1:-1])]
    ring = left + right
    poly = Polygon(ring)
    if not poly.is_valid or len(poly.interiors):
        raise SystemExit("outline is not one simple polygon")
    return poly


def silhouette(ax, view):
    delt = deltoid_shape(ax)
    core = smooth(unary_union([trunk_shape(), delt, mirror_geom(delt)]), 10.0, 0.0)
    left = unary_union([arm_shape(ax), leg_shape(ax)])
    left = unary_union([left, foot_front(ax) if view == "front" else foot_back(ax)])
    body = unary_union([left, mirror_geom(left), core, head_shape()])
    body = smooth(body)
    hands = hand_shape(ax)
    hands = unary_union([hands, mirror_geom(hands)])
    ears = unary_union([ear_shape(), mirror_geom(ear_shape())])
    body = unary_union([body, smooth(hands, 1.0, 0.6), ears])
    body = smooth(body, 1.0, 0.6)
    # round off the trapezius-deltoid junction without touching the armpit
    body = local_close(body, Polygon(O([(60, 150), (170, 150), (170, 300), (116, 300), (112, 240),
                                          (60, 240)])), 14.0)
    # and the malleoli into the ankles
    body = local_close(body, Polygon([P(0, 900), P(100, 900), P(100, 965), P(0, 965)]), 8.0)
    # exact mirror symmetry: rebuild from the left half
    return symmetric_ring(outer_ring(body).simplify(0.15))


# [SECTION] Region landmarks ----------------------------------------------------------------
# Head and neck (front and back share the outline).
BROW_Y = 70.0                    # scalp/forehead above, face below
MOUTH_Y = 112.0                  # face above, jaw (lower face) below
JAW_LINE = [(62, 106), (43, 112), (38.5, 121), (31.5, 131), (22, 138.5), (11, 143.5), (0, 145.5)]
OCCIPUT_LINE = [(62, 110), (40, 121), (26, 128), (0, 131)]   # back of head / back of neck
NECK_BASE = [(70, 150), (38, 171), (20, 184), (0, 188)]      # neck / trunk
# Front trunk
SHOULDER_FRONT = [(38, 171), (58, 193), (72, 214), (82, 242), (90, 270), (97, 287), (250, 287)]
CHEST_BOTTOM = [(0, 302), (50, 305), (100, 297), (160, 297)]
HIP_TOP_Y = 418.0                # flank above belongs to the lower abdomen
ASIS = (64.0, 452.0)
INGUINAL = [ASIS, (56, 470), (34, 494), (14, 512), (0, 519)]
THIGH_CUT_FRONT = [(0, 536), (40, 534), (74, 528), (160, 520)]
# Back trunk
SHOULDER_BACK = [(38, 171), (30, 212), (29, 242), (34, 276), (46, 307), (72, 300), (97, 289), (250, 289)]
LOWER_BACK_TOP_Y = 390.0
BUTTOCK_TOP = [(0, 470), (30, 457), (60, 446), (95, 437), (160, 434)]
GLUTEAL_FOLD = [(0, 531), (6, 537), (22, 546.5), (45, 551.5), (68, 547.5), (86, 538), (104, 528), (160, 522)]
# Limb cuts, as arc lengths along the limb axes (see build_axes)
ARM_SHOULDER_CUT = 70.0          # upper arm starts at the armpit
ELBOW_HALF = (24.0, 22.0)        # elbow band: elbow_s - 24 .. elbow_s + 22
WRIST_HALF = (16.0, 11.0)        # wrist band: wrist_s - 16 .. wrist_s + 11
KNEE_HALF = (30.0, 32.0)         # knee band around the knee joint
ANKLE_TOP = 30.0                 # ankle band starts this far above the ankle centre
FOOT_TOP_DY = 9.0                # foot / heel below ankle centre + this


def below(line, bottom=GRID_H + 20):
    """Polygon of the viewer-left half under an (o, y) polyline from the midline outwards."""
    pts = O(line if line[0][0] <= line[-1][0] else line[::-1])
    return Polygon(pts + [(pts[-1][0], bottom), (MID + 1, bottom), (MID + 1, pts[0][1])])


def above(line, top=-20):
    pts = O(line if line[0][0] <= line[-1][0] else line[::-1])
    return Polygon(pts + [(pts[-1][0], top), (MID + 1, top), (MID + 1, pts[0][1])])


def band(axis, s0, s1, reach=70.0):
    """Strip of a limb between two cuts perpendicular to its axis."""
    ss = np.linspace(s0, s1, 24)
    a = [tuple(axis.point(s, reach)) for s in ss]
    b = [tuple(axis.point(s, -reach)) for s in ss]
    return Polygon(a + b[::-1]).buffer(0)


def beyond(axis, s0, length=400.0, reach=90.0):
    return band(axis, s0, s0 + length, reach)


def front_zones(ax):
    arm, hand, leg = ax["arm"], ax["hand"], ax["leg"]
    e, w, k, a = ax["elbow_s"], ax["wrist_s"], ax["knee_s"], ax["ankle_s"]
    arm_dom = unary_union([arm_shape(ax), hand_shape(ax)]).buffer(4)
    leg_dom = unary_union([leg_shape(ax), foot_front(ax)]).buffer(4)
    foot_y = ANKLE[1] + FOOT_TOP_DY
    return [
        ("hand", arm_dom.intersection(beyond(hand, WRIST_HALF[1]))),
        ("wrist", arm_dom.intersection(band(arm, w - WRIST_HALF[0], w + 40))),
        ("forearm", arm_dom.intersection(band(arm, e + ELBOW_HALF[1], w))),
        ("elbow", arm_dom.intersection(band(arm, e - ELBOW_HALF[0], e + ELBOW_HALF[1]))),
        ("upper-arm", arm_dom.intersection(band(arm, ARM_SHOULDER_CUT, e))),
        ("foot", leg_dom.intersection(box(0, foot_y, MID + 1, GRID_H + 20))),
        ("ankle", leg_dom.intersection(beyond(leg, a - ANKLE_TOP))),
        ("shin", leg_dom.intersection(band(leg, k + KNEE_HALF[1], a))),
        ("knee", leg_dom.intersection(band(leg, k - KNEE_HALF[0], k + KNEE_HALF[1]))),
        ("head", box(0, -20, MID + 1, BROW_Y)),
        ("face", box(0, BROW_Y, MID + 1, MOUTH_Y)),
        ("jaw", above(JAW_LINE)),
        ("neck", above(NECK_BASE)),
        ("shoulder", above(SHOULDER_FRONT)),
        ("chest", above(CHEST_BOTTOM)),
        ("upper-abdomen", box(0, 0, MID + 1, NAVEL_Y)),
        ("lower-abdomen", Polygon(O([(0, NAVEL_Y), (160, NAVEL_Y), (160, HIP_TOP_Y), (ASIS[0], HIP_TOP_Y)]
                                    + INGUINAL))),
        ("hip", Polygon(O([(ASIS[0], HIP_TOP_Y), (160, HIP_TOP_Y), THIGH_CUT_FRONT[-1],
                           THIGH_CUT_FRONT[-2], ASIS]))),
        ("groin", above(THIGH_CUT_FRONT)),
        ("thigh", box(0, 0, MID + 1, GRID_H + 20)),
    ]


def back_zones(ax):
    arm, hand, leg = ax["arm"], ax["hand"], ax["leg"]
    e, w, k, a = ax["elbow_s"], ax["wrist_s"], ax["knee_s"], ax["ankle_s"]
    arm_dom = unary_union([arm_shape(ax), hand_shape(ax)]).buffer(4)
    leg_dom = unary_union([leg_shape(ax), foot_back(ax)]).buffer(4)
    foot_y = ANKLE[1] + FOOT_TOP_DY
    return [
        ("hand", arm_dom.intersection(beyond(hand, WRIST_HALF[1]))),
        ("wrist", arm_dom.intersection(band(arm, w - WRIST_HALF[0], w + 40))),
        ("forearm", arm_dom.intersection(band(arm, e + ELBOW_HALF[1], w))),
        ("elbow", arm_dom.intersection(band(arm, e - ELBOW_HALF[0], e + ELBOW_HALF[1]))),
        ("upper-arm", arm_dom.intersection(band(arm, ARM_SHOULDER_CUT, e))),
        ("heel", leg_dom.intersection(box(0, foot_y, MID + 1, GRID_H + 20))),
        ("ankle", leg_dom.intersection(beyond(leg, a - ANKLE_TOP))),
        ("calf", leg_dom.intersection(band(leg, k + KNEE_HALF[1], a))),
        ("back-of-knee", leg_dom.intersection(band(leg, k - KNEE_HALF[0], k + KNEE_HALF[1]))),
        ("back-of-head", above(OCCIPUT_LINE)),
        ("neck", above(NECK_BASE)),
        ("shoulder", above(SHOULDER_BACK)),
        # between the spine and the medial border of the shoulder blade
        ("upper-back", Polygon(O([(0, 150)] + SHOULDER_BACK[:5] + [(0, SHOULDER_BACK[4][1])]))),
        ("mid-back", box(0, 0, MID + 1, LOWER_BACK_TOP_Y)),
        ("lower-back", above(BUTTOCK_TOP)),
        ("buttock", above(GLUTEAL_FOLD)),
        ("thigh", box(0, 0, MID + 1, GRID_H + 20)),
    ]


# key -> (display name pattern, WPI area pattern or None, generalized-pain pattern or None).
# "{S}" is the patient's side ("left"/"right"), "{N}" the capitalised side.
REGION_INFO = {
    "front": {
        "head": ("{N} head (front)", None, None),
        "face": ("{N} face", None, None),
        "jaw": ("{N} jaw", "jaw-{S}", None),
        "neck": ("{N} neck (front)", "neck", "axial"),
        "shoulder": ("{N} shoulder (front)", "shoulder-girdle-{S}", "{S}-upper"),
        "chest": ("{N} chest", "chest", None),
        "upper-abdomen": ("{N} upper abdomen", "abdomen", None),
        "lower-abdomen": ("{N} lower abdomen", "abdomen", None),
        "hip": ("{N} hip (front)", "hip-{S}", "{S}-lower"),
        "groin": ("{N} groin", None, None),
        "upper-arm": ("{N} upper arm (front)", "upper-arm-{S}", "{S}-upper"),
        "elbow": ("{N} elbow (front)", None, None),
        "forearm": ("{N} forearm (front)", "lower-arm-{S}", "{S}-upper"),
        "wrist": ("{N} wrist (front)", None, None),
        "hand": ("{N} palm and fingers", None, None),
        "thigh": ("{N} thigh (front)", "upper-leg-{S}", "{S}-lower"),
        "knee": ("{N} knee", None, None),
        "shin": ("{N} shin", "lower-leg-{S}", "{S}-lower"),
        "ankle": ("{N} ankle (front)", None, None),
        "foot": ("{N} foot (top)", None, None),
    },
    "back": {
        "back-of-head": ("{N} back of head", None, None),
        "neck": ("{N} neck (back)", "neck", "axial"),
        "shoulder": ("{N} shoulder and shoulder blade (back)", "shoulder-girdle-{S}", "{S}-upper"),
        "upper-back": ("{N} upper back", "upper-back", "axial"),
        "mid-back": ("{N} mid back", "upper-back", "axial"),
        "lower-back": ("{N} lower back", "lower-back", "axial"),
        "buttock": ("{N} buttock", "hip-{S}", "{S}-lower"),
        "upper-arm": ("{N} upper arm (back)", "upper-arm-{S}", "{S}-upper"),
        "elbow": ("{N} elbow (back)", None, None),
        "forearm": ("{N} forearm (back)", "lower-arm-{S}", "{S}-upper"),
        "wrist": ("{N} wrist (back)", None, None),
        "hand": ("{N} back of hand", None, None),
        "thigh": ("{N} thigh (back)", "upper-leg-{S}", "{S}-lower"),
        "back-of-knee": ("{N} back of knee", None, None),
        "calf": ("{N} calf", "lower-leg-{S}", "{S}-lower"),
        "ankle": ("{N} ankle (back)", None, None),
        "heel": ("{N} heel", None, None),
    },
}


def polygons_of(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    return [p for p in getattr(g, "geoms", []) if isinstance(p, Polygon) and not p.is_empty]


def tile_half(sil, zones, sliver=25.0):
    """Disjoint pieces of the viewer-left half of the silhouette, one per zone, in priority
    order; small stray pieces are merged into the neighbour sharing the longest border."""
    half = sil.intersection(box(-10, -10, MID, GRID_H + 10))
    taken = Polygon()
    pieces = {}
    for key, zone in zones:
        part = zone.intersection(half).difference(taken)
        pieces[key] = part
        taken = taken.union(part)
    rest = half.difference(taken)
    if rest.area > 0.5:
        raise SystemExit(f"zones leave {rest.area:.1f} cells of the half silhouette uncovered")
    for key in list(pieces):
        parts = sorted(polygons_of(pieces[key]), key=lambda p: -p.area)
        if not parts:
            raise SystemExit(f"region {key} is empty")
        keep, stray = parts[:1], [p for p in parts[1:] if p.area < sliver]
        keep += [p for p in parts[1:] if p.area >= sliver]
        pieces[key] = unary_union(keep)
        for p in stray:
            best, blen = None, 0.0
            for other, g in pieces.items():
                if other == key:
                    continue
                l = p.boundary.intersection(g.buffer(1e-6)).length
                if l > blen:
                    best, blen = other, l
            if best is not None:
                pieces[best] = unary_union([pieces[best], p])
    return pieces


def geom_rings(g):
    """Rings of a (multi)polygon, unrounded: node_view rounds them once they are noded."""
    rings = []
    for p in polygons_of(g):
        rings.append([list(c) for c in list(p.exterior.coords)[:-1]])
        rings += [[list(c) for c in list(h.coords)[:-1]] for h in p.interiors]
    return rings


def build_regions(sil, ax, view):
    zones = front_zones(ax) if view == "front" else back_zones(ax)
    pieces = tile_half(sil, zones)
    # front: viewer's left is the patient's right; back: viewer's left is the patient's left
    left_side = "right" if view == "front" else "left"
    other = {"left": "right", "right": "left"}
    regions = []
    for key, _ in zones:
        for side, geom in ((left_side, pieces[key]), (other[left_side], mirror_geom(pieces[key]))):
            name, wpi, gp = REGION_INFO[view][key]
            fill = {"S": side, "N": side.capitalize()}
            regions.append({"id": f"{view}-{side}-{key}", "name": name.format(**fill),
                            "side": side, "wpi": wpi.format(**fill) if wpi else None,
                            "gp": gp.format(**fill) if gp else None,
                            "polygons": geom_rings(geom)})
    regions.sort(key=lambda r: (r["side"] != "right", list(REGION_INFO[view]).index(r["id"].split("-", 2)[2])))
    return regions


# [SECTION] Guides -------------------------------------------------------------------------
def guide(gid, pts, closed=False, dense=True):
    pts = [tuple(p) for p in pts]
    if dense and len(pts) > 2:
        pts = catmull_rom(pts, closed=closed, samples=8)
    elif dense:
        n = max(2, int(math.dist(pts[0], pts[1]) / 2.5) + 1)
        pts = [tuple(np.array(pts[0]) + (np.array(pts[1]) - np.array(pts[0])) * t)
               for t in np.linspace(0, 1, n)]
    return {"id": gid, "closed": closed, "points": [[round(x, 1), round(y, 1)] for x, y in pts]}


def ellipse_pts(cx, cy, rx, ry, n=24, rot=0.0):
    c, s_ = math.cos(rot), math.sin(rot)
    out = []
    for t in np.linspace(0, 2 * math.pi, n, endpoint=False):
        dx, dy = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + dx * c - dy * s_, cy + dx * s_ + dy * c))
    return out


def finger_lines(ax, sil):
    """Finger separations: from the palm towards each notch between two fingers."""
    hand = ax["hand"]
    lines = []
    for lat, ks in ((10.1, PALM_LEN - 4), (-0.2, PALM_LEN - 4), (-10.2, PALM_LEN - 6)):
        start = hand.point(ks, lat)
        d = hand.tangent(PALM_LEN)
        seg = LineString([tuple(start), tuple(start + d * 60)])
        inside = seg.intersection(sil.buffer(-1.2))
        part = polygons_line_first(inside, start)
        lines.append([tuple(start), part])
    return lines


def polygons_line_first(g, start):
    geoms = [g] if isinstance(g, LineString) else list(getattr(g, "geoms", []))
    best = min(geoms, key=lambda l: Point(l.coords[0]).distance(Point(tuple(start))))
    return best.coords[-1]


def mirrored_pair(gid_left, gid_right, pts, closed=False, dense=True):
    """A guide on the viewer's left (given as x, y) and its mirror image."""
    g1 = guide(gid_left, pts, closed, dense)
    g2 = guide(gid_right, [(2 * MID - x, y) for x, y in pts], closed, dense)
    return [g1, g2]


def build_guides(ax, view, sil):
    leg, arm = ax["leg"], ax["arm"]
    k = ax["knee_s"]
    # names: viewer-left is the patient's right on the front, left on the back
    L, R = ("right", "left") if view == "front" else ("left", "right")
    out = []
    if view == "front":
        out += mirrored_pair(f"collarbone-{L}", f"collarbone-{R}",
                             O([(6, 191.5), (20, 195.5), (38, 197.5), (56, 196.5), (72, 195.5), (86, 200)]))
        out.append(guide("sternum", [P(0, 200), P(0, 292)]))
        out += mirrored_pair(f"chest-{L}", f"chest-{R}",
                             O([(14, 289), (34, 294.5), (55, 294), (72, 288), (82, 279)]))
        out.append(guide("navel", ellipse_pts(MID, NAVEL_Y, 3.2, 4.4, 16), closed=True, dense=False))
        out += mirrored_pair(f"inguinal-{L}", f"inguinal-{R}", O([(74, 441), (58, 462), (38, 487), (20, 507)]))
        # Landmarks a client places a mark by: the waist (broken at the navel) and the top of
        # the pelvis (iliac crest) at the flank; the inguinal line above is the hip crease.
        out += mirrored_pair(f"waist-{L}", f"waist-{R}", O([(76, WAIST_Y), (12, WAIST_Y)]))
        out += mirrored_pair(f"iliac-crest-{L}", f"iliac-crest-{R}", O([(82, 421), (80.5, 430), (77, 437)]))
        c = leg.point(k - 6, 1.0)
        out += mirrored_pair(f"kneecap-{L}", f"kneecap-{R}", ellipse_pts(c[0], c[1], 12.5, 15.5, 28),
                             closed=True, dense=False)
        for i, (a, b) in enumerate(finger_lines(ax, sil)):
            out += mirrored_pair(f"finger-{L}-{i + 1}", f"finger-{R}-{i + 1}", [a, b])
    else:
        out.append(guide("spine", [P(0, 180), P(0, 470)]))
        out += mirrored_pair(f"shoulder-blade-{L}", f"shoulder-blade-{R}",
                             O([(35, 214), (33.5, 240), (38, 272), (50, 301), (64, 287), (80, 262),
                                (90, 238), (86, 224), (70, 217), (52, 214)]), closed=True)
        out.append(guide("intergluteal-cleft", [P(0, 470), P(0, CROTCH_Y - 9)]))
        # The waist (broken at the spine) and the iliac crests curving out from the low back.
        out += mirrored_pair(f"waist-{L}", f"waist-{R}", O([(78, WAIST_Y), (8, WAIST_Y)]))
        out += mirrored_pair(f"iliac-crest-{L}", f"iliac-crest-{R}",
                             O([(10, 449), (30, 441), (52, 435.5), (72, 434), (84, 437)]))
        out += mirrored_pair(f"gluteal-fold-{L}", f"gluteal-fold-{R}",
                             O([(11, 540), (24, 547), (45, 551.5), (68, 547.5), (85, 538.5)]))
        pts = []
        for t in np.linspace(-1, 1, 9):
            pts.append(tuple(leg.point(k + 6 - 3.5 * (1 - t * t), 15 * t)))
        out += mirrored_pair(f"back-of-knee-{L}", f"back-of-knee-{R}", pts)
        e = ax["elbow_s"]
        pts = [tuple(arm.point(e + 4 + 3 * (1 - t * t), 9 * t)) for t in np.linspace(-1, 1, 7)]
        out += mirrored_pair(f"elbow-{L}", f"elbow-{R}", pts)
        for i, (a, b) in enumerate(finger_lines(ax, sil)):
            out += mirrored_pair(f"finger-{L}-{i + 1}", f"finger-{R}-{i + 1}", [a, b])
    inner = sil.buffer(-1.0)
    for g in out:
        for x, y in g["points"]:
            if not inner.contains(Point(x, y)):
                raise SystemExit(f"guide {g['id']} leaves the silhouette at {x}, {y}")
    return out


def node_rings(rings, tol=1e-6):
    """Inserts into every ring edge the vertices of the other rings that lie on it (shapely
    leaves such T-junctions), so that neighbouring regions and the outline share identical
    vertex lists; otherwise, after rounding, a cell centre lying on a shared border could
    fall in neither region or in both."""
    pts = np.unique(np.array([p for r in rings for p in r], float), axis=0)
    out = []
    for ring in rings:
        new = []
        n = len(ring)
        for i in range(n):
            a = np.array(ring[i], float)
            b = np.array(ring[(i + 1) % n], float)
            new.append(ring[i])
            d = b - a
            l2 = float(d @ d)
            if l2 == 0:
                continue
            lo = np.minimum(a, b) - tol
            hi = np.maximum(a, b) + tol
            cand = pts[np.all((pts >= lo) & (pts <= hi), axis=1)]
            if len(cand) == 0:
                continue
            rel = cand - a
            t = rel @ d / l2
            dist = np.abs(rel[:, 0] * d[1] - rel[:, 1] * d[0]) / math.sqrt(l2)
            keep = (t > 1e-9) & (t < 1 - 1e-9) & (dist < tol)
            for k in np.argsort(t[keep]):
                q = cand[keep][k]
                new.append([float(q[0]), float(q[1])])
        out.append(new)
    return out


def clean_ring(ring):
    """Rounds to 0.1 cell and removes repeated points and zero-width spikes."""
    pts = [(round(x, 1), round(y, 1)) for x, y in ring]
    changed = True
    while changed and len(pts) >= 3:
        changed = False
        out = [p for i, p in enumerate(pts) if p != pts[i - 1]]
        n = len(out)
        for i in range(n):
            if n >= 3 and out[i - 1] == out[(i + 1) % n]:
                out = [p for k, p in enumerate(out) if k not in (i, (i + 1) % n)]
                changed = True
                break
        changed = changed or len(out) != len(pts)
        pts = out
    if len(pts) < 3 or Polygon(pts).area < 0.01:
        return None
    return [[x, y] for x, y in pts]


def node_view(view):
    rings = [view["outline"]] + [r for reg in view["regions"] for r in reg["polygons"]]
    noded = [clean_ring(r) for r in node_rings(rings)]
    view["outline"] = noded[0]
    k = 1
    for reg in view["regions"]:
        n = len(reg["polygons"])
        reg["polygons"] = [r for r in noded[k:k + n] if r is not None]
        k += n


# [SECTION] Fascial bands -------------------------------------------------------------------
# Each fascial line (maps/fascial_lines.h has the catalogue; DOMAIN.md the stations) is drawn
# as centre paths through its stations, on the views where it runs. A path is a chain of
# segments, one per pair of consecutive stations; the chain is smoothed, buffered into a strip
# and cut perpendicular to the path at every station, so each band is the strip between two
# stations. Paths are written for the chain whose START side is on the viewer's left (P(o, y)
# points); Q(o, y) is a point on the viewer's right for lines that cross the midline. The other
# side's chain is the mirror image. Bands are clipped to the silhouette and, except where a
# segment is marked as crossing, to their own half. Where two bands of one line overlap (a
# spiral or functional line meets its mirror image near the midline), the band listed earlier
# keeps the cells, so every cell is on at most one band of each line.
LINE_NAMES = {
    "SBL": "Superficial Back Line", "SFL": "Superficial Front Line", "LL": "Lateral Line",
    "SPL": "Spiral Line", "DFAL": "Deep Front Arm Line", "SFAL": "Superficial Front Arm Line",
    "DBAL": "Deep Back Arm Line", "SBAL": "Superficial Back Arm Line",
    "BFL": "Back Functional Line", "FFL": "Front Functional Line",
    "IFL": "Ipsilateral Functional Line", "DFL": "Deep Front Line",
}
BAND_HW = {"trunk": 10.0, "leg": 9.0, "arm": 7.0, "hand": 6.0, "neck": 6.5}
MIN_BAND_PIECE = 12.0            # smaller clipped pieces (cells) are dropped


def Q(o, y):
    return (MID + o, y)


def band_chains(ax, view):
    """{line: [chain, ...]} for the chain that starts on the viewer's left. A chain is a list of
    segments (key, where, label, half-width, points); where is "S" (on the start side), "O"
    (on the opposite side) or "X" (crosses the midline). Consecutive segments share a point.
    Labels may use {S} and {O} for the start and opposite side."""
    arm, hand, leg = ax["arm"], ax["hand"], ax["leg"]
    e, w, k, a = ax["elbow_s"], ax["wrist_s"], ax["knee_s"], ax["ankle_s"]

    def L(s, lat):
        return tuple(leg.point(s, lat))

    def A(s, lat):
        return tuple(arm.point(s, lat))

    def H(s, lat):
        return tuple(hand.point(s, lat))

    def M(p):  # a point of the viewer-left half moved to the mirror position
        return (2 * MID - p[0], p[1])

    hl, hs, ht, ha, hh, hn = (BAND_HW["leg"], BAND_HW["leg"] - 1, BAND_HW["trunk"], BAND_HW["arm"],
                              BAND_HW["hand"], BAND_HW["neck"])
    out = {}
    if view == "back":
        out["SBL"] = [[
            ("heel", "S", "plantar fascia and heel", hl, [L(a + 36, 0), L(a - 4, 0)]),
            ("calf", "S", "calf and Achilles tendon", hl, [L(a - 4, 0), L(a - 90, 0), L(k + 70, 0), L(k, 0)]),
            ("hamstrings", "S", "hamstrings", hl, [L(k, 0), L(k - 90, -2), L(110, -6), P(44, 575), P(37, 538)]),
            ("sacrum", "S", "sacrotuberous ligament and sacrum", ht - 1, [P(37, 538), P(27, 506), P(15, 472)]),
            ("lower-back", "S", "erector spinae, lower back", ht - 1, [P(15, 472), P(16, 420), P(17, 370)]),
            ("upper-back", "S", "erector spinae, mid and upper back", ht - 1, [P(17, 370), P(17, 290), P(15, 200)]),
            ("neck", "S", "back of neck to back of skull", hn, [P(15, 200), P(14, 160), P(15, 124)]),
            ("scalp", "S", "scalp, back of skull to brow", hn, [P(15, 124), P(16, 80), P(11, 30)]),
        ]]
        out["LL"] = [[
            ("foot-back", "S", "outer foot (fibularis), back", hh, [P(62, 993), P(64, 972), L(a - 10, 8)]),
            ("lower-leg-back", "S", "outer lower leg to fibular head, back", hs, [L(a - 10, 8), L(a - 100, 16), L(k + 60, 22), L(k + 22, 19)]),
            ("knee-back", "S", "outer knee, back", hs, [L(k + 22, 19), L(k - 22, 21)]),
            ("thigh-back", "S", "iliotibial band (outer thigh), back", hl, [L(k - 22, 21), L(180, 30), L(100, 37), L(30, 41)]),
            ("hip-back", "S", "gluteus maximus and TFL to iliac crest, back", ht, [L(30, 41), P(88, 470), P(80, 432)]),
            ("trunk-back", "S", "obliques and intercostals (side of trunk), back", ht, [P(80, 432), P(75, 392), P(78, 340), P(79, 288)]),
        ], [
            ("neck-back", "S", "side of neck to behind the ear, back", hn, [P(24, 186), P(24, 150), P(29, 124), P(37, 102)]),
        ]]
        out["SPL"] = [[
            ("splenius", "S", "back of skull to upper thoracic spine (splenius), continues to the {O} rhomboids", hn,
             [P(31, 116), P(21, 150), P(9, 188), P(0, 212)]),
            ("rhomboids", "O", "rhomboids, from the {S} splenius", ht - 1, [P(0, 212), Q(14, 236), Q(27, 262), Q(36, 290)]),
            ("serratus-back", "O", "under the shoulder blade to the side ribs (serratus anterior), from the {S} splenius", ht - 1,
             [Q(36, 290), Q(52, 304), Q(70, 306), Q(84, 300)]),
        ], [
            ("fibularis", "S", "fibularis longus (outer lower leg) to fibular head", hs,
             [L(a + 24, 12), L(a - 40, 12), L(a - 120, 17), L(k + 22, 20)]),
            ("biceps-femoris", "S", "biceps femoris (back of thigh, outer side)", hl,
             [L(k + 22, 20), L(k - 60, 16), L(100, 4), P(40, 545)]),
            ("sit-bone", "S", "sit bone and sacrotuberous ligament", ht - 1, [P(40, 545), P(30, 508), P(20, 474)]),
            ("erector", "S", "erector spinae up to the back of the skull", ht - 1,
             [P(20, 474), P(24, 400), P(25, 300), P(24, 200), P(27, 150), P(31, 116)]),
        ]]
        out["DBAL"] = [[
            ("rhomboids", "S", "upper thoracic spine and rhomboids", ht - 1, [P(3, 212), P(18, 238), P(34, 262)]),
            ("shoulder-blade", "S", "shoulder blade and rotator cuff", ht - 1, [P(34, 262), P(58, 262), P(80, 244), A(12, -2)]),
            ("triceps", "S", "triceps (back of upper arm)", ha, [A(12, -2), A(90, -1), A(e, -3)]),
            ("forearm", "S", "ulna (little-finger side of forearm)", ha, [A(e, -3), A(e + 60, -9), A(w - 6, -9)]),
            ("little-finger", "S", "little finger side of the hand", hh, [A(w - 6, -9), H(20, -13), H(PALM_LEN - 8, -15), H(PALM_LEN + 20, -15.5)]),
        ]]
        out["SBAL"] = [[
            ("trapezius", "S", "trapezius", ht - 2, [P(6, 142), P(26, 170), P(58, 186), P(90, 200)]),
            ("deltoid", "S", "deltoid", ha + 1, [P(90, 200), A(8, 13), A(60, 13)]),
            ("upper-arm", "S", "outer upper arm", ha, [A(60, 13), A(e - 10, 10)]),
            ("forearm", "S", "forearm extensors", ha, [A(e - 10, 10), A(e + 60, 4), A(w - 8, 2)]),
            ("hand", "S", "back of hand", hh, [A(w - 8, 2), H(12, 0), H(PALM_LEN - 4, 0)]),
        ]]
        out["BFL"] = [[
            ("latissimus", "S", "latissimus dorsi to sacral fascia, continues to the {O} gluteus maximus", ht,
             [P(88, 282), P(72, 330), P(50, 385), P(26, 435), P(0, 470)]),
            ("gluteus", "O", "sacral fascia to gluteus maximus, from the {S} latissimus", ht,
             [P(0, 470), Q(26, 496), Q(55, 520), Q(82, 548)]),
            ("thigh", "O", "vastus lateralis (outer thigh), from the {S} latissimus", hl,
             [Q(82, 548), M(L(150, 30)), M(L(k - 30, 20))]),
            ("knee", "O", "outer knee to below the knee, from the {S} latissimus", hs,
             [M(L(k - 30, 20)), M(L(k + 30, 16))]),
        ]]
        out["IFL"] = [[
            ("latissimus", "S", "latissimus dorsi (outer edge of the back)", ht, [P(90, 276), P(84, 330), P(80, 390)]),
        ]]
    else:
        out["SFL"] = [[
            ("foot", "S", "top of toes and foot", hh + 1, [P(47, 997), P(49, 975), L(a - 4, 2)]),
            ("shin", "S", "front of shin (tibialis anterior)", hl, [L(a - 4, 2), L(a - 100, 4), L(k + 50, 3), L(k + 18, 0)]),
            ("knee", "S", "kneecap", hl, [L(k + 18, 0), L(k - 6, 1), L(k - 30, 1)]),
            ("thigh", "S", "rectus femoris to front of hip", hl, [L(k - 30, 1), L(120, 2), L(40, 5), P(58, 462)]),
        ], [
            ("abdomen", "S", "pubic bone to 5th rib (rectus abdominis)", ht, [P(12, 512), P(20, 470), P(23, 400), P(23, 340), P(21, 302)]),
            ("sternum", "S", "sternum", ht - 2, [P(21, 302), P(14, 260), P(10, 202)]),
            ("neck", "S", "side of neck (SCM) to mastoid", hn, [P(10, 202), P(16, 182), P(23, 158), P(28, 135), P(34, 112)]),
        ]]
        out["LL"] = [[
            ("foot-front", "S", "outer foot (fibularis), front", hh, [P(64, 990), P(66, 972), L(a - 10, 9)]),
            ("lower-leg-front", "S", "outer lower leg to fibular head, front", hs, [L(a - 10, 9), L(a - 100, 16), L(k + 60, 22), L(k + 22, 19)]),
            ("knee-front", "S", "outer knee, front", hs, [L(k + 22, 19), L(k - 22, 21)]),
            ("thigh-front", "S", "iliotibial band (outer thigh), front", hl, [L(k - 22, 21), L(180, 30), L(100, 37), L(30, 41)]),
            ("hip-front", "S", "TFL to iliac crest, front", ht, [L(30, 41), P(88, 470), P(80, 432)]),
            ("trunk-front", "S", "obliques and intercostals (side of trunk), front", ht, [P(80, 432), P(75, 392), P(78, 340), P(79, 288)]),
        ], [
            ("neck-front", "S", "side of neck to behind the ear, front", hn, [P(24, 186), P(24, 150), P(29, 124), P(37, 102)]),
        ]]
        out["SPL"] = [[
            ("serratus", "O", "serratus anterior (side ribs), from the {S} splenius", ht,
             [Q(86, 284), Q(80, 310), Q(68, 336)]),
            ("external-oblique", "O", "external oblique to the midline, from the {S} splenius", ht,
             [Q(68, 336), Q(50, 364), Q(26, 394), P(0, 414)]),
            ("internal-oblique", "S", "internal oblique to front of hip bone", ht,
             [P(0, 414), P(28, 428), P(50, 442), P(64, 456)]),
            ("hip", "S", "front of hip bone to iliotibial band (TFL)", hl, [P(64, 456), P(78, 486), L(70, 37)]),
            ("thigh", "S", "iliotibial band (outer thigh)", hl, [L(70, 37), L(150, 33), L(k - 25, 22)]),
            ("shin", "S", "outer knee, across the shin (tibialis anterior)", hl,
             [L(k - 25, 22), L(k + 25, 11), L(k + 120, 4), L(a - 25, -4)]),
            ("arch", "S", "inner ankle to arch of the foot", hh + 1, [L(a - 25, -4), L(a + 5, -11), P(36, 986)]),
        ]]
        out["DFAL"] = [[
            ("pectoralis-minor", "S", "ribs 3-5 and pectoralis minor", ht - 1, [P(42, 268), P(60, 244), P(84, 224)]),
            ("biceps", "S", "biceps (front of upper arm)", ha, [P(84, 224), A(40, -2), A(110, 0), A(e, 3)]),
            ("forearm", "S", "radius (thumb side of forearm)", ha, [A(e, 3), A(e + 60, 10), A(w - 5, 10)]),
            ("thumb", "S", "thumb", hh, [A(w - 5, 10), H(4, 10), H(26, 20), H(46, 27), H(THUMB_TIP_S - 4, 30)]),
        ]]
        out["SFAL"] = [[
            ("chest", "S", "pectoralis major and latissimus", ht, [P(22, 250), P(50, 256), P(78, 262), P(94, 273)]),
            ("upper-arm", "S", "inner upper arm", ha, [P(94, 273), A(75, -13), A(e - 5, -11)]),
            ("forearm", "S", "forearm flexors", ha, [A(e - 5, -11), A(e + 40, -4), A(w - 10, -2)]),
            ("palm", "S", "palm", hh + 1, [A(w - 10, -2), H(10, -2), H(PALM_LEN - 8, -2)]),
        ]]
        out["FFL"] = [[
            ("pectoralis", "S", "lower pectoralis major", ht, [P(92, 264), P(70, 290), P(45, 312)]),
            ("rectus-sheath", "S", "rectus sheath to pubic bone, continues to the {O} adductor longus", ht,
             [P(45, 312), P(37, 360), P(30, 420), P(18, 478), P(0, 514)]),
            ("adductor", "O", "adductor longus (inner thigh), from the {S} pectoralis", hl,
             [P(0, 514), Q(13, 536), Q(21, 580), Q(26, 640)]),
        ]]
        out["IFL"] = [[
            ("external-oblique", "S", "external oblique to front of hip bone", ht, [P(84, 292), P(76, 350), P(70, 408), P(64, 452)]),
            ("sartorius", "S", "sartorius (across the front of the thigh)", hl,
             [P(64, 452), L(60, 12), L(150, -16), L(k - 30, -24)]),
            ("inner-knee", "S", "inner knee", hl, [L(k - 30, -24), L(k + 5, -22), L(k + 35, -20)]),
        ]]
        out["DFL"] = [[
            ("deep-calf", "S", "deep calf (inner lower leg) to inner knee", hl,
             [L(a - 15, -8), L(k + 110, -16), L(k + 50, -20), L(k + 5, -19)]),
            ("adductors", "S", "adductors (inner thigh)", hl, [L(k + 5, -19), L(k - 80, -22), L(100, -26), L(55, -33)]),
            ("pelvic-floor", "S", "pelvic floor and groin", hl, [L(55, -33), P(14, 514), P(24, 496)]),
            ("psoas", "S", "psoas (lower abdomen)", ht - 1, [P(24, 496), P(32, 466), P(29, 432), P(20, 384)]),
            ("diaphragm", "S", "diaphragm and behind the sternum", ht - 2,
             [P(20, 384), P(25, 334), P(13, 292), P(8, 240), P(8, 196)]),
            ("neck", "S", "front of neck to jaw", hn, [P(8, 196), P(9, 170), P(12, 150), P(18, 128)]),
        ]]
    return out


def chain_pieces(chain):
    """Splits the strip along a chain into one piece per segment (perpendicular cuts at the
    stations). Returns [(segment, geometry)] in chain order."""
    from shapely.ops import split
    ctrl, stations = [], []
    for seg in chain:
        pts = seg[4]
        if ctrl and tuple(ctrl[-1]) == tuple(pts[0]):
            pts = pts[1:]
        ctrl += [tuple(map(float, p)) for p in pts]
        stations.append(tuple(map(float, seg[4][-1])))
    dense = np.array(catmull_rom(ctrl, samples=10))
    line = LineString([tuple(p) for p in dense])
    widths = [seg[3] for seg in chain]
    # station positions along the dense line; a strip of the widest band
    idx = [int(np.argmin(np.linalg.norm(dense - np.array(s), axis=1))) for s in stations[:-1]]
    bounds = [0] + idx + [len(dense) - 1]
    subs = [LineString([tuple(p) for p in dense[bounds[i]:bounds[i + 1] + 1]]) for i in range(len(chain))]
    pieces = []
    for i, seg in enumerate(chain):
        strip = subs[i].buffer(widths[i], 8, cap_style=1)
        pieces.append(strip)
    full = unary_union(pieces)
    cuts = []
    for j in idx:
        lo, hi = max(j - 3, 0), min(j + 3, len(dense) - 1)
        t = dense[hi] - dense[lo]
        t = t / np.linalg.norm(t)
        nrm = np.array([-t[1], t[0]])
        r = max(widths) + 3.0
        cuts.append(LineString([tuple(dense[j] + nrm * r), tuple(dense[j] - nrm * r)]))
    parts = [full]
    for c in cuts:
        nxt = []
        for p in parts:
            nxt += list(split(p, c).geoms) if p.intersects(c) else [p]
        parts = nxt
    owned = [[] for _ in chain]
    for p in parts:
        rp = p.representative_point()
        best = min(range(len(chain)), key=lambda i: subs[i].distance(rp) - widths[i] * 1e-3)
        owned[best].append(p)
    out = []
    for i, seg in enumerate(chain):
        # a segment's own strip width bounds its piece (the union used the widest neighbour)
        g = unary_union(owned[i]).intersection(subs[i].buffer(widths[i] + 0.01, 8))
        out.append((seg, g))
    return out


def clean_geom(g, min_area=MIN_BAND_PIECE):
    return unary_union([p for p in polygons_of(g) if p.area >= min_area])


def build_bands(sil, ax, view):
    """The fascialBands list of one view (see the section comment)."""
    inner = sil.buffer(-0.3, 32)
    vl = "right" if view == "front" else "left"          # patient's side on the viewer's left
    other = {"left": "right", "right": "left"}
    left_half = box(-10, -10, MID, GRID_H + 10)
    right_half = box(MID, -10, GRID_W + 10, GRID_H + 10)
    bands = []
    for line, chains in band_chains(ax, view).items():
        taken = Polygon()
        line_bands = []
        for chain in chains:
            pieces = chain_pieces(chain)
            for mirrored in (False, True):
                start = other[vl] if mirrored else vl
                for (key, where, label, _, _), g in pieces:
                    g = g.simplify(0.3)  # keeps the file small; < 0.3 cells of change
                    if mirrored:
                        g = mirror_geom(g)
                    # the half the band lies in: start side, opposite side, or both
                    on_left = (where == "S") != mirrored
                    if where != "X":
                        g = g.intersection(left_half if on_left else right_half)
                    side = start if where in ("S", "X") else other[start]
                    # 0.12 cells of clearance: rounding to 0.1 cannot make bands of one line overlap
                    g = clean_geom(g.intersection(inner).difference(taken.buffer(0.12, 4)).simplify(0.05))
                    if g.is_empty:
                        raise SystemExit(f"{line} {key} ({side}, {view}) is empty")
                    taken = taken.union(g)
                    text = label.format(S=start, O=other[start])
                    line_bands.append({"id": f"{line.lower()}-{side}-{key}", "line": line,
                                       "name": f"{LINE_NAMES[line]}: {text} ({side})",
                                       "side": side, "geom": g})
        # patient's right first, then left, each in path order (stable)
        line_bands.sort(key=lambda b: b["side"] != "right")
        bands += line_bands
    for b in bands:
        rings = [r for r in (clean_ring(r) for r in geom_rings(b.pop("geom"))) if r is not None]
        b["polygons"] = rings
    return bands


# [SECTION] Output --------------------------------------------------------------------------
def ring_list(poly):
    return [[round(x, 1), round(y, 1)] for x, y in list(poly.exterior.coords)[:-1]]


def main():
    ax = build_axes()
    views = []
    for view, label in (("front", "Front"), ("back", "Back")):
        sil = silhouette(ax, view)
        views.append({"id": view, "label": label, "outline": ring_list(sil),
                      "guides": build_guides(ax, view, sil),
                      "regions": build_regions(sil, ax, view),
                      "fascialBands": build_bands(sil, ax, view)})
        node_view(views[-1])
    doc = {"format": "bodymap-template", "formatVersion": 1, "id": "adult-neutral",
           "version": 1, "name": "Adult, neutral", "grid": {"width": GRID_W, "height": GRID_H},
           "views": views}
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "templates", "adult_neutral.json")
    with open(out, "w") as f:
        f.write(dump_compact(doc))
    print("wrote", os.path.normpath(out))


def dump_compact(doc):
    """Readable JSON whose point lists stay on one line each."""
    def enc(v, ind):
        pad = "  " * ind
        if isinstance(v, dict):
            if not v:
                return "{}"
            items = [f'{pad}  {json.dumps(k)}: {enc(val, ind + 1)}' for k, val in v.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(v, list):
            if not v:
                return "[]"
            if all(isinstance(e, (int, float)) for e in v) or all(isinstance(e, list) for e in v):
                return json.dumps(v, separators=(",", ":"))
            return "[\n" + ",\n".join(pad + "  " + enc(e, ind + 1) for e in v) + "\n" + pad + "]"
        return json.dumps(v)
    return enc(doc, 0) + "\n"


if __name__ == "__main__":
    main()
