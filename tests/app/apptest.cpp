#include "apptest.h"

#include "models/format.h"

#include <QApplication>
#include <QPixmap>
#include <QWidget>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace LoyaltyDesk::Test {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(10);
    }
    return true;
}

namespace {

std::unique_ptr<TestServer> &sharedServer()
{
    static std::unique_ptr<TestServer> server;
    return server;
}

// Stops the shared server while the application object still exists.
class ServerCleanup final : public ::testing::Environment {
public:
    void TearDown() override { sharedServer().reset(); }
};

}  // namespace

TestServer &demoServer()
{
    auto &server = sharedServer();
    if (!server) {
        TestServer::Options options;
        options.seedCustomers = DemoCustomers;
        server = std::make_unique<TestServer>(options);
        if (server->ok()) adminToken(*server);  // sign-in works from here on
    }
    return *server;
}

QString adminToken(TestServer &server)
{
    // Right after it starts the server's own work can hold the database's write lock
    // for a moment, and sign-in answers 500 ("database is locked"): ask again.
    QString token;
    for (int attempt = 0; attempt < 40 && token.isEmpty(); ++attempt) {
        if (attempt > 0) QTest::qWait(250);
        token = server.loginAdmin();
    }
    return token;
}

DemoCustomer demoCustomer()
{
    static DemoCustomer found = [] {
        DemoCustomer c;
        TestServer &server = demoServer();
        const QString token = adminToken(server);
        const auto reply = server.get("/api/v1/customers?limit=100", token);
        const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
        for (const auto &v : items) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("orders_count")).toInteger() < 3) continue;
            const QString phone = o.value(QStringLiteral("phone")).toString();
            if (!phone.startsWith(QLatin1String("+79")) || o.value(QStringLiteral("email")).toString().isEmpty()) continue;
            c.id = o.value(QStringLiteral("id")).toInteger();
            c.phoneE164 = phone;
            c.email = o.value(QStringLiteral("email")).toString();
            c.name = Models::Format::personName(o);
            break;
        }
        return c;
    }();
    return found;
}

QString passwordOf(const QString &user)
{
    return user == QLatin1String("admin") ? TestServer::adminPassword() : TestServer::demoPassword();
}

bool saveScreenshot(QWidget *widget, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    QTest::qWait(250);
    const QPixmap pixmap = widget->grab();
    return !pixmap.isNull() && pixmap.save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString localPhoneFormat(const QString &e164)
{
    const QString d = e164.mid(2);  // after +7
    return QStringLiteral("8 (%1) %2-%3-%4").arg(d.left(3), d.mid(3, 3), d.mid(6, 2), d.mid(8, 2));
}

}  // namespace LoyaltyDesk::Test

// The test main of the app suites: offscreen unless told otherwise, settings and data
// in a private folder, then a QApplication.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt WebEngine (the e-mail editor and preview) under offscreen, as root in CI.
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX")) qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS")) qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QTemporaryDir home;
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(name, (home.path() + QLatin1Char('/') + QString::fromLatin1(name)).toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoyaltyDeskTests"));
    QApplication::setApplicationName(QStringLiteral("LoyaltyDeskTests"));
    QApplication::setApplicationVersion(QStringLiteral("test"));
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new LoyaltyDesk::Test::ServerCleanup);
    return RUN_ALL_TESTS();
}
