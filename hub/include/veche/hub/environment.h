#pragma once

#include <cstddef>
#include <string>

#include "veche/hub/model.h"

namespace veche::hub {

// The time, injected so that schedules and expiry are testable without sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis now() const = 0;
};

// Randomness for identifiers and secrets, injected for the same reason.
class Random {
public:
    virtual ~Random() = default;
    // `bytes` random bytes as lowercase hex (2 x bytes characters).
    virtual std::string hex(std::size_t bytes) = 0;
};

class SystemClock : public Clock {
public:
    Millis now() const override;
};

// The kernel's CSPRNG (getrandom).
class SystemRandom : public Random {
public:
    std::string hex(std::size_t bytes) override;
};

}  // namespace veche::hub
