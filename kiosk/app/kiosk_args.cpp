#include "kiosk_args.h"

#include <charconv>
#include <stdexcept>

namespace veche::kiosk {

const char* const kKioskUsage =
    "usage: veche-kiosk [options]\n"
    "  --state DIR         the kiosk's store and identity (default veche-state/kiosk)\n"
    "  --hub URL           the hub to enrol with, https://host[:port] (http:// on\n"
    "                      loopback; default http://127.0.0.1:8080); once enrolled, the\n"
    "                      kiosk uses the hub it was enrolled with\n"
    "  --hub-ca FILE       trust only the CA certificates in FILE (PEM) for the hub\n"
    "  --enrol CODE        enrol with a one-time code from the hub first\n"
    "  --name NAME         the kiosk's name for staff, with --enrol\n"
    "  --modem DEVICE      the GSM modem that sends registration codes; default: the\n"
    "                      hub's setting\n"
    "  --cabinet FILE      the cabinet's Modbus I/O modules (docs/hardware.md), a file or\n"
    "                      a shipped cabinet's name; default: the hub's setting\n"
    "  --modbus-device DEV the RS-485 adapter, instead of the cabinet file's\n"
    "  --profiles DIR      where the Modbus device profiles are\n"
    "  --windowed          a window instead of full screen\n"
    "  --landscape         1920x1080 instead of 1080x1920 (with --windowed)\n"
    "  --idle-seconds N    no touch for N s asks «Вы ещё здесь?» (default 120)\n"
    "  --screenshots DIR   render every screen with sample content to PNG and exit\n";

KioskArgs parseKioskArgs(const std::vector<std::string>& args) {
    KioskArgs a;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(flag + " needs a value");
            }
            return args[++i];
        };
        if (flag == "--state") {
            a.stateDir = value();
        } else if (flag == "--hub-ca") {
            a.hubCa = value();
        } else if (flag == "--hub") {
            a.hub = provisioning::parseHubUrl(value());
        } else if (flag == "--enrol") {
            a.enrolCode = value();
        } else if (flag == "--name") {
            a.name = value();
        } else if (flag == "--modem") {
            a.modem = value();
        } else if (flag == "--cabinet") {
            a.cabinet = value();
        } else if (flag == "--modbus-device") {
            a.modbusDevice = value();
        } else if (flag == "--profiles") {
            a.profiles = value();
        } else if (flag == "--windowed") {
            a.windowed = true;
        } else if (flag == "--landscape") {
            a.landscape = true;
        } else if (flag == "--idle-seconds") {
            const std::string& text = value();
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), a.idleSeconds);
            if (error != std::errc() || end != text.data() + text.size() || a.idleSeconds < 30 ||
                a.idleSeconds > 3600) {
                throw std::invalid_argument("--idle-seconds must be a whole number, 30 to 3600");
            }
        } else if (flag == "--screenshots") {
            a.screenshots = value();
        } else {
            throw std::invalid_argument("unknown option " + flag);
        }
    }
    return a;
}

}  // namespace veche::kiosk
