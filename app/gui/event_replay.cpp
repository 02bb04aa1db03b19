// Replay scripts: parsing and pushing the events into SDL's queue (see event_replay.h).
#include "app/gui/event_replay.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "maps/json_util.h"

namespace bodymap::app {

namespace {

constexpr SDL_TouchID kReplayTouch = 1;  // the touch device the script's fingers are on

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) {
        if (w[0] == '#') break;  // a comment to the end of the line
        out.push_back(w);
    }
    return out;
}

bool parseNumber(const std::string& s, bool integer, double& out) {
    if (s.empty()) return false;
    errno = 0;
    char* end = nullptr;
    const double v = integer ? static_cast<double>(std::strtol(s.c_str(), &end, 10)) : std::strtod(s.c_str(), &end);
    if (*end != '\0' || errno != 0 || !std::isfinite(v) || std::abs(v) > 1e6) return false;
    out = v;
    return true;
}

// "ctrl+shift+s" -> scancode and modifiers; empty string on success, else the problem.
std::string parseKey(const std::string& spec, SDL_Scancode& sc, std::uint16_t& mod) {
    std::string rest = spec;
    mod = 0;
    for (;;) {
        const auto plus = rest.find('+');
        if (plus == std::string::npos || plus + 1 == rest.size()) break;
        const std::string m = rest.substr(0, plus);
        if (m == "ctrl") mod |= KMOD_LCTRL;
        else if (m == "shift") mod |= KMOD_LSHIFT;
        else if (m == "alt") mod |= KMOD_LALT;
        else return "unknown modifier \"" + m + "\" (ctrl, shift or alt)";
        rest = rest.substr(plus + 1);
    }
    sc = SDL_GetScancodeFromName(rest.c_str());  // a table lookup: works before SDL_Init
    if (sc == SDL_SCANCODE_UNKNOWN) return "unknown key name \"" + rest + "\" (SDL key names: o, F1, Escape, Tab, Return ...)";
    return "";
}

// The text after the first two words (time and kind), verbatim but for surrounding blanks.
std::string argumentText(const std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    for (int word = 0; word < 2 && i != std::string::npos; ++word) {
        i = line.find_first_of(" \t", i);
        if (i != std::string::npos) i = line.find_first_not_of(" \t", i);
    }
    if (i == std::string::npos) return "";
    const std::size_t end = line.find_last_not_of(" \t");
    return line.substr(i, end - i + 1);
}

