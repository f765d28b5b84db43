#include "commands.h"
#include "common.h"

#include "services/demoseeder.h"
#include "services/segments.h"

namespace LoyaltyDesk::Server::Cli {

namespace {

int usageError(const char *message) {
    err() << "Error: " << message << '\n';
    err().flush();
    return 2;
}

}  // namespace

int seedDemoCommand(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fill the database with a realistic demo: customers, contacts, cards, bonus "
                       "accounts and ledger, receipts "
                       "over two years, events, messages, coupons, a product catalog, status "
                       "tiers, and one user per role "
                       "(admin, operator, marketer, analyst, designer, campaign_editor, "
                       "integration) with the demo password. "
                       "The same --seed gives the same data. The admin password is "
                       "LOYALTYDESK_ADMIN_PASSWORD when that is set."));
    addDatabaseOptions(parser);
    parser.addOption({QStringLiteral("customers"),
                      QStringLiteral("How many customers to create (required; up to millions)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("demo-password"),
                      QStringLiteral("Password of the demo users (default \"demo\")."),
                      QStringLiteral("password"), QStringLiteral("demo")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Seed of the generator (default 1): same seed, same data."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("append"),
         QStringLiteral("Add demo customers even though the database already has customers.")});
    parser.addOption({QStringLiteral("chunk"),
                      QStringLiteral("Customers per transaction (default 10000)."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    bool ok = false;
    DemoSeedOptions options;
    options.customers = parser.value(QStringLiteral("customers")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("customers")) || !ok || options.customers < 0 ||
        options.customers > 100000000)
        return usageError("--customers wants a number of customers, from 0 to 100000000.");
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) return usageError("--seed wants a non-negative whole number.");
    options.chunk = parser.value(QStringLiteral("chunk")).toInt(&ok);
    if (!ok || options.chunk < 1) return usageError("--chunk wants a positive number.");
    options.demoPassword = parser.value(QStringLiteral("demo-password"));
    options.adminPassword = qEnvironmentVariable("LOYALTYDESK_ADMIN_PASSWORD");
    options.append = parser.isSet(QStringLiteral("append"));
    options.progress = [](const QString &line) {
        out() << line << '\n';
        out().flush();
    };

    auto ctx = openContext(parser);
    if (!ctx) return 1;
    out() << "Seeding " << options.customers << " demo customers into "
          << ctx->db.config().describe() << " (seed " << options.seed << ")\n";
    out().flush();
    auto summary = DemoSeeder(*ctx).run(options);
    if (!summary) {
        err() << "Error: " << summary.error().message << "\n";
        err().flush();
        return 1;
    }
    out() << "\nDone in " << QString::number(summary->seconds, 'f', 1) << " s. Rows written:\n";
    qint64 total = 0;
    for (const auto &[table, rows] : summary->rows) {
        out() << "  " << table.leftJustified(20) << ' ' << QString::number(rows).rightJustified(12)
              << '\n';
        total += rows;
    }
    out() << "  " << QStringLiteral("total").leftJustified(20) << ' '
          << QString::number(total).rightJustified(12) << "  ("
          << QString::number(summary->seconds > 0 ? double(total) / summary->seconds : 0.0, 'f', 0)
          << " rows/s)\n";
    out() << "Demo users (password \"" << options.demoPassword << "\""
          << (options.adminPassword.isEmpty() ? "" : "; admin: LOYALTYDESK_ADMIN_PASSWORD")
          << "): " << summary->users.join(QStringLiteral(", ")) << '\n';
    out().flush();
    // Score the new base so RFM groups show from the first look at the demo.
    auto rfm = ctx->segments->recalculateRfm();
    if (!rfm) {
        err() << "Error: RFM scoring failed: " << rfm.error().message << "\n";
        err().flush();
        return 1;
    }
    out() << "RFM: " << rfm->value(QStringLiteral("scored")).toInteger() << " buyers scored in "
          << rfm->value(QStringLiteral("duration_ms")).toInteger() << " ms\n";
    out().flush();
    return 0;
}

}  // namespace LoyaltyDesk::Server::Cli
