#include "testserver.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

#include <signal.h>
#include <sys/prctl.h>

namespace LoyaltyDesk::Test {

QString backendName(Backend backend) { return backend == Backend::SQLite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"); }

void PrintTo(Backend backend, std::ostream *os) { *os << backendName(backend).toStdString(); }

QString postgresAdminUrl() { return qEnvironmentVariable("LOYALTYDESK_TEST_PG"); }
bool postgresAvailable() { return !postgresAdminUrl().isEmpty(); }

namespace {

std::atomic<int> g_dbCounter{0};

// Runs one statement on a database named by URL (sqlite:PATH or postgresql://...).
QString execOn(const QString &url, const QString &statement, QVariant *first = nullptr)
{
    const QString name = QStringLiteral("ld-test-admin-%1").arg(++g_dbCounter);
    QString error;
    {
        QSqlDatabase db;
        if (url.startsWith(QStringLiteral("sqlite:"))) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(url.mid(7));
        } else {
            const QUrl u(url);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(u.path().mid(1));
        }
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(statement)) error = q.lastError().text();
            else if (first && q.next()) *first = q.value(0);
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString pgAdmin(const QString &statement) { return execOn(postgresAdminUrl(), statement); }

}  // namespace

TestDatabase::TestDatabase(Backend backend) : m_backend(backend)
{
    if (backend == Backend::SQLite) {
        if (!m_dir.isValid()) m_error = QStringLiteral("cannot make a temporary folder");
        m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("test.db"));
        return;
    }
    if (!postgresAvailable()) {
        m_error = QStringLiteral("LOYALTYDESK_TEST_PG is not set");
        return;
    }
    m_name = QStringLiteral("ldtest_%1_%2").arg(QCoreApplication::applicationPid()).arg(++g_dbCounter);
    m_error = pgAdmin(QStringLiteral("CREATE DATABASE ") + m_name + QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8'"));
    QUrl u(postgresAdminUrl());
    u.setPath(u'/' + m_name);
    m_url = u.toString();
}

TestDatabase::~TestDatabase()
{
    if (m_backend == Backend::PostgreSQL && !m_name.isEmpty()) pgAdmin(QStringLiteral("DROP DATABASE IF EXISTS ") + m_name + QStringLiteral(" WITH (FORCE)"));
}

QJsonObject HttpResult::json() const { return QJsonDocument::fromJson(body).object(); }

std::string HttpResult::header(const std::string &name) const
{
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

QString TestServer::binary() { return QStringLiteral(LD_SERVER_BINARY); }

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options) : m_options(std::move(options))
{
    m_db = std::make_unique<TestDatabase>(m_options.backend);
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    if (m_options.seedCustomers > 0) {
        QByteArray output;
        const int code = runCli({QStringLiteral("seed-demo"), QStringLiteral("--customers"), QString::number(m_options.seedCustomers),
                                 QStringLiteral("--demo-password"), demoPassword()},
                                &output);
        if (code != 0) {
            m_error = QStringLiteral("seed-demo failed: ") + QString::fromUtf8(output);
            return;
        }
    }
    start();
}

TestServer::~TestServer() { stop(); }

QString TestServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

int TestServer::runCli(const QStringList &args, QByteArray *output, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LOYALTYDESK_ADMIN_PASSWORD"), adminPassword());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary(), args + QStringList{QStringLiteral("--db"), dbUrl()});
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000)) {
        p.kill();
        p.waitForFinished();
    }
    if (output) *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool TestServer::start()
{
    m_error.clear();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LOYALTYDESK_ADMIN_PASSWORD"), adminPassword());
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The server dies with the test, even when the test is killed.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(binary(), QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                           QStringLiteral("--db"), dbUrl()} +
                                   m_options.serveArgs);
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200)) {
            if (m_process->state() == QProcess::NotRunning) break;
            continue;
        }
        seen += m_process->readAll();
        const auto m = listening.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            m_port = m.captured(1).toInt();
            return true;
        }
    }
    m_error = QStringLiteral("the server did not start: ") + QString::fromUtf8(seen + m_process->readAll());
    stop();
    return false;
}

void TestServer::stop()
{
    if (!m_process) return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    // The server's own log explains a failing test.
    const QByteArray log = m_process->readAll();
    if (::testing::Test::HasFailure() && !log.trimmed().isEmpty())
        fprintf(stderr, "--- server log ---\n%s\n--- end of server log ---\n", log.constData());
    m_process.reset();
}

HttpResult TestServer::request(const std::string &method, const std::string &path, const QByteArray &body, const QString &token,
                               const std::string &contentType)
{
    httplib::Client client("127.0.0.1", m_port);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(120, 0);
    httplib::Headers headers;
    if (!token.isEmpty()) headers.emplace("Authorization", "Bearer " + token.toStdString());
    const std::string payload = body.toStdString();
    auto send = [&]() -> httplib::Result {
        if (method == "POST") return client.Post(path, headers, payload, contentType);
        if (method == "PATCH") return client.Patch(path, headers, payload, contentType);
        if (method == "PUT") return client.Put(path, headers, payload, contentType);
        if (method == "DELETE") return client.Delete(path, headers);
        return client.Get(path, headers);
    };
    const httplib::Result res = send();
    HttpResult out;
    if (!res) return out;
    out.status = res->status;
    out.body = QByteArray::fromStdString(res->body);
    out.contentType = res->get_header_value("Content-Type");
    for (const auto &[k, v] : res->headers) out.headers.emplace(k, v);
    return out;
}

QString TestServer::execSql(const QString &statement) { return execOn(dbUrl(), statement); }

QVariant TestServer::querySql(const QString &statement, QString *error)
{
    QVariant value;
    const QString failed = execOn(dbUrl(), statement, &value);
    if (error) *error = failed;
    return value;
}

QString TestServer::login(const QString &username, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    const HttpResult r = post("/api/v1/auth/login", body);
    if (r.status != 200) return {};
    return r.json().value(QStringLiteral("token")).toString();
}

}  // namespace LoyaltyDesk::Test
