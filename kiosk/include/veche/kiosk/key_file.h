#pragma once

#include <optional>
#include <string>

namespace veche::kiosk {

// The kiosk's private key lives in its own file beside the store
// (kiosk.sqlite → kiosk.key), readable by the kiosk's user alone (0600), so
// that a copy of the store holds no secret and staff can check the mode.

// The key file of the store at `storePath`.
std::string keyFileOf(const std::string& storePath);

// Replaces the file atomically (a temporary file, fsync, rename, fsync of
// the directory) with mode 0600. Throws std::runtime_error naming the file
// when it cannot.
void writeKeyFile(const std::string& path, const std::string& privateKeyBase64);

// The key in the file; nullopt when there is none. Throws
// std::runtime_error when the file is there but cannot be read.
std::optional<std::string> readKeyFile(const std::string& path);

}  // namespace veche::kiosk
