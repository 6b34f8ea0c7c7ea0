#include "veche/hub/store/resident_store.h"

#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr const char* kLinkColumns =
    "id, phone, building_id, premises, status, owner_id, requested_at, requested_via, "
    "decided_at, decided_by, reason";

std::vector<LinkRequest> selectLinks(Poco::Data::Session& s, const std::string& where,
                                     const std::string& value) {
    std::vector<std::string> ids, phones, buildings, premises, statuses, vias;
    std::vector<Poco::Nullable<std::string>> owners, bys, reasons;
    std::vector<Poco::Int64> requested;
    std::vector<Poco::Nullable<Poco::Int64>> decided;
    s << "SELECT " + std::string(kLinkColumns) + " FROM link_requests WHERE " + where +
             " = $1 ORDER BY requested_at, id",
        useRef(value), into(ids), into(phones), into(buildings), into(premises), into(statuses),
        into(owners), into(requested), into(vias), into(decided), into(bys), into(reasons), now;
    std::vector<LinkRequest> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        LinkRequest r{ids[i],
                      phones[i],
                      buildings[i],
                      premises[i],
                      statuses[i],
                      owners[i].isNull() ? "" : owners[i].value(),
                      requested[i],
                      vias[i],
                      std::nullopt,
                      bys[i].isNull() ? "" : bys[i].value(),
                      reasons[i].isNull() ? "" : reasons[i].value()};
        if (!decided[i].isNull()) {
            r.decidedAt = decided[i].value();
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

void ResidentStore::verifyPhone(const std::string& phone, Millis at, const std::string& via) {
    db_.session() << "INSERT INTO phones (phone, verified_at, verified_via) VALUES ($1, $2, $3) "
                     "ON CONFLICT (phone) DO NOTHING",
        useRef(phone), useRef(at), useRef(via), now;
}

bool ResidentStore::isVerified(const std::string& phone) {
    Poco::Int64 n = 0;
    db_.session() << "SELECT COUNT(*) FROM phones WHERE phone = $1", useRef(phone), into(n), now;
    return n > 0;
}

void ResidentStore::addConsent(const Consent& c) {
    db_.session() << "INSERT INTO consents (id, phone, kind, text_version, given_at, channel) "
                     "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        useRef(c.id), useRef(c.phone), useRef(c.kind), useRef(c.textVersion), useRef(c.givenAt),
        useRef(c.channel), now;
}

int ResidentStore::withdrawConsents(const std::string& phone, const std::string& kind, Millis at,
                                    const std::string& via) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE consents SET withdrawn_at = $1, withdrawn_via = $2 "
              "WHERE phone = $3 AND kind = $4 AND withdrawn_at IS NULL",
        useRef(at), useRef(via), useRef(phone), useRef(kind);
    return static_cast<int>(update.execute());
}

std::vector<Consent> ResidentStore::consents(const std::string& phone) {
    std::vector<std::string> ids, kinds, versions, channels;
    std::vector<Poco::Int64> given;
    std::vector<Poco::Nullable<Poco::Int64>> withdrawn;
    std::vector<Poco::Nullable<std::string>> vias;
    db_.session() << "SELECT id, kind, text_version, given_at, channel, withdrawn_at, "
                     "withdrawn_via FROM consents WHERE phone = $1 ORDER BY given_at, id",
        useRef(phone), into(ids), into(kinds), into(versions), into(given), into(channels),
        into(withdrawn), into(vias), now;
    std::vector<Consent> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Consent c{ids[i],   phone,       kinds[i],     versions[i],
                  given[i], channels[i], std::nullopt, vias[i].isNull() ? "" : vias[i].value()};
        if (!withdrawn[i].isNull()) {
            c.withdrawnAt = withdrawn[i].value();
        }
        out.push_back(std::move(c));
    }
    return out;
}

void ResidentStore::replaceOwnerPhones(
    const std::string& buildingId,
    const std::vector<std::pair<std::string, std::string>>& ownerPhones) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    s << "DELETE FROM owner_phones WHERE building_id = $1", useRef(buildingId), now;
    for (const auto& [owner, phone] : ownerPhones) {
        s << "INSERT INTO owner_phones (building_id, owner_id, phone) VALUES ($1, $2, $3) "
             "ON CONFLICT DO NOTHING",
            useRef(buildingId), useRef(owner), useRef(phone), now;
    }
    tx.commit();
}

std::vector<std::string> ResidentStore::ownersWithPhone(const std::string& buildingId,
                                                        const std::string& phone) {
    std::vector<std::string> owners;
    db_.session() << "SELECT owner_id FROM owner_phones WHERE building_id = $1 AND phone = $2 "
                     "ORDER BY owner_id",
        useRef(buildingId), useRef(phone), into(owners), now;
    return owners;
}

void ResidentStore::addLinkRequest(const LinkRequest& r) {
    const std::string owner = r.ownerId;
    const std::string by = r.decidedBy;
    const Millis decided = r.decidedAt.value_or(0);
    db_.session() << "INSERT INTO link_requests (" + std::string(kLinkColumns) +
                         ") VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), $7, $8, NULLIF($9, 0), "
                         "NULLIF($10, ''), NULL) ON CONFLICT (id) DO NOTHING",
        useRef(r.id), useRef(r.phone), useRef(r.buildingId), useRef(r.premises), useRef(r.status),
        useRef(owner), useRef(r.requestedAt), useRef(r.requestedVia), useRef(decided), useRef(by),
        now;
}

