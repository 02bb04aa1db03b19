// The pair the compare workspace opens on: the visit before the open one -> the open visit, the
// first visit said to be the first, and the two newest readable visits when none is open.
#include <gtest/gtest.h>

#include "maps/compare_choice.h"

using namespace bodymap::maps;
using PickSide = ComparePick::Side;

namespace {
// Newest first, like Library::listVisits; "bad" marks a visit that cannot be read.
std::vector<VisitEntry> visits(std::initializer_list<const char*> times) {
    std::vector<VisitEntry> v;
    for (const char* t : times) {
        VisitEntry e;
        const std::string s = t;
        e.visitTime = s.substr(0, 19);
        e.path = "/lib/c/" + e.visitTime + ".json";
        if (s.size() > 19) e.error = "cannot be read";
        v.push_back(e);
    }
    return v;
}
OpenVisit openFile(const std::vector<VisitEntry>& v, std::size_t i) {
    OpenVisit o;
    o.path = v[i].path;
    o.visitTime = v[i].visitTime;
    return o;
}
}  // namespace

TEST(CompareChoice, OpenVisitAgainstTheOneBeforeIt) {
    const auto v = visits({"2026-11-16T10:00:00", "2026-10-26T10:00:00", "2026-10-05T10:00:00",
                           "2026-09-21T09:30:00"});
    const ComparePick p = pickComparePair(v, openFile(v, 2));  // 5 Oct open
    EXPECT_EQ(p.afterSide, PickSide::Visit);
    EXPECT_EQ(p.after, 2u);
    EXPECT_EQ(p.beforeSide, PickSide::Visit);
    EXPECT_EQ(p.before, 3u);  // 21 Sep, not the last two (16 Nov, 26 Oct)
    EXPECT_FALSE(p.openIsFirst);
}

TEST(CompareChoice, TheFirstVisitHasNoEarlierOne) {
    const auto v = visits({"2026-11-16T10:00:00", "2026-09-07T09:30:00"});
    const ComparePick p = pickComparePair(v, openFile(v, 1));
    EXPECT_EQ(p.afterSide, PickSide::Visit);
    EXPECT_EQ(p.after, 1u);
    EXPECT_EQ(p.beforeSide, PickSide::None);
    EXPECT_TRUE(p.openIsFirst);
}

TEST(CompareChoice, UnreadableVisitsArePassedOver) {
    const auto v = visits({"2026-11-16T10:00:00", "2026-10-26T10:00:00bad", "2026-10-05T10:00:00"});
    const ComparePick open = pickComparePair(v, openFile(v, 0));
    EXPECT_EQ(open.before, 2u);
    const ComparePick none = pickComparePair(v, OpenVisit{});
    EXPECT_EQ(none.after, 0u);
    EXPECT_EQ(none.before, 2u);
    const auto onlyBad = visits({"2026-10-05T10:00:00", "2026-09-07T09:30:00bad"});
    const ComparePick first = pickComparePair(onlyBad, openFile(onlyBad, 0));
    EXPECT_TRUE(first.openIsFirst);
}

TEST(CompareChoice, AnUnsavedNewVisitAgainstTheNewestBeforeIt) {
    const auto v = visits({"2026-11-16T10:00:00", "2026-10-05T10:00:00"});
    OpenVisit o;
    o.ofClient = true;
    o.visitTime = "2026-12-01T09:00:00";
    ComparePick p = pickComparePair(v, o);
    EXPECT_EQ(p.afterSide, PickSide::OpenMap);
    EXPECT_EQ(p.beforeSide, PickSide::Visit);
    EXPECT_EQ(p.before, 0u);
    o.visitTime = "2026-10-20T09:00:00";  // back-dated between the two
    p = pickComparePair(v, o);
    EXPECT_EQ(p.before, 1u);
    o.visitTime = "2026-01-01T09:00:00";  // before all of them
    EXPECT_TRUE(pickComparePair(v, o).openIsFirst);
}

TEST(CompareChoice, NoVisitOpenGivesTheTwoNewest) {
    const auto v = visits({"2026-11-16T10:00:00", "2026-10-26T10:00:00", "2026-10-05T10:00:00"});
    OpenVisit elsewhere;
    elsewhere.path = "/somewhere/else.json";  // a map of another client or outside the library
    const ComparePick p = pickComparePair(v, elsewhere);
    EXPECT_EQ(p.after, 0u);
    EXPECT_EQ(p.before, 1u);
    EXPECT_EQ(p.afterSide, PickSide::Visit);
    const auto one = visits({"2026-11-16T10:00:00"});
    const ComparePick single = pickComparePair(one, OpenVisit{});
    EXPECT_EQ(single.afterSide, PickSide::OpenMap);
    EXPECT_EQ(single.beforeSide, PickSide::Visit);
    EXPECT_EQ(single.before, 0u);
}
