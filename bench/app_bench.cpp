// Timings of the desktop app (not asserted anywhere; see docs/benchmarks.md):
//   cold start       `loyaltydesk --startup-time` from spawn to a usable main window,
//                    signed in with a stored token
//   profile (server) ProfilePage::open -> header shown, answered by the server
//   profile (cache)  the same with the server unreachable, from the LocalCache
//   search           CustomersPage::search -> first page of results in the model,
//                    phone numbers typed as people type them
// Usage: app_bench [--customers N] [--rounds N]   (a seeded TestServer of N customers)
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
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Repetitions of each measurement."), QStringLiteral("n"), QStringLiteral("30")});
    parser.addHelpOption();
    parser.process(app);
    const int customers = parser.value(QStringLiteral("customers")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();

    QElapsedTimer seedTime;
    seedTime.start();
    Test::TestServer::Options options;
    options.seedCustomers = customers;
    Test::TestServer server(options);
    if (!server.ok()) {
        out() << "server: " << server.error() << Qt::endl;
        return 1;
    }
    out() << "Seeded " << customers << " customers in " << seedTime.elapsed() / 1000.0 << " s; server " << server.baseUrl() << Qt::endl;
    QString adminToken;
    for (int i = 0; i < 3 && adminToken.isEmpty(); ++i) adminToken = server.loginAdmin();
    const QString token = server.login(QStringLiteral("operator"), Test::TestServer::demoPassword());

    // Customers to open: a spread over the whole id range.
    QList<qint64> ids;
    QStringList phones;
    QString cursor;
    while (ids.size() < rounds * 2) {
        std::string path = "/api/v1/customers?limit=500";
        if (!cursor.isEmpty()) path += "&cursor=" + cursor.toStdString();
        const QJsonObject page = server.get(path, adminToken).json();
        for (const auto &v : page.value(QStringLiteral("items")).toArray()) {
            const QJsonObject c = v.toObject();
            const qint64 id = c.value(QStringLiteral("id")).toInteger();
            if (id % qMax(1, customers / (rounds * 2)) != 0) continue;
            ids << id;
            const QString phone = c.value(QStringLiteral("phone")).toString();
            if (phone.startsWith(QLatin1String("+79"))) phones << phone;
        }
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (cursor.isEmpty()) break;
    }

    out() << "\n| measurement | n | median ms | p95 ms | max ms |\n|---|---|---|---|---|" << Qt::endl;

    // Cold start: a stored token for the operator, then the real program.
    {
        Models::AppSettings settings;
        settings.setServerUrl(QUrl(server.baseUrl()));
        settings.setLastUsername(QStringLiteral("operator"));
        Models::TokenStore tokens;
        bool saved = false;
        tokens.save(QStringLiteral("operator@") + QUrl(server.baseUrl()).toString(), token, &app, [&] { saved = true; });
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
    api.setBaseUrl(QUrl(server.baseUrl()));
    api.setToken(token);
    repository.setUser(QStringLiteral("operator"));
    Models::Session session;
    session.username = QStringLiteral("operator");
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
    server.stop();  // connections are refused at once: the offline path
    for (int i = 0; i < rounds && i < ids.size(); ++i) fromCache.add(openProfile(ids[i], true));
    report("profile from cache (server unreachable)", fromCache);
    if (!server.start()) {
        out() << "the server did not restart: " << server.error() << Qt::endl;
        return 1;
    }
    api.setBaseUrl(QUrl(server.baseUrl()));

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
    return 0;
}
