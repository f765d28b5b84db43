// seed-demo end to end: the real binary fills a temporary database (SQLite, and
// PostgreSQL when LOYALTYDESK_TEST_PG is set); the checks read it back with the
// server's own storage code and over HTTP.
#include "core/phone.h"
#include "services/customers.h"
#include "services/demoseeder.h"
#include "storage/database.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlRecord>
#include <QUrl>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;
using Server::Sql;

namespace {

constexpr int kCustomers = 400;

std::string enc(const QString &s) {
    return QUrl::toPercentEncoding(s).toStdString();
}

// The server's own Database on the test server's database.
std::unique_ptr<Server::Database> openDb(const QString &url) {
    auto config = Server::DbConfig::parse(url);
    if (!config) return nullptr;
    return std::make_unique<Server::Database>(*config);
}

// Runs a query and returns every row as "a|b|c".
QStringList rows(Server::Database &db, const QString &sql, const QVariantList &binds = {}) {
    auto conn = db.connection();
    EXPECT_TRUE(conn.ok());
    if (!conn) return {};
    Sql q(*conn, sql);
    for (const auto &b : binds) q.bind(b);
    auto r = q.exec();
    EXPECT_TRUE(r.ok()) << (r ? std::string() : r.error().message.toStdString());
    QStringList out;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.query().record().count(); ++i) cells << q.value(i).toString();
        out << cells.join(u'|');
    }
    return out;
}

qint64 number(Server::Database &db, const QString &sql, const QVariantList &binds = {}) {
    const QStringList r = rows(db, sql, binds);
    return r.isEmpty() ? -1 : r.first().toLongLong();
}

const char *const kTables[] = {"customers",         "contacts",
                               "search_keys",       "subscriptions",
                               "consent_history",   "cards",
                               "card_replacements", "bonus_accounts",
                               "card_accounts",     "bonus_ledger",
                               "products",          "receipts",
                               "receipt_lines",     "events",
                               "messages",          "message_status",
                               "coupons",           "favorite_products",
                               "support_messages",  "status_tiers",
                               "card_groups",       "users"};

// What "the same data" means: the row count of every table and the first 100 customers.
QStringList fingerprint(Server::Database &db) {
    QStringList out;
    for (const char *t : kTables)
        out << QString::fromLatin1(t) + u'=' +
                   QString::number(number(
                       db, QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(t)));
    out << rows(db,
                QStringLiteral(
                    "SELECT c.id, c.first_name, c.last_name, c.middle_name, c.gender, "
                    "c.birth_date, c.city, c.time_zone, c.revenue, "
                    "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'phone' "
                    "AND is_primary = 1), "
                    "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'phone' AND "
                    "is_primary = 1), "
                    "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'email') "
                    "FROM customers c ORDER BY c.id LIMIT 100"));
    return out;
}

class Seeded : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable())
            GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        TestServer::Options options;
        options.backend = GetParam();
        options.seedCustomers = kCustomers;
        server = std::make_unique<TestServer>(options);
        ASSERT_TRUE(server->ok()) << server->error().toStdString();
        db = openDb(server->dbUrl());
        ASSERT_TRUE(db);
    }
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Server::Database> db;
};

TEST_P(Seeded, SameSeedGivesTheSameDataAndAnotherSeedDoesNot) {
    TestServer::Options options;
    options.backend = GetParam();
    options.seedCustomers = kCustomers;
    TestServer twin(options);
    ASSERT_TRUE(twin.ok()) << twin.error().toStdString();
    auto twinDb = openDb(twin.dbUrl());
    const QStringList a = fingerprint(*db), b = fingerprint(*twinDb);
    ASSERT_EQ(a.size(), qsizetype(std::size(kTables)) + 100);
    EXPECT_EQ(a, b);

    TestServer::Options plain;
    plain.backend = GetParam();
    TestServer other(plain);
    ASSERT_TRUE(other.ok());
    QByteArray output;
    ASSERT_EQ(
        other.runCli({QStringLiteral("seed-demo"), QStringLiteral("--customers"),
                      QString::number(kCustomers), QStringLiteral("--seed"), QStringLiteral("2"),
                      QStringLiteral("--demo-password"), TestServer::demoPassword()},
                     &output),
        0)
        << output.toStdString();
    auto otherDb = openDb(other.dbUrl());
    EXPECT_EQ(number(*otherDb, QStringLiteral("SELECT COUNT(*) FROM customers")), kCustomers);
    EXPECT_NE(fingerprint(*otherDb).mid(std::size(kTables)), a.mid(std::size(kTables)));
}

