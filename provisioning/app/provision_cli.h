#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace veche::provisioning {

// What veche-provision takes from its surroundings, injected for tests.
struct ProvisionContext {
    std::function<std::int64_t()> now;   // ms since 1970
    std::string token;                   // VECHE_TOKEN, when --token is not given
    std::function<std::string()> nonce;  // 16–64 characters, never repeated (signed requests)
};

// veche-provision: staff and operators enrol, list, revoke and replace
// kiosks and print their labels (docs/provisioning.md). `args` are the
// arguments after the program's name. Writes what staff read (in Russian)
// to `out`, errors to `err`; returns the exit code: 0 done, 1 refused by
// the hub or failed, 64 a usage error.
int runProvision(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const ProvisionContext& context);

}  // namespace veche::provisioning
