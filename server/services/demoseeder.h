#pragma once

#include "storage/database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace LoyaltyDesk::Server {

class ServerContext;

struct DemoSeedOptions {
    qint64 customers = 1000;
    quint64 seed = 1;
    QString demoPassword = QStringLiteral("demo");
    // The password of `admin`; empty = the demo password.
    QString adminPassword;
    // Add demo customers to a database that already has customers.
    bool append = false;
    // Customers per transaction.
    int chunk = 10000;
    std::function<void(const QString &)> progress;
};

struct DemoSeedSummary {
    QList<std::pair<QString, qint64>> rows;  // table -> rows written
    QStringList users;                       // "admin (administrator)", ...
    double seconds = 0;
};

// Fills a database with a realistic, deterministic demo: customers with Russian and
// English names, phones typed in many formats (a few invalid ones stored and flagged),
// e-mails, cities in several time zones, cards and bonus accounts with a ledger,
// receipts with lines over two years, site and cart events, messages with their
// status timeline, coupons, favourites, support conversations, subscriptions with
// consent history, status tiers, a product catalog, and one user per role.
//
// The same seed on an empty database gives the same data (times are relative to the
// current day). Rows are written with multi-row INSERTs in large transactions, with
// ids assigned here from the table's current maximum, so it scales to millions.
class DemoSeeder final {
public:
    explicit DemoSeeder(ServerContext &ctx);
    Result<DemoSeedSummary> run(const DemoSeedOptions &options);

    // The demo users: username and role code.
    static const QList<std::pair<QString, QString>> &demoUsers();

private:
    ServerContext &m_ctx;
};

}  // namespace LoyaltyDesk::Server
