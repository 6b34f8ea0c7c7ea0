#include "veche/core/plural.h"

namespace veche::core {

std::string pluralRu(long n, const std::string& one, const std::string& few,
                     const std::string& many) {
    const long magnitude = n < 0 ? -(n % 100) : n % 100;
    const long units = magnitude % 10;
    if (magnitude >= 11 && magnitude <= 14) {
        return many;
    }
    if (units == 1) {
        return one;
    }
    return units >= 2 && units <= 4 ? few : many;
}

}  // namespace veche::core
