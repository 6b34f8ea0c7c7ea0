#include "veche/sim/pty.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace veche::sim {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

void replaceLink(const std::filesystem::path& target, const std::filesystem::path& link) {
    std::error_code ec;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(link, ec))) {
        std::filesystem::remove(link, ec);
    }
    std::filesystem::create_symlink(target, link);
}

}  // namespace

Pty::Pty(const std::filesystem::path& link) : link_(link) {
    master_ = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master_ < 0) {
        fail("posix_openpt");
    }
    char name[128];
    if (grantpt(master_) != 0 || unlockpt(master_) != 0 ||
        ptsname_r(master_, name, sizeof name) != 0) {
        const int saved = errno;
        ::close(master_);
        errno = saved;
        fail("pty setup");
    }
    slave_ = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    termios tio{};
    if (slave_ < 0 || tcgetattr(slave_, &tio) != 0) {
        const int saved = errno;
        if (slave_ >= 0) {
            ::close(slave_);
        }
        ::close(master_);
        errno = saved;
        fail(std::string("open ") + name);
    }
    cfmakeraw(&tio);
    tcsetattr(slave_, TCSANOW, &tio);
    fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
    try {
        replaceLink(name, link_);
    } catch (...) {
        ::close(slave_);
        ::close(master_);
        throw;
    }
}

Pty::~Pty() {
    std::error_code ec;
    std::filesystem::remove(link_, ec);
    ::close(slave_);
    ::close(master_);
}

void Pty::write(std::string_view data) const {
    while (!data.empty()) {
        const ssize_t n = ::write(master_, data.data(), data.size());
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno == EAGAIN) {
            pollfd p{master_, POLLOUT, 0};
            if (::poll(&p, 1, 1000) > 0) {
                continue;
            }
        }
        return;  // device gone or nobody reading: drop the rest
    }
}

}  // namespace veche::sim
