// Prepares signed kiosk requests for a load test: enrols a new kiosk on a hub
// with a one-time code, then writes COUNT signatures for one GET path, one
// "kiosk timestamp nonce signature" line each, for wrk (bench/signed.lua).
// Usage: signed_requests PORT CODE PATH COUNT > requests.txt
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "veche/provisioning/hub_client.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: signed_requests PORT CODE PATH COUNT\n";
        return 64;
    }
    const veche::provisioning::HubAddress hub{"127.0.0.1",
                                              static_cast<std::uint16_t>(std::stoi(argv[1]))};
    const auto key = veche::signing::KeyPair::generate();
    const auto reply = veche::provisioning::HubClient::enrol(hub, argv[2], key, "load test");
    if (reply.status != 201) {
        std::cerr << "enrolment failed: " << reply.body << '\n';
        return 1;
    }
    const std::string kiosk = Poco::JSON::Parser()
                                  .parse(reply.body)
                                  .extract<Poco::JSON::Object::Ptr>()
                                  ->getValue<std::string>("kiosk_id");
    long counter = 0;
    veche::provisioning::HubClient client(
        hub, kiosk, key,
        [] {
            using namespace std::chrono;
            return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
        },
        [&counter] {
            char nonce[32];
            std::snprintf(nonce, sizeof nonce, "load-%016ld", counter++);
            return std::string(nonce);
        });
    const long count = std::stol(argv[4]);
    for (long i = 0; i < count; ++i) {
        const auto s = client.sign("GET", argv[3], "");
        std::cout << kiosk << ' ' << s.timestamp << ' ' << s.nonce << ' ' << s.signature << '\n';
    }
    return 0;
}