TEST_P(Seeded, MetricsAndBalancesAgreeWithReceiptsAndLedger) {
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM customers")), kCustomers);
    EXPECT_EQ(number(*db, QStringLiteral(
                              "SELECT COUNT(*) FROM customers c WHERE orders_count <> (SELECT "
                              "COUNT(*) FROM receipts r WHERE r.customer_id = c.id AND "
                              "r.status = 'completed') OR revenue <> (SELECT COALESCE(SUM(total), "
                              "0) FROM receipts r WHERE r.customer_id = c.id AND "
                              "r.status = 'completed') OR COALESCE(first_purchase_at, 0) <> "
                              "(SELECT COALESCE(MIN(purchased_at), 0) FROM receipts r "
                              "WHERE r.customer_id = c.id AND r.status = 'completed') OR "
                              "COALESCE(last_purchase_at, 0) <> (SELECT "
                              "COALESCE(MAX(purchased_at), 0) FROM receipts r WHERE r.customer_id "
                              "= c.id AND r.status = 'completed')")),
              0);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM receipts r WHERE total <> (SELECT "
                                         "COALESCE(SUM(amount), 0) FROM receipt_lines l "
                                         "WHERE l.receipt_id = r.id)")),
              0);
    EXPECT_EQ(
        number(*db, QStringLiteral(
                        "SELECT COUNT(*) FROM bonus_accounts a WHERE active_balance <> (SELECT "
                        "COALESCE(SUM(amount), 0) FROM bonus_ledger l "
                        "WHERE l.account_id = a.id AND l.status <> 'pending') OR pending_balance "
                        "<> (SELECT COALESCE(SUM(amount), 0) "
                        "FROM bonus_ledger l WHERE l.account_id = a.id AND l.status = 'pending')")),
        0);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM bonus_accounts WHERE active_balance "
                                         "< 0 OR pending_balance < 0")),
              0);
    // Tiers follow revenue.
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM customers c JOIN status_tiers t ON "
                                         "t.id = c.tier_id WHERE c.revenue < t.min_revenue "
                                         "OR EXISTS (SELECT 1 FROM status_tiers u WHERE "
                                         "u.min_revenue <= c.revenue AND u.rank > t.rank)")),
              0);
    // "Points activating or expiring in the next 30 days" is there for many customers.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    EXPECT_GT(number(*db,
                     QStringLiteral("SELECT COUNT(DISTINCT customer_id) FROM bonus_ledger WHERE "
                                    "status = 'active' AND expires_at BETWEEN ? AND ?"),
                     {now, now + 30 * 86400}),
              kCustomers / 5);
    EXPECT_GT(number(*db,
                     QStringLiteral("SELECT COUNT(DISTINCT customer_id) FROM bonus_ledger WHERE "
                                    "status = 'pending' AND activates_at BETWEEN ? AND ?"),
                     {now, now + 30 * 86400}),
              kCustomers / 10);
    // Variety the demo promises.
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(DISTINCT status) FROM receipts")), 3);
    EXPECT_GE(number(*db, QStringLiteral("SELECT COUNT(DISTINCT time_zone) FROM customers")), 6);
    EXPECT_GE(number(*db, QStringLiteral("SELECT COUNT(*) FROM products")), 300);
    EXPECT_GE(number(*db, QStringLiteral("SELECT COUNT(DISTINCT type) FROM events")), 4);
    EXPECT_GT(number(*db, QStringLiteral("SELECT COUNT(*) FROM card_replacements")), 0);
    EXPECT_GT(
        number(*db, QStringLiteral("SELECT COUNT(*) FROM coupons WHERE redeemed_at IS NOT NULL")),
        0);
    EXPECT_GT(number(*db, QStringLiteral("SELECT COUNT(*) FROM (SELECT card_id FROM card_accounts "
                                         "GROUP BY card_id HAVING COUNT(*) > 1) m")),
              0);
    EXPECT_GT(
        number(*db, QStringLiteral("SELECT COUNT(*) FROM (SELECT account_id FROM card_accounts "
                                   "GROUP BY account_id HAVING COUNT(*) > 1) m")),
        0);
    // Messages end in the status of their last timeline entry.
    EXPECT_EQ(
        number(*db, QStringLiteral("SELECT COUNT(*) FROM messages m WHERE status <> (SELECT "
                                   "s.status FROM message_status s WHERE "
                                   "s.message_id = m.id ORDER BY s.at DESC, s.id DESC LIMIT 1)")),
        0);
    // Subscriptions are the last word of their consent history.
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM subscriptions s WHERE subscribed <> "
                                         "(SELECT h.subscribed FROM consent_history h "
                                         "WHERE h.customer_id = s.customer_id AND h.channel = "
                                         "s.channel ORDER BY h.at DESC, h.id DESC LIMIT 1)")),
              0);
}

