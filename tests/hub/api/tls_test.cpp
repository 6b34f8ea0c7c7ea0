// The hub terminates TLS with a certificate from its configuration.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "../test_database.h"
#include "veche/hub/app/hub_stack.h"

namespace veche::hub {
namespace {

namespace fs = std::filesystem;

TEST(Tls, ServesHttpsWithTheConfiguredCertificate) {
    const fs::path dir = fs::temp_directory_path() / ("veche-tls-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string make =
        "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost "
        "-days 1 -keyout " +
        (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
    ASSERT_EQ(std::system(make.c_str()), 0) << "openssl could not make a test certificate";

    testing::TestDatabase database(testing::Backend::SQLite);
    database.db().migrate();
    SystemClock clock;
    SystemRandom random;
    ServerOptions options;
    options.port = 0;
    options.tls = TlsOptions{(dir / "cert.pem").string(), (dir / "key.pem").string()};
    HubStack stack(database.db(), clock, random, {}, options, Poco::Logger::get("test"));
    HttpServer& server = stack.server;
    server.start();

    const Poco::Net::Context::Ptr client = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::HTTPSClientSession session("127.0.0.1", server.port(), client);
    Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
    EXPECT_NE(body.find("\"ok\""), std::string::npos);

    server.stop();
    fs::remove_all(dir);
}

}  // namespace
}  // namespace veche::hub
