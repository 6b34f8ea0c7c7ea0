#pragma once

#include <string>
#include <vector>

#include "veche/core/problem.h"
#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/store/resident_store.h"
#include "veche/hub/store/territory_store.h"

namespace veche::hub {

// Residents are their verified phones: consents given and withdrawn as
// separate acts, and links to premises that let a phone vote for an owner.
// Every operation throws ApiError naming what is wrong and stores nothing then.
class ResidentService {
public:
    ResidentService(ResidentStore& residents, TerritoryStore& territories, const Clock& clock,
                    Random& random);

    // `phone` as typed; returns it in E.164.
    std::string registerPhone(const std::string& phone, const std::string& via);

    // kind: "sms" or "personal_data"; the phone must be verified.
    // `id`, when given (the kiosk's event id), makes a repeat harmless.
    Consent giveConsent(const std::string& phone, const std::string& kind,
                        const std::string& textVersion, const std::string& channel,
                        const std::string& id = "");
    int withdrawConsent(const std::string& phone, const std::string& kind, const std::string& via);

    // Confirmed at once when the registry keeper listed this phone for an
    // owner of the premises; pending for staff otherwise.
    LinkRequest requestLink(const std::string& phone, const std::string& buildingId,
                            const std::string& premises, const std::string& via,
                            const std::string& id = "");
    LinkRequest confirmLink(const std::string& id, const std::string& ownerId,
                            const std::string& staff);
    LinkRequest rejectLink(const std::string& id, const std::string& reason,
                           const std::string& staff);

    // owner_phones.csv: "owner_id,phone"; every problem named with its line.
    core::Problems importOwnerPhones(const std::string& buildingId, const std::string& csv);

    ResidentStore& store() { return residents_; }

private:
    std::string verified(const std::string& phone);
    // Owner ids holding `premises` in the building's registry.
    std::vector<std::string> ownersOf(const std::string& buildingId, const std::string& premises);

    ResidentStore& residents_;
    TerritoryStore& territories_;
    const Clock& clock_;
    Random& random_;
};

}  // namespace veche::hub
