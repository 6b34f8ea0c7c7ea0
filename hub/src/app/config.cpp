#include "veche/hub/app/config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/JSONConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/Util/XMLConfiguration.h>

#include <filesystem>
#include <stdexcept>

namespace veche::hub {
namespace {

Poco::AutoPtr<Poco::Util::AbstractConfiguration> open(const std::string& path) {
    const std::string ext = Poco::Path(path).getExtension();
    if (ext == "properties")
        return new Poco::Util::PropertyFileConfiguration(path);
    if (ext == "ini")
        return new Poco::Util::IniFileConfiguration(path);
    if (ext == "json")
        return new Poco::Util::JSONConfiguration(path);
    if (ext == "xml")
        return new Poco::Util::XMLConfiguration(path);
    throw std::runtime_error(path +
                             ": a configuration file ends in .properties, .ini, .json or .xml");
}

// A program installed beside the running one (build/<preset>/bin, or the
// package's bin directory).
std::string besideThisProgram(const std::string& name) {
    std::error_code e;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", e);
    return e ? name : (self.parent_path() / name).string();
}

// A comma-separated key: its items, trimmed, empty ones left out.
std::vector<std::string> listOf(const Poco::Util::AbstractConfiguration& file,
                                const std::string& key) {
    const Poco::StringTokenizer items(
        file.getString(key, ""), ",",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {items.begin(), items.end()};
}

void readUssd(const Poco::Util::AbstractConfiguration& file, UssdSettings& u) {
    const int step = file.getInt("ussd.step_timeout_s", 30);
    const int session = file.getInt("ussd.session_timeout_s", 180);
    if (step < 5 || session < step) {
        throw std::runtime_error(
            "ussd.step_timeout_s must be at least 5 and ussd.session_timeout_s at least as long");
    }
    u.engine.stepTimeout = std::chrono::seconds(step);
    u.engine.sessionTimeout = std::chrono::seconds(session);
    u.engine.dialCode = file.getString("ussd.service_code", u.engine.dialCode);
    if (u.engine.dialCode.size() < 3 || u.engine.dialCode.front() != '*' ||
        u.engine.dialCode.back() != '#') {
        throw std::runtime_error("ussd.service_code must look like *123#");
    }
    u.access.gatewayToken = file.getString("ussd.gateway_token", "");
    if (file.has("ussd.allow_from")) {
        u.access.allowFrom = listOf(file, "ussd.allow_from");
    }
}

}  // namespace

HubConfig loadConfig(const std::string& path) {
    HubConfig c;
    if (path.empty()) {
        c.sqlitePath = c.stateDir + "/hub.sqlite";
        return c;
    }
    const auto file = open(path);
    try {
        c.server.host = file->getString("listen.host", c.server.host);
        const int port = file->getInt("listen.port", c.server.port);
        if (port < 0 || port > 65535) {
            throw std::runtime_error("listen.port must be 0 to 65535");
        }
        c.server.port = static_cast<std::uint16_t>(port);
        c.server.maxThreads = file->getInt("listen.threads", c.server.maxThreads);
        if (c.server.maxThreads < 1) {
            throw std::runtime_error("listen.threads must be at least 1");
        }
        c.stateDir = file->getString("state_dir", c.stateDir);
        c.backend = file->getString("store.backend", c.backend);
        if (c.backend != "sqlite" && c.backend != "postgresql") {
            throw std::runtime_error("store.backend must be sqlite or postgresql");
        }
        c.sqlitePath = file->getString("store.sqlite_path", c.stateDir + "/hub.sqlite");
        c.postgres = file->getString("store.postgresql", "");
        if (c.backend == "postgresql" && c.postgres.empty()) {
            throw std::runtime_error("store.postgresql (a libpq connection string) is required");
        }
        c.maxSessions = file->getInt("store.max_sessions", 4 * c.server.maxThreads);
        if (c.maxSessions < 3 * c.server.maxThreads) {
            throw std::runtime_error(
                "store.max_sessions must be at least three per request thread (listen.threads)");
        }
        c.logLevel = file->getString("log.level", c.logLevel);
        try {
            Poco::Logger::parseLevel(c.logLevel);
        } catch (const Poco::InvalidArgumentException&) {
            throw std::runtime_error(
                "log.level must be none, fatal, critical, error, warning, "
                "notice, information, debug or trace");
        }
        if (file->has("tls.certificate") || file->has("tls.private_key")) {
            c.server.tls =
                TlsOptions{file->getString("tls.certificate"), file->getString("tls.private_key")};
        }
        c.sms.devices = listOf(*file, "sms.modems");
        c.sms.worker = file->getString("sms.worker", besideThisProgram("veche-modem-worker"));
        c.sms.pool.partsPerMinute = file->getInt("sms.parts_per_minute", c.sms.pool.partsPerMinute);
        if (c.sms.pool.partsPerMinute < 1) {
            throw std::runtime_error("sms.parts_per_minute must be at least 1");
        }
        readUssd(*file, c.ussd);
        c.settings.regionalSystem = file->getBool("hub.regional_system", false);
        c.settings.utcOffsetMinutes =
            file->getInt("hub.utc_offset_minutes", c.settings.utcOffsetMinutes);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error(path + ": " + e.displayText());
    }
    return c;
}

std::unique_ptr<Database> openDatabase(const HubConfig& config) {
    std::unique_ptr<Database> db;
    if (config.backend == "postgresql") {
        db = Database::openPostgres(config.postgres, config.maxSessions);
    } else {
        const std::filesystem::path path(config.sqlitePath);
        if (path.has_parent_path()) {
            std::filesystem::create_directories(path.parent_path());
        }
        db = Database::openSqlite(config.sqlitePath, config.maxSessions);
    }
    db->migrate();
    return db;
}

}  // namespace veche::hub
