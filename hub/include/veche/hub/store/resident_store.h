#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Verified phones, consents, owners' known phones and link requests.
class ResidentStore {
public:
    explicit ResidentStore(Database& db) : db_(db) {}

    // Records a verification; a phone verified again keeps its first record.
    void verifyPhone(const std::string& phone, Millis at, const std::string& via);
    bool isVerified(const std::string& phone);

    void addConsent(const Consent& consent);
    // Withdraws every active consent of `kind`; returns how many.
    int withdrawConsents(const std::string& phone, const std::string& kind, Millis at,
                         const std::string& via);
    std::vector<Consent> consents(const std::string& phone);

    void replaceOwnerPhones(const std::string& buildingId,
                            const std::vector<std::pair<std::string, std::string>>& ownerPhones);
    // Owners of the building the registry keeper listed with this phone.
    std::vector<std::string> ownersWithPhone(const std::string& buildingId,
                                             const std::string& phone);

    void addLinkRequest(const LinkRequest& request);
    std::optional<LinkRequest> linkRequest(const std::string& id);
    std::vector<LinkRequest> linkRequests(const std::string& status);
    std::vector<LinkRequest> linkRequestsOf(const std::string& phone);
    // Decides a pending request; false when it is not pending.
    bool decide(const std::string& id, const std::string& status, const std::string& ownerId,
                Millis at, const std::string& by, const std::string& reason);
    // The building's salt for phone hashes, made by `fresh` the first time.
    std::string salt(const std::string& buildingId, const std::function<std::string()>& fresh);
    // (phone, owner) of every confirmed link in the building.
    std::vector<std::pair<std::string, std::string>> linkedPhones(const std::string& buildingId);

    // The owners `phones` are confirmed for in a building (phone to owner), in
    // one query per 500 phones.
    std::map<std::string, std::string> linkedOwners(const std::string& buildingId,
                                                    const std::vector<std::string>& phones);

    // Phones with SMS consent in force that are confirmed for a premises in
    // one of `buildingIds`, or anywhere in the territory when it is empty.
    std::vector<std::string> smsRecipients(const std::string& territoryId,
                                           const std::vector<std::string>& buildingIds);

    // The owner a phone is confirmed for in a building, if any.
    std::optional<std::string> linkedOwner(const std::string& phone, const std::string& buildingId);

private:
    Database& db_;
};

}  // namespace veche::hub
