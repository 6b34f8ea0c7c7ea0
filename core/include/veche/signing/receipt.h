#pragma once

#include <string>
#include <string_view>

namespace veche::signing {

// The receipt code a resident is shown for a ballot, whatever the channel:
// the first 8 hex digits of the SHA-256 of the ballot's id, upper case,
// "AB12-CD34". A kiosk works it out offline from the id it made; the hub
// gives the same code for the same ballot.
std::string receiptOf(std::string_view ballotId);

}  // namespace veche::signing
