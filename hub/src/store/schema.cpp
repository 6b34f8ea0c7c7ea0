#include "veche/hub/store/schema.h"

namespace veche::hub::schema {
namespace {

// Version 1: territories, buildings, their registries and members, API tokens.
const std::vector<std::string> kVersion1 = {
    "CREATE TABLE territories ("
    " id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " created_at BIGINT NOT NULL)",

    "CREATE TABLE buildings ("
    " id TEXT PRIMARY KEY,"
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " address TEXT NOT NULL,"
    " created_at BIGINT NOT NULL)",

    // The owners' registry exactly as imported (registry.csv), one row a line.
    "CREATE TABLE registry_rows ("
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " line INTEGER NOT NULL,"
    " premises TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " area_hundredths BIGINT NOT NULL,"
    " owner_id TEXT NOT NULL,"
    " owner TEXT NOT NULL,"
    " share TEXT NOT NULL,"
    " document TEXT NOT NULL,"
    " joint TEXT NOT NULL,"
    " PRIMARY KEY (building_id, line))",

    // Members of one-person-one-vote bodies of a territory (members.csv).
    "CREATE TABLE members ("
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " member_id TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " PRIMARY KEY (territory_id, member_id))",

    // API tokens: only a hash of the secret is kept.
    "CREATE TABLE tokens ("
    " id TEXT PRIMARY KEY,"
    " secret_hash TEXT NOT NULL,"
    " role TEXT NOT NULL,"
    " label TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " revoked_at BIGINT)",
};

// Version 2: assemblies, their agendas, and ballots from every channel.
const std::vector<std::string> kAssemblies = {
    "CREATE TABLE assemblies ("
    " id TEXT PRIMARY KEY,"
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " building_id TEXT REFERENCES buildings(id),"
    " rules TEXT NOT NULL,"
    " form TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " initiator TEXT NOT NULL,"
    " place TEXT NOT NULL,"
    " ballot_address TEXT NOT NULL,"
    " materials TEXT NOT NULL,"
    " opens_at BIGINT NOT NULL,"
    " closes_at BIGINT NOT NULL,"
    " electronic_binding INTEGER NOT NULL,"
    " status TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " voters TEXT NOT NULL)",

    "CREATE TABLE agenda_items ("
    " assembly_id TEXT NOT NULL REFERENCES assemblies(id),"
    " position INTEGER NOT NULL,"
    " item_id TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " threshold TEXT NOT NULL,"
    " PRIMARY KEY (assembly_id, item_id))",

    // Every ballot ever accepted, from any channel, under the id it was given
    // where it was cast. Which of a voter's ballots counts is decided when
    // counting (docs/ballots.md), so nothing is ever overwritten.
    "CREATE TABLE ballots ("
    " id TEXT PRIMARY KEY,"
    " assembly_id TEXT NOT NULL REFERENCES assemblies(id),"
    " voter_id TEXT NOT NULL,"
    " channel TEXT NOT NULL,"
    " cast_at BIGINT NOT NULL,"
    " received_at BIGINT NOT NULL,"
    " source TEXT NOT NULL,"
    " digest TEXT NOT NULL)",

    "CREATE INDEX ballots_by_voter ON ballots (assembly_id, voter_id)",

    "CREATE TABLE ballot_answers ("
    " ballot_id TEXT NOT NULL REFERENCES ballots(id),"
    " item_id TEXT NOT NULL,"
    " choice TEXT NOT NULL,"
    " PRIMARY KEY (ballot_id, item_id))",
};

// Version 3: notices for territories and buildings.
const std::vector<std::string> kNotices = {
    "CREATE TABLE notices ("
    " id TEXT PRIMARY KEY,"
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " category TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " body TEXT NOT NULL,"
    " author TEXT NOT NULL,"
    " valid_from BIGINT NOT NULL,"
    " valid_until BIGINT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " changed_at BIGINT NOT NULL)",

    "CREATE INDEX notices_by_territory ON notices (territory_id, valid_until)",

    // The buildings a notice is for; none means the whole territory.
    "CREATE TABLE notice_buildings ("
    " notice_id TEXT NOT NULL REFERENCES notices(id),"
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " PRIMARY KEY (notice_id, building_id))",
};

