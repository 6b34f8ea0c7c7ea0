#pragma once

#include <atomic>
#include <cstdio>
#include <string>

#include "veche/hub/environment.h"

namespace veche::hub::testing {

// A clock that moves only when told to.
class ManualClock : public Clock {
public:
    explicit ManualClock(Millis start = 1'780'000'000'000) : now_(start) {}
    Millis now() const override { return now_.load(); }
    void set(Millis t) { now_ = t; }
    void advance(Millis by) { now_ += by; }

private:
    std::atomic<Millis> now_;
};

// Predictable "random" hex: a counter, zero-padded to the requested width.
class CountingRandom : public Random {
public:
    std::string hex(std::size_t bytes) override {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%0*llx", static_cast<int>(bytes * 2),
                      static_cast<unsigned long long>(++counter_));
        return std::string(buffer).substr(0, bytes * 2);
    }

private:
    std::atomic<unsigned long long> counter_{0};
};

}  // namespace veche::hub::testing