// Parses one non-blank line; empty string on success, else the problem.
std::string parseLine(const std::string& line, ReplayItem& item) {
    using Kind = ReplayItem::Kind;
    const std::vector<std::string> w = words(line);
    double ms = 0;
    if (!parseNumber(w[0], true, ms) || ms < 0) return "the time \"" + w[0] + "\" is not a number of milliseconds";
    item.ms = static_cast<std::uint32_t>(ms);
    if (w.size() < 2) return "an event name must follow the time";
    const std::string& kind = w[1];
    const std::size_t args = w.size() - 2;
    auto wantArgs = [&](std::size_t lo, std::size_t hi) -> std::string {
        if (args < lo || args > hi) {
            return kind + " takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " or " + std::to_string(hi)) +
                   " argument" + (hi == 1 ? "" : "s") + ", not " + std::to_string(args);
        }
        return "";
    };
    auto coords = [&](std::size_t at, bool integer) -> std::string {
        double x = 0, y = 0;
        if (!parseNumber(w[at], integer, x) || !parseNumber(w[at + 1], integer, y)) {
            return kind + ": the position \"" + w[at] + " " + w[at + 1] + "\" is not " +
                   (integer ? "two whole numbers of pixels" : "two numbers of pixels");
        }
        item.x = static_cast<float>(x);
        item.y = static_cast<float>(y);
        return "";
    };
    std::string problem;
    if (kind == "mouse-move" || kind == "mouse-down" || kind == "mouse-up") {
        item.kind = kind == "mouse-move" ? Kind::MouseMove : kind == "mouse-down" ? Kind::MouseDown : Kind::MouseUp;
        if (!(problem = wantArgs(2, item.kind == Kind::MouseMove ? 2 : 3)).empty()) return problem;
        if (!(problem = coords(2, true)).empty()) return problem;
        if (args == 3) {
            if (w[4] == "left") item.button = SDL_BUTTON_LEFT;
            else if (w[4] == "right") item.button = SDL_BUTTON_RIGHT;
            else if (w[4] == "middle") item.button = SDL_BUTTON_MIDDLE;
            else return kind + ": the button must be left, right or middle, not \"" + w[4] + "\"";
        }
    } else if (kind == "wheel") {
        if (!(problem = wantArgs(1, 1)).empty()) return problem;
        double dy = 0;
        if (!parseNumber(w[2], true, dy) || dy == 0 || std::abs(dy) > 100) return "wheel: DY must be a whole number of steps from -100 to 100, not 0";
        item.kind = Kind::Wheel;
        item.wheel = static_cast<int>(dy);
    } else if (kind == "finger-down" || kind == "finger-move" || kind == "finger-up") {
        item.kind = kind == "finger-down" ? Kind::FingerDown : kind == "finger-move" ? Kind::FingerMove : Kind::FingerUp;
        if (!(problem = wantArgs(3, 3)).empty()) return problem;
        double id = 0;
        if (!parseNumber(w[2], true, id) || id < 0) return kind + ": the finger ID \"" + w[2] + "\" is not a whole number";
        item.finger = static_cast<std::int64_t>(id);
        if (!(problem = coords(3, false)).empty()) return problem;
    } else if (kind == "key") {
        if (!(problem = wantArgs(1, 1)).empty()) return problem;
        item.kind = Kind::Key;
        if (!(problem = parseKey(w[2], item.scancode, item.mod)).empty()) return "key: " + problem;
    } else if (kind == "text" || kind == "drop" || kind == "screenshot") {
        item.kind = kind == "text" ? Kind::Text : kind == "drop" ? Kind::Drop : Kind::Screenshot;
        item.text = argumentText(line);
        if (item.text.empty()) return kind + " needs " + (kind == "text" ? "the text" : "a file name");
    } else if (kind == "textediting") {
        // The last two words are numbers; the text between them and the kind may hold blanks.
        if (args < 2) return "textediting takes [TEXT] START LENGTH";
        double start = 0, length = 0;
        if (!parseNumber(w[w.size() - 2], true, start) || !parseNumber(w[w.size() - 1], true, length) || start < 0 ||
            length < 0) {
            return "textediting: START and LENGTH must be whole numbers of characters, not \"" + w[w.size() - 2] + " " +
                   w[w.size() - 1] + "\"";
        }
        item.kind = Kind::TextEditing;
        item.editStart = static_cast<int>(start);
        item.editLength = static_cast<int>(length);
        std::string text = argumentText(line);
        for (int k = 0; k < 2; ++k) {
            const auto blank = text.find_last_of(" \t");
            text = blank == std::string::npos ? std::string() : text.substr(0, text.find_last_not_of(" \t", blank) + 1);
        }
        if (text.size() >= SDL_TEXTEDITINGEVENT_TEXT_SIZE) {
            return "textediting: the composition is longer than " + std::to_string(SDL_TEXTEDITINGEVENT_TEXT_SIZE - 1) +
                   " bytes";
        }
        item.text = text;
    } else if (kind == "close" || kind == "quit-replay") {
        if (!(problem = wantArgs(0, 0)).empty()) return problem;
        item.kind = kind == "close" ? Kind::Close : Kind::QuitReplay;
    } else {
        return "unknown event \"" + kind + "\"";
    }
    return "";
}

}  // namespace

bool parseReplayText(const std::string& name, const std::string& text, std::vector<ReplayItem>& items,
                     std::string& error) {
    items.clear();
    std::istringstream in(text);
    std::string line;
    int number = 0;
    std::uint32_t last = 0;
    bool ended = false;
    auto failAt = [&](const std::string& problem) {
        error = maps::printableForMessage(name) + ":" + std::to_string(number) + ": " +
                maps::printableForMessage(problem, 200);
        return false;
    };
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        if (ended) return failAt("nothing can follow quit-replay (the end of the script)");
        ReplayItem item;
        item.line = number;
        const std::string problem = parseLine(line, item);
        if (!problem.empty()) return failAt(problem);
        if (item.ms < last) return failAt("the time " + std::to_string(item.ms) + " is before the line above (" + std::to_string(last) + ")");
        last = item.ms;
        ended = item.kind == ReplayItem::Kind::QuitReplay;
        items.push_back(std::move(item));
    }
    return true;
}

bool parseReplayFile(const std::string& path, std::vector<ReplayItem>& items, std::string& error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        error = maps::printableForMessage(path) + ": cannot read the replay script";
        return false;
    }
    std::ostringstream text;
    text << f.rdbuf();
    return parseReplayText(path, text.str(), items, error);
}

