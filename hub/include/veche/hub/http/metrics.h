#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace veche::hub {

// Counters and latency histograms of the HTTP API, plus gauges read when
// scraped, rendered in the Prometheus text exposition format. Thread-safe.
class Metrics {
public:
    // One request to `route` (the pattern, e.g. "/api/v1/assemblies/{id}").
    void observeRequest(const std::string& route, const std::string& method, int status,
                        double seconds);

    // A gauge whose value is read at every scrape; `read` must be thread-safe.
    void addGauge(std::string name, std::string help, std::function<double()> read);

    std::string render() const;

private:
    static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,  0.1,    0.25,  0.5,  1.0};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    struct Gauge {
        std::string name;
        std::string help;
        std::function<double()> read;
    };

    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::vector<Gauge> gauges_;
};

}  // namespace veche::hub
