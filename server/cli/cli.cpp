#include "cli.h"

#include "commands.h"

#include <QTextStream>

#include <cstdio>

namespace LoyaltyDesk::Server::Cli {

namespace {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const Command kCommands[] = {
    {"serve", "Run the REST API server (migrates the database first)", &serveCommand},
    {"migrate", "Bring the database schema up to date and exit", &migrateCommand},
    {"create-user", "Create or update a user with roles", &createUserCommand},
    {"seed-demo", "Fill the database with demo customers, purchases and users", &seedDemoCommand},
    {"import", "Import customers or receipts from a CSV file", &importCommand},
    {"export", "Export customers or receipts to a CSV file", &exportCommand},
    {"render", "Render a Liquid message template with JSON data (for CI and checks)", &renderCommand},
};

void usage(FILE *to)
{
    QTextStream out(to);
    out << "Usage: loyaltydesk-server COMMAND [options]\n\nCommands:\n";
    for (const auto &c : kCommands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(12) << ' ' << c.summary << '\n';
    out << "\nRun 'loyaltydesk-server COMMAND --help' for the options of a command.\n";
}

}  // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h") ||
        arguments.at(1) == QLatin1String("help")) {
        usage(arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? 2 : 0;
    }
    const QString name = arguments.at(1);
    for (const auto &c : kCommands) {
        if (name == QLatin1String(c.name)) {
            QStringList args = arguments.mid(1);
            args[0] = QStringLiteral("loyaltydesk-server ") + name;
            return c.run(args);
        }
    }
    QTextStream(stderr) << "Unknown command: " << name << "\n\n";
    usage(stderr);
    return 2;
}

}  // namespace LoyaltyDesk::Server::Cli
