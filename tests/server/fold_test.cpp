// Customer metrics and account balances folded in from purchases after they are stored
// (services/fold.h), in process on SQLite and PostgreSQL: every reader sees exact
// figures before the fold, the fold makes the stored totals exact, and neither a restart,
// points activated in between, nor ingest running beside folds counts a purchase twice
// or loses one.
#include "context.h"
#include "core/customer.h"
#include "core/json.h"
#include "services/auth.h"
#include "services/customers.h"
#include "services/demoseeder.h"
#include "services/fold.h"
#include "services/ingest.h"
#include "services/paging.h"
#include "services/points.h"
#include "services/segments.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QJsonArray>
#include <QSqlRecord>

#include <atomic>
#include <thread>
#include <vector>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;

namespace {

const Server::Principal kAdmin{1, QStringLiteral("admin"), {}, {}};

class Folding : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        database = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(database->ok()) << database->error().toStdString();
        ctx = open();
        ASSERT_TRUE(ctx);
    }

    // The server's services on the test database; ingest never folds on its own here.
    std::unique_ptr<Server::ServerContext> open()
    {
        auto config = Server::DbConfig::parse(database->url());
        if (!config) return nullptr;
        Server::ServerOptions options;
        options.dbUrl = database->url();
        options.foldIntervalMs = 3600 * 1000;
        auto c = std::make_unique<Server::ServerContext>(options, *config);
        if (!c->db.migrate() || !c->auth->bootstrap(QStringLiteral("admin-pass-1"))) return nullptr;  // and the default brand
        return c;
    }

    // A customer with a card (and its bonus account); returns the customer's id.
    qint64 customerWithCard(const QString &name, const QString &card)
    {
        auto changes = Core::CustomerChanges::fromJson(QJsonObject{{QStringLiteral("first_name"), name}});
        EXPECT_TRUE(changes.ok());
        auto created = ctx->customers->create(kAdmin, *changes);
        EXPECT_TRUE(created.ok()) << (created ? "" : created.error().message.toStdString());
        const qint64 id = created->value(QStringLiteral("id")).toInteger();
        EXPECT_TRUE(ctx->customers->issueCard(kAdmin, id, QJsonObject{{QStringLiteral("number"), card}}).ok());
        return id;
    }

    int ingest(const QJsonArray &receipts)
    {
        auto r = ctx->ingest->receipts(kAdmin, QJsonObject{{QStringLiteral("receipts"), receipts}});
        EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message.toStdString());
        return r ? r->value(QStringLiteral("created")).toInt() : -1;
    }

    qint64 folded()
    {
        auto n = ctx->fold->run();
        EXPECT_TRUE(n.ok()) << (n ? "" : n.error().message.toStdString());
        return n ? *n : -1;
    }

    // Stored columns, as they are without the purchases not folded in.
    QStringList stored(const QString &sql, qint64 id)
    {
        auto conn = ctx->db.connection();
        Server::Sql q(*conn, sql);
        q.bind(id);
        EXPECT_TRUE(q.exec().ok());
        QStringList out;
        if (q.next())
            for (int i = 0; i < q.query().record().count(); ++i) out << (q.value(i).isNull() ? QStringLiteral("null") : q.value(i).toString());
        return out;
    }
    QStringList storedMetrics(qint64 customer)
    {
        return stored(QStringLiteral("SELECT orders_count, revenue, first_purchase_at, last_purchase_at FROM customers WHERE id = ?"), customer);
    }
    QStringList storedBalance(qint64 customer)
    {
        return stored(QStringLiteral("SELECT active_balance, pending_balance FROM bonus_accounts WHERE id IN ") + Server::CustomerService::accountsOf(),
                      customer);
    }

    qint64 count(const QString &sql)
    {
        auto conn = ctx->db.connection();
        Server::Sql q(*conn, sql);
        auto v = q.scalar();
        EXPECT_TRUE(v.ok());
        return v ? v->toLongLong() : -1;
    }
    // Customers whose stored orders or revenue differ from their completed receipts.
    qint64 customersOffTheirReceipts()
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM customers c WHERE orders_count <> (SELECT COUNT(*) FROM receipts r WHERE r.customer_id = c.id "
                                    "AND r.status = 'completed') OR revenue <> (SELECT COALESCE(SUM(total), 0) FROM receipts r WHERE r.customer_id = c.id "
                                    "AND r.status = 'completed')"));
    }

    // What readers see: the profile's metrics and balance.
    QStringList profileFigures(qint64 customer)
    {
        auto p = ctx->customers->profile(customer);
        EXPECT_TRUE(p.ok());
        if (!p) return {};
        const QJsonObject m = p->value(QStringLiteral("metrics")).toObject(), b = p->value(QStringLiteral("balance")).toObject();
        return {QString::number(m.value(QStringLiteral("orders_count")).toInteger()), QString::number(m.value(QStringLiteral("revenue")).toInteger()),
                m.value(QStringLiteral("first_purchase_at")).toString(), m.value(QStringLiteral("last_purchase_at")).toString(),
                QString::number(b.value(QStringLiteral("active")).toInteger()), QString::number(b.value(QStringLiteral("pending")).toInteger())};
    }

    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<Server::ServerContext> ctx;
};

