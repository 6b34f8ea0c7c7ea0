#include "veche/hub/store/notice_store.h"

#include <Poco/Data/Session.h>

#include <algorithm>
#include <map>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr const char* kColumns =
    "id, territory_id, category, title, body, author, valid_from, valid_until, created_at, "
    "changed_at, is_public";

std::vector<std::string> targetsOf(Poco::Data::Session& s, const std::string& id) {
    std::vector<std::string> buildings;
    s << "SELECT building_id FROM notice_buildings WHERE notice_id = $1 ORDER BY building_id",
        useRef(id), into(buildings), now;
    return buildings;
}

}  // namespace

void NoticeStore::create(const Notice& n) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    const std::string category(nameOf(n.category));
    const int isPublic = n.isPublic ? 1 : 0;
    s << "INSERT INTO notices (" + std::string(kColumns) +
             ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        useRef(n.id), useRef(n.territoryId), useRef(category), useRef(n.title), useRef(n.body),
        useRef(n.author), useRef(n.validFrom), useRef(n.validUntil), useRef(n.createdAt),
        useRef(n.changedAt), useRef(isPublic), now;
    for (const std::string& building : n.buildingIds) {
        s << "INSERT INTO notice_buildings (notice_id, building_id) VALUES ($1, $2)", useRef(n.id),
            useRef(building), now;
    }
    tx.commit();
}

std::optional<Notice> NoticeStore::get(const std::string& id) {
    Poco::Data::Session s = db_.session();
    Notice n;
    std::string category;
    int isPublic = 0;
    Poco::Data::Statement select(s);
    select << "SELECT " + std::string(kColumns) + " FROM notices WHERE id = $1", useRef(id),
        into(n.id), into(n.territoryId), into(category), into(n.title), into(n.body),
        into(n.author), into(n.validFrom), into(n.validUntil), into(n.createdAt), into(n.changedAt),
        into(isPublic);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    n.isPublic = isPublic != 0;
    const auto parsed = parseCategory(category);
    if (!parsed) {
        throw std::runtime_error("unknown notice category " + category + " in the database");
    }
    n.category = *parsed;
    n.buildingIds = targetsOf(s, n.id);
    return n;
}

namespace {

// The columns of kColumns, a vector each, filled by one SELECT.
struct NoticeRows {
    std::vector<std::string> ids, territories, categories, titles, bodies, authors;
    std::vector<Millis> from, until, created, changed;
    std::vector<int> isPublic;

    void fillFrom(Poco::Data::Statement& select) {
        select, into(ids), into(territories), into(categories), into(titles), into(bodies),
            into(authors), into(from), into(until), into(created), into(changed), into(isPublic);
        select.execute();
    }

    // The notices, with `targets` (notice id → building ids) for their buildings.
    std::vector<Notice> notices(std::map<std::string, std::vector<std::string>>& targets) const {
        std::vector<Notice> out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto category = parseCategory(categories[i]);
            if (!category) {
                throw std::runtime_error("unknown notice category " + categories[i] +
                                         " in the database");
            }
            out.push_back({ids[i], territories[i], targets[ids[i]], *category, titles[i], bodies[i],
                           authors[i], from[i], until[i], created[i], changed[i],
                           isPublic[i] != 0});
        }
        return out;
    }
};

// Target buildings by notice, from a SELECT of (notice_id, building_id).
std::map<std::string, std::vector<std::string>> targetsFrom(Poco::Data::Statement& select) {
    std::vector<std::string> notices, buildings;
    select, into(notices), into(buildings);
    select.execute();
    std::map<std::string, std::vector<std::string>> targets;
    for (std::size_t i = 0; i < notices.size(); ++i) {
        targets[notices[i]].push_back(buildings[i]);
    }
    return targets;
}

constexpr const char* kEmergencyFirst =
    " ORDER BY CASE WHEN category = 'emergency' THEN 0 ELSE 1 END, created_at DESC, id";

}  // namespace

std::vector<Notice> NoticeStore::list(const std::string& territoryId, const std::string& buildingId,
                                      std::optional<Millis> at) {
    Poco::Data::Session s = db_.session();
    const Millis moment = at.value_or(0);
    const int anyTime = at ? 0 : 1;
    // Whole-territory notices, and those aimed at this building (all, without one).
    Poco::Data::Statement select(s);
    select << "SELECT " + std::string(kColumns) +
                  " FROM notices n WHERE territory_id = $1 "
                  "AND ($2 = 1 OR (valid_from <= $3 AND valid_until > $4)) "
                  "AND ($5 = '' OR NOT EXISTS (SELECT 1 FROM notice_buildings t WHERE "
                  "t.notice_id = n.id) OR EXISTS (SELECT 1 FROM notice_buildings t WHERE "
                  "t.notice_id = n.id AND t.building_id = $6))" +
                  kEmergencyFirst,
        useRef(territoryId), useRef(anyTime), useRef(moment), useRef(moment), useRef(buildingId),
        useRef(buildingId);
    NoticeRows rows;
    rows.fillFrom(select);
    // The targets of all the territory's notices, in one read.
    Poco::Data::Statement targets(s);
    targets << "SELECT t.notice_id, t.building_id FROM notice_buildings t JOIN notices n ON "
               "n.id = t.notice_id WHERE n.territory_id = $1 ORDER BY t.building_id",
        useRef(territoryId);
    auto byNotice = targetsFrom(targets);
    return rows.notices(byNotice);
}

std::vector<Notice> NoticeStore::listPublic(Millis at) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT " + std::string(kColumns) +
                  " FROM notices WHERE is_public = 1 AND valid_from <= $1 AND valid_until > $2" +
                  kEmergencyFirst,
        useRef(at), useRef(at);
    NoticeRows rows;
    rows.fillFrom(select);
    Poco::Data::Statement targets(s);
    targets << "SELECT t.notice_id, t.building_id FROM notice_buildings t JOIN notices n ON "
               "n.id = t.notice_id WHERE n.is_public = 1 ORDER BY t.building_id";
    auto byNotice = targetsFrom(targets);
    return rows.notices(byNotice);
}

}  // namespace veche::hub
