// png_probe: pixel checks on PNG files for the shell-driven GUI and command-line tests.
//   png_probe size FILE                                   -> "W H"
//   png_probe count FILE RRGGBB TOL [X0 Y0 X1 Y1]          -> pixels within TOL of the colour
//   png_probe bbox FILE RRGGBB TOL [X0 Y0 X1 Y1]           -> "x0 y0 x1 y1" of those pixels
//   png_probe pixel FILE X Y                              -> "RRGGBB"
// Exit 0 on success, 1 when the file cannot be read, 2 on usage errors.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "render/chart.h"

namespace {
bool parseColor(const std::string& hex, int& r, int& g, int& b) {
    if (hex.size() != 6) return false;
    const long v = std::strtol(hex.c_str(), nullptr, 16);
    r = static_cast<int>((v >> 16) & 0xFF);
    g = static_cast<int>((v >> 8) & 0xFF);
    b = static_cast<int>(v & 0xFF);
    return true;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: png_probe size|count|bbox|pixel FILE ...\n";
        return 2;
    }
    const std::string cmd = argv[1];
    auto img = bodymap::render::readPng(argv[2]);
    if (!img) {
        std::cerr << img.error() << "\n";
        return 1;
    }
    const auto& im = img.value();
    if (cmd == "size") {
        std::cout << im.width << " " << im.height << "\n";
        return 0;
    }
    if (cmd == "pixel" && argc == 5) {
        const int x = std::atoi(argv[3]), y = std::atoi(argv[4]);
        if (x < 0 || y < 0 || x >= im.width || y >= im.height) return 2;
        const auto* p = im.at(x, y);
        std::printf("%02x%02x%02x\n", p[0], p[1], p[2]);
        return 0;
    }
    if ((cmd == "count" || cmd == "bbox") && (argc == 5 || argc == 9)) {
        int r = 0, g = 0, b = 0;
        if (!parseColor(argv[3], r, g, b)) return 2;
        const int tol = std::atoi(argv[4]);
        int x0 = 0, y0 = 0, x1 = im.width, y1 = im.height;
        if (argc == 9) {
            x0 = std::max(0, std::atoi(argv[5]));
            y0 = std::max(0, std::atoi(argv[6]));
            x1 = std::min(im.width, std::atoi(argv[7]));
            y1 = std::min(im.height, std::atoi(argv[8]));
        }
        long count = 0;
        int bx0 = im.width, by0 = im.height, bx1 = -1, by1 = -1;
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                const auto* p = im.at(x, y);
                if (std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol) {
                    ++count;
                    bx0 = std::min(bx0, x);
                    by0 = std::min(by0, y);
                    bx1 = std::max(bx1, x);
                    by1 = std::max(by1, y);
                }
            }
        }
        if (cmd == "count") std::cout << count << "\n";
        else if (count == 0) std::cout << "none\n";
        else std::cout << bx0 << " " << by0 << " " << bx1 + 1 << " " << by1 + 1 << "\n";
        return 0;
    }
    std::cerr << "png_probe: bad arguments\n";
    return 2;
}
