// The card directory of receipt ingest (services/carddirectory.h), in process on SQLite
// and PostgreSQL: whatever happens to a card after ingest has resolved it once (a new
// holder, other accounts, its holder or itself removed, its number issued again), the
// next receipt resolves as the database says. PostgreSQL keeps no directory and must
// answer the same.
#include "context.h"
#include "core/customer.h"
#include "core/json.h"
#include "services/auth.h"
#include "services/carddirectory.h"
#include "services/customers.h"
#include "services/ingest.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;

namespace {

const Server::Principal kAdmin{1, QStringLiteral("admin"), {}, {}};

class CardDirectory : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        database = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(database->ok()) << database->error().toStdString();
        auto config = Server::DbConfig::parse(database->url());
        ASSERT_TRUE(config.ok());
        Server::ServerOptions options;
        options.dbUrl = database->url();
        options.foldIntervalMs = 3600 * 1000;
        ctx = std::make_unique<Server::ServerContext>(options, *config);
        ASSERT_TRUE(ctx->db.migrate().ok());
        ASSERT_TRUE(ctx->auth->bootstrap(QStringLiteral("admin-pass-1")).ok());
    }

    qint64 customer(const QString &name)
    {
        auto changes = Core::CustomerChanges::fromJson(QJsonObject{{QStringLiteral("first_name"), name}});
        EXPECT_TRUE(changes.ok());
        auto created = ctx->customers->create(kAdmin, *changes);
        EXPECT_TRUE(created.ok()) << (created ? "" : created.error().message.toStdString());
        return created ? created->value(QStringLiteral("id")).toInteger() : -1;
    }
    qint64 issue(qint64 customerId, const QString &number)
    {
        auto card = ctx->customers->issueCard(kAdmin, customerId, QJsonObject{{QStringLiteral("number"), number}});
        EXPECT_TRUE(card.ok()) << (card ? "" : card.error().message.toStdString());
        return card ? card->value(QStringLiteral("id")).toInteger() : -1;
    }

    // Changes made behind the service's back, on this thread's own connection, as another
    // process or a database administrator would make them.
    void sql(const QString &statement, const QVariantList &binds = {})
    {
        auto conn = ctx->db.connection();
        ASSERT_TRUE(conn.ok());
        Server::Sql q(*conn, statement);
        for (const QVariant &v : binds) q.bind(v);
        auto done = q.exec();
        ASSERT_TRUE(done.ok()) << statement.toStdString() << ": " << (done ? "" : done.error().message.toStdString());
    }
    qint64 scalar(const QString &statement, const QVariantList &binds = {})
    {
        auto conn = ctx->db.connection();
        Server::Sql q(*conn, statement);
        for (const QVariant &v : binds) q.bind(v);
        auto v = q.scalar();
        EXPECT_TRUE(v.ok());
        return v && v->isValid() && !v->isNull() ? v->toLongLong() : -1;
    }

    // Ingests one purchase on `card`; returns its customer, card and account as stored
    // (-1 for none), or the errors it was rejected with.
    std::string buy(const QString &externalId, const QString &card)
    {
        const QJsonObject receipt{{QStringLiteral("external_id"), externalId},
                                  {QStringLiteral("card_number"), card},
                                  {QStringLiteral("purchased_at"), Core::Json::isoUtc(QDateTime::currentSecsSinceEpoch() - 60)},
                                  {QStringLiteral("total"), 1000},
                                  {QStringLiteral("bonus_accrued"), 10}};
        auto r = ctx->ingest->receipts(kAdmin, QJsonObject{{QStringLiteral("receipts"), QJsonArray{receipt}}});
        EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message.toStdString());
        if (!r) return "request failed";
        const QJsonObject result = r->value(QStringLiteral("results")).toArray().at(0).toObject();
        if (result.value(QStringLiteral("status")).toString() != QLatin1String("created"))
            return QJsonDocument(result.value(QStringLiteral("errors")).toArray()).toJson(QJsonDocument::Compact).toStdString();
        const qint64 id = result.value(QStringLiteral("id")).toInteger();
        return QStringLiteral("%1 %2 %3")
            .arg(scalar(QStringLiteral("SELECT customer_id FROM receipts WHERE id = ?"), {id}))
            .arg(scalar(QStringLiteral("SELECT card_id FROM receipts WHERE id = ?"), {id}))
            .arg(scalar(QStringLiteral("SELECT account_id FROM receipts WHERE id = ?"), {id}))
            .toStdString();
    }
    static std::string as(qint64 customerId, qint64 cardId, qint64 accountId)
    {
        return QStringLiteral("%1 %2 %3").arg(customerId).arg(cardId).arg(accountId).toStdString();
    }
    qint64 accountOf(qint64 cardId)
    {
        return scalar(QStringLiteral("SELECT MIN(account_id) FROM card_accounts WHERE card_id = ?"), {cardId});
    }

    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<Server::ServerContext> ctx;
};

