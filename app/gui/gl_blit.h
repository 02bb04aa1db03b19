// Copying a texture 1:1 onto the window with glBlitFramebuffer (OpenGL 3.0). With a software GL
// (Mesa llvmpipe under Xvfb) a blit is a plain copy, far cheaper than shading a textured quad.
#pragma once

namespace bodymap::app {

class GlTexture;

class GlBlitter {
public:
    GlBlitter() = default;
    GlBlitter(const GlBlitter&) = delete;
    GlBlitter& operator=(const GlBlitter&) = delete;
    ~GlBlitter();
    // Loads the entry points; false when the context lacks them (then callers draw quads).
    bool init();
    bool ready() const { return m_ready; }
    // Copies the texture's rectangle [sx, sx+w) x [sy, sy+h) (texture rows top-down) to window
    // pixels [dx, dx+w) x [dy, dy+h) (top-down), in a framebuffer `fbHeight` pixels tall.
    void blit(const GlTexture& tex, int sx, int sy, int w, int h, int dx, int dy, int fbHeight);

private:
    bool m_ready = false;
    unsigned m_fbo = 0;
};

}  // namespace bodymap::app
