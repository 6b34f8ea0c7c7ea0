#include "veche/kiosk/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace veche::kiosk {

std::string keyFileOf(const std::string& storePath) {
    const std::string suffix = ".sqlite";
    if (storePath.size() > suffix.size() &&
        storePath.compare(storePath.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return storePath.substr(0, storePath.size() - suffix.size()) + ".key";
    }
    return storePath + ".key";
}

void writeKeyFile(const std::string& path, const std::string& privateKeyBase64) {
    const std::string temporary = path + ".new";
    ::unlink(temporary.c_str());  // a leftover of a crash; never follow a link someone put there
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    const std::string text = privateKeyBase64 + "\n";
    const bool written =
        fd >= 0 && ::fchmod(fd, 0600) == 0 &&
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    const int error = errno;
    if (fd >= 0) {
        ::close(fd);
    }
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write the kiosk's key to " + path + ": " +
                                 std::strerror(written ? errno : error));
    }
    // The rename itself survives a power cut only once the directory is synced.
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

std::optional<std::string> readKeyFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        if (errno == ENOENT) {
            return std::nullopt;
        }
        throw std::runtime_error("cannot read the kiosk's key " + path + ": " +
                                 std::strerror(errno));
    }
    std::string key;
    if (!std::getline(in, key) || key.empty()) {
        return std::nullopt;
    }
    return key;
}

}  // namespace veche::kiosk