TEST_P(Seeded, ContactsAreNormalizedAndTheBadOnesFlagged) {
    const Core::PhoneNormalizer phones(QStringLiteral("RU"));
    const QStringList valid =
        rows(*db, QStringLiteral("SELECT raw_value, value FROM contacts WHERE kind = 'phone' AND "
                                 "valid = 1 ORDER BY id"));
    ASSERT_GT(valid.size(), kCustomers * 9 / 10);
    QSet<QString> formats;
    for (const QString &row : valid) {
        const QString raw = row.section(u'|', 0, 0), value = row.section(u'|', 1);
        EXPECT_EQ(phones.toE164(raw), value) << raw.toStdString();
        EXPECT_TRUE(phones.normalize(value).valid) << value.toStdString();
        QString shape = raw;
        for (QChar &c : shape)
            if (c.isDigit()) c = u'0';
        formats.insert(shape);
    }
    EXPECT_GE(formats.size(), 8);  // "+7 000 000-00-00", "8(000)0000000", "0000000000", ...
    // Never two customers with the same valid phone or e-mail.
    EXPECT_EQ(number(*db, QStringLiteral(
                              "SELECT COUNT(*) FROM (SELECT value FROM contacts WHERE valid = 1 "
                              "AND kind IN ('phone', 'email') "
                              "GROUP BY kind, value HAVING COUNT(DISTINCT customer_id) > 1) d")),
              0);
    const QStringList bad =
        rows(*db, QStringLiteral(
                      "SELECT raw_value, details FROM contacts WHERE valid = 0 AND value IS NULL"));
    ASSERT_FALSE(bad.isEmpty());
    for (const QString &row : bad) {
        const QJsonObject details = QJsonDocument::fromJson(row.section(u'|', 1).toUtf8()).object();
        EXPECT_FALSE(details.value(QStringLiteral("error")).toString().isEmpty())
            << row.toStdString();
        EXPECT_FALSE(row.section(u'|', 0, 0).isEmpty());
    }
    EXPECT_GT(number(*db, QStringLiteral(
                              "SELECT COUNT(*) FROM contacts WHERE kind = 'email' AND valid = 0")),
              0);
    EXPECT_GE(
        number(
            *db,
            QStringLiteral(
                "SELECT COUNT(DISTINCT details) FROM contacts WHERE kind = 'email' AND valid = 1")),
        8);  // providers
    // About a third have the mobile app: one push token each, unique, with its platform.
    const qint64 push = number(*db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE kind = 'push' AND valid = 1"));
    EXPECT_GT(push, kCustomers / 5);
    EXPECT_LT(push, kCustomers / 2);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(DISTINCT value) FROM contacts WHERE kind = 'push'")), push);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(DISTINCT customer_id) FROM contacts WHERE kind = 'push'")), push);
    EXPECT_EQ(rows(*db, QStringLiteral("SELECT DISTINCT details FROM contacts WHERE kind = 'push' ORDER BY details")),
              (QStringList{QStringLiteral("{\"platform\":\"android\"}"), QStringLiteral("{\"platform\":\"ios\"}")}));
}

TEST_P(Seeded, SearchKeysAreWhatTheCustomerServiceWouldWrite) {
    auto conn = db->connection();
    ASSERT_TRUE(conn.ok());
    const QString keysOf = QStringLiteral(
        "SELECT kind, key FROM search_keys WHERE customer_id = ? ORDER BY kind, key");
    Server::Transaction tx(*db, *conn, true);
    ASSERT_TRUE(tx.begin().ok());
    for (qint64 id = 1; id <= kCustomers; id += 7) {
        const QStringList seeded = rows(*db, keysOf, {id});
        ASSERT_FALSE(seeded.isEmpty());
        ASSERT_TRUE(Server::CustomerService::rebuildSearchKeys(*conn, id).ok());
        EXPECT_EQ(rows(*db, keysOf, {id}), seeded) << "customer " << id;
    }
    tx.rollback();
}

