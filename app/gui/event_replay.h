// --replay FILE: a timed script of mouse, finger, key, text, drop and window events pushed into
// the real SDL event queue, so that tests drive the whole GUI (a V inside one frame, a two-finger
// pinch, 500 Hz pen samples) exactly. One event per line, `#` comments, blank lines ignored;
// times in ms after the first frame, never decreasing; coordinates in window pixels. Events at
// the same time are queued together before the same frame, in file order. The script's clock
// follows the wall clock but advances at most kMaxStepMs per frame: a slow frame (a loaded
// machine) delays the script rather than bunching events meant for separate frames.
//   <ms> mouse-move X Y                 <ms> finger-down ID X Y
//   <ms> mouse-down X Y [left|right]    <ms> finger-move ID X Y
//   <ms> mouse-up X Y [left|right]      <ms> finger-up ID X Y
//   <ms> wheel DY                       <ms> key [ctrl+][shift+][alt+]NAME   (SDL key names)
//   <ms> text STRING                    <ms> drop PATH
//   <ms> textediting [TEXT] START LENGTH (an input method's composition, e.g. "日本 2 0";
//                                        without TEXT it ends; `text` then commits)
//   <ms> close                          <ms> screenshot OUT.png   (after that frame)
//   <ms> quit-replay                    (the end: the app exits as the close button would)
// A malformed line is a usage error (exit 2): "FILE:LINE: problem".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SDL.h>

namespace bodymap::app {

struct ReplayItem {
    enum class Kind {
        MouseMove, MouseDown, MouseUp, Wheel, FingerDown, FingerMove, FingerUp,
        Key, Text, TextEditing, Drop, Close, Screenshot, QuitReplay
    };
    std::uint32_t ms = 0;         // after the first frame
    Kind kind = Kind::MouseMove;
    float x = 0, y = 0;           // window pixels
    std::uint8_t button = SDL_BUTTON_LEFT;
    std::int64_t finger = 0;
    int wheel = 0;
    SDL_Scancode scancode = SDL_SCANCODE_UNKNOWN;
    std::uint16_t mod = 0;        // KMOD_ bits
    std::string text;             // text, composition, drop path, screenshot file
    int editStart = 0, editLength = 0;  // textediting: the cursor and selection in characters
    int line = 0;
};

// Reads a replay script. On failure returns false with `error` = "FILE:LINE: problem".
bool parseReplayFile(const std::string& path, std::vector<ReplayItem>& items, std::string& error);
// The same for script text (`name` stands for the file in messages).
bool parseReplayText(const std::string& name, const std::string& text, std::vector<ReplayItem>& items,
                     std::string& error);

// Pushes the script's events into SDL's queue as their times come, before each frame.
class ReplayPlayer {
public:
    ReplayPlayer() = default;
    explicit ReplayPlayer(std::vector<ReplayItem> items) : m_items(std::move(items)) {}
    static constexpr std::uint32_t kMaxStepMs = 50;
    bool active() const { return m_next < m_items.size() || !m_pendingKeyUps.empty(); }
    // Starts the script's clock (after the first frame); `ticks` from SDL_GetTicks().
    void start(std::uint32_t ticks) {
        m_started = true;
        m_lastTicks = ticks;
    }
    // Call before polling events each frame (nothing happens before start()). Stops after a
    // screenshot item: its file is returned in `screenshot`, to be saved once this frame is
    // drawn. A key's release is pushed one frame after its press (ImGui 1.86 sees only the key
    // state at frame time).
    void pushDue(std::uint32_t ticks, SDL_Window* window, std::string& screenshot);

private:
    void push(const ReplayItem& item, SDL_Window* window);
    void pushMouseButton(SDL_Window* window, bool down, std::uint8_t button, int x, int y,
                         Uint32 which);
    void pushMouseMotion(SDL_Window* window, int x, int y, Uint32 which);
    std::vector<ReplayItem> m_items;
    std::size_t m_next = 0;
    bool m_started = false;
    std::uint32_t m_lastTicks = 0;
    std::uint32_t m_clock = 0;                 // the script's time, ms
    std::vector<SDL_Event> m_pendingKeyUps;
    int m_mouseX = 0, m_mouseY = 0;
    std::uint32_t m_buttons = 0;               // SDL_BUTTON masks held (the replayed mouse)
    // SDL makes mouse events from the first finger of a touch (which == SDL_TOUCH_MOUSEID);
    // the replay does the same, as a touch screen would.
    bool m_touchMouse = false;
    std::int64_t m_touchMouseFinger = 0;
    std::vector<std::pair<std::int64_t, std::pair<float, float>>> m_fingers;  // down: id, x, y
};

}  // namespace bodymap::app
