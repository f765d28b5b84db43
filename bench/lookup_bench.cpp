// Customer lookup through CustomerService::search — the code behind
// GET /api/v1/customers?q= — on a seeded database:
//   lookup_bench --db sqlite:/tmp/ld1m.db [Google Benchmark options]
// Phones are typed in a different format than stored, e-mails in other letter case.
// The baseline is what search would cost without search_keys: a LIKE scan of contacts.
// Then what an agent opens next: the profile, and the first page of the bonus history.
#include "benchsupport.h"

#include "services/customers.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace LoyaltyDesk;

namespace {

std::unique_ptr<Server::ServerContext> g_ctx;
QStringList g_phones, g_emails, g_cards, g_names, g_likePatterns;
QList<qint64> g_customerIds;

QStringList sample(const QString &sql, qint64 step,
                   const std::function<QString(const QString &)> &typed) {
    auto conn = g_ctx->db.connection();
    Server::Sql q(*conn, sql);
    q.bind(step);
    QStringList out;
    if (!q.exec()) return out;
    while (q.next()) out << typed(q.value(0).toString());
    return out;
}

void lookup(benchmark::State &state, const QStringList &queries) {
    if (queries.isEmpty()) {
        state.SkipWithError("no sample values in this database");
        return;
    }
    Bench::Latencies latencies;
    qsizetype i = 0, found = 0;
    for (auto _ : state) {
        const QString &q = queries.at(i++ % queries.size());
        const auto start = std::chrono::steady_clock::now();
        auto page = g_ctx->customers->search(q, Server::PageRequest{20, std::nullopt});
        latencies.add(std::chrono::steady_clock::now() - start);
        if (!page) {
            state.SkipWithError(page.error().message.toStdString().c_str());
            return;
        }
        found += page->items.isEmpty() ? 0 : 1;
    }
    state.counters["found_pct"] = 100.0 * double(found) / double(std::max<qsizetype>(1, i));
    latencies.report(state);
}

// Reads of one customer's profile part by part, ids spread over the base.
template <typename Read>
void perCustomer(benchmark::State &state, Read read) {
    if (g_customerIds.isEmpty()) {
        state.SkipWithError("no customers in this database");
        return;
    }
    Bench::Latencies latencies;
    qsizetype i = 0;
    for (auto _ : state) {
        const qint64 id = g_customerIds.at(i++ % g_customerIds.size());
        const auto start = std::chrono::steady_clock::now();
        auto result = read(id);
        latencies.add(std::chrono::steady_clock::now() - start);
        if (!result) {
            state.SkipWithError(result.error().message.toStdString().c_str());
            return;
        }
    }
    latencies.report(state);
}

void BM_Profile(benchmark::State &state) {
    perCustomer(state, [](qint64 id) { return g_ctx->customers->profile(id); });
}
void BM_LedgerPage(benchmark::State &state) {
    perCustomer(state, [](qint64 id) {
        return g_ctx->customers->part(id, Server::ProfilePart::Ledger, {}, Server::PageRequest{50, std::nullopt});
    });
}

void BM_LookupByPhone(benchmark::State &state) {
    lookup(state, g_phones);
}
void BM_LookupByEmail(benchmark::State &state) {
    lookup(state, g_emails);
}
void BM_LookupByCard(benchmark::State &state) {
    lookup(state, g_cards);
}
void BM_LookupByNamePrefix(benchmark::State &state) {
    lookup(state, g_names);
}

// Baseline: find a phone without the index, as a LIKE over every contact.
void BM_BaselineLikeScanOfContacts(benchmark::State &state) {
    auto conn = g_ctx->db.connection();
    Server::Sql q(
        *conn,
        QStringLiteral(
            "SELECT customer_id FROM contacts WHERE kind = 'phone' AND raw_value LIKE ? LIMIT 20"));
    Bench::Latencies latencies;
    qsizetype i = 0;
    for (auto _ : state) {
        q.bind(g_likePatterns.at(i++ % g_likePatterns.size()));
        const auto start = std::chrono::steady_clock::now();
        if (!q.exec()) {
            state.SkipWithError("query failed");
            return;
        }
        while (q.next()) benchmark::DoNotOptimize(q.value(0));
        latencies.add(std::chrono::steady_clock::now() - start);
    }
    latencies.report(state);
}

}  // namespace