// Version 4: kiosks, their enrolment codes, request nonces and synced events.
const std::vector<std::string> kKiosks = {
    // One-time codes, kept as SHA-256 of the normalised code.
    "CREATE TABLE enrolment_codes ("
    " code_hash TEXT PRIMARY KEY,"
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " created_at BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL,"
    " used_at BIGINT,"
    " kiosk_id TEXT)",

    "CREATE TABLE kiosks ("
    " id TEXT PRIMARY KEY,"
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " public_key TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " enrolled_at BIGINT NOT NULL,"
    " revoked_at BIGINT,"
    " last_seen_at BIGINT)",

    // Nonces of signed requests seen within the freshness window; a second
    // request with the same nonce is a replay.
    "CREATE TABLE kiosk_nonces ("
    " kiosk_id TEXT NOT NULL REFERENCES kiosks(id),"
    " nonce TEXT NOT NULL,"
    " seen_at BIGINT NOT NULL,"
    " PRIMARY KEY (kiosk_id, nonce))",

    // Events pushed by kiosks, by the id the kiosk gave them; ballots go to
    // the ballots table instead.
    "CREATE TABLE kiosk_events ("
    " id TEXT PRIMARY KEY,"
    " kiosk_id TEXT NOT NULL REFERENCES kiosks(id),"
    " type TEXT NOT NULL,"
    " at BIGINT NOT NULL,"
    " payload TEXT NOT NULL,"
    " received_at BIGINT NOT NULL)",
};

// Version 5: residents' phones, their consents, and links to premises.
const std::vector<std::string> kResidents = {
    // A phone number proven by its owner (SMS code at a kiosk, or the
    // operator's network for USSD), E.164.
    "CREATE TABLE phones ("
    " phone TEXT PRIMARY KEY,"
    " verified_at BIGINT NOT NULL,"
    " verified_via TEXT NOT NULL)",

    // Each consent is its own record (152-ФЗ): what text version, when,
    // through which channel, and its withdrawal.
    "CREATE TABLE consents ("
    " id TEXT PRIMARY KEY,"
    " phone TEXT NOT NULL REFERENCES phones(phone),"
    " kind TEXT NOT NULL,"
    " text_version TEXT NOT NULL,"
    " given_at BIGINT NOT NULL,"
    " channel TEXT NOT NULL,"
    " withdrawn_at BIGINT,"
    " withdrawn_via TEXT)",

    // Phones the registry keeper already knows for owners.
    "CREATE TABLE owner_phones ("
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " owner_id TEXT NOT NULL,"
    " phone TEXT NOT NULL,"
    " PRIMARY KEY (building_id, owner_id, phone))",

    "CREATE TABLE link_requests ("
    " id TEXT PRIMARY KEY,"
    " phone TEXT NOT NULL REFERENCES phones(phone),"
    " building_id TEXT NOT NULL REFERENCES buildings(id),"
    " premises TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " owner_id TEXT,"
    " requested_at BIGINT NOT NULL,"
    " requested_via TEXT NOT NULL,"
    " decided_at BIGINT,"
    " decided_by TEXT,"
    " reason TEXT)",

    "CREATE INDEX link_requests_by_phone ON link_requests (phone, building_id, status)",
};

// Version 6: polls with one answer per phone, and residents' problem reports.
const std::vector<std::string> kPollsAndReports = {
    "CREATE TABLE polls ("
    " id TEXT PRIMARY KEY,"
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " building_id TEXT REFERENCES buildings(id),"
    " question TEXT NOT NULL,"
    " options TEXT NOT NULL,"
    " opens_at BIGINT NOT NULL,"
    " closes_at BIGINT NOT NULL,"
    " created_at BIGINT NOT NULL)",

    // The answer that counts for a phone is its earliest (then smallest id).
    "CREATE TABLE poll_answers ("
    " poll_id TEXT NOT NULL REFERENCES polls(id),"
    " phone TEXT NOT NULL,"
    " option_index INTEGER NOT NULL,"
    " answered_at BIGINT NOT NULL,"
    " answer_id TEXT NOT NULL,"
    " channel TEXT NOT NULL,"
    " PRIMARY KEY (poll_id, phone))",

    "CREATE TABLE reports ("
    " id TEXT PRIMARY KEY,"
    " territory_id TEXT NOT NULL REFERENCES territories(id),"
    " building_id TEXT REFERENCES buildings(id),"
    " category TEXT NOT NULL,"
    " text TEXT NOT NULL,"
    " phone TEXT NOT NULL,"
    " channel TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " answer TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " changed_at BIGINT NOT NULL)",
};

