// Fascial-line catalogue (see fascial_lines.h). Stations follow /work/shared/DOMAIN.md.
#include "maps/fascial_lines.h"

#include "maps/i18n/i18n.h"

namespace bodymap::maps {

namespace {

using L = FascialLine;
// Names under i18n::kLineContext ("fascial line"; a literal here: xgettext reads only literals),
// translated where shown with trc(i18n::kLineContext, name); the codes (SBL ...) are not.
constexpr std::array<FascialLineInfo, kFascialLineCount> kLines{{
    {L::SBL, "SBL", trNoopC("fascial line", "Superficial Back Line"), false, true, true, false,
     trNoopC("fascial line description",
     "From the sole and heel up the calf, hamstrings and sacrum, along the erector spinae and over "
     "the back of the skull to the brow.")},
    {L::SFL, "SFL", trNoopC("fascial line", "Superficial Front Line"), true, false, true, false,
     trNoopC("fascial line description",
     "From the top of the toes up the front of the shin, kneecap and thigh; from the pubic bone up "
     "the rectus abdominis and sternum, along the side of the neck (SCM) to the mastoid.")},
    {L::LL, "LL", trNoopC("fascial line", "Lateral Line"), true, true, true, false,
     trNoopC("fascial line description",
     "Along the outer edge of the body: outer foot and lower leg, iliotibial band and hip, "
     "obliques and intercostals, side of the neck to behind the ear.")},
    {L::SPL, "SPL", trNoopC("fascial line", "Spiral Line"), true, true, true, true,
     trNoopC("fascial line description",
     "Wraps the body: from the back of the skull across the upper back to the opposite shoulder "
     "blade, around the ribs, across the abdomen back to the first side's hip, down the front of "
     "the shin, under the arch and up the back of the leg and spine.")},
    {L::DFAL, "DFAL", trNoopC("fascial line", "Deep Front Arm Line"), true, false, true, false,
     trNoopC("fascial line description",
     "From ribs 3-5 and pectoralis minor down the biceps and the thumb side of the forearm to the "
     "thumb.")},
    {L::SFAL, "SFAL", trNoopC("fascial line", "Superficial Front Arm Line"), true, false, true, false,
     trNoopC("fascial line description",
     "From pectoralis major and latissimus along the inner upper arm and the forearm flexors to "
     "the palm.")},
    {L::DBAL, "DBAL", trNoopC("fascial line", "Deep Back Arm Line"), false, true, true, false,
     trNoopC("fascial line description",
     "From the upper thoracic spine over the rhomboids, shoulder blade and rotator cuff down the "
     "triceps and the little-finger side of the forearm to the little finger.")},
    {L::SBAL, "SBAL", trNoopC("fascial line", "Superficial Back Arm Line"), false, true, true, false,
     trNoopC("fascial line description",
     "From the trapezius over the deltoid and the outer upper arm, along the forearm extensors to "
     "the back of the hand.")},
    {L::BFL, "BFL", trNoopC("fascial line", "Back Functional Line"), false, true, true, true,
     trNoopC("fascial line description",
     "From the latissimus across the sacral fascia to the opposite gluteus maximus and down the "
     "outer thigh to below the knee.")},
    {L::FFL, "FFL", trNoopC("fascial line", "Front Functional Line"), true, false, true, true,
     trNoopC("fascial line description",
     "From the lower pectoralis major down the rectus sheath to the pubic bone and on to the "
     "opposite adductor longus.")},
    {L::IFL, "IFL", trNoopC("fascial line", "Ipsilateral Functional Line"), true, true, true, false,
     trNoopC("fascial line description",
     "On one side: from the outer edge of the latissimus along the external oblique to the front "
     "of the hip bone, then the sartorius across the thigh to the inner knee.")},
    {L::DFL, "DFL", trNoopC("fascial line", "Deep Front Line"), true, false, true, false,
     trNoopC("fascial line description",
     "The deep core: from the deep calf (inner lower leg) up the inner thigh, pelvic floor and "
     "psoas, the diaphragm and the front of the neck to the jaw.")},
}};

}  // namespace

const std::array<FascialLineInfo, kFascialLineCount>& fascialLines() { return kLines; }

const FascialLineInfo& fascialLineInfo(FascialLine line) {
    return kLines[static_cast<std::size_t>(line)];
}

std::optional<FascialLine> parseFascialLine(std::string_view id) {
    for (const FascialLineInfo& l : kLines) {
        if (l.id == id) return l.line;
    }
    return std::nullopt;
}

bool runsOn(FascialLine line, ViewId v) {
    const FascialLineInfo& l = fascialLineInfo(line);
    return v == ViewId::Front ? l.front : l.back;
}

std::string_view fascialLinesCredit() {
    return tr("Fascial lines follow the myofascial meridians described by Thomas Myers; the band "
              "paths are BodyMap's own simplified drawings.");
}

}  // namespace bodymap::maps
