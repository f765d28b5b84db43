// Timings of the desktop app (not asserted anywhere; see docs/benchmarks.md):
//   cold start       `loyaltydesk --startup-time` from spawn to a usable main window,
//                    signed in with a stored token
//   profile (server) ProfilePage::open -> header shown, answered by the server
//   profile (cache)  the same with the server unreachable, from the LocalCache
//   search           CustomersPage::search -> first page of results in the model,
//                    phone numbers typed as people type them
// Usage: app_bench [--customers N] [--rounds N]      a fresh server seeded with N customers
//        app_bench --db sqlite:PATH [--rounds N]     an existing database (a copy: the
//                                                    program adds a user bench_operator)
#include "models/apiclient.h"
#include "models/appsettings.h"
#include "models/localcache.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "models/tokenstore.h"
#include "support/testserver.h"
#include "ui/customerspage.h"
#include "ui/profilepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <functional>

using namespace LoyaltyDesk;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

struct Stats {
    QList<double> ms;
    void add(double v) { ms << v; }
    double pct(double p) const
    {
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.isEmpty() ? 0 : s[std::min<qsizetype>(s.size() - 1, qsizetype(p * (s.size() - 1) + 0.5))];
    }
};

void report(const char *name, const Stats &s)
{
    out() << "| " << name << " | " << s.ms.size() << " | " << QString::number(s.pct(0.5), 'f', 1) << " | "
          << QString::number(s.pct(0.95), 'f', 1) << " | " << QString::number(s.pct(1.0), 'f', 1) << " |" << Qt::endl;
}

QString localFormat(const QString &e164, int style)
{
    const QString d = e164.mid(2);
    switch (style % 3) {
    case 0: return QStringLiteral("8 (%1) %2-%3-%4").arg(d.left(3), d.mid(3, 3), d.mid(6, 2), d.mid(8, 2));
    case 1: return QStringLiteral("+7 %1 %2 %3 %4").arg(d.left(3), d.mid(3, 3), d.mid(6, 2), d.mid(8, 2));
    default: return QStringLiteral("7%1").arg(d);
    }
}

}  // namespace