TEST_P(Seeded, FindsCustomersByPhoneInAnotherFormatByEmailAndByCardOverHttp) {
    const QString token = server->login(QStringLiteral("operator"), TestServer::demoPassword());
    ASSERT_FALSE(token.isEmpty());
    auto found = [&](const QString &q, qint64 id) {
        const HttpResult r = server->get("/api/v1/customers?q=" + enc(q), token);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        for (const auto &item : r.json().value(QStringLiteral("items")).toArray())
            if (item.toObject().value(QStringLiteral("id")).toInteger() == id) return true;
        return false;
    };
    const QStringList phones = rows(
        *db,
        QStringLiteral(
            "SELECT customer_id, raw_value, value FROM contacts WHERE kind = 'phone' AND valid = 1 "
            "AND value LIKE '+79%' ORDER BY id LIMIT 12"));
    ASSERT_EQ(phones.size(), 12);
    for (const QString &row : phones) {
        const qint64 id = row.section(u'|', 0, 0).toLongLong();
        const QString raw = row.section(u'|', 1, 1), d = row.section(u'|', 2).mid(2);  // 10 digits
        // Typed differently from how it was stored.
        for (const QString &typed :
             {QStringLiteral("8 (%1) %2-%3-%4").arg(d.left(3), d.mid(3, 3), d.mid(6, 2), d.mid(8)),
              d, QStringLiteral("+7%1").arg(d),
              QStringLiteral("7-%1-%2").arg(d.left(3), d.mid(3))}) {
            if (typed == raw) continue;
            EXPECT_TRUE(found(typed, id))
                << typed.toStdString() << " stored as " << raw.toStdString();
        }
    }
    const QStringList emails =
        rows(*db, QStringLiteral("SELECT customer_id, value FROM contacts WHERE kind = 'email' AND "
                                 "valid = 1 ORDER BY id LIMIT 5"));
    for (const QString &row : emails)
        EXPECT_TRUE(found(row.section(u'|', 1).toUpper(), row.section(u'|', 0, 0).toLongLong()));
    const QStringList cards =
        rows(*db, QStringLiteral("SELECT customer_id, number FROM cards ORDER BY id LIMIT 5"));
    for (const QString &row : cards)
        EXPECT_TRUE(found(row.section(u'|', 1), row.section(u'|', 0, 0).toLongLong()));
    // The profile shows the balances the ledger promises.
    const qint64 someone = number(
        *db, QStringLiteral("SELECT MIN(customer_id) FROM bonus_ledger WHERE status = 'pending'"));
    const HttpResult profile = server->get("/api/v1/customers/" + std::to_string(someone), token);
    ASSERT_EQ(profile.status, 200) << profile.body.toStdString();
    const QJsonObject balance = profile.json().value(QStringLiteral("balance")).toObject();
    EXPECT_GT(balance.value(QStringLiteral("pending")).toInteger(), 0)
        << profile.body.toStdString();
}

TEST_P(Seeded, EveryDemoUserCanSignInWithItsRole) {
    for (const auto &[user, role] : Server::DemoSeeder::demoUsers()) {
        // TestServer sets LOYALTYDESK_ADMIN_PASSWORD, which seed-demo gives to admin.
        const QString password = user == QLatin1String("admin") ? TestServer::adminPassword()
                                                                : TestServer::demoPassword();
        const QString token = server->login(user, password);
        ASSERT_FALSE(token.isEmpty()) << user.toStdString();
        const HttpResult me = server->get("/api/v1/me", token);
        ASSERT_EQ(me.status, 200);
        const QJsonArray roles = me.json().value(QStringLiteral("roles")).toArray();
        EXPECT_TRUE(roles.contains(role)) << user.toStdString() << ": " << me.body.toStdString();
    }
}

TEST_P(Seeded, RefusesADatabaseWithCustomersUnlessAppending) {
    QByteArray output;
    const QStringList seed = {QStringLiteral("seed-demo"), QStringLiteral("--customers"),
                              QStringLiteral("50"), QStringLiteral("--demo-password"),
                              TestServer::demoPassword()};
    EXPECT_EQ(server->runCli(seed, &output), 1);
    EXPECT_TRUE(output.contains("--append")) << output.toStdString();
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM customers")), kCustomers);
    ASSERT_EQ(server->runCli(seed + QStringList{QStringLiteral("--append")}, &output), 0)
        << output.toStdString();
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM customers")), kCustomers + 50);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM (SELECT value FROM contacts WHERE "
                                         "valid = 1 AND kind IN ('phone', 'email') "
                                         "GROUP BY kind, value HAVING COUNT(*) > 1) d")),
              0);
    EXPECT_EQ(number(*db, QStringLiteral("SELECT COUNT(*) FROM products")),
              number(*db, QStringLiteral("SELECT COUNT(DISTINCT sku) FROM products")));
    // New rows after explicit ids still get fresh ids from the database (PostgreSQL's sequences
    // were moved).
    const QString token = server->login(QStringLiteral("operator"), TestServer::demoPassword());
    const HttpResult created = server->post(
        "/api/v1/customers",
        QJsonDocument(QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Новый")},
                                  {QStringLiteral("phone"), QStringLiteral("+7 999 000-00-01")}})
            .toJson(QJsonDocument::Compact),
        token);
    EXPECT_EQ(created.status, 201) << created.body.toStdString();
    EXPECT_EQ(created.json().value(QStringLiteral("id")).toInteger(), kCustomers + 51);
}

INSTANTIATE_TEST_SUITE_P(Backends, Seeded, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });

}  // namespace
