#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>
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

    // One gauge of a family: its labels (name, value), told apart by them.
    struct LabelledGauge {
        std::vector<std::pair<std::string, std::string>> labels;
        double value = 0;
    };
    struct GaugeFamily {
        std::string name;
        std::string help;
        std::vector<LabelledGauge> gauges;  // none is fine: the family is still described
    };
    // Families of labelled gauges read together at every scrape, so that one
    // read (of the database, say) fills several; `read` must be thread-safe.
    // Label values may hold any text: they are escaped as the format requires.
    void addGaugeFamilies(std::function<std::vector<GaugeFamily>()> read);

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

    // The request counters and latency histograms; under mutex_.
    void renderRequests(std::ostream& out) const;

    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::vector<Gauge> gauges_;
    std::vector<std::function<std::vector<GaugeFamily>()>> families_;
};

}  // namespace veche::hub
