#pragma once

#include <string>
#include <utility>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/services/hub.h"

namespace veche::hub {

// What a phone number may see and do, for the channels that know a resident
// only by number (SMS and USSD): its confirmed flats, and the assemblies and
// polls open to them now.
class PhoneScope {
public:
    PhoneScope(Hub& hub, const Clock& clock) : hub_(hub), clock_(clock) {}

    struct Flat {
        Building building;
        std::string ownerId;
    };
    // The flats the phone is confirmed for, with the owner it votes for.
    std::vector<Flat> flatsOf(const std::string& phone);
    // Open assemblies of the phone's flats, each with the owner it votes for.
    std::vector<std::pair<Assembly, std::string>> openAssembliesFor(const std::string& phone);
    // Open polls of the territories and buildings the phone is linked in.
    std::vector<Poll> openPollsFor(const std::string& phone);
    // Whether the phone has SMS consent in force.
    bool smsConsent(const std::string& phone);

private:
    Hub& hub_;
    const Clock& clock_;
};

}  // namespace veche::hub
