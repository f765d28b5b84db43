#pragma once

#include "context.h"

#include <benchmark/benchmark.h>

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <vector>

namespace LoyaltyDesk::Bench {

// The database a benchmark runs on: --db URL (removed from argv before Google
// Benchmark reads it), else $LOYALTYDESK_BENCH_DB. Empty when neither is given.
QString takeDbArgument(int *argc, char **argv);

// A server context (database, phone normalizer, services) on that database.
std::unique_ptr<Server::ServerContext> openContext(const QString &url);

// Per-iteration latencies; reported as p50/p90/p99 counters in microseconds.
class Latencies final {
public:
    Latencies() { m_samples.reserve(1 << 20); }
    void add(std::chrono::steady_clock::duration d) {
        m_samples.push_back(std::chrono::duration<double, std::micro>(d).count());
    }
    void report(benchmark::State &state);

private:
    std::vector<double> m_samples;
};

}  // namespace LoyaltyDesk::Bench