void ReplayPlayer::pushDue(std::uint32_t ticks, SDL_Window* window, std::string& screenshot) {
    if (!m_started) return;
    m_clock += std::min(ticks - m_lastTicks, kMaxStepMs);
    m_lastTicks = ticks;
    for (SDL_Event& ev : m_pendingKeyUps) SDL_PushEvent(&ev);
    m_pendingKeyUps.clear();
    while (m_next < m_items.size() && m_items[m_next].ms <= m_clock) {
        const ReplayItem& item = m_items[m_next++];
        if (item.kind == ReplayItem::Kind::Screenshot) {
            screenshot = item.text;
            return;
        }
        push(item, window);
    }
}

void ReplayPlayer::pushMouseMotion(SDL_Window* window, int x, int y, Uint32 which) {
    SDL_Event ev{};
    ev.type = SDL_MOUSEMOTION;
    ev.motion.timestamp = SDL_GetTicks();
    ev.motion.windowID = SDL_GetWindowID(window);
    ev.motion.which = which;
    ev.motion.state = which == SDL_TOUCH_MOUSEID ? SDL_BUTTON_LMASK : m_buttons;
    ev.motion.x = x;
    ev.motion.y = y;
    ev.motion.xrel = x - m_mouseX;
    ev.motion.yrel = y - m_mouseY;
    m_mouseX = x;
    m_mouseY = y;
    SDL_PushEvent(&ev);
}

void ReplayPlayer::pushMouseButton(SDL_Window* window, bool down, std::uint8_t button, int x, int y,
                                   Uint32 which) {
    SDL_Event ev{};
    ev.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    ev.button.timestamp = SDL_GetTicks();
    ev.button.windowID = SDL_GetWindowID(window);
    ev.button.which = which;
    ev.button.button = button;
    ev.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    ev.button.clicks = 1;
    ev.button.x = x;
    ev.button.y = y;
    m_mouseX = x;
    m_mouseY = y;
    if (which != SDL_TOUCH_MOUSEID) {
        if (down) m_buttons |= SDL_BUTTON(button);
        else m_buttons &= ~static_cast<std::uint32_t>(SDL_BUTTON(button));
    }
    SDL_PushEvent(&ev);
}

