// The Liquid engine on a realistic personalized e-mail (bench/liquid/email.liquid with
// email.json: about 20 KB of HTML out, loops over receipt lines and products, filters).
//
// Google Benchmark measures parsing and one-core rendering. After that, the program
// compares with liquidjs in the same run (node renders the same template and data;
// the outputs must be identical) and renders 100 000 e-mails on two threads, from
// which it extrapolates the time for one million. Results go to docs/benchmarks-liquid.md.

#include "core/liquid/template.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace LoyaltyDesk::Core::Liquid;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return f.readAll();
}

struct Fixture {
    QString source = QString::fromUtf8(readFile(QStringLiteral(LD_BENCH_DIR "/liquid/email.liquid")));
    QJsonValue json = QJsonDocument::fromJson(readFile(QStringLiteral(LD_BENCH_DIR "/liquid/email.json"))).object();
    Value data = Value::fromJson(json);
    RenderOptions options = [] {
        RenderOptions o;
        o.escaping = Escaping::Html;
        return o;
    }();
};

const Fixture &fixture()
{
    static const Fixture f;
    return f;
}

Template compiled()
{
    auto t = Template::parse(fixture().source);
    if (!t) {
        std::fprintf(stderr, "the benchmark template does not parse: %s\n", qPrintable(t.error().message));
        std::exit(1);
    }
    return *t;
}

void BM_LiquidParse(benchmark::State &state)
{
    for (auto _ : state) {
        auto t = Template::parse(fixture().source);
        benchmark::DoNotOptimize(t);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LiquidParse);

void BM_LiquidRenderEmail(benchmark::State &state)
{
    const Template t = compiled();
    qsizetype bytes = 0;
    for (auto _ : state) {
        auto r = t.render(fixture().data, fixture().options);
        bytes = r->text.size();
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["output_chars"] = double(bytes);
}
BENCHMARK(BM_LiquidRenderEmail);

// Building the data tree a render sees from the customer's JSON, done once per message.
void BM_LiquidDataFromJson(benchmark::State &state)
{
    for (auto _ : state) benchmark::DoNotOptimize(Value::fromJson(fixture().json));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LiquidDataFromJson);

// Renders per second on this thread over `seconds`.
double oursPerSecond(const Template &t, double seconds)
{
    QElapsedTimer timer;
    timer.start();
    qint64 renders = 0;
    while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
        for (int i = 0; i < 20; ++i) benchmark::DoNotOptimize(t.render(fixture().data, fixture().options));
        renders += 20;
    }
    return double(renders) / (double(timer.nsecsElapsed()) / 1e9);
}

QByteArray nodeVersion()
{
    QProcess v;
    v.start(QStringLiteral("node"), {QStringLiteral("--version")});
    v.waitForFinished();
    return v.readAllStandardOutput().trimmed();
}

int compareWithLiquidjs(double seconds)
{
    const Template t = compiled();
    const QString ours = t.render(fixture().data, fixture().options)->text;
    oursPerSecond(t, 1.0);  // warm-up, as node gets one
    const double oursRate = oursPerSecond(t, seconds);

    QProcess node;
    node.start(QStringLiteral("node"),
               {QStringLiteral(LD_BENCH_DIR "/liquid/liquidjs_bench.js"), QStringLiteral(LD_LIQUIDJS_DIR "/node_modules"),
                QStringLiteral(LD_BENCH_DIR "/liquid/email.liquid"), QStringLiteral(LD_BENCH_DIR "/liquid/email.json"),
                QString::number(seconds)});
    if (!node.waitForFinished(int(seconds * 1000) + 60000) || node.exitCode() != 0) {
        std::fprintf(stderr, "liquidjs run failed: %s\n", node.readAllStandardError().constData());
        return 1;
    }
    const QJsonObject js = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    const double theirRate = js.value(QStringLiteral("renders_per_second")).toDouble();
    const bool same = js.value(QStringLiteral("output")).toString() == ours;

    std::printf("\nPersonalized e-mail, %lld characters (%lld bytes UTF-8) of HTML, one core:\n",
                static_cast<long long>(ours.size()), static_cast<long long>(ours.toUtf8().size()));
    std::printf("  ours      %10.0f renders/s\n", oursRate);
    std::printf("  liquidjs  %10.0f renders/s (node %s)\n", theirRate, nodeVersion().constData());
    std::printf("  ratio     %10.1fx\n", oursRate / theirRate);
    std::printf("  outputs identical: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
}

void twoThreads(qint64 total)
{
    const Template t = compiled();
    std::atomic<qint64> next{0};
    std::atomic<qint64> characters{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
        threads.emplace_back([&] {
            qint64 mine = 0;
            while (next.fetch_add(1, std::memory_order_relaxed) < total)
                mine += t.render(fixture().data, fixture().options)->text.size();
            characters += mine;
        });
    }
    for (auto &th : threads) th.join();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("\n%lld e-mails on 2 threads: %.2f s measured (%.0f renders/s, %.1f MB of output);\n"
                "1 000 000 e-mails on 2 cores: %.1f s extrapolated (x%.0f)\n",
                static_cast<long long>(total), seconds, double(total) / seconds, double(characters) / 1e6,
                seconds * 1e6 / double(total), 1e6 / double(total));
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    const double seconds = qEnvironmentVariableIsSet("LD_BENCH_SECONDS") ? qEnvironmentVariable("LD_BENCH_SECONDS").toDouble() : 5.0;
    const int code = compareWithLiquidjs(seconds);
    twoThreads(qEnvironmentVariableIsSet("LD_BENCH_TOTAL") ? qEnvironmentVariable("LD_BENCH_TOTAL").toLongLong() : 100'000);
    return code;
}
