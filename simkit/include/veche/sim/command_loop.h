#pragma once

#include <functional>
#include <string>

namespace veche::sim {

// A simulator process's stdin commands and clean exit. Construct it first in
// main(), before any thread starts: it blocks SIGTERM and SIGINT so that they
// arrive here rather than killing a thread.
class CommandLoop {
public:
    CommandLoop();
    ~CommandLoop();
    CommandLoop(const CommandLoop&) = delete;
    CommandLoop& operator=(const CommandLoop&) = delete;

    // Hands each stdin line to `run` until it returns false, stdin ends or
    // SIGTERM / SIGINT arrives.
    void run(const std::function<bool(const std::string& line)>& handle);

private:
    int signalFd_ = -1;
};

}  // namespace veche::sim