QJsonObject purchase(const QString &id, const QString &card, qint64 at, qint64 total, const QString &status = QStringLiteral("completed"),
                     qint64 accrued = 0, qint64 spent = 0)
{
    return QJsonObject{{QStringLiteral("external_id"), id},        {QStringLiteral("card_number"), card},
                       {QStringLiteral("purchased_at"), Core::Json::isoUtc(at)},
                       {QStringLiteral("total"), total},           {QStringLiteral("status"), status},
                       {QStringLiteral("bonus_accrued"), accrued}, {QStringLiteral("bonus_spent"), spent}};
}

TEST_P(Folding, PurchasesCountTheMomentTheyAreStoredAndAreFoldedLater)
{
    const qint64 id = customerWithCard(QStringLiteral("Folded"), QStringLiteral("7710001"));
    // The record's "updated" time is when it was last edited: purchases and folds leave it.
    auto conn = ctx->db.connection();
    ASSERT_TRUE(Server::Sql(*conn, QStringLiteral("UPDATE customers SET updated_at = 1000 WHERE id = ?")).bind(id).exec().ok());
    const qint64 now = QDateTime::currentSecsSinceEpoch(), first = now - 3 * 86400, last = now - 86400;
    ASSERT_EQ(ingest({purchase(QStringLiteral("f-1"), QStringLiteral("7710001"), first, 38000, QStringLiteral("completed"), 50),
                      purchase(QStringLiteral("f-2"), QStringLiteral("7710001"), now - 2 * 86400, 99999, QStringLiteral("cancelled"), 70),
                      purchase(QStringLiteral("f-3"), QStringLiteral("7710001"), last, 1000, QStringLiteral("completed"), 0, 20)}),
              3);
    const QStringList exact{QStringLiteral("2"), QStringLiteral("39000"), Core::Json::isoUtc(first), Core::Json::isoUtc(last),
                            QStringLiteral("-20"), QStringLiteral("50")};

    // Not folded yet: the columns are as before, every reader adds the purchases.
    EXPECT_EQ(storedMetrics(id), (QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("null"), QStringLiteral("null")}));
    EXPECT_EQ(storedBalance(id), (QStringList{QStringLiteral("0"), QStringLiteral("0")}));
    EXPECT_EQ(profileFigures(id), exact);
    auto found = ctx->customers->search(QStringLiteral("7710001"), {});
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->items.size(), 1);
    EXPECT_EQ(found->items.at(0).toObject().value(QStringLiteral("orders_count")).toInteger(), 2);
    EXPECT_EQ(found->items.at(0).toObject().value(QStringLiteral("revenue")).toInteger(), 39000);
    auto accounts = ctx->customers->part(id, Server::ProfilePart::Accounts, {}, {});
    ASSERT_TRUE(accounts.ok());
    ASSERT_EQ(accounts->items.size(), 1);
    EXPECT_EQ(accounts->items.at(0).toObject().value(QStringLiteral("active_balance")).toInteger(), -20);
    EXPECT_EQ(accounts->items.at(0).toObject().value(QStringLiteral("pending_balance")).toInteger(), 50);

    // The fold takes the three receipts in, once.
    EXPECT_EQ(folded(), 3);
    EXPECT_EQ(storedMetrics(id), (QStringList{QStringLiteral("2"), QStringLiteral("39000"), QString::number(first), QString::number(last)}));
    EXPECT_EQ(storedBalance(id), (QStringList{QStringLiteral("-20"), QStringLiteral("50")}));
    EXPECT_EQ(profileFigures(id), exact);
    EXPECT_EQ(folded(), 0);
    EXPECT_EQ(profileFigures(id), exact);
    EXPECT_EQ(stored(QStringLiteral("SELECT updated_at FROM customers WHERE id = ?"), id), QStringList{QStringLiteral("1000")});
    EXPECT_EQ(ctx->customers->profile(id)->value(QStringLiteral("updated_at")).toString(), Core::Json::isoUtc(1000));

    // A rule over the whole base folds first: the new purchase counts at once.
    ASSERT_EQ(ingest({purchase(QStringLiteral("f-4"), QStringLiteral("7710001"), now - 3600, 500)}), 1);
    const QJsonObject rule{{QStringLiteral("version"), 1},
                           {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                                                {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("orders_count")},
                                                                                                                 {QStringLiteral("op"), QStringLiteral("gte")},
                                                                                                                 {QStringLiteral("value"), 3}}}}}}};
    auto preview = ctx->segments->preview(QJsonObject{{QStringLiteral("rule"), rule}});
    ASSERT_TRUE(preview.ok()) << preview.error().message.toStdString();
    EXPECT_EQ(preview->value(QStringLiteral("count")).toInteger(), 1);
    EXPECT_EQ(storedMetrics(id).mid(0, 2), (QStringList{QStringLiteral("3"), QStringLiteral("39500")}));

    // A page of members reads without folding, and still counts the newest purchase.
    auto audience = ctx->segments->createAudience(kAdmin, QJsonObject{{QStringLiteral("name"), QStringLiteral("Regulars")}, {QStringLiteral("rule"), rule}});
    ASSERT_TRUE(audience.ok()) << audience.error().message.toStdString();
    ASSERT_EQ(ingest({purchase(QStringLiteral("f-5"), QStringLiteral("7710001"), now - 60, 250)}), 1);
    auto members = ctx->segments->audienceMembers(audience->value(QStringLiteral("id")).toInteger(), {});
    ASSERT_TRUE(members.ok());
    ASSERT_EQ(members->items.size(), 1);
    EXPECT_EQ(members->items.at(0).toObject().value(QStringLiteral("orders_count")).toInteger(), 4);
    EXPECT_EQ(members->items.at(0).toObject().value(QStringLiteral("revenue")).toInteger(), 39750);
    EXPECT_EQ(storedMetrics(id).mid(0, 2), (QStringList{QStringLiteral("3"), QStringLiteral("39500")}));
}