std::optional<LinkRequest> ResidentStore::linkRequest(const std::string& id) {
    Poco::Data::Session s = db_.session();
    auto found = selectLinks(s, "id", id);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::vector<LinkRequest> ResidentStore::linkRequests(const std::string& status) {
    Poco::Data::Session s = db_.session();
    return selectLinks(s, "status", status);
}

std::vector<LinkRequest> ResidentStore::linkRequestsOf(const std::string& phone) {
    Poco::Data::Session s = db_.session();
    return selectLinks(s, "phone", phone);
}

bool ResidentStore::decide(const std::string& id, const std::string& status,
                           const std::string& ownerId, Millis at, const std::string& by,
                           const std::string& reason) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE link_requests SET status = $1, owner_id = NULLIF($2, ''), decided_at = $3, "
              "decided_by = $4, reason = NULLIF($5, '') WHERE id = $6 AND status = 'pending'",
        useRef(status), useRef(ownerId), useRef(at), useRef(by), useRef(reason), useRef(id);
    return update.execute() > 0;
}

std::string ResidentStore::salt(const std::string& buildingId,
                                const std::function<std::string()>& fresh) {
    Poco::Data::Session s = db_.session();
    std::string salt;
    Poco::Data::Statement select(s);
    select << "SELECT salt FROM building_salts WHERE building_id = $1", useRef(buildingId),
        into(salt);
    if (select.execute() > 0) {
        return salt;  // every sync but the first: no write
    }
    const std::string made = fresh();
    s << "INSERT INTO building_salts (building_id, salt) VALUES ($1, $2) "
         "ON CONFLICT (building_id) DO NOTHING",
        useRef(buildingId), useRef(made), now;
    select.execute();  // ours, or the one a concurrent first sync stored
    return salt;
}

std::vector<std::pair<std::string, std::string>> ResidentStore::linkedPhones(
    const std::string& buildingId) {
    std::vector<std::string> phones, owners;
    db_.session() << "SELECT phone, owner_id FROM link_requests WHERE building_id = $1 AND "
                     "status = 'confirmed' ORDER BY phone, decided_at",
        useRef(buildingId), into(phones), into(owners), now;
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < phones.size(); ++i) {
        out.emplace_back(phones[i], owners[i]);
    }
    return out;
}

std::map<std::string, std::string> ResidentStore::linkedOwners(
    const std::string& buildingId, const std::vector<std::string>& phones) {
    constexpr std::size_t kChunk = 500;
    std::map<std::string, std::string> out;
    Poco::Data::Session s = db_.session();
    for (std::size_t start = 0; start < phones.size(); start += kChunk) {
        const std::size_t end = std::min(phones.size(), start + kChunk);
        std::string sql =
            "SELECT phone, owner_id FROM link_requests WHERE building_id = $1 AND "
            "status = 'confirmed' AND phone IN (";
        for (std::size_t i = start; i < end; ++i) {
            sql += (i > start ? ", $" : "$") + std::to_string(i - start + 2);
        }
        sql += ") ORDER BY decided_at";
        std::vector<std::string> found, owners;
        Poco::Data::Statement select(s);
        select << sql, useRef(buildingId);
        for (std::size_t i = start; i < end; ++i) {
            select, useRef(phones[i]);
        }
        select, into(found), into(owners);
        select.execute();
        for (std::size_t i = 0; i < found.size(); ++i) {
            out[found[i]] = owners[i];  // the latest decision wins, as in linkedOwner
        }
    }
    return out;
}

std::optional<std::string> ResidentStore::linkedOwner(const std::string& phone,
                                                      const std::string& buildingId) {
    std::vector<std::string> owners;
    db_.session() << "SELECT owner_id FROM link_requests WHERE phone = $1 AND building_id = $2 "
                     "AND status = 'confirmed' ORDER BY decided_at DESC",
        useRef(phone), useRef(buildingId), into(owners), now;
    if (owners.empty()) {
        return std::nullopt;
    }
    return owners.front();
}

std::vector<std::string> ResidentStore::smsRecipients(const std::string& territoryId,
                                                      const std::vector<std::string>& buildingIds) {
    std::vector<std::string> phones, buildings;
    db_.session() << "SELECT DISTINCT l.phone, l.building_id FROM link_requests l "
                     "JOIN buildings b ON b.id = l.building_id "
                     "JOIN consents c ON c.phone = l.phone AND c.kind = 'sms' "
                     "AND c.withdrawn_at IS NULL "
                     "WHERE l.status = 'confirmed' AND b.territory_id = $1 ORDER BY l.phone",
        useRef(territoryId), into(phones), into(buildings), now;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < phones.size(); ++i) {
        const bool targeted =
            buildingIds.empty() ||
            std::find(buildingIds.begin(), buildingIds.end(), buildings[i]) != buildingIds.end();
        if (targeted && (out.empty() || out.back() != phones[i])) {
            out.push_back(phones[i]);
        }
    }
    return out;
}

}  // namespace veche::hub
