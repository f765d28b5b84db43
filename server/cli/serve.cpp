#include "commands.h"
#include "common.h"

#include "core/permissions.h"
#include "engine/scheduler.h"
#include "http/httpserver.h"
#include "services/auth.h"
#include "services/users.h"

#include <QProcessEnvironment>

#include <csignal>

namespace LoyaltyDesk::Server::Cli {

namespace {

// Creates the built-in roles and the first administrator, printing a generated
// password once.
bool bootstrap(ServerContext &ctx)
{
    const QString given = qEnvironmentVariable("LOYALTYDESK_ADMIN_PASSWORD");
    auto generated = ctx.auth->bootstrap(given);
    if (!generated) {
        err() << "Error: " << generated.error().message << "\n";
        err().flush();
        return false;
    }
    if (!generated->isEmpty()) {
        out() << "Created the user 'admin' with the password: " << *generated << "\n"
              << "It is shown only this once. Set LOYALTYDESK_ADMIN_PASSWORD to choose it yourself.\n";
        out().flush();
    }
    return true;
}

}  // namespace

int serveCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serve the LoyaltyDesk REST API."));
    addDatabaseOptions(parser);
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
                      QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8080")});
    parser.addOption({QStringLiteral("token-ttl"), QStringLiteral("How long a sign-in lasts, in seconds (default 43200 = 12 h)."),
                      QStringLiteral("seconds"), QStringLiteral("43200")});
    parser.addOption({QStringLiteral("max-body"), QStringLiteral("Largest request body accepted, in bytes (default 8 MiB)."),
                      QStringLiteral("bytes"), QString::number(8 * 1024 * 1024)});
    parser.addOption({QStringLiteral("no-scheduler"), QStringLiteral("Do not recalculate segments and RFM in the background.")});
    parser.addOption({QStringLiteral("scheduler-tick"), QStringLiteral("Seconds between the scheduler's passes (default 30)."), QStringLiteral("seconds"),
                      QStringLiteral("30")});
    parser.addOption({QStringLiteral("segment-time-limit-ms"),
                      QStringLiteral("How long a segment count may run before it is stopped, in milliseconds, when the request names no "
                                     "limit (default 20000)."),
                      QStringLiteral("ms"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("fold-interval"),
                      QStringLiteral("While receipts arrive, seconds between folds of the new purchases into the stored customer metrics "
                                     "and balances (default 10). Longer folds less often and takes in more at once; readers are exact "
                                     "either way."),
                      QStringLiteral("seconds"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("HTTP worker threads; one per concurrent keep-alive connection (default 32)."),
                      QStringLiteral("n"), QStringLiteral("32")});
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;

    HttpConfig http;
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    http.port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : 0;
    if (colon <= 0 || !portOk || http.port < 0 || http.port > 65535) {
        err() << "Error: --listen wants HOST:PORT, like 127.0.0.1:8080.\n";
        err().flush();
        return 2;
    }
    http.host = listen.left(colon);
    bool ok = false;
    ServerOptions options;
    options.tokenTtlSeconds = parser.value(QStringLiteral("token-ttl")).toLongLong(&ok);
    if (!ok || options.tokenTtlSeconds < 1) {
        err() << "Error: --token-ttl wants a positive number of seconds.\n";
        err().flush();
        return 2;
    }
    options.segmentTimeLimitMs = parser.value(QStringLiteral("segment-time-limit-ms")).toLongLong(&ok);
    if (!ok || options.segmentTimeLimitMs < 1 || options.segmentTimeLimitMs > 3600000) {
        err() << "Error: --segment-time-limit-ms wants a number of milliseconds from 1 to 3600000.\n";
        err().flush();
        return 2;
    }
    const qint64 foldSeconds = parser.value(QStringLiteral("fold-interval")).toLongLong(&ok);
    if (!ok || foldSeconds < 1 || foldSeconds > 3600) {
        err() << "Error: --fold-interval wants a number of seconds from 1 to 3600.\n";
        err().flush();
        return 2;
    }
    options.foldIntervalMs = foldSeconds * 1000;
    http.maxBodyBytes = parser.value(QStringLiteral("max-body")).toULongLong(&ok);
    if (!ok || http.maxBodyBytes < 1024) {
        err() << "Error: --max-body wants a number of bytes, at least 1024.\n";
        err().flush();
        return 2;
    }
    http.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || http.threads < 2 || http.threads > 1024) {
        err() << "Error: --threads wants a number from 2 to 1024.\n";
        err().flush();
        return 2;
    }

    // Signals are taken by sigwait below, never by a worker thread.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    auto ctx = openContext(parser, options);
    if (!ctx) return 1;
    if (!bootstrap(*ctx)) return 1;
    HttpServer server(*ctx->auth, http);
    registerRoutes(server, *ctx);
    auto port = server.start();
    if (!port) {
        err() << "Error: " << port.error().message << "\n";
        err().flush();
        return 1;
    }
    const int tick = parser.value(QStringLiteral("scheduler-tick")).toInt(&ok);
    if (!ok || tick < 1 || tick > 3600) {
        err() << "Error: --scheduler-tick wants a number of seconds from 1 to 3600.\n";
        err().flush();
        return 2;
    }
    Scheduler scheduler(*ctx, tick);
    if (!parser.isSet(QStringLiteral("no-scheduler"))) scheduler.start();
    out() << "LoyaltyDesk server listening on http://" << http.host << ':' << *port << "  (database " << ctx->db.config().describe()
          << ")\n";
    out().flush();

    int sig = 0;
    sigwait(&stopSignals, &sig);
    out() << "Stopping (signal " << sig << ")\n";
    out().flush();
    server.stop();
    scheduler.stop();
    return 0;
}

int migrateCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Bring the database schema up to date."));
    addDatabaseOptions(parser);
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    auto ctx = openContext(parser);
    if (!ctx) return 1;
    if (!bootstrap(*ctx)) return 1;
    out() << "Database " << ctx->db.config().describe() << " is at schema version " << Database::latestSchemaVersion() << ".\n";
    out().flush();
    return 0;
}

int createUserCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a user, or update one with the same name. The password is read from "
                                                    "--password or, when absent, from the first line of standard input."));
    addDatabaseOptions(parser);
    parser.addOption({QStringLiteral("username"), QStringLiteral("Login name."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("display-name"), QStringLiteral("Name shown in the app."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("Password (at least 8 characters)."), QStringLiteral("password")});
    parser.addOption({QStringLiteral("roles"), QStringLiteral("Comma-separated role codes: operator, marketer, analyst, designer, campaign_editor, administrator, integration."),
                      QStringLiteral("codes")});
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    const QString username = parser.value(QStringLiteral("username")).trimmed().toLower();
    if (username.isEmpty() || !parser.isSet(QStringLiteral("roles"))) {
        err() << "Error: --username and --roles are required.\n";
        err().flush();
        return 2;
    }
    QString password = parser.value(QStringLiteral("password"));
    if (!parser.isSet(QStringLiteral("password"))) password = QTextStream(stdin).readLine();
    if (auto p = AuthService::checkPasswordPolicy(password); !p) {
        err() << "Error: " << p.error().message << "\n";
        err().flush();
        return 2;
    }
    auto ctx = openContext(parser);
    if (!ctx) return 1;
    if (!bootstrap(*ctx)) return 1;
    const QStringList roles = parser.value(QStringLiteral("roles")).split(u',', Qt::SkipEmptyParts);
    auto id = ctx->users->upsertUser(username, parser.value(QStringLiteral("display-name")).isEmpty() ? username : parser.value(QStringLiteral("display-name")),
                                     password, roles);
    if (!id) {
        err() << "Error: " << id.error().message << "\n";
        err().flush();
        return 1;
    }
    out() << "User '" << username << "' (id " << *id << ") has the roles " << roles.join(QStringLiteral(", ")) << ".\n";
    out().flush();
    return 0;
}

}  // namespace LoyaltyDesk::Server::Cli