TEST_P(Folding, SettlingFoldsFirstSoPointsStillOnTheirReceiptsActivateOnce)
{
    const qint64 id = customerWithCard(QStringLiteral("Early"), QStringLiteral("7710002"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Bought 20 days ago: the accrual's two weeks are over, it activates at the next settling.
    ASSERT_EQ(ingest({purchase(QStringLiteral("e-1"), QStringLiteral("7710002"), now - 20 * 86400, 5000, QStringLiteral("completed"), 50)}), 1);
    // Not folded: the accrual is on the receipt only, and the readers count it pending.
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_ledger")), 0);
    EXPECT_EQ(profileFigures(id).mid(4), (QStringList{QStringLiteral("0"), QStringLiteral("50")}));
    // Settling folds first, so the accrual it activates is in the ledger and the balances.
    auto settled = ctx->points->settle(now);
    ASSERT_TRUE(settled.ok());
    EXPECT_EQ(settled->activated, 1);
    EXPECT_EQ(storedBalance(id), (QStringList{QStringLiteral("50"), QStringLiteral("0")}));
    EXPECT_EQ(profileFigures(id).mid(4), (QStringList{QStringLiteral("50"), QStringLiteral("0")}));
    EXPECT_EQ(folded(), 0);
    EXPECT_EQ(storedBalance(id), (QStringList{QStringLiteral("50"), QStringLiteral("0")}));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_ledger WHERE status = 'active' AND amount = 50")), 1);
}

// A purchase's points reach the ledger with the fold; until then every reader of the
// ledger shows them from the receipt, the same rows without an id. A purchase on someone
// else's card writes its rows at once.
TEST_P(Folding, PurchasesPointsAreInTheLedgerBeforeTheFoldWritesThem)
{
    const qint64 holder = customerWithCard(QStringLiteral("Holder"), QStringLiteral("7740001"));
    const qint64 other = customerWithCard(QStringLiteral("Other"), QStringLiteral("7740002"));
    const qint64 now = QDateTime::currentSecsSinceEpoch(), at1 = now - 10 * 86400, at2 = now - 3600, at3 = now - 2 * 86400;
    QJsonObject earned = purchase(QStringLiteral("l-1"), QStringLiteral("7740001"), at1, 4000, QStringLiteral("completed"), 40);
    earned.insert(QStringLiteral("cheque_number"), QStringLiteral("CH-1"));
    QJsonObject borrowed = purchase(QStringLiteral("l-3"), QStringLiteral("7740001"), at3, 700, QStringLiteral("completed"), 7);
    borrowed.insert(QStringLiteral("customer_id"), other);
    ASSERT_EQ(ingest({earned, purchase(QStringLiteral("l-2"), QStringLiteral("7740001"), at2, 900, QStringLiteral("completed"), 0, 15), borrowed}), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM receipts WHERE account_id IS NOT NULL")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_ledger")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT amount FROM bonus_ledger WHERE customer_id = %1").arg(other)), 7);

    auto ledger = [&](int limit) {
        QJsonArray rows;
        Server::PageRequest page;
        page.limit = limit;
        for (int guard = 0; guard < 10; ++guard) {
            auto p = ctx->customers->part(holder, Server::ProfilePart::Ledger, {}, page);
            EXPECT_TRUE(p.ok()) << (p ? "" : p.error().message.toStdString());
            if (!p) break;
            for (const auto &v : p->items) rows.append(v);
            if (p->nextCursor.isEmpty()) break;
            auto c = Server::Cursor::decode(p->nextCursor, 2);
            EXPECT_TRUE(c.ok());
            page.cursor = *c;
        }
        return rows;
    };
    auto withoutIds = [](QJsonArray rows) {
        for (auto &&v : rows) {
            QJsonObject o = v.toObject();
            o.remove(QStringLiteral("id"));
            v = o;
        }
        return rows;
    };
    const QJsonArray before = ledger(50);
    ASSERT_EQ(before.size(), 3);
    const QJsonObject spent = before.at(0).toObject(), legacy = before.at(1).toObject(), accrual = before.at(2).toObject();
    EXPECT_TRUE(spent.value(QStringLiteral("id")).isNull());
    EXPECT_EQ(spent.value(QStringLiteral("kind")).toString(), QStringLiteral("deduction"));
    EXPECT_EQ(spent.value(QStringLiteral("amount")).toInteger(), -15);
    EXPECT_EQ(spent.value(QStringLiteral("status")).toString(), QStringLiteral("spent"));
    EXPECT_EQ(spent.value(QStringLiteral("description")).toString(), QStringLiteral("Paid with points, purchase l-2"));
    EXPECT_TRUE(spent.value(QStringLiteral("activates_at")).isNull());
    EXPECT_FALSE(legacy.value(QStringLiteral("id")).isNull());
    EXPECT_EQ(legacy.value(QStringLiteral("amount")).toInteger(), 7);
    EXPECT_TRUE(accrual.value(QStringLiteral("id")).isNull());
    EXPECT_EQ(accrual.value(QStringLiteral("kind")).toString(), QStringLiteral("accrual"));
    EXPECT_EQ(accrual.value(QStringLiteral("amount")).toInteger(), 40);
    EXPECT_EQ(accrual.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(accrual.value(QStringLiteral("description")).toString(), QStringLiteral("Purchase CH-1"));
    EXPECT_EQ(accrual.value(QStringLiteral("created_at")).toString(), Core::Json::isoUtc(at1));
    EXPECT_EQ(accrual.value(QStringLiteral("activates_at")).toString(), Core::Json::isoUtc(at1 + Server::MetricsFold::kActivationDelay));
    EXPECT_EQ(accrual.value(QStringLiteral("expires_at")).toString(), Core::Json::isoUtc(at1 + Server::MetricsFold::kPointsLifetime));
    EXPECT_FALSE(accrual.contains(QStringLiteral("page_key")));
    // A row at a time, the cursor passes rows with and without ids alike.
    EXPECT_EQ(ledger(1), before);

    // The balance, the points activating within 30 days, the account's upcoming dates.
    auto profile = ctx->customers->profile(holder);
    ASSERT_TRUE(profile.ok());
    const QJsonObject balance = profile->value(QStringLiteral("balance")).toObject();
    EXPECT_EQ(balance.value(QStringLiteral("active")).toInteger(), -15);
    EXPECT_EQ(balance.value(QStringLiteral("pending")).toInteger(), 47);
    EXPECT_EQ(balance.value(QStringLiteral("activating_30d")).toInteger(), 47);
    auto upcoming = [&] {
        auto accounts = ctx->customers->part(holder, Server::ProfilePart::Accounts, {}, {});
        EXPECT_TRUE(accounts.ok());
        return accounts ? accounts->items.at(0).toObject().value(QStringLiteral("upcoming")).toArray() : QJsonArray();
    };
    const QJsonArray upcomingBefore = upcoming();
    ASSERT_EQ(upcomingBefore.size(), 2);
    EXPECT_EQ(upcomingBefore.at(0).toObject().value(QStringLiteral("amount")).toInteger(), 40);
    EXPECT_EQ(upcomingBefore.at(1).toObject().value(QStringLiteral("amount")).toInteger(), 7);

    // The fold writes the rows the readers showed, and the balances they added.
    EXPECT_EQ(folded(), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_ledger")), 3);
    EXPECT_EQ(storedBalance(holder), (QStringList{QStringLiteral("-15"), QStringLiteral("47")}));
    const QJsonArray after = ledger(50);
    ASSERT_EQ(after.size(), 3);
    for (const auto &v : after) EXPECT_FALSE(v.toObject().value(QStringLiteral("id")).isNull());
    EXPECT_EQ(withoutIds(after), withoutIds(before));
    EXPECT_EQ(ledger(1), after);
    EXPECT_EQ(upcoming(), upcomingBefore);
    auto again = ctx->customers->profile(holder);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->value(QStringLiteral("balance")).toObject(), balance);
    EXPECT_EQ(folded(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_ledger")), 3);
}

TEST_P(Folding, WhatARestartLeftUnfoldedIsCountedAndFoldedAfterIt)
{
    const qint64 id = customerWithCard(QStringLiteral("Restarted"), QStringLiteral("7710003"));
    const qint64 at = QDateTime::currentSecsSinceEpoch() - 7200;
    ASSERT_EQ(ingest({purchase(QStringLiteral("s-1"), QStringLiteral("7710003"), at, 700, QStringLiteral("completed"), 7)}), 1);
    const QStringList exact = profileFigures(id);
    EXPECT_EQ(exact.mid(0, 2), (QStringList{QStringLiteral("1"), QStringLiteral("700")}));
    ctx.reset();
    ctx = open();
    ASSERT_TRUE(ctx);
    EXPECT_EQ(profileFigures(id), exact);
    EXPECT_EQ(folded(), 1);
    EXPECT_EQ(storedMetrics(id), (QStringList{QStringLiteral("1"), QStringLiteral("700"), QString::number(at), QString::number(at)}));
    EXPECT_EQ(profileFigures(id), exact);
}

TEST_P(Folding, IngestBesideFoldsLosesNothingAndCountsNothingTwice)
{
    constexpr int kCustomers = 12, kWriters = 3, kBatches = 8, kPerBatch = 25;
    for (int c = 0; c < kCustomers; ++c) customerWithCard(QStringLiteral("Busy %1").arg(c), QStringLiteral("77200%1").arg(c, 2, 10, QLatin1Char('0')));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::atomic<int> created = 0, failures = 0;
    std::atomic<bool> writing = true;
    std::thread folder([&] {
        while (writing)
            if (!ctx->fold->run()) ++failures;
    });
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            for (int b = 0; b < kBatches; ++b) {
                QJsonArray list;
                for (int i = 0; i < kPerBatch; ++i) {
                    const int n = (w * kBatches + b) * kPerBatch + i;
                    list.append(purchase(QStringLiteral("busy-%1").arg(n), QStringLiteral("77200%1").arg(n % kCustomers, 2, 10, QLatin1Char('0')),
                                         now - n, 100 + n, n % 5 == 0 ? QStringLiteral("cancelled") : QStringLiteral("completed"), 10, n % 3 == 0 ? 4 : 0));
                }
                auto r = ctx->ingest->receipts(kAdmin, QJsonObject{{QStringLiteral("receipts"), list}});
                if (r) created += r->value(QStringLiteral("created")).toInt();
                else ++failures;
            }
        });
    for (auto &t : writers) t.join();
    writing = false;
    folder.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(created.load(), kWriters * kBatches * kPerBatch);
    folded();

    EXPECT_EQ(customersOffTheirReceipts(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_accounts a WHERE pending_balance <> (SELECT COALESCE(SUM(amount), 0) FROM bonus_ledger l "
                                   "WHERE l.account_id = a.id AND l.kind = 'accrual') OR active_balance <> (SELECT COALESCE(SUM(amount), 0) "
                                   "FROM bonus_ledger l WHERE l.account_id = a.id AND l.kind = 'deduction')")),
              0);
    EXPECT_EQ(count(QStringLiteral("SELECT SUM(orders_count) FROM customers")), kWriters * kBatches * kPerBatch * 4 / 5);
    EXPECT_EQ(count(QStringLiteral("SELECT receipt_id FROM metric_marks")), count(QStringLiteral("SELECT MAX(id) FROM receipts")));
}

TEST_P(Folding, SeededCustomersComeWithTheirTotalsAndTheSeederFoldsWhatCameBefore)
{
    const qint64 id = customerWithCard(QStringLiteral("Before the seed"), QStringLiteral("7730001"));
    const qint64 at = QDateTime::currentSecsSinceEpoch() - 600;
    ASSERT_EQ(ingest({purchase(QStringLiteral("b-1"), QStringLiteral("7730001"), at, 1200, QStringLiteral("completed"), 12)}), 1);
    Server::DemoSeedOptions options;
    options.customers = 60;
    options.chunk = 25;  // three transactions, each moving the marks
    options.append = true;
    options.demoPassword = QStringLiteral("demo-pass-1");
    auto seeded = Server::DemoSeeder(*ctx).run(options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();

    // The purchase made before the seed was folded first, and nothing is left to fold.
    EXPECT_EQ(storedMetrics(id), (QStringList{QStringLiteral("1"), QStringLiteral("1200"), QString::number(at), QString::number(at)}));
    EXPECT_EQ(storedBalance(id), (QStringList{QStringLiteral("0"), QStringLiteral("12")}));
    EXPECT_EQ(folded(), 0);
    EXPECT_EQ(profileFigures(id).mid(0, 2), (QStringList{QStringLiteral("1"), QStringLiteral("1200")}));

    EXPECT_GT(count(QStringLiteral("SELECT COUNT(*) FROM receipts")), 60);
    EXPECT_EQ(customersOffTheirReceipts(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM bonus_accounts a WHERE active_balance <> (SELECT COALESCE(SUM(amount), 0) FROM bonus_ledger l "
                                   "WHERE l.account_id = a.id AND l.status <> 'pending') OR pending_balance <> (SELECT COALESCE(SUM(amount), 0) "
                                   "FROM bonus_ledger l WHERE l.account_id = a.id AND l.status = 'pending')")),
              0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Folding, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });

}  // namespace