// Version 7: the salt of each building's phone hashes sent to kiosks.
const std::vector<std::string> kSalts = {
    "CREATE TABLE building_salts ("
    " building_id TEXT PRIMARY KEY REFERENCES buildings(id),"
    " salt TEXT NOT NULL)",
};

// Version 8: forgetting old nonces must not read all of a kiosk's nonces.
const std::vector<std::string> kNonceIndex = {
    "CREATE INDEX kiosk_nonces_by_time ON kiosk_nonces (kiosk_id, seen_at)",
};

// Version 9: the SMS outbox and verification codes. `refs` lists the TP-MR of each part sent, as
// ",12,13," so that a delivery report finds its message with LIKE.
const std::vector<std::string> kSms = {
    "CREATE TABLE sms_outbox ("
    " id BIGINT PRIMARY KEY,"
    " phone TEXT NOT NULL,"
    " text TEXT NOT NULL,"
    " priority INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " attempts INTEGER NOT NULL,"
    " not_before BIGINT NOT NULL,"
    " modem_id TEXT,"
    " refs TEXT,"
    " reason TEXT,"
    " created_at BIGINT NOT NULL,"
    " sent_at BIGINT,"
    " delivered_at BIGINT)",
    "CREATE INDEX sms_outbox_queue ON sms_outbox (status, priority DESC, created_at, id)",
    "CREATE INDEX sms_outbox_by_modem ON sms_outbox (modem_id, phone, status)",
    "CREATE INDEX sms_outbox_by_phone ON sms_outbox (phone, kind, created_at)",
    // Verification codes sent by SMS: only a hash of each, never the code.
    "CREATE TABLE sms_codes ("
    " id TEXT PRIMARY KEY,"
    " phone TEXT NOT NULL,"
    " prefix TEXT NOT NULL,"
    " kiosk_id TEXT NOT NULL,"
    " code_hash TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL,"
    " attempts INTEGER NOT NULL,"
    " used INTEGER NOT NULL)",
    "CREATE INDEX sms_codes_by_phone ON sms_codes (phone, created_at)",
    "CREATE INDEX sms_codes_by_kiosk ON sms_codes (kiosk_id, created_at)",
    "CREATE INDEX sms_codes_by_prefix ON sms_codes (prefix, created_at)",
};

template <typename... Lists>
std::vector<std::string> concat(const Lists&... lists) {
    std::vector<std::string> all;
    (all.insert(all.end(), lists.begin(), lists.end()), ...);
    return all;
}

// Version 10: USSD sessions (the engine's state between a gateway's requests;
// `version` guards against two hub instances moving one session at once), and
// notices marked public for callers the hub does not know. No index on
// updated_at: every step would move the session in it; forgetting old
// sessions scans the table once a minute instead.
const std::vector<std::string> kUssd = {
    "CREATE TABLE ussd_sessions ("
    " id TEXT PRIMARY KEY,"
    " msisdn TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " version INTEGER NOT NULL,"
    " updated_at BIGINT NOT NULL)",
    "ALTER TABLE notices ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0",
};

