#pragma once

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "veche/hub/http/authenticator.h"
#include "veche/hub/http/metrics.h"
#include "veche/hub/http/router.h"

namespace veche::hub {

struct TlsOptions {
    std::string certificateFile;  // PEM
    std::string privateKeyFile;   // PEM
};

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: the OS chooses (tests)
    std::size_t maxBodyBytes = 1 << 20;
    int maxThreads = 64;
    int maxQueued = 512;
    std::optional<TlsOptions> tls;
};

// The hub's HTTP(S) front: authenticates each request (bearer token or kiosk
// signature), checks the route's roles, limits the body, calls the handler, and turns
// every error into the JSON error shape — a handler's ApiError as it is,
// malformed JSON as 400, anything unexpected as 500 (logged, never shown).
class HttpServer {
public:
    HttpServer(const ServerOptions& options, const Router& router, Metrics& metrics,
               Authenticator& auth, Poco::Logger& log);
    ~HttpServer();

    void start();
    void stop();
    std::uint16_t port() const;
    // Connections accepted and waiting for a request thread.
    int queuedConnections() const;

private:
    // The request threads. Poco's default pool holds at most 16 threads,
    // whatever maxThreads says, and a kept-alive connection holds its thread:
    // connections beyond 16 waited up to a second in the queue.
    std::unique_ptr<Poco::ThreadPool> threads_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// {"error": {"code": …, "message": …, "field": …}}
std::string errorBody(const std::string& code, const std::string& message,
                      const std::string& field = "");

}  // namespace veche::hub
