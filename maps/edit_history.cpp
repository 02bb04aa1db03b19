// Undo stack (see edit_history.h).
#include "maps/edit_history.h"

namespace bodymap::maps {

DocumentCommand::DocumentCommand(std::vector<FascialTag> beforeTags, VisitInfo beforeInfo,
                                 std::vector<FascialTag> afterTags, VisitInfo afterInfo,
                                 std::string label)
    : m_beforeTags(std::move(beforeTags)),
      m_afterTags(std::move(afterTags)),
      m_beforeInfo(std::move(beforeInfo)),
      m_afterInfo(std::move(afterInfo)),
      m_label(std::move(label)) {}

void DocumentCommand::undo(PainMap& map) const {
    map.tags = m_beforeTags;
    map.info = m_beforeInfo;
}

void DocumentCommand::redo(PainMap& map) const {
    map.tags = m_afterTags;
    map.info = m_afterInfo;
}

std::size_t DocumentCommand::bytes() const {
    std::size_t n = sizeof(*this) + m_label.size() + m_beforeInfo.notes.size() +
                    m_afterInfo.notes.size();
    for (const auto& t : m_beforeTags) n += sizeof(t) + t.note.size() + t.bandId.size();
    for (const auto& t : m_afterTags) n += sizeof(t) + t.note.size() + t.bandId.size();
    return n;
}

std::size_t MarksCommand::bytes() const {
    std::size_t n = sizeof(*this) + m_label.size();
    for (const auto* list : {&m_before, &m_after}) {
        for (const auto& m : *list) n += sizeof(m) + m.label.size() + m.note.size();
    }
    return n;
}

void EditHistory::push(std::unique_ptr<Command> cmd) {
    if (!cmd) return;
    while (m_steps.size() > m_cursor) {
        m_bytes -= m_steps.back()->bytes();
        m_steps.pop_back();
    }
    if (m_savedCursor > static_cast<long>(m_cursor)) m_savedCursor = -1;
    m_bytes += cmd->bytes();
    m_steps.push_back(std::move(cmd));
    ++m_cursor;
    while (m_steps.size() > m_minSteps && m_bytes > m_byteBudget) {
        m_bytes -= m_steps.front()->bytes();
        m_steps.pop_front();
        --m_cursor;
        m_savedCursor = m_savedCursor > 0 ? m_savedCursor - 1 : -1;
    }
}

const Command* EditHistory::undo(PainMap& map) {
    if (!canUndo()) return nullptr;
    --m_cursor;
    m_steps[m_cursor]->undo(map);
    return m_steps[m_cursor].get();
}

const Command* EditHistory::redo(PainMap& map) {
    if (!canRedo()) return nullptr;
    m_steps[m_cursor]->redo(map);
    return m_steps[m_cursor++].get();
}

void EditHistory::clear() {
    m_steps.clear();
    m_cursor = 0;
    m_bytes = 0;
    m_savedCursor = 0;
}

}  // namespace bodymap::maps