// Version 11: what kiosks' telemetry and alarm events say of their health
// (docs/kiosk-sync.md). Each row keeps the time of the event it came from and
// is replaced only by an event not older, so the order events arrive in does
// not matter. Readings are NULL when the kiosk did not send them.
const std::vector<std::string> kKioskHealth = {
    "CREATE TABLE kiosk_health ("
    " kiosk_id TEXT PRIMARY KEY REFERENCES kiosks(id),"
    " last_event_at BIGINT,"
    " last_received_at BIGINT,"
    " telemetry_at BIGINT,"
    " telemetry TEXT,"
    " temperature_c DOUBLE PRECISION,"
    " mains INTEGER,"
    " battery_percent DOUBLE PRECISION,"
    " degraded INTEGER,"
    " modem_signal_percent INTEGER,"
    " devices_offline INTEGER)",
    "CREATE TABLE kiosk_alarms ("
    " kiosk_id TEXT NOT NULL REFERENCES kiosks(id),"
    " alarm TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " raised_at BIGINT,"
    " changed_at BIGINT NOT NULL,"
    " detail TEXT NOT NULL,"
    " PRIMARY KEY (kiosk_id, alarm, subject))",
    // Every alarm event as it came, for a kiosk's history.
    "CREATE TABLE kiosk_alarm_events ("
    " event_id TEXT PRIMARY KEY REFERENCES kiosk_events(id),"
    " kiosk_id TEXT NOT NULL REFERENCES kiosks(id),"
    " at BIGINT NOT NULL,"
    " alarm TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " detail TEXT NOT NULL)",
    "CREATE INDEX kiosk_alarm_events_by_time ON kiosk_alarm_events (kiosk_id, at)",
};

// Version 12: kiosk provisioning (docs/kiosk-sync.md). A code carries the
// settings it gives its kiosk and, for a replacement, the kiosk it replaces; a
// kiosk keeps its settings and the kiosk enrolled in its place. Every public
// key a kiosk has had is kept with when it became current and when it was
// replaced: a replaced key still signs for a grace period after replaced_at.
// Kiosks enrolled before get their key since enrolment.
const std::vector<std::string> kProvisioning = {
    "ALTER TABLE enrolment_codes ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE enrolment_codes ADD COLUMN replaces TEXT REFERENCES kiosks(id)",
    "ALTER TABLE kiosks ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE kiosks ADD COLUMN replaced_by TEXT REFERENCES kiosks(id)",
    "CREATE TABLE kiosk_keys ("
    " kiosk_id TEXT NOT NULL REFERENCES kiosks(id),"
    " public_key TEXT NOT NULL,"
    " valid_from BIGINT NOT NULL,"
    " replaced_at BIGINT,"
    " PRIMARY KEY (kiosk_id, public_key))",
    "INSERT INTO kiosk_keys (kiosk_id, public_key, valid_from) "
    "SELECT id, public_key, enrolled_at FROM kiosks",
};

// Version 13: paper ballot double entry (docs/paper-ballots.md). Secrets the
// hub makes for itself (the key of the ballots' check values), and every
// staff entry of a paper ballot: entries are only added, never changed.
const std::vector<std::string> kPaperBallots = {
    "CREATE TABLE hub_secrets ("
    " name TEXT PRIMARY KEY,"
    " value TEXT NOT NULL)",
    "CREATE TABLE paper_entries ("
    " assembly_id TEXT NOT NULL REFERENCES assemblies(id),"
    " ballot_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL,"
    " voter_id TEXT NOT NULL,"
    " token_id TEXT NOT NULL,"
    " second_pass INTEGER NOT NULL,"
    " received_at BIGINT NOT NULL,"
    " answers TEXT NOT NULL,"
    " entered_at BIGINT NOT NULL,"
    " PRIMARY KEY (assembly_id, ballot_id, seq))",
};

}  // namespace

int currentVersion() {
    return 13;
}

std::vector<std::string> current() {
    return concat(kVersion1, kAssemblies, kNotices, kKiosks, kResidents, kPollsAndReports, kSalts,
                  kNonceIndex, kSms, kUssd, kKioskHealth, kProvisioning, kPaperBallots);
}

std::vector<std::string> upgrade(int from) {
    switch (from) {
        case 1:
            return kAssemblies;
        case 2:
            return kNotices;
        case 3:
            return kKiosks;
        case 4:
            return kResidents;
        case 5:
            return kPollsAndReports;
        case 6:
            return kSalts;
        case 7:
            return kNonceIndex;
        case 8:
            return kSms;
        case 9:
            return kUssd;
        case 10:
            return kKioskHealth;
        case 11:
            return kProvisioning;
        case 12:
            return kPaperBallots;
        default:
            return {};
    }
}

std::vector<std::string> version1() {
    return kVersion1;
}

}  // namespace veche::hub::schema
