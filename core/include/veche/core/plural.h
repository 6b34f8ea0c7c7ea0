#pragma once

#include <string>

namespace veche::core {

// The Russian form of a word after the number `n`: pluralRu(1, "событие",
// "события", "событий") is "событие"; 3 takes "события", 5, 11 and 12 take
// "событий". Negative numbers take the form of their magnitude.
std::string pluralRu(long n, const std::string& one, const std::string& few,
                     const std::string& many);

}  // namespace veche::core