int main(int argc, char **argv)
{
    // Private settings, keychain fallback and cache, shared with the spawned app.
    QTemporaryDir home;
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(name, (home.path() + QLatin1Char('/') + QString::fromLatin1(name)).toUtf8());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoyaltyDesk"));
    QApplication::setApplicationName(QStringLiteral("LoyaltyDesk"));
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Demo customers to seed."), QStringLiteral("n"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("An existing database to serve instead of seeding."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Repetitions of each measurement."), QStringLiteral("n"), QStringLiteral("30")});
    parser.addHelpOption();
    parser.process(app);
    const int customers = parser.value(QStringLiteral("customers")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();

    // The server: seeded by the TestServer, or an existing database served as is.
    std::unique_ptr<Test::TestServer> seeded;
    QProcess external;
    QString baseUrl;
    const QString db = parser.value(QStringLiteral("db"));
    const QString benchPassword = QStringLiteral("bench-pass-1");
    QString user = QStringLiteral("operator"), password = Test::TestServer::demoPassword();
    auto startExternal = [&]() -> bool {
        external.setProcessChannelMode(QProcess::MergedChannels);
        external.start(Test::TestServer::binary(), {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QByteArray seen;
        const bool up = waitUntil([&] {
            external.waitForReadyRead(50);
            seen += external.readAll();
            return seen.contains("listening on http://");
        }, 120000);
        if (!up) return false;
        const int at = seen.indexOf("listening on http://") + int(strlen("listening on "));
        baseUrl = QString::fromLatin1(seen.mid(at, seen.indexOf(' ', at) - at)).trimmed();
        return true;
    };
    QElapsedTimer seedTime;
    seedTime.start();
    if (db.isEmpty()) {
        Test::TestServer::Options options;
        options.seedCustomers = customers;
        seeded = std::make_unique<Test::TestServer>(options);
        if (!seeded->ok()) {
            out() << "server: " << seeded->error() << Qt::endl;
            return 1;
        }
        baseUrl = seeded->baseUrl();
        out() << "Seeded " << customers << " customers in " << seedTime.elapsed() / 1000.0 << " s; server " << baseUrl << Qt::endl;
    } else {
        QProcess cli;
        cli.start(Test::TestServer::binary(), {QStringLiteral("create-user"), QStringLiteral("--username"), QStringLiteral("bench_operator"),
                                               QStringLiteral("--roles"), QStringLiteral("operator"), QStringLiteral("--password"), benchPassword,
                                               QStringLiteral("--db"), db});
        cli.waitForFinished(120000);
        user = QStringLiteral("bench_operator");
        password = benchPassword;
        if (!startExternal()) {
            out() << "the server did not start on " << db << Qt::endl;
            return 1;
        }
        out() << "Serving " << db << " at " << baseUrl << Qt::endl;
    }
    auto stopServer = [&] {
        if (seeded) return seeded->stop();
        external.kill();
        external.waitForFinished();
    };
    auto startServer = [&]() -> bool {
        if (seeded) {
            if (!seeded->start()) return false;
            baseUrl = seeded->baseUrl();
            return true;
        }
        return startExternal();
    };

    Models::ApiClient setup;
    setup.setBaseUrl(QUrl(baseUrl));
    QString token;
    // Right after start the server's own work can hold the database's write lock for a
    // few seconds and sign-in answers 500 ("database is locked"): try for a minute.
    for (int i = 0; i < 30 && token.isEmpty(); ++i) {
        if (i > 0) waitUntil([] { return false; }, 2000);
        bool answered = false;
        setup.login(user, password, &app, [&](Core::Result<Models::Session> r) {
            answered = true;
            if (r) token = r->token;
        });
        waitUntil([&] { return answered; });
    }
    if (token.isEmpty()) {
        out() << "cannot sign in as " << user << Qt::endl;
        return 1;
    }
    auto getJson = [&](const QString &path, const QUrlQuery &query) {
        std::optional<Core::Result<QJsonObject>> r;
        setup.get(path, query, &app, [&](Core::Result<QJsonObject> v) { r.emplace(std::move(v)); });
        waitUntil([&] { return r.has_value(); });
        return r && r->ok() ? r->value() : QJsonObject{};
    };

    // Customers to open: spread over the whole id range; their phones for the search.
    const QJsonObject firstPage = getJson(QStringLiteral("/api/v1/customers"), QUrlQuery(QStringLiteral("limit=1")));
    const qint64 maxId = std::max<qint64>(1, db.isEmpty() ? customers : 1000000);
    QList<qint64> ids;
    QStringList phones;
    for (int i = 0; i < rounds; ++i) {
        const qint64 id = 1 + (maxId - 1) * (i + 1) / (rounds + 1);
        const QJsonObject p = getJson(QStringLiteral("/api/v1/customers/%1").arg(id), {});
        if (p.isEmpty()) continue;
        ids << id;
        for (const auto &c : p.value(QStringLiteral("contacts")).toArray())
            if (c.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("phone") &&
                c.toObject().value(QStringLiteral("value")).toString().startsWith(QLatin1String("+79")))
                phones << c.toObject().value(QStringLiteral("value")).toString();
    }
    Q_UNUSED(firstPage)
    out() << "\n| measurement | n | median ms | p95 ms | max ms |\n|---|---|---|---|---|" << Qt::endl;

    // Cold start: a stored token for the operator, then the real program.
    {
        Models::AppSettings settings;
        settings.setServerUrl(QUrl(baseUrl));
        settings.setLastUsername(user);
        Models::TokenStore tokens;
        bool saved = false;
        tokens.save(user + QLatin1Char('@') + QUrl(baseUrl).toString(), token, &app, [&] { saved = true; });
        waitUntil([&] { return saved; });
        Stats spawn, inside;
        for (int i = 0; i < std::min(rounds, 10); ++i) {
            QElapsedTimer t;
            t.start();
            QProcess p;
            p.start(QStringLiteral(LD_APP_BINARY), {QStringLiteral("--startup-time")});
            if (!p.waitForFinished(30000)) {
                p.kill();
                out() << "cold start did not finish: " << p.readAllStandardError() << Qt::endl;
                break;
            }
            const QString line = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
            if (!line.startsWith(QLatin1String("ready-ms"))) {
                out() << "cold start: " << line << p.readAllStandardError() << Qt::endl;
                break;
            }
            spawn.add(t.nsecsElapsed() / 1e6);
            inside.add(line.section(QLatin1Char(' '), 1).toDouble());
        }
        report("cold start, spawn to usable window (incl. exit)", spawn);
        report("cold start, main() to usable window", inside);
    }

    QTemporaryDir cacheDir;
    Models::ApiClient api;
    Models::LocalCache cache(cacheDir.filePath(QStringLiteral("cache.sqlite")));
    Models::Repository repository(&api, &cache);
    api.setBaseUrl(QUrl(baseUrl));
    api.setToken(token);
    repository.setUser(user);
    Models::Session session;
    session.username = user;
    session.permissions = {QStringLiteral("customers.read"), QStringLiteral("customers.write")};

    Ui::ProfilePage page(&repository);
    page.setSession(session);
    page.resize(1280, 800);
    page.show();
    auto openProfile = [&](qint64 id, bool expectCache) -> double {
        bool done = false;
        const auto c = QObject::connect(&page, &Ui::ProfilePage::loaded, &page, [&](bool fromCache) { done = fromCache == expectCache; });
        QElapsedTimer t;
        t.start();
        page.open(id);
        waitUntil([&] { return done; });
        const double ms = t.nsecsElapsed() / 1e6;
        QObject::disconnect(c);
        QCoreApplication::processEvents();
        return ms;
    };
    Stats fromServer, fromCache;
    for (int i = 0; i < rounds && i < ids.size(); ++i) fromServer.add(openProfile(ids[i], false));
    report("profile from server (header shown)", fromServer);
    cache.flush();
    stopServer();  // connections are refused at once: the offline path
    for (int i = 0; i < rounds && i < ids.size(); ++i) fromCache.add(openProfile(ids[i], true));
    report("profile from cache (server unreachable)", fromCache);
    if (!startServer()) {
        out() << "the server did not restart" << Qt::endl;
        return 1;
    }
    api.setBaseUrl(QUrl(baseUrl));

    Ui::CustomersPage search(&repository);
    search.resize(1280, 800);
    search.show();
    Stats roundTrip;
    for (int i = 0; i < rounds && i < phones.size(); ++i) {
        Models::PagedModel *model = search.resultsModel();
        bool done = false;
        const auto c = QObject::connect(model, &Models::PagedModel::pageLoaded, model, [&] { done = true; });
        QElapsedTimer t;
        t.start();
        search.search(localFormat(phones[i], i));
        waitUntil([&] { return done; });
        roundTrip.add(t.nsecsElapsed() / 1e6);
        QObject::disconnect(c);
    }
    report("search round trip (phone in another format)", roundTrip);
    Stats names;
    const QStringList prefixes = {QStringLiteral("Иван"), QStringLiteral("Смир"), QStringLiteral("Куз"), QStringLiteral("Поп"), QStringLiteral("Вас")};
    for (int i = 0; i < rounds; ++i) {
        Models::PagedModel *model = search.resultsModel();
        bool done = false;
        const auto c = QObject::connect(model, &Models::PagedModel::pageLoaded, model, [&] { done = true; });
        QElapsedTimer t;
        t.start();
        search.search(prefixes[i % prefixes.size()] + QString(QChar(u'а' + i % 3)).left(i % 2));
        waitUntil([&] { return done; });
        names.add(t.nsecsElapsed() / 1e6);
        QObject::disconnect(c);
    }
    report("search round trip (name prefix, 50 rows)", names);
    out() << "\nFind-as-you-type adds the 250 ms debounce after the last keystroke to the round trip." << Qt::endl;
    stopServer();
    return 0;
}
