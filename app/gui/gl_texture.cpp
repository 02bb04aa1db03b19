// GL texture wrapper (see gl_texture.h). Uses only OpenGL 1.1 entry points.
#include "app/gui/gl_texture.h"

#include <SDL_opengl.h>

namespace bodymap::app {

GlTexture::~GlTexture() {
    if (m_id) glDeleteTextures(1, &m_id);
}

void GlTexture::create(int width, int height, const std::uint8_t* rgba, bool linear) {
    if (!m_id) glGenTextures(1, &m_id);
    m_width = width;
    m_height = height;
    glBindTexture(GL_TEXTURE_2D, m_id);
    const GLint filter = linear ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void GlTexture::update(int x, int y, int w, int h, const std::uint8_t* rgba) {
    if (!m_id || w <= 0 || h <= 0) return;
    glBindTexture(GL_TEXTURE_2D, m_id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, m_width);
    const std::uint8_t* start =
        rgba + (static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) +
                static_cast<std::size_t>(x)) * 4;
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, start);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

}  // namespace bodymap::app
