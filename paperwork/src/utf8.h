#pragma once

// UTF-8 to code points and back, for the typography (internal).

#include <string>
#include <string_view>

namespace veche::paperwork::detail {

// Code points of `text`; an invalid byte becomes U+FFFD.
std::u32string decodeUtf8(std::string_view text);

std::string encodeUtf8(std::u32string_view text);

}  // namespace veche::paperwork::detail