TEST_P(CardDirectory, IngestFollowsEveryChangeToACardItHasResolvedBefore)
{
    const qint64 anna = customer(QStringLiteral("Anna")), boris = customer(QStringLiteral("Boris"));
    const qint64 card = issue(anna, QStringLiteral("8810001"));
    const qint64 account = accountOf(card);
    ASSERT_GT(account, 0);
    EXPECT_EQ(buy(QStringLiteral("d-1"), QStringLiteral("8810001")), as(anna, card, account));
    EXPECT_EQ(buy(QStringLiteral("d-2"), QStringLiteral("8810001")), as(anna, card, account));

    // The card passes to Boris.
    sql(QStringLiteral("UPDATE cards SET customer_id = ? WHERE id = ?"), {boris, card});
    EXPECT_EQ(buy(QStringLiteral("d-3"), QStringLiteral("8810001")), as(boris, card, account));

    // Its points move to another account.
    sql(QStringLiteral("INSERT INTO bonus_accounts (partner_id, currency, created_at) SELECT partner_id, 'points', 0 FROM cards WHERE id = ?"), {card});
    const qint64 other = scalar(QStringLiteral("SELECT MAX(id) FROM bonus_accounts"));
    sql(QStringLiteral("DELETE FROM card_accounts WHERE card_id = ?"), {card});
    sql(QStringLiteral("INSERT INTO card_accounts (card_id, account_id) VALUES (?, ?)"), {card, other});
    EXPECT_EQ(buy(QStringLiteral("d-4"), QStringLiteral("8810001")), as(boris, card, other));
    // An older account linked beside it comes first.
    sql(QStringLiteral("INSERT INTO card_accounts (card_id, account_id) VALUES (?, ?)"), {card, account});
    EXPECT_EQ(buy(QStringLiteral("d-5"), QStringLiteral("8810001")), as(boris, card, account));

    // Its holder is removed: the card stays, with no one's purchases on it.
    sql(QStringLiteral("DELETE FROM customers WHERE id = ?"), {boris});
    EXPECT_EQ(scalar(QStringLiteral("SELECT customer_id FROM cards WHERE id = ?"), {card}), -1);
    EXPECT_EQ(buy(QStringLiteral("d-6"), QStringLiteral("8810001")), as(-1, card, -1));

    // The card is removed, then its number issued again, to Anna (SQLite may give the new
    // card the old one's id).
    sql(QStringLiteral("DELETE FROM cards WHERE id = ?"), {card});
    EXPECT_EQ(buy(QStringLiteral("d-7"), QStringLiteral("8810001")),
              R"([{"field":"receipts[0].card_number","message":"There is no card with this number."}])");
    const qint64 again = issue(anna, QStringLiteral("8810001"));
    EXPECT_EQ(buy(QStringLiteral("d-8"), QStringLiteral("8810001")), as(anna, again, accountOf(again)));
}

TEST_P(CardDirectory, AChangeWhoseLogRowsWerePrunedUnreadStillCounts)
{
    const qint64 anna = customer(QStringLiteral("Anna")), boris = customer(QStringLiteral("Boris"));
    const qint64 card = issue(anna, QStringLiteral("8820001"));
    EXPECT_EQ(buy(QStringLiteral("p-1"), QStringLiteral("8820001")), as(anna, card, accountOf(card)));
    // Another process changes the card, then prunes the log past that change before this
    // server has read it.
    sql(QStringLiteral("UPDATE cards SET customer_id = ? WHERE id = ?"), {boris, card});
    sql(QStringLiteral("INSERT INTO card_changes (card_id) VALUES (0)"));
    sql(QStringLiteral("INSERT INTO card_changes (card_id) VALUES (0)"));
    sql(QStringLiteral("DELETE FROM card_changes WHERE seq < (SELECT MAX(seq) FROM card_changes)"));
    EXPECT_EQ(buy(QStringLiteral("p-2"), QStringLiteral("8820001")), as(boris, card, accountOf(card)));
}

// PostgreSQL keeps no directory: nothing there reads or prunes the log.
class CardChangeLog : public CardDirectory {};

TEST_P(CardChangeLog, KeepsOnlyItsNewestRows)
{
    const qint64 anna = customer(QStringLiteral("Anna"));
    issue(anna, QStringLiteral("8830001"));
    // Issuing a card links its first account: nothing to log.
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM card_changes")), 0);
    sql(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO card_changes (card_id) SELECT 0 FROM n"),
        {3 * Server::CardDirectory::kKeptChanges});
    EXPECT_NE(buy(QStringLiteral("k-1"), QStringLiteral("8830001")).front(), '[');
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM card_changes")), Server::CardDirectory::kKeptChanges + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CardDirectory, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
INSTANTIATE_TEST_SUITE_P(Backends, CardChangeLog, ::testing::Values(Backend::SQLite),
                         [](const auto &info) { return backendName(info.param).toStdString(); });

}  // namespace
