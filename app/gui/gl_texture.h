// An OpenGL RGBA texture that can be updated rectangle by rectangle.
#pragma once

#include <cstdint>

namespace bodymap::app {

class GlTexture {
public:
    GlTexture() = default;
    GlTexture(const GlTexture&) = delete;
    GlTexture& operator=(const GlTexture&) = delete;
    ~GlTexture();

    // (Re)creates the texture with the given size and RGBA pixels (may be null: transparent).
    void create(int width, int height, const std::uint8_t* rgba, bool linear = true);
    // Uploads the sub-rectangle [x, x+w) x [y, y+h) from `rgba`, a full-size image.
    void update(int x, int y, int w, int h, const std::uint8_t* rgba);
    bool valid() const { return m_id != 0; }
    int width() const { return m_width; }
    unsigned glId() const { return m_id; }
    int height() const { return m_height; }
    void* imguiId() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_id)); }

private:
    unsigned m_id = 0;
    int m_width = 0;
    int m_height = 0;
};

}  // namespace bodymap::app
