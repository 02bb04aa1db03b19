// Undo/redo: every edit of a PainMap is a Command with undo, redo and a readable label; one user
// action (a stroke, a fill, a tag change) is one command. Memory is bounded by what changed.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include "maps/pain_map.h"
#include "maps/raster_edit.h"

namespace bodymap::maps {

class Command {
public:
    virtual ~Command() = default;
    virtual void undo(PainMap& map) const = 0;
    virtual void redo(PainMap& map) const = 0;
    virtual std::string label() const = 0;         // "Paint stroke", "Fill Left shoulder", ...
    virtual std::size_t bytes() const = 0;         // memory held
    // The raster area this command changes, for display updates; empty for non-raster edits.
    virtual CellRect rasterBounds(const PainMap&, ViewId&) const { return {}; }
};

class RasterCommand : public Command {
public:
    RasterCommand(RasterEdit edit, std::string label)
        : m_edit(std::move(edit)), m_label(std::move(label)) {}
    void undo(PainMap& map) const override { m_edit.undo(map); }
    void redo(PainMap& map) const override { m_edit.redo(map); }
    std::string label() const override { return m_label; }
    std::size_t bytes() const override { return m_edit.bytes() + m_label.size(); }
    CellRect rasterBounds(const PainMap& map, ViewId& view) const override {
        view = m_edit.view();
        return m_edit.bounds(map);
    }

private:
    RasterEdit m_edit;
    std::string m_label;
};

// Replaces the tag list and visit info as a whole: both are small, so a snapshot is cheap.
class DocumentCommand : public Command {
public:
    DocumentCommand(std::vector<FascialTag> beforeTags, VisitInfo beforeInfo,
                    std::vector<FascialTag> afterTags, VisitInfo afterInfo, std::string label);
    void undo(PainMap& map) const override;
    void redo(PainMap& map) const override;
    std::string label() const override { return m_label; }
    std::size_t bytes() const override;

private:
    std::vector<FascialTag> m_beforeTags, m_afterTags;
    VisitInfo m_beforeInfo, m_afterInfo;
    std::string m_label;
};

// Replaces the list of marks as a whole (a placed, moved, edited or deleted mark is one step).
class MarksCommand : public Command {
public:
    MarksCommand(std::vector<Mark> before, std::vector<Mark> after, std::string label)
        : m_before(std::move(before)), m_after(std::move(after)), m_label(std::move(label)) {}
    void undo(PainMap& map) const override { map.marks = m_before; }
    void redo(PainMap& map) const override { map.marks = m_after; }
    std::string label() const override { return m_label; }
    std::size_t bytes() const override;

private:
    std::vector<Mark> m_before, m_after;
    std::string m_label;
};

class EditHistory {
public:
    // Keeps at least minSteps steps; older steps are dropped only beyond both limits.
    explicit EditHistory(std::size_t minSteps = 200, std::size_t byteBudget = 256u << 20)
        : m_minSteps(minSteps), m_byteBudget(byteBudget) {}

    // Records an already-applied command; clears the redo steps. Empty edits are ignored.
    void push(std::unique_ptr<Command> cmd);
    bool canUndo() const { return m_cursor > 0; }
    bool canRedo() const { return m_cursor < m_steps.size(); }
    const Command* undo(PainMap& map);  // the command undone, or nullptr
    const Command* redo(PainMap& map);
    std::string undoLabel() const { return canUndo() ? m_steps[m_cursor - 1]->label() : ""; }
    std::string redoLabel() const { return canRedo() ? m_steps[m_cursor]->label() : ""; }
    std::size_t size() const { return m_steps.size(); }
    std::size_t bytes() const { return m_bytes; }
    void clear();
    // Counts edits since the last save point, for the "unsaved changes" mark.
    void markSaved() { m_savedCursor = static_cast<long>(m_cursor); }
    bool isModified() const { return m_savedCursor != static_cast<long>(m_cursor); }

private:
    std::deque<std::unique_ptr<Command>> m_steps;
    std::size_t m_cursor = 0;   // steps [0, cursor) are applied
    std::size_t m_bytes = 0;
    std::size_t m_minSteps;
    std::size_t m_byteBudget;
    long m_savedCursor = 0;     // -1 when the saved state was dropped from history
};

}  // namespace bodymap::maps
