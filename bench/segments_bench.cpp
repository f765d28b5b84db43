// Segments on a seeded database (issue: segments):
//   segments_bench --db sqlite:/tmp/ld1m.db --benchmark_min_time=0.01
// - preview count of a three-condition nested rule with a purchase aggregate (target
//   under 2 s on 1M customers with SQLite), beside the simplest rule as the baseline;
// - full recalculation of 20 saved segments (members, entered/left, metrics);
// - RFM scoring of the whole base.
// The benchmark saves its 20 segments under names starting "bench:" and deletes them.
#include "benchsupport.h"

#include "http/router.h"
#include "services/segments.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace LoyaltyDesk;

namespace {

std::unique_ptr<Server::ServerContext> g_ctx;

QJsonObject cond(const char *field, const char *op, const QJsonValue &value = QJsonValue::Undefined, const QJsonObject &params = {})
{
    QJsonObject c{{QStringLiteral("field"), QString::fromLatin1(field)}, {QStringLiteral("op"), QString::fromLatin1(op)}};
    if (!value.isUndefined()) c.insert(QStringLiteral("value"), value);
    if (!params.isEmpty()) c.insert(QStringLiteral("params"), params);
    return c;
}

QJsonObject group(const char *op, const QJsonArray &rules)
{
    return QJsonObject{{QStringLiteral("group"), QString::fromLatin1(op)}, {QStringLiteral("rules"), rules}};
}

QJsonObject rule(const QJsonObject &root) { return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("root"), root}}; }

QJsonObject nestedRule()
{
    // Women in Moscow or St Petersburg who spent over 5 000 ₽ in the last year or
    // bought toothpaste twice in 90 days.
    return rule(group("and", {cond("gender", "eq", QStringLiteral("female")),
                              cond("city", "in", QJsonArray{QStringLiteral("Москва"), QStringLiteral("Санкт-Петербург")}),
                              group("or", {cond("purchases", "gt", 500000, {{QStringLiteral("aggregate"), QStringLiteral("sum")}, {QStringLiteral("window_days"), 365}}),
                                           cond("purchases", "gte", 2, {{QStringLiteral("aggregate"), QStringLiteral("count")}, {QStringLiteral("window_days"), 90},
                                                                         {QStringLiteral("category"), QJsonArray{QStringLiteral("Зубная паста"), QStringLiteral("Toothpaste")}}})})}));
}

void preview(benchmark::State &state, const QJsonObject &r)
{
    qint64 count = 0;
    for (auto _ : state) {
        auto result = g_ctx->segments->preview(QJsonObject{{QStringLiteral("rule"), r}, {QStringLiteral("timeout_ms"), 120000}});
        if (!result) {
            state.SkipWithError(result.error().message.toStdString().c_str());
            return;
        }
        count = result->value(QStringLiteral("count")).toInteger();
    }
    state.counters["members"] = double(count);
}

void BM_PreviewBaselineOneCondition(benchmark::State &state) { preview(state, rule(group("and", {cond("orders_count", "gte", 1)}))); }
void BM_PreviewNestedWithPurchaseAggregate(benchmark::State &state) { preview(state, nestedRule()); }

QList<QJsonObject> twentyRules()
{
    QList<QJsonObject> rules;
    const char *cities[] = {"Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань"};
    for (const char *city : cities) rules << rule(group("and", {cond("city", "eq", QString::fromUtf8(city))}));
    for (int days : {30, 90, 180, 365}) rules << rule(group("and", {cond("days_since_last_purchase", "lte", days)}));
    for (int n : {1, 3, 5}) rules << rule(group("and", {cond("purchases", "gte", n, {{QStringLiteral("aggregate"), QStringLiteral("count")}, {QStringLiteral("window_days"), 365}})}));
    rules << rule(group("and", {cond("subscribed", "is_true", QJsonValue::Undefined, {{QStringLiteral("channel"), QStringLiteral("email")}}), cond("has_email", "is_true")}));
    rules << rule(group("and", {cond("points_expiring", "gt", 0, {{QStringLiteral("days"), 30}})}));
    rules << rule(group("and", {cond("abandoned_cart", "is_true", QJsonValue::Undefined, {{QStringLiteral("window_days"), 30}})}));
    rules << rule(group("and", {cond("site_visit", "gte", 2, {{QStringLiteral("window_days"), 60}})}));
    rules << rule(group("and", {cond("age", "between", QJsonArray{25, 34}), cond("gender", "eq", QStringLiteral("female"))}));
    rules << rule(group("and", {cond("birth_date", "anniversary_in_next_days", 7)}));
    rules << nestedRule();
    rules << rule(group("or", {cond("revenue", "gt", 5000000), cond("tier", "in", QJsonArray{QStringLiteral("gold"), QStringLiteral("platinum")})}));
    return rules;
}

void BM_Recalculate20Segments(benchmark::State &state)
{
    const Server::Principal bench{0, QStringLiteral("bench"), {}, {}};
    QList<qint64> ids;
    int n = 0;
    for (const auto &r : twentyRules()) {
        auto s = g_ctx->segments->create(bench, QJsonObject{{QStringLiteral("name"), QStringLiteral("bench:%1").arg(++n)}, {QStringLiteral("rule"), r}});
        if (!s) {
            state.SkipWithError(s.error().message.toStdString().c_str());
            return;
        }
        ids << s->value(QStringLiteral("id")).toInteger();
    }
    // The first calculation (the baseline: every member written) is timed apart; the
    // loop measures the runs that follow, which record who entered and left.
    qint64 members = 0;
    const auto first = std::chrono::steady_clock::now();
    for (qint64 id : ids)
        if (auto run = g_ctx->segments->recalculate(id, QStringLiteral("bench")); !run) {
            state.SkipWithError(run.error().message.toStdString().c_str());
            return;
        }
    state.counters["first_run_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - first).count();
    for (auto _ : state) {
        members = 0;
        for (qint64 id : ids) {
            auto run = g_ctx->segments->recalculate(id, QStringLiteral("bench"));
            if (!run) {
                state.SkipWithError(run.error().message.toStdString().c_str());
                break;
            }
            members += run->value(QStringLiteral("size")).toInteger();
        }
    }
    for (qint64 id : ids) (void)g_ctx->segments->remove(bench, id);
    state.counters["segments"] = double(ids.size());
    state.counters["members_total"] = double(members);
}

void BM_RfmWholeBase(benchmark::State &state)
{
    qint64 scored = 0;
    for (auto _ : state) {
        auto r = g_ctx->segments->recalculateRfm();
        if (!r) {
            state.SkipWithError(r.error().message.toStdString().c_str());
            return;
        }
        scored = r->value(QStringLiteral("scored")).toInteger();
    }
    state.counters["scored"] = double(scored);
}

}  // namespace

BENCHMARK(BM_PreviewBaselineOneCondition)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_PreviewNestedWithPurchaseAggregate)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Recalculate20Segments)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_RfmWholeBase)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString url = Bench::takeDbArgument(&argc, argv);
    if (url.isEmpty()) {
        QTextStream(stderr) << "Give the database: --db sqlite:/path/to/seeded.db (or LOYALTYDESK_BENCH_DB)\n";
        return 2;
    }
    g_ctx = Bench::openContext(url);
    if (!g_ctx) return 1;
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_ctx.reset();
    return 0;
}
