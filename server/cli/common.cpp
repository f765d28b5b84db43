#include "common.h"

#include <QCoreApplication>

#include <cstdio>

namespace LoyaltyDesk::Server::Cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void addDatabaseOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Database: sqlite:PATH (default %1) or postgresql://user:password@host:port/database.")
                          .arg(DbConfig::defaultSqlitePath()),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("phone-region"), QStringLiteral("Region for phone numbers typed without a country code (default RU)."),
                      QStringLiteral("code"), QStringLiteral("RU")});
}

namespace {
// QCommandLineParser names the program by its path; say the command instead.
QString helpFor(const QCommandLineParser &parser, const QStringList &args)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (!program.isEmpty() && !args.isEmpty()) text.replace(QStringLiteral("Usage: ") + program, QStringLiteral("Usage: ") + args.first());
    return text;
}
}  // namespace

bool parseArgs(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err() << parser.errorText() << "\n\n" << helpFor(parser, args);
        err().flush();
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpFor(parser, args);
        out().flush();
        *exitCode = 0;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "Unexpected argument: " << parser.positionalArguments().first() << "\n";
        err().flush();
        *exitCode = 2;
        return false;
    }
    return true;
}

std::unique_ptr<ServerContext> openContext(const QCommandLineParser &parser, ServerOptions options)
{
    const QString url = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : QStringLiteral("sqlite:") + DbConfig::defaultSqlitePath();
    auto config = DbConfig::parse(url);
    if (!config) {
        err() << "Error: " << config.error().message << "\n";
        err().flush();
        return nullptr;
    }
    options.dbUrl = url;
    options.phoneRegion = parser.value(QStringLiteral("phone-region")).toUpper();
    auto ctx = std::make_unique<ServerContext>(options, *config);
    auto migrated = ctx->db.migrate();
    if (!migrated) {
        err() << "Error: " << migrated.error().message << "\n";
        err().flush();
        return nullptr;
    }
    return ctx;
}

}  // namespace LoyaltyDesk::Server::Cli