void ReplayPlayer::push(const ReplayItem& item, SDL_Window* window) {
    using Kind = ReplayItem::Kind;
    const Uint32 windowId = SDL_GetWindowID(window);
    const int ix = static_cast<int>(std::lround(item.x)), iy = static_cast<int>(std::lround(item.y));
    SDL_Event ev{};
    switch (item.kind) {
        case Kind::MouseMove:
            pushMouseMotion(window, ix, iy, 0);
            return;
        case Kind::MouseDown:
        case Kind::MouseUp:
            pushMouseButton(window, item.kind == Kind::MouseDown, item.button, ix, iy, 0);
            return;
        case Kind::Wheel:
            ev.type = SDL_MOUSEWHEEL;
            ev.wheel.timestamp = SDL_GetTicks();
            ev.wheel.windowID = windowId;
            ev.wheel.y = item.wheel;
            ev.wheel.preciseY = static_cast<float>(item.wheel);
            ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
            ev.wheel.mouseX = m_mouseX;
            ev.wheel.mouseY = m_mouseY;
            SDL_PushEvent(&ev);
            return;
        case Kind::FingerDown:
        case Kind::FingerMove:
        case Kind::FingerUp: {
            int w = 1, h = 1;
            SDL_GetWindowSize(window, &w, &h);
            auto it = std::find_if(m_fingers.begin(), m_fingers.end(),
                                   [&](const auto& f) { return f.first == item.finger; });
            const float nx = item.x / static_cast<float>(std::max(w, 1));
            const float ny = item.y / static_cast<float>(std::max(h, 1));
            float dx = 0, dy = 0;
            if (it != m_fingers.end()) {
                dx = nx - it->second.first;
                dy = ny - it->second.second;
            }
            // As SDL does it (SDL_touch.c): the first finger of a touch also moves and presses
            // the mouse, before the finger event; its mouse position is truncated and clamped.
            const int mx = std::clamp(static_cast<int>(nx * static_cast<float>(w)), 0, w - 1);
            const int my = std::clamp(static_cast<int>(ny * static_cast<float>(h)), 0, h - 1);
            const bool tracked = m_touchMouse && m_touchMouseFinger == item.finger;
            if (item.kind == Kind::FingerDown) {
                if (!m_touchMouse) {
                    pushMouseMotion(window, mx, my, SDL_TOUCH_MOUSEID);
                    pushMouseButton(window, true, SDL_BUTTON_LEFT, mx, my, SDL_TOUCH_MOUSEID);
                    m_touchMouse = true;
                    m_touchMouseFinger = item.finger;
                }
                if (it == m_fingers.end()) m_fingers.push_back({item.finger, {nx, ny}});
            } else if (item.kind == Kind::FingerMove) {
                if (tracked) pushMouseMotion(window, mx, my, SDL_TOUCH_MOUSEID);
                if (it != m_fingers.end()) it->second = {nx, ny};
            } else {
                if (tracked) {
                    pushMouseButton(window, false, SDL_BUTTON_LEFT, mx, my, SDL_TOUCH_MOUSEID);
                    m_touchMouse = false;
                }
                if (it != m_fingers.end()) m_fingers.erase(it);
            }
            ev.type = item.kind == Kind::FingerDown   ? SDL_FINGERDOWN
                      : item.kind == Kind::FingerMove ? SDL_FINGERMOTION
                                                      : SDL_FINGERUP;
            ev.tfinger.timestamp = SDL_GetTicks();
            ev.tfinger.touchId = kReplayTouch;
            ev.tfinger.fingerId = item.finger;
            ev.tfinger.x = nx;
            ev.tfinger.y = ny;
            ev.tfinger.dx = dx;
            ev.tfinger.dy = dy;
            ev.tfinger.pressure = item.kind == Kind::FingerUp ? 0.0f : 1.0f;
            ev.tfinger.windowID = windowId;
            SDL_PushEvent(&ev);
            return;
        }
        case Kind::Key: {
            ev.type = SDL_KEYDOWN;
            ev.key.timestamp = SDL_GetTicks();
            ev.key.windowID = windowId;
            ev.key.state = SDL_PRESSED;
            ev.key.keysym.scancode = item.scancode;
            ev.key.keysym.sym = SDL_GetKeyFromScancode(item.scancode);
            ev.key.keysym.mod = item.mod;
            SDL_PushEvent(&ev);
            // The modifiers go up with the key (its release says so: nothing stays held).
            ev.type = SDL_KEYUP;
            ev.key.state = SDL_RELEASED;
            ev.key.keysym.mod = KMOD_NONE;
            m_pendingKeyUps.push_back(ev);
            return;
        }
        case Kind::Text: {
            // SDL_TEXTINPUT holds up to 31 bytes: longer text goes in pieces, cut between
            // UTF-8 sequences.
            std::size_t i = 0;
            while (i < item.text.size()) {
                std::size_t n = std::min<std::size_t>(SDL_TEXTINPUTEVENT_TEXT_SIZE - 1, item.text.size() - i);
                while (n > 1 && i + n < item.text.size() &&
                       (static_cast<unsigned char>(item.text[i + n]) & 0xC0) == 0x80) {
                    --n;
                }
                SDL_Event t{};
                t.type = SDL_TEXTINPUT;
                t.text.timestamp = SDL_GetTicks();
                t.text.windowID = windowId;
                std::copy_n(item.text.data() + i, n, t.text.text);
                SDL_PushEvent(&t);
                i += n;
            }
            return;
        }
        case Kind::TextEditing: {
            SDL_Event t{};
            t.type = SDL_TEXTEDITING;
            t.edit.timestamp = SDL_GetTicks();
            t.edit.windowID = windowId;
            std::copy_n(item.text.data(), item.text.size(), t.edit.text);
            t.edit.start = item.editStart;
            t.edit.length = item.editLength;
            SDL_PushEvent(&t);
            return;
        }
        case Kind::Drop:
            ev.type = SDL_DROPFILE;
            ev.drop.timestamp = SDL_GetTicks();
            ev.drop.windowID = windowId;
            ev.drop.file = SDL_strdup(item.text.c_str());  // freed by whoever handles the event
            SDL_PushEvent(&ev);
            return;
        case Kind::Close:
        case Kind::QuitReplay:
            ev.type = SDL_WINDOWEVENT;
            ev.window.timestamp = SDL_GetTicks();
            ev.window.windowID = windowId;
            ev.window.event = SDL_WINDOWEVENT_CLOSE;
            SDL_PushEvent(&ev);
            return;
        case Kind::Screenshot:
            return;
    }
}

}  // namespace bodymap::app
