#include "benchsupport.h"

#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace LoyaltyDesk::Bench {

QString takeDbArgument(int *argc, char **argv) {
    QString url = qEnvironmentVariable("LOYALTYDESK_BENCH_DB");
    for (int i = 1; i < *argc; ++i) {
        QString value;
        int used = 0;
        if (std::strcmp(argv[i], "--db") == 0 && i + 1 < *argc) {
            value = QString::fromLocal8Bit(argv[i + 1]);
            used = 2;
        } else if (std::strncmp(argv[i], "--db=", 5) == 0) {
            value = QString::fromLocal8Bit(argv[i] + 5);
            used = 1;
        }
        if (!used) continue;
        url = value;
        for (int j = i; j + used < *argc; ++j) argv[j] = argv[j + used];
        *argc -= used;
        --i;
    }
    return url;
}

std::unique_ptr<Server::ServerContext> openContext(const QString &url) {
    auto config = Server::DbConfig::parse(url);
    if (!config) {
        QTextStream(stderr) << "Bad --db: " << config.error().message << '\n';
        return nullptr;
    }
    auto ctx = std::make_unique<Server::ServerContext>(
        Server::ServerOptions{url, QStringLiteral("RU"), 3600}, *config);
    if (auto m = ctx->db.migrate(); !m) {
        QTextStream(stderr) << "Cannot open " << url << ": " << m.error().message << '\n';
        return nullptr;
    }
    return ctx;
}

void Latencies::report(benchmark::State &state) {
    if (m_samples.empty()) return;
    std::sort(m_samples.begin(), m_samples.end());
    auto at = [&](double q) {
        return m_samples[std::min(m_samples.size() - 1, size_t(q * double(m_samples.size())))];
    };
    state.counters["p50_us"] = at(0.50);
    state.counters["p90_us"] = at(0.90);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = m_samples.back();
    m_samples.clear();
}

}  // namespace LoyaltyDesk::Bench
