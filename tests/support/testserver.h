#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <map>
#include <ostream>
#include <memory>
#include <string>

namespace LoyaltyDesk::Test {

enum class Backend { SQLite, PostgreSQL };
QString backendName(Backend backend);
// So GoogleTest names parameterized cases readably.
void PrintTo(Backend backend, std::ostream *os);

// The PostgreSQL server the tests may use: LOYALTYDESK_TEST_PG, a URL like
// postgresql://postgres@127.0.0.1:55432/postgres (scripts/test starts one).
QString postgresAdminUrl();
bool postgresAvailable();

// A database of its own for one test: a SQLite file in a temporary folder, or a
// fresh PostgreSQL database created on the test server and dropped afterwards.
class TestDatabase final {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    Backend backend() const { return m_backend; }
    QString url() const { return m_url; }
    QString error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_url, m_name, m_error;
};

struct HttpResult {
    int status = 0;  // 0 = no answer (connection failed)
    QByteArray body;
    std::string contentType;
    std::multimap<std::string, std::string> headers;
    QJsonObject json() const;
    std::string header(const std::string &name) const;
};

// The real loyaltydesk-server binary on a free loopback port with its own database.
class TestServer final {
public:
    struct Options {
        Backend backend = Backend::SQLite;
        int seedCustomers = 0;  // run seed-demo first when > 0
        QStringList serveArgs;  // extra options for `serve`
    };

    static QString adminPassword() { return QStringLiteral("admin-pass-1"); }
    static QString demoPassword() { return QStringLiteral("demo-pass-1"); }
    static QString binary();

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int port() const { return m_port; }
    QString baseUrl() const;
    QString dbUrl() const { return m_db ? m_db->url() : QString(); }
    Backend backend() const { return m_options.backend; }

    HttpResult request(const std::string &method, const std::string &path, const QByteArray &body = {},
                       const QString &token = {}, const std::string &contentType = "application/json");
    HttpResult get(const std::string &path, const QString &token = {}) { return request("GET", path, {}, token); }
    HttpResult post(const std::string &path, const QByteArray &body, const QString &token = {}) { return request("POST", path, body, token); }
    HttpResult patch(const std::string &path, const QByteArray &body, const QString &token = {}) { return request("PATCH", path, body, token); }
    HttpResult del(const std::string &path, const QString &token = {}) { return request("DELETE", path, {}, token); }

    // Signs in and returns the token; empty on failure.
    QString login(const QString &username, const QString &password);
    QString loginAdmin() { return login(QStringLiteral("admin"), adminPassword()); }

    // Runs `loyaltydesk-server ARGS --db URL` against this server's database.
    int runCli(const QStringList &args, QByteArray *output = nullptr, const QByteArray &input = {});

    void stop();
    bool start();
    // Options for `serve` from the next start() on.
    void setServeArgs(const QStringList &args) { m_options.serveArgs = args; }

    // Runs one SQL statement directly on this server's database; returns the error or "".
    QString execSql(const QString &statement);
    // The first value of the first row of a query on this server's database (invalid if
    // none); `error`, if given, gets the error or "".
    QVariant querySql(const QString &statement, QString *error = nullptr);

private:
    Options m_options;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_error;
};

}  // namespace LoyaltyDesk::Test
