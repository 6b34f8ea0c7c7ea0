#include "veche/hub/http/server.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Stopwatch.h>
#include <Poco/URI.h>

#include <sstream>

#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

struct Context {
    ServerOptions options;
    const Router& router;
    Metrics& metrics;
    Authenticator& auth;
    Poco::Logger& log;
};

// Bodies this much over the limit are still read (and thrown away) before the
// 413 goes out, so that the client reads the answer instead of a reset
// connection; larger ones are cut off.
constexpr std::size_t kDrainLimit = 16u << 20;

ApiError tooLarge(std::size_t limit) {
    return ApiError(413, "body_too_large",
                    "the request body is larger than " + std::to_string(limit) + " bytes");
}

// Reads at most `limit` bytes of the body; ApiError 413 beyond it.
std::string readBody(Poco::Net::HTTPServerRequest& request, std::size_t limit) {
    std::string body;
    char buffer[8192];
    std::istream& in = request.stream();
    std::size_t total = 0;
    while ((in.read(buffer, sizeof buffer) || in.gcount() > 0) && total <= kDrainLimit) {
        const auto got = static_cast<std::size_t>(in.gcount());
        total += got;
        if (total <= limit) {
            body.append(buffer, got);
        }
    }
    if (total > limit) {
        throw tooLarge(limit);
    }
    return body;
}

// The one JSON shape of errors, with the code kept for the log.
Response failure(int status, const std::string& code, const std::string& message,
                 const std::string& field = "") {
    Response r = Response::json(status, errorBody(code, message, field));
    r.errorCode = code;
    return r;
}

class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ApiHandler(const Context& context) : c_(context) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        Poco::Stopwatch watch;
        watch.start();
        std::string route = "unmatched";
        std::string principal = "-";
        const Response r = respond(request, route, principal);
        // Counted and logged before the reply goes out, so whoever has read
        // the reply sees it in the metrics and the log.
        const double seconds = static_cast<double>(watch.elapsed()) / 1e6;
        c_.metrics.observeRequest(route, request.getMethod(), r.status, seconds);
        // The route's pattern, never the path: paths may carry phone numbers.
        if (c_.log.information()) {
            c_.log.information(
                "event=request method=%s route=%s status=%d ms=%.1f principal=%s error=%s",
                request.getMethod(), route, r.status, seconds * 1e3, principal,
                r.errorCode.empty() ? std::string("-") : r.errorCode);
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
        response.setContentType(r.contentType);
        for (const auto& [name, value] : r.headers) {
            response.set(name, value);
        }
        response.setContentLength64(static_cast<Poco::Int64>(r.body.size()));
        response.send().write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
    }

private:
    // Sets `route` to the matched pattern and `who` to "role:id" of
    // whoever was authenticated.
    Response respond(Poco::Net::HTTPServerRequest& request, std::string& route, std::string& who) {
        try {
            const Poco::URI uri(request.getURI());
            const Router::Match match = c_.router.match(request.getMethod(), uri.getPath());
            if (match.handler == nullptr) {
                return match.pathKnown ? failure(405, "method_not_allowed",
                                                 "this path does not take " + request.getMethod())
                                       : failure(404, "not_found", "no such endpoint");
            }
            route = match.pattern;
            Request req;
            req.method = request.getMethod();
            req.path = uri.getPath();
            req.params = match.params;
            for (const auto& [key, value] : uri.getQueryParameters()) {
                req.query[key] = value;
            }
            req.clientAddress = request.clientAddress().host().toString();
            // Say no before reading a body nobody is entitled to send.
            if (!match.roles->empty() && !request.has("Authorization") &&
                !request.has("X-Veche-Kiosk")) {
                return failure(401, "unauthorized", "a valid bearer token is required");
            }
            req.contentType = request.getContentType();
            req.body = readBody(request, c_.options.maxBodyBytes);
            if (!match.roles->empty()) {
                const auto principal = c_.auth.authenticate(request, req.body);
                if (!principal) {
                    return failure(401, "unauthorized", "a valid bearer token is required");
                }
                if (match.roles->count(principal->role) == 0) {
                    return failure(
                        403, "forbidden",
                        "the " + std::string(nameOf(principal->role)) + " role may not do this");
                }
                req.role = principal->role;
                req.tokenId = principal->tokenId;
                who = std::string(nameOf(principal->role)) + ":" + principal->tokenId;
            }
            return (*match.handler)(req);
        } catch (const ApiError& e) {
            return failure(e.status(), e.code(), e.what(), e.field());
        } catch (const Poco::SyntaxException& e) {
            return failure(400, "invalid_request", e.displayText());
        } catch (const Poco::Exception& e) {
            c_.log.error("event=internal_error route=%s what=%s", route, e.displayText());
            return failure(500, "internal", "internal error; see the hub's log");
        } catch (const std::exception& e) {
            c_.log.error("event=internal_error route=%s what=%s", route, std::string(e.what()));
            return failure(500, "internal", "internal error; see the hub's log");
        }
    }

    const Context& c_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Context context) : context_(context) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new ApiHandler(context_);
    }

private:
    Context context_;
};

Poco::Net::ServerSocket listen(const ServerOptions& options) {
    const Poco::Net::SocketAddress address(options.host, options.port);
    if (!options.tls) {
        return Poco::Net::ServerSocket(address);
    }
    Poco::Net::Context::Params params;
    params.certificateFile = options.tls->certificateFile;
    params.privateKeyFile = options.tls->privateKeyFile;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    return Poco::Net::SecureServerSocket(address, 64, context);
}

}  // namespace

std::string errorBody(const std::string& code, const std::string& message,
                      const std::string& field) {
    Poco::JSON::Object error(Poco::JSON_PRESERVE_KEY_ORDER);
    error.set("code", code);
    error.set("message", message);
    if (!field.empty()) {
        error.set("field", field);
    }
    Poco::JSON::Object body;
    body.set("error", error);
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

HttpServer::HttpServer(const ServerOptions& options, const Router& router, Metrics& metrics,
                       Authenticator& auth, Poco::Logger& log) {
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.maxThreads);
    params->setMaxQueued(options.maxQueued);
    params->setKeepAlive(true);
    // A kept-alive connection holds its thread; rotate them so that many
    // clients share the threads fairly.
    params->setMaxKeepAliveRequests(100);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    threads_ =
        std::make_unique<Poco::ThreadPool>(std::min(2, options.maxThreads), options.maxThreads);
    server_ = std::make_unique<Poco::Net::HTTPServer>(
        new Factory(Context{options, router, metrics, auth, log}), *threads_, listen(options),
        params);
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::start() {
    server_->start();
}

void HttpServer::stop() {
    if (server_) {
        server_->stopAll(true);
        // A connection accepted just before the stop hands the dispatcher to
        // a pool thread that has not run yet; destroying the pool then drops
        // that thread's reference and leaks the dispatcher. Let them finish.
        threads_->joinAll();
    }
}

std::uint16_t HttpServer::port() const {
    return server_->port();
}

int HttpServer::queuedConnections() const {
    return server_->queuedConnections();
}

}  // namespace veche::hub
