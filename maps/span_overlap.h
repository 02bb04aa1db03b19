// Walking two sorted lists of cell runs together (a compact map's spans, a template's label or
// band runs) to visit where they overlap, in cell order: what metrics and agreement of a compact
// map are computed from. Internal to maps/ (metrics.cpp, agreement.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bodymap::maps {

// One past the last cell of a run or span (anything with `start` and `length`), in 64 bits so
// that a hostile start + length cannot wrap.
template <class Run>
std::uint64_t runEnd(const Run& r) {
    return std::uint64_t{r.start} + std::uint64_t{r.length};
}

// True when `runs` are in cell order, do not overlap and end inside a grid of `cells` cells: the
// shape every walk below relies on (a list out of order would be counted wrong, not refused).
template <class Run>
bool runsInOrder(const std::vector<Run>& runs, std::size_t cells) {
    std::uint64_t next = 0;  // first cell the next run may start at
    for (const Run& r : runs) {
        if (r.start < next || runEnd(r) > cells) return false;
        next = runEnd(r);
    }
    return true;
}

// The first index >= from of `runs` (in order, disjoint) whose run ends after `cell`, runs.size()
// when none. It gallops 1, 2, 4, ... runs ahead and then bisects, so skipping k runs costs
// O(log k): the next painted span is mostly in the same or the next label run, but sometimes
// thousands of runs on (the other view's half of a row, a gap between two blobs), and a plain
// forward cursor would then read every run of the body the map does not touch.
template <class Run>
std::size_t skipTo(const std::vector<Run>& runs, std::size_t from, std::uint64_t cell) {
    const std::size_t n = runs.size();
    if (from >= n || runEnd(runs[from]) > cell) return from;
    // Invariant: every run before `lo` ends at or before `cell`; runs[hi] ends after it, or hi ==
    // n.
    std::size_t lo = from + 1;
    std::size_t hi = lo;
    for (std::size_t step = 1; hi < n && runEnd(runs[hi]) <= cell; step *= 2) {
        lo = hi + 1;
        hi = std::min(n, lo + step);
    }
    const auto first = std::partition_point(runs.begin() + static_cast<std::ptrdiff_t>(lo),
                                            runs.begin() + static_cast<std::ptrdiff_t>(hi),
                                            [cell](const Run& r) { return runEnd(r) <= cell; });
    return static_cast<std::size_t>(first - runs.begin());
}

// skipTo for a cursor that mostly stays or moves by one run (the spans of a noisy drawing are
// a cell or two long): those two cases first, the gallop only beyond.
template <class Run>
std::size_t advanceTo(const std::vector<Run>& runs, std::size_t from, std::uint64_t cell) {
    const std::size_t n = runs.size();
    if (from >= n || runEnd(runs[from]) > cell) return from;
    if (++from >= n || runEnd(runs[from]) > cell) return from;
    return skipTo(runs, from, cell);
}

// Calls f(i, j, lo, hi) for each non-empty overlap [lo, hi) of a[i] and b[j], in cell order
// (each list in order and disjoint, see runsInOrder). Whichever list is behind skips ahead to the
// other with skipTo, so the cost follows the overlaps and the alternations between the lists,
// never the length of the longer list or of the grid.
template <class A, class B, class F>
void forEachOverlap(const std::vector<A>& a, const std::vector<B>& b, F&& f) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        const std::uint64_t aEnd = runEnd(a[i]);
        const std::uint64_t bEnd = runEnd(b[j]);
        if (aEnd <= b[j].start) {
            i = advanceTo(a, i + 1, b[j].start);
            continue;
        }
        if (bEnd <= a[i].start) {
            j = advanceTo(b, j + 1, a[i].start);
            continue;
        }
        const std::uint64_t lo = std::max<std::uint64_t>(a[i].start, b[j].start);
        const std::uint64_t hi = std::min(aEnd, bEnd);
        if (lo < hi) f(i, j, static_cast<std::uint32_t>(lo), static_cast<std::uint32_t>(hi));
        // The one that ends first has no cell left for a later run of the other; both when
        // they end together.
        if (aEnd <= bEnd) ++i;
        if (bEnd <= aEnd) ++j;
    }
}

// Calls f(j, lo, hi) for each non-empty overlap [lo, hi) of runs[j] with the cells [from, to),
// starting the search at `cursor` and leaving it at the first run that ends after `from`: a
// caller visiting pieces in cell order passes the same cursor each time and reads each run of
// `runs` about once (the last run of one piece may also overlap the next).
template <class Run, class F>
void forEachOverlapIn(const std::vector<Run>& runs, std::size_t& cursor, std::uint32_t from,
                      std::uint32_t to, F&& f) {
    cursor = advanceTo(runs, cursor, from);
    for (std::size_t j = cursor; j < runs.size() && runs[j].start < to; ++j) {
        const std::uint64_t lo = std::max<std::uint64_t>(from, runs[j].start);
        const std::uint64_t hi = std::min<std::uint64_t>(to, runEnd(runs[j]));
        if (lo < hi) f(j, static_cast<std::uint32_t>(lo), static_cast<std::uint32_t>(hi));
    }
}

}  // namespace bodymap::maps
