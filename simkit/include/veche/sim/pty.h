#pragma once

#include <filesystem>
#include <string_view>

namespace veche::sim {

// The master side of a pseudo-terminal whose slave is in raw mode and
// symlinked to a stable path. The slave stays open here too, so the master
// never sees a hang-up when a client closes the device.
class Pty {
public:
    // Opens the pair and creates `link` (replacing a symlink already there).
    // Throws std::system_error on failure.
    explicit Pty(const std::filesystem::path& link);
    // Closes both sides and removes the link.
    ~Pty();
    Pty(const Pty&) = delete;
    Pty& operator=(const Pty&) = delete;

    // Non-blocking master descriptor, for poll() and read().
    int masterFd() const { return master_; }

    // Writes all of `data`; waits up to one second for room, then drops the
    // rest (nobody is reading the device).
    void write(std::string_view data) const;

private:
    int master_ = -1;
    int slave_ = -1;
    std::filesystem::path link_;
};

}  // namespace veche::sim