int main(int argc, char **argv) {
    const QString url = Bench::takeDbArgument(&argc, argv);
    QCoreApplication app(argc, argv);
    if (url.isEmpty()) {
        QTextStream(stderr)
            << "Usage: lookup_bench --db sqlite:PATH|postgresql://... [benchmark options]\n"
               "(or set LOYALTYDESK_BENCH_DB); the database comes from `loyaltydesk-server "
               "seed-demo`.\n";
        return 2;
    }
    g_ctx = Bench::openContext(url);
    if (!g_ctx) return 1;
    auto conn = g_ctx->db.connection();
    Server::Sql count(*conn, QStringLiteral("SELECT MAX(id) FROM customers"));
    const qint64 customers = count.scalar().value().toLongLong();
    const qint64 step =
        std::max<qint64>(1, customers / 4000);  // ~4000 values spread over the whole table
    g_phones = sample(QStringLiteral("SELECT value FROM contacts WHERE kind = 'phone' AND valid = "
                                     "1 AND value LIKE '+79%' AND customer_id % ? = 0"),
                      step, [](const QString &e164) {
                          const QString d = e164.mid(2);
                          return QStringLiteral("8 (%1) %2-%3-%4")
                              .arg(d.left(3), d.mid(3, 3), d.mid(6, 2), d.mid(8));
                      });
    for (const QString &p : std::as_const(g_phones)) {
        QString digits;
        for (QChar c : p)
            if (c.isDigit()) digits += c;
        g_likePatterns << u'%' + digits.right(4) + u'%';
    }
    g_emails = sample(QStringLiteral("SELECT value FROM contacts WHERE kind = 'email' AND valid = "
                                     "1 AND customer_id % ? = 0"),
                      step, [](const QString &e) { return e.toUpper(); });
    g_cards = sample(QStringLiteral("SELECT number FROM cards WHERE id % ? = 0"), step,
                     [](const QString &n) { return n; });
    g_names = sample(
        QStringLiteral("SELECT last_name || ' ' || first_name FROM customers WHERE id % ? = 0"),
        step, [](const QString &n) { return n; });
    {
        Server::Sql ids(*conn, QStringLiteral("SELECT id FROM customers WHERE id % ? = 0"));
        if (ids.bind(step).exec())
            while (ids.next()) g_customerIds << ids.value(0).toLongLong();
    }
    QTextStream(stdout) << "Database " << g_ctx->db.config().describe() << ": " << customers
                        << " customers; samples: " << g_phones.size() << " phones, "
                        << g_emails.size() << " e-mails, " << g_cards.size() << " cards, "
                        << g_names.size() << " names\n";

    benchmark::RegisterBenchmark("LookupByPhone", BM_LookupByPhone)
        ->Unit(benchmark::kMicrosecond)
        ->MinTime(3);
    benchmark::RegisterBenchmark("LookupByEmail", BM_LookupByEmail)
        ->Unit(benchmark::kMicrosecond)
        ->MinTime(3);
    benchmark::RegisterBenchmark("LookupByCard", BM_LookupByCard)
        ->Unit(benchmark::kMicrosecond)
        ->MinTime(3);
    benchmark::RegisterBenchmark("LookupByNamePrefix", BM_LookupByNamePrefix)
        ->Unit(benchmark::kMicrosecond)
        ->MinTime(3);
    benchmark::RegisterBenchmark("Profile", BM_Profile)->Unit(benchmark::kMicrosecond)->MinTime(3);
    benchmark::RegisterBenchmark("LedgerPage", BM_LedgerPage)->Unit(benchmark::kMicrosecond)->MinTime(3);
    benchmark::RegisterBenchmark("BaselineLikeScanOfContacts", BM_BaselineLikeScanOfContacts)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(10);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_ctx.reset();
    return 0;
}
