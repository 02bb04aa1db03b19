// Texture-to-window blits (see gl_blit.h).
#include "app/gui/gl_blit.h"

#include <SDL.h>
#include <SDL_opengl.h>

#include "app/gui/gl_texture.h"

namespace bodymap::app {

namespace {
// Entry points beyond OpenGL 1.1, resolved at run time. Set once by init(); read-only after.
struct BlitFunctions {
    PFNGLGENFRAMEBUFFERSPROC genFramebuffers = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC deleteFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC bindFramebuffer = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC framebufferTexture2D = nullptr;
    PFNGLBLITFRAMEBUFFERPROC blitFramebuffer = nullptr;
};
BlitFunctions& fns() {
    static BlitFunctions f;  // GL entry points are process-wide by nature
    return f;
}
template <class T>
T load(const char* name) {
    return reinterpret_cast<T>(SDL_GL_GetProcAddress(name));
}
}  // namespace

GlBlitter::~GlBlitter() {
    if (m_fbo && fns().deleteFramebuffers) fns().deleteFramebuffers(1, &m_fbo);
}

bool GlBlitter::init() {
    BlitFunctions& f = fns();
    f.genFramebuffers = load<PFNGLGENFRAMEBUFFERSPROC>("glGenFramebuffers");
    f.deleteFramebuffers = load<PFNGLDELETEFRAMEBUFFERSPROC>("glDeleteFramebuffers");
    f.bindFramebuffer = load<PFNGLBINDFRAMEBUFFERPROC>("glBindFramebuffer");
    f.framebufferTexture2D = load<PFNGLFRAMEBUFFERTEXTURE2DPROC>("glFramebufferTexture2D");
    f.blitFramebuffer = load<PFNGLBLITFRAMEBUFFERPROC>("glBlitFramebuffer");
    m_ready = f.genFramebuffers && f.deleteFramebuffers && f.bindFramebuffer &&
              f.framebufferTexture2D && f.blitFramebuffer;
    if (m_ready) f.genFramebuffers(1, &m_fbo);
    return m_ready;
}

void GlBlitter::blit(const GlTexture& tex, int sx, int sy, int w, int h, int dx, int dy, int fbHeight) {
    if (!m_ready || !tex.valid() || w <= 0 || h <= 0) return;
    BlitFunctions& f = fns();
    f.bindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    f.framebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex.glId(), 0);
    f.bindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    // Texture row 0 is the image's top (uploaded top-down); the window's GL origin is bottom-left,
    // so the destination rows are flipped.
    f.blitFramebuffer(sx, sy, sx + w, sy + h, dx, fbHeight - dy, dx + w, fbHeight - dy - h,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    f.bindFramebuffer(GL_READ_FRAMEBUFFER, 0);
}

}  // namespace bodymap::app
