// Batched receipt ingest through IngestService::receipts — the code behind
// POST /api/v1/receipts — each receipt with three lines and a card to resolve:
//   ingest_bench [--db URL] [Google Benchmark options]
// Without --db it seeds a temporary SQLite database with 10 000 demo customers.
// With --db the receipts are added to that database (external ids "bench-...") and
// removed at the end; receipts left by killed runs are removed first. The second
// argument of each benchmark picks the buyers: spread over the whole base (1) or the
// 20 000 newest cards (0). Each runs for 30 s at least, so that the folds of purchases
// into customer metrics, balances and the ledger (every 10 s, services/fold.h) are
// measured with it; each client's last batch folds what is left before its clock stops.
#include "benchsupport.h"

#include "core/json.h"
#include "services/demoseeder.h"
#include "services/fold.h"
#include "services/ingest.h"
#include "storage/database.h"

#include <QCoreApplication>

#include <atomic>
#include <vector>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace LoyaltyDesk;

namespace {

std::unique_ptr<Server::ServerContext> g_ctx;
QStringList g_spreadCards, g_recentCards;
QList<QJsonObject> g_products;
std::atomic<qint64> g_next = 0;  // shared by the clients of the two-client variant
QString g_run;

QJsonObject receipt(const QStringList &cards, qint64 n, qint64 now) {
    QJsonArray lines;
    for (int l = 0; l < 3; ++l) {
        QJsonObject line = g_products.at((n * 7 + l * 13) % g_products.size());
        line.insert(QStringLiteral("quantity"), 1 + (n + l) % 3);
        lines.append(line);
    }
    return QJsonObject{
        {QStringLiteral("external_id"), QStringLiteral("bench-%1-%2").arg(g_run).arg(n)},
        {QStringLiteral("card_number"), cards.at((n * 7919) % cards.size())},
        {QStringLiteral("pos"), QStringLiteral("BENCH-01")},
        {QStringLiteral("cheque_number"), QStringLiteral("B%1").arg(n)},
        {QStringLiteral("purchased_at"), Core::Json::isoUtc(now - n % 86400)},
        {QStringLiteral("bonus_accrued"), 10},
        {QStringLiteral("lines"), lines}};
}

// Arguments: batch size; 1 for buyers spread over the base, 0 for the newest cards.
void BM_IngestReceipts(benchmark::State &state) {
    const int batch = int(state.range(0));
    const QStringList &cards = state.range(1) ? g_spreadCards : g_recentCards;
    const Server::Principal bench{0, QStringLiteral("bench"), {}, {}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Every batch is written out before the clock starts: making them is the tills' work,
    // and on two cores it would take the server's CPU. Reading the text is the server's
    // work, and is measured.
    std::vector<QByteArray> bodies;
    bodies.reserve(size_t(state.max_iterations));
    for (benchmark::IterationCount n = 0; n < state.max_iterations; ++n) {
        QJsonArray list;
        for (int i = 0; i < batch; ++i) list.append(receipt(cards, ++g_next, now));  // numbers unique across clients
        bodies.push_back(QJsonDocument(QJsonObject{{QStringLiteral("receipts"), list}}).toJson(QJsonDocument::Compact));
    }
    size_t next = 0;
    for (auto _ : state) {
        const QJsonDocument body = QJsonDocument::fromJson(bodies[next++]);
        auto result = g_ctx->ingest->receipts(bench, body.object());
        if (!result || result->value(QStringLiteral("created")).toInt() != batch) {
            state.SkipWithError(result ? "some receipts were not created"
                                       : result.error().message.toStdString().c_str());
            return;
        }
        // The clock stops once what this run stored is folded: folds do part of ingest's work
        // (the metrics, balances and purchases' ledger rows), and the last one is timed too.
        if (next == bodies.size()) {
            if (auto folded = g_ctx->fold->run(); !folded) {
                state.SkipWithError(folded.error().message.toStdString().c_str());
                return;
            }
        }
    }
    state.SetItemsProcessed(state.iterations() * batch);
    state.counters["receipts_per_s"] =
        benchmark::Counter(double(state.iterations() * batch), benchmark::Counter::kIsRate);
}

// Removes the benchmark's receipts whose external ids lie in [from, to), with their lines
// and ledger rows; prints how many receipts went. (Customer metrics and account
// balances keep those purchases: they are folded in first.)
void removeReceipts(const QSqlDatabase &conn, const QString &from, const QString &to) {
    if (auto folded = g_ctx->fold->run(); !folded) QTextStream(stderr) << folded.error().message << '\n';
    const bool sqlite = conn.driverName() == QLatin1String("QSQLITE");
    // Every external id of a run starts with "bench-<run>-": a range of the
    // (partner_id, external_id) index.
    const QString ours = QStringLiteral(
        "SELECT id FROM receipts WHERE partner_id = (SELECT MIN(id) FROM partners) AND external_id >= ? AND external_id < ?");
    for (const QString &table : {QStringLiteral("receipt_lines"), QStringLiteral("bonus_ledger")}) {
        const QString sql = QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE receipt_id IN (") + ours + u')';
        Server::Sql remove(conn, sql);
        if (auto r = remove.bind(from).bind(to).exec(); !r) QTextStream(stderr) << r.error().message << '\n';
    }
    Server::Sql receipts(conn, QStringLiteral("DELETE FROM receipts WHERE id IN (") + ours + u')');
    if (auto r = receipts.bind(from).bind(to).exec(); !r) QTextStream(stderr) << r.error().message << '\n';
    QTextStream(stdout) << "Removed " << receipts.numRowsAffected() << " receipts\n";
    // The deletes leave a write-ahead log of gigabytes that would slow the next run.
    if (sqlite) QSqlQuery(conn).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

}  // namespace

int main(int argc, char **argv) {
    QString url = Bench::takeDbArgument(&argc, argv);
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const bool own = url.isEmpty();
    if (own) url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("ingest.db"));
    g_ctx = Bench::openContext(url);
    if (!g_ctx) return 1;
    if (own) {
        Server::DemoSeedOptions options;
        options.customers = 10000;
        auto seeded = Server::DemoSeeder(*g_ctx).run(options);
        if (!seeded) {
            QTextStream(stderr) << "Cannot seed: " << seeded.error().message << '\n';
            return 1;
        }
    }
    auto conn = g_ctx->db.connection();
    {  // the statements end here: a reader left open would stop SQLite's checkpoints
    // Buyers spread over the whole base, as a day's purchases are; and the 20 000 newest
    // cards, customers next to each other in every index, whose pages stay in the caches.
    Server::Sql maxCard(*conn, QStringLiteral("SELECT MAX(id) FROM cards"));
    const auto maxId = maxCard.scalar();
    const qint64 step = std::max<qint64>(1, (maxId ? maxId->toLongLong() : 0) / 20000);
    for (auto [cards, sql] : {std::pair{&g_spreadCards, QStringLiteral("SELECT number FROM cards WHERE state = 'active' AND id % %1 = 0 LIMIT 20000").arg(step)},
                              std::pair{&g_recentCards, QStringLiteral("SELECT number FROM cards WHERE state = 'active' ORDER BY id DESC LIMIT 20000")}}) {
        Server::Sql q(*conn, sql);
        if (q.exec())
            while (q.next()) *cards << q.value(0).toString();
    }
    Server::Sql products(
        *conn,
        QStringLiteral("SELECT sku, name, category, price FROM products ORDER BY id LIMIT 200"));
    if (products.exec())
        while (products.next())
            g_products << QJsonObject{{QStringLiteral("sku"), products.value(0).toString()},
                                      {QStringLiteral("name"), products.value(1).toString()},
                                      {QStringLiteral("category"), products.value(2).toString()},
                                      {QStringLiteral("price"), products.value(3).toLongLong()}};
    }
    if (g_spreadCards.isEmpty() || g_recentCards.isEmpty() || g_products.isEmpty()) {
        QTextStream(stderr) << "The database has no cards or products: seed it with "
                               "`loyaltydesk-server seed-demo` first.\n";
        return 1;
    }
    if (!own) {
        // A run that was killed left its receipts: a database benchmarked often would
        // drift from what seed-demo makes (docs/benchmarks.md, "Commands").
        QTextStream(stdout) << "Removing receipts left by earlier runs...\n";
        removeReceipts(*conn, QStringLiteral("bench-"), QStringLiteral("bench."));
    }
    g_run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    QTextStream(stdout) << "Database " << g_ctx->db.config().describe()
                        << (own ? " (temporary, 10 000 demo customers)" : "") << '\n';
    benchmark::RegisterBenchmark("IngestReceipts", BM_IngestReceipts)
        ->ArgNames({"batch", "spread"})
        ->Args({100, 1})
        ->Args({1000, 1})
        ->Args({5000, 1})
        ->Args({1000, 0})
        ->Args({5000, 0})
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond)
        ->MinTime(30);
    // Clients posting batches at once, as tills or an ETL job with several connections
    // would: some read and check their batches while one writes (SQLite), or several
    // write at once (PostgreSQL). The rate is over all clients together.
    benchmark::RegisterBenchmark("IngestReceiptsConcurrent", BM_IngestReceipts)
        ->ArgNames({"batch", "spread"})
        ->Args({1000, 1})
        ->Args({1000, 0})
        ->Threads(2)
        ->Threads(4)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond)
        ->MinTime(30);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (!own) {
        // Leave the database as it was, so that the next run measures the same thing.
        QTextStream(stdout) << "Removing this run's receipts...\n";
        removeReceipts(*conn, QStringLiteral("bench-%1-").arg(g_run), QStringLiteral("bench-%1.").arg(g_run));
    }
    g_ctx.reset();
    return 0;
}
