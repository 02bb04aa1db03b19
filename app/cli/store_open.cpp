// Opening a library for a command (see store_open.h).
#include "app/cli/store_open.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/store/postgres_store.h"

namespace bodymap::app {

std::string readPassword(const std::string& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return {};
    (void)!::write(fd, prompt.data(), prompt.size());
    termios old{};
    const bool term = tcgetattr(fd, &old) == 0;
    if (term) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    char ch = 0;
    while (::read(fd, &ch, 1) == 1 && ch != '\n' && line.size() < 1024) line.push_back(ch);
    if (term) tcsetattr(fd, TCSAFLUSH, &old);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    return line;
}

std::unique_ptr<store::Store> openCliStore(const std::string& location, const maps::TemplateRegistry& templates,
                                           bool createFolder, std::ostream& err, std::string* passwordOut) {
    store::OpenOptions options;
    options.createFolder = createFolder;
    auto opened = store::openStore(location, templates, options);
    if (!opened.store && opened.needsPassword) {
        // TRANSLATORS: asked on the terminal; %s is the server (never with a password in it).
        options.password = readPassword(i18n::format(tr("Password for %s: "), store::redactedLocation(location).c_str()));
        if (!options.password.empty()) opened = store::openStore(location, templates, options);
    }
    if (!opened.store) {
        err << "bodymap: " << maps::printableForMessage(opened.error) << "\n";
        return nullptr;
    }
    if (passwordOut) *passwordOut = options.password;
    return std::move(opened.store);
}

}  // namespace bodymap::app
