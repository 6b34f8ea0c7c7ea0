#include "veche/hub/http/metrics.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace veche::hub {
namespace {

// A label value with backslash, quote and line feed escaped.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

// A sample value, exactly: the shortest text that reads back as `value`
// (never 1.78e+06 for 1780123), or the format's NaN, +Inf, -Inf.
std::string number(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : "NaN";
}

void renderFamily(std::ostream& out, const Metrics::GaugeFamily& f) {
    out << "# HELP " << f.name << ' ' << f.help << "\n# TYPE " << f.name << " gauge\n";
    for (const Metrics::LabelledGauge& g : f.gauges) {
        out << f.name;
        const char* separator = "{";
        for (const auto& [name, value] : g.labels) {
            out << separator << name << "=\"" << label(value) << '"';
            separator = ",";
        }
        out << (g.labels.empty() ? "" : "}") << ' ' << number(g.value) << '\n';
    }
}

}  // namespace

void Metrics::observeRequest(const std::string& route, const std::string& method, int status,
                             double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, method, status}];
    Histogram& h = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
        }
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::addGauge(std::string name, std::string help, std::function<double()> read) {
    std::lock_guard lock(mutex_);
    gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::addGaugeFamilies(std::function<std::vector<GaugeFamily>()> read) {
    std::lock_guard lock(mutex_);
    families_.push_back(std::move(read));
}

std::string Metrics::render() const {
    std::ostringstream out;
    std::vector<Gauge> gauges;
    decltype(families_) families;
    {
        // Gauges read the database: they are read after the lock is let go,
        // so that requests are not held up by a scrape.
        std::lock_guard lock(mutex_);
        renderRequests(out);
        gauges = gauges_;
        families = families_;
    }
    for (const Gauge& g : gauges) {
        out << "# HELP " << g.name << ' ' << g.help << "\n# TYPE " << g.name << " gauge\n"
            << g.name << ' ' << number(g.read()) << '\n';
    }
    for (const auto& read : families) {
        for (const GaugeFamily& f : read()) {
            renderFamily(out, f);
        }
    }
    return out.str();
}

void Metrics::renderRequests(std::ostream& out) const {
    out << "# HELP veche_http_requests_total HTTP requests by route, method and status.\n"
           "# TYPE veche_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [route, method, status] = key;
        out << "veche_http_requests_total{route=\"" << label(route) << "\",method=\""
            << label(method) << "\",status=\"" << status << "\"} " << count << '\n';
    }
    out << "# HELP veche_http_request_duration_seconds HTTP request latency by route.\n"
           "# TYPE veche_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        const std::string r = label(route);
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out << "veche_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\""
                << kBuckets[i] << "\"} " << h.buckets[i] << '\n';
        }
        out << "veche_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} "
            << h.count << '\n'
            << "veche_http_request_duration_seconds_sum{route=\"" << r << "\"} " << h.sum << '\n'
            << "veche_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count
            << '\n';
    }
}

}  // namespace veche::hub
