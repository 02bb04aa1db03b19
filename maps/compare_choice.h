// Which two visits the compare workspace opens on: the visit before the open one -> the open
// visit when a visit of the client is open, otherwise the two newest. Visits that cannot be
// read are passed over. Pure: no UI, no files.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "maps/client_library.h"

namespace bodymap::maps {

struct OpenVisit {
    std::string path;       // the open document's file; empty when never saved
    std::string visitTime;  // its ISO time
    bool ofClient = false;  // an unsaved new visit of the client whose visits are listed
};

struct ComparePick {
    enum class Side { Visit, OpenMap, None };
    Side beforeSide = Side::None, afterSide = Side::None;
    std::size_t before = 0, after = 0;  // indices into the visit list when the side is Visit
    bool openIsFirst = false;           // the open visit has no earlier readable visit
};

// `visits` newest first, as Library::listVisits gives them.
inline ComparePick pickComparePair(const std::vector<VisitEntry>& visits, const OpenVisit& open) {
    ComparePick p;
    const std::size_t n = visits.size();
    const auto readable = [&](std::size_t i) { return visits[i].error.empty(); };
    std::size_t at = n;  // the open visit's place in the list
    for (std::size_t i = 0; i < n && !open.path.empty(); ++i) {
        if (visits[i].path == open.path) at = i;
    }
    if (at == n && !open.ofClient) {  // no visit of the client open: the two newest readable
        std::vector<std::size_t> ok;
        for (std::size_t i = 0; i < n && ok.size() < 2; ++i) {
            if (readable(i)) ok.push_back(i);
        }
        if (ok.size() == 2) {
            p.afterSide = p.beforeSide = ComparePick::Side::Visit;
            p.after = ok[0];
            p.before = ok[1];
        } else if (ok.size() == 1) {  // the only visit against the open map
            p.afterSide = ComparePick::Side::OpenMap;
            p.beforeSide = ComparePick::Side::Visit;
            p.before = ok[0];
        }
        return p;
    }
    if (at < n) {
        p.afterSide = ComparePick::Side::Visit;
        p.after = at;
    } else {
        p.afterSide = ComparePick::Side::OpenMap;
    }
    // The newest readable visit before the open one: after it in the list, or for an unsaved
    // visit the first listed with an earlier time.
    for (std::size_t i = at < n ? at + 1 : 0; i < n; ++i) {
        if (!readable(i) || (at == n && !(visits[i].visitTime < open.visitTime))) continue;
        p.beforeSide = ComparePick::Side::Visit;
        p.before = i;
        return p;
    }
    p.openIsFirst = true;
    return p;
}

}  // namespace bodymap::maps
