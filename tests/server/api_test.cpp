// The REST API end to end: the real server binary on a loopback port with a
// temporary database, on SQLite and on PostgreSQL (when LOYALTYDESK_TEST_PG is set).
#include "core/json.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QDateTime>
#include <QMap>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <thread>
#include <vector>

using namespace LoyaltyDesk::Test;

namespace {

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

std::string enc(const QString &s) { return QUrl::toPercentEncoding(s).toStdString(); }

class Api : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        TestServer::Options options;
        options.backend = GetParam();
        options.serveArgs = extraServeArgs();
        server = std::make_unique<TestServer>(options);
        ASSERT_TRUE(server->ok()) << server->error().toStdString();
        admin = server->loginAdmin();
        ASSERT_FALSE(admin.isEmpty());
    }
    virtual QStringList extraServeArgs() const { return {}; }

    qint64 createCustomer(const QJsonObject &body)
    {
        const HttpResult r = server->post("/api/v1/customers", json(body), admin);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(QStringLiteral("id")).toInteger();
    }

    QJsonArray searchIds(const QString &q)
    {
        const HttpResult r = server->get("/api/v1/customers?q=" + enc(q), admin);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        QJsonArray ids;
        for (const auto &item : r.json().value(QStringLiteral("items")).toArray()) ids.append(item.toObject().value(QStringLiteral("id")));
        return ids;
    }

    QJsonObject ingestReceipts(const QJsonArray &receipts)
    {
        const HttpResult r = server->post("/api/v1/receipts", json(QJsonObject{{QStringLiteral("receipts"), receipts}}), admin);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.json();
    }

    std::unique_ptr<TestServer> server;
    QString admin;
};

QJsonObject receipt(const QString &externalId, const QString &card, const QString &at, const QString &cheque, const QString &pos = QStringLiteral("Shop 1"))
{
    return QJsonObject{
        {QStringLiteral("external_id"), externalId},
        {QStringLiteral("card_number"), card},
        {QStringLiteral("purchased_at"), at},
        {QStringLiteral("cheque_number"), cheque},
        {QStringLiteral("pos"), pos},
        {QStringLiteral("bonus_accrued"), 50},
        {QStringLiteral("lines"), QJsonArray{
             QJsonObject{{QStringLiteral("sku"), QStringLiteral("TP-1")}, {QStringLiteral("name"), QStringLiteral("Toothpaste")},
                         {QStringLiteral("category"), QStringLiteral("Hygiene")}, {QStringLiteral("quantity"), 2}, {QStringLiteral("price"), 15000}},
             QJsonObject{{QStringLiteral("sku"), QStringLiteral("MLK-1")}, {QStringLiteral("name"), QStringLiteral("Milk 1 l")},
                         {QStringLiteral("quantity"), 1}, {QStringLiteral("price"), 9000}, {QStringLiteral("discount"), 1000},
                         {QStringLiteral("offer"), QStringLiteral("Dairy week")}}}},
    };
}

}  // namespace

TEST_P(Api, HealthAndErrorsAreProblemDocuments)
{
    const HttpResult health = server->get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    const HttpResult missing = server->get("/api/v1/nothing-here", admin);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.contentType, "application/problem+json");
    EXPECT_FALSE(missing.json().value(QStringLiteral("detail")).toString().isEmpty());

    const HttpResult noToken = server->get("/api/v1/customers");
    EXPECT_EQ(noToken.status, 401);
    EXPECT_EQ(noToken.header("WWW-Authenticate"), "Bearer");
    EXPECT_EQ(noToken.contentType, "application/problem+json");

    const HttpResult badToken = server->get("/api/v1/customers", QStringLiteral("forged-token"));
    EXPECT_EQ(badToken.status, 401);
}

TEST_P(Api, LoginLogoutAndMe)
{
    const HttpResult me = server->get("/api/v1/me", admin);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json().value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    EXPECT_TRUE(me.json().value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("users.manage")));

    const HttpResult wrong = server->post("/api/v1/auth/login", json({{QStringLiteral("username"), QStringLiteral("admin")},
                                                                       {QStringLiteral("password"), QStringLiteral("nope-nope")}}));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_TRUE(wrong.json().value(QStringLiteral("type")).toString().endsWith(QStringLiteral("invalid-credentials")));

    const HttpResult missingField = server->post("/api/v1/auth/login", json({{QStringLiteral("username"), QStringLiteral("admin")}}));
    EXPECT_EQ(missingField.status, 400);
    EXPECT_EQ(missingField.json().value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(),
              QStringLiteral("password"));

    const QString second = server->loginAdmin();
    ASSERT_FALSE(second.isEmpty());
    EXPECT_NE(second, admin);
    EXPECT_EQ(server->post("/api/v1/auth/logout", {}, second).status, 204);
    EXPECT_EQ(server->get("/api/v1/me", second).status, 401);
    EXPECT_EQ(server->get("/api/v1/me", admin).status, 200);  // other sessions live on
}

TEST_P(Api, RepeatedFailedLoginsAreThrottled)
{
    const QByteArray bad = json({{QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), QStringLiteral("wrong-password")}});
    for (int i = 0; i < 5; ++i) EXPECT_EQ(server->post("/api/v1/auth/login", bad).status, 401) << i;
    const HttpResult throttled = server->post("/api/v1/auth/login", bad);
    EXPECT_EQ(throttled.status, 429);
    EXPECT_FALSE(throttled.header("Retry-After").empty());
    // Even the right password waits: that is the point.
    EXPECT_EQ(server->post("/api/v1/auth/login", json({{QStringLiteral("username"), QStringLiteral("admin")},
                                                         {QStringLiteral("password"), TestServer::adminPassword()}}))
                  .status,
              429);
}

TEST_P(Api, PasswordsAreStoredAsArgon2idHashes)
{
    const HttpResult created = server->post("/api/v1/users", json({{QStringLiteral("username"), QStringLiteral("olga")},
                                                                    {QStringLiteral("password"), QStringLiteral("secret-olga-1")},
                                                                    {QStringLiteral("roles"), QJsonArray{QStringLiteral("operator")}}}),
                                            admin);
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    EXPECT_FALSE(created.body.contains("secret-olga-1"));
    EXPECT_FALSE(created.body.contains("argon2"));
    QByteArray dump;
    server->stop();
    ASSERT_EQ(server->runCli({QStringLiteral("create-user"), QStringLiteral("--username"), QStringLiteral("olga"), QStringLiteral("--roles"),
                              QStringLiteral("operator"), QStringLiteral("--password"), QStringLiteral("secret-olga-2")},
                             &dump),
              0)
        << dump.toStdString();
    ASSERT_TRUE(server->start());
    EXPECT_TRUE(server->login(QStringLiteral("olga"), QStringLiteral("secret-olga-1")).isEmpty());
    EXPECT_FALSE(server->login(QStringLiteral("olga"), QStringLiteral("secret-olga-2")).isEmpty());
}

TEST_P(Api, CustomerIsFoundByEveryIdentifierInAnyFormat)
{
    const qint64 ivan = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Иван")},
                                        {QStringLiteral("last_name"), QStringLiteral("Семёнов")},
                                        {QStringLiteral("phone"), QStringLiteral("8 (916) 123-45-67")},
                                        {QStringLiteral("email"), QStringLiteral("Ivan.Semenov@Yandex.RU")}});
    const qint64 anna = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Anna")},
                                        {QStringLiteral("last_name"), QStringLiteral("Smith")},
                                        {QStringLiteral("phone"), QStringLiteral("+7 343 212-34-56")}});
    ASSERT_GT(ivan, 0);
    ASSERT_GT(anna, 0);
    const QJsonArray justIvan{ivan};
    for (const char *q : {"+79161234567", "8-916-123-45-67", "9161234567", "+7 (916) 123 45 67", "8916123", "ivan.semenov@yandex.ru",
                          "IVAN.SEMENOV@", "Семёнов", "семенов иван", "Иван Сем"})
        EXPECT_EQ(searchIds(QString::fromUtf8(q)), justIvan) << q;
    EXPECT_EQ(searchIds(QStringLiteral("smith")), QJsonArray{anna});
    EXPECT_EQ(searchIds(QStringLiteral("+7 343 212")), QJsonArray{anna});

    // Card and cheque numbers.
    const HttpResult card = server->post("/api/v1/customers/" + std::to_string(anna) + "/cards",
                                         json({{QStringLiteral("number"), QStringLiteral("2000 0000 0042")}}), admin);
    ASSERT_EQ(card.status, 201) << card.body.toStdString();
    EXPECT_EQ(searchIds(QStringLiteral("200000000042")), QJsonArray{anna});
    EXPECT_EQ(searchIds(QStringLiteral("2000 0000 00")), QJsonArray{anna});
    const QJsonObject ingested = ingestReceipts({receipt(QStringLiteral("r-1"), QStringLiteral("200000000042"), QStringLiteral("2025-06-01T10:00:00Z"), QStringLiteral("CHQ-777"))});
    EXPECT_EQ(ingested.value(QStringLiteral("created")).toInt(), 1);
    EXPECT_EQ(searchIds(QStringLiteral("CHQ-777")), QJsonArray{anna});

    // Results carry what an agent needs to pick the right row.
    const HttpResult r = server->get("/api/v1/customers?q=" + enc(QStringLiteral("smith")), admin);
    const QJsonObject row = r.json().value(QStringLiteral("items")).toArray().at(0).toObject();
    EXPECT_EQ(row.value(QStringLiteral("phone")).toString(), QStringLiteral("+73432123456"));
    EXPECT_EQ(row.value(QStringLiteral("card")).toString(), QStringLiteral("200000000042"));
    EXPECT_EQ(row.value(QStringLiteral("orders_count")).toInt(), 1);
}

TEST_P(Api, SearchTreatsInjectionAttemptsAsText)
{
    createCustomer({{QStringLiteral("first_name"), QStringLiteral("Bobby")}, {QStringLiteral("last_name"), QStringLiteral("Tables")}});
    for (const char *q : {"' OR 1=1 --", "%", "_", "\"; DROP TABLE customers; --", "a' UNION SELECT id FROM users --", "\\", "*"})
        EXPECT_EQ(searchIds(QString::fromLatin1(q)), QJsonArray{}) << q;
    EXPECT_EQ(searchIds(QStringLiteral("tables")).size(), 1);  // the table is still there
    EXPECT_EQ(server->get("/api/v1/customers?q=" + std::string(300, 'a'), admin).status, 400);
}

TEST_P(Api, SearchPagesWithCursors)
{
    for (int i = 0; i < 7; ++i)
        createCustomer({{QStringLiteral("first_name"), QStringLiteral("Petr")}, {QStringLiteral("last_name"), QStringLiteral("Pager%1").arg(i)}});
    QSet<qint64> seen;
    std::string cursor;
    int pages = 0;
    do {
        const HttpResult r = server->get("/api/v1/customers?q=pager&limit=3" + (cursor.empty() ? std::string() : "&cursor=" + cursor), admin);
        ASSERT_EQ(r.status, 200);
        for (const auto &item : r.json().value(QStringLiteral("items")).toArray()) seen.insert(item.toObject().value(QStringLiteral("id")).toInteger());
        const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
        cursor = next.isNull() ? std::string() : next.toString().toStdString();
        ++pages;
    } while (!cursor.empty() && pages < 10);
    EXPECT_EQ(seen.size(), 7);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(server->get("/api/v1/customers?cursor=garbage", admin).status, 400);
    EXPECT_EQ(server->get("/api/v1/customers?limit=0", admin).status, 400);
    EXPECT_EQ(server->get("/api/v1/customers?limit=501", admin).status, 400);
}

TEST_P(Api, ProfileAndItsParts)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Мария")},
                                      {QStringLiteral("last_name"), QStringLiteral("Иванова")},
                                      {QStringLiteral("city"), QStringLiteral("Новосибирск")},
                                      {QStringLiteral("phone"), QStringLiteral("89131234567")},
                                      {QStringLiteral("email"), QStringLiteral("not an email")},
                                      {QStringLiteral("subscriptions"), QJsonObject{{QStringLiteral("sms"), true}, {QStringLiteral("email"), false}}}});
    const std::string base = "/api/v1/customers/" + std::to_string(id);
    ASSERT_EQ(server->post(base + "/cards", json({{QStringLiteral("number"), QStringLiteral("777001")}}), admin).status, 201);
    QJsonArray batch;
    for (int i = 0; i < 5; ++i)
        batch.append(receipt(QStringLiteral("p-%1").arg(i), QStringLiteral("777001"), QStringLiteral("2025-0%1-15T12:00:00Z").arg(i + 1),
                             QStringLiteral("C%1").arg(i), i % 2 ? QStringLiteral("Shop 2") : QStringLiteral("Shop 1")));
    ASSERT_EQ(ingestReceipts(batch).value(QStringLiteral("created")).toInt(), 5);

    const HttpResult p = server->get(base, admin);
    ASSERT_EQ(p.status, 200);
    const QJsonObject profile = p.json();
    EXPECT_EQ(profile.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Asia/Novosibirsk"));
    const QJsonObject metrics = profile.value(QStringLiteral("metrics")).toObject();
    EXPECT_EQ(metrics.value(QStringLiteral("orders_count")).toInt(), 5);
    EXPECT_EQ(metrics.value(QStringLiteral("revenue")).toInteger(), 5 * (30000 + 8000));
    EXPECT_EQ(metrics.value(QStringLiteral("average_order_value")).toInteger(), 38000);
    EXPECT_EQ(metrics.value(QStringLiteral("first_purchase_at")).toString(), QStringLiteral("2025-01-15T12:00:00Z"));
    EXPECT_EQ(metrics.value(QStringLiteral("last_purchase_at")).toString(), QStringLiteral("2025-05-15T12:00:00Z"));
    EXPECT_EQ(profile.value(QStringLiteral("balance")).toObject().value(QStringLiteral("pending")).toInteger(), 250);
    // The broken e-mail is kept, raw, and flagged.
    bool sawBadEmail = false;
    for (const auto &c : profile.value(QStringLiteral("contacts")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("email")) {
            sawBadEmail = true;
            EXPECT_FALSE(o.value(QStringLiteral("valid")).toBool());
            EXPECT_EQ(o.value(QStringLiteral("raw_value")).toString(), QStringLiteral("not an email"));
            EXPECT_FALSE(o.value(QStringLiteral("details")).toObject().value(QStringLiteral("error")).toString().isEmpty());
        }
    }
    EXPECT_TRUE(sawBadEmail);
    EXPECT_EQ(profile.value(QStringLiteral("consent_history")).toArray().size(), 2);

    const HttpResult receipts = server->get(base + "/receipts?limit=2", admin);
    ASSERT_EQ(receipts.status, 200);
    const QJsonArray first = receipts.json().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(first.size(), 2);
    EXPECT_EQ(first.at(0).toObject().value(QStringLiteral("cheque_number")).toString(), QStringLiteral("C4"));  // newest first
    const QJsonArray lines = first.at(0).toObject().value(QStringLiteral("lines")).toArray();
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines.at(1).toObject().value(QStringLiteral("offer")).toString(), QStringLiteral("Dairy week"));
    EXPECT_EQ(lines.at(1).toObject().value(QStringLiteral("amount")).toInteger(), 8000);
    const QString next = receipts.json().value(QStringLiteral("next_cursor")).toString();
    ASSERT_FALSE(next.isEmpty());
    const HttpResult page2 = server->get(base + "/receipts?limit=2&cursor=" + next.toStdString(), admin);
    EXPECT_EQ(page2.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("cheque_number")).toString(), QStringLiteral("C2"));

    auto count = [&](const std::string &query) {
        const HttpResult r = server->get(base + "/receipts?" + query, admin);
        EXPECT_EQ(r.status, 200) << query << r.body.toStdString();
        return r.json().value(QStringLiteral("items")).toArray().size();
    };
    EXPECT_EQ(count("from=2025-02-01&to=2025-03-15"), 2);
    EXPECT_EQ(count("pos=" + enc(QStringLiteral("Shop 2"))), 2);
    EXPECT_EQ(count("cheque=C3"), 1);
    EXPECT_EQ(count("card=777001"), 5);
    EXPECT_EQ(count("card=000"), 0);
    EXPECT_EQ(server->get(base + "/receipts?from=last-week", admin).status, 400);

    const HttpResult cards = server->get(base + "/cards", admin);
    ASSERT_EQ(cards.json().value(QStringLiteral("items")).toArray().size(), 1);
    EXPECT_EQ(cards.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("accounts")).toArray().size(), 1);
    const HttpResult ledger = server->get(base + "/ledger", admin);
    EXPECT_EQ(ledger.json().value(QStringLiteral("items")).toArray().size(), 5);
    const HttpResult accounts = server->get(base + "/accounts", admin);
    EXPECT_EQ(accounts.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("pending_balance")).toInteger(), 250);
    for (const char *part : {"events", "messages", "coupons", "support", "audit"}) {
        const HttpResult r = server->get(base + "/" + part, admin);
        EXPECT_EQ(r.status, 200) << part;
        EXPECT_TRUE(r.json().contains(QStringLiteral("next_cursor"))) << part;
    }
    EXPECT_EQ(server->get("/api/v1/customers/999999", admin).status, 404);
    EXPECT_EQ(server->get("/api/v1/customers/999999/receipts", admin).status, 404);
}

// A customer's bonus history is the ledger of the accounts on their cards, the ones their
// balance sums: a purchase that names one customer but pays points onto another's card
// shows where the points went, so each history explains its balance.
TEST_P(Api, TheBonusHistoryIsThatOfTheAccountsTheBalanceSums)
{
    const qint64 buyer = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Buyer")}});
    const qint64 holder = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Holder")}});
    ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(holder) + "/cards", json({{QStringLiteral("number"), QStringLiteral("7700002")}}), admin)
                  .status,
              201);
    QJsonObject r = receipt(QStringLiteral("gift"), QStringLiteral("7700002"), LoyaltyDesk::Core::Json::isoUtc(QDateTime::currentSecsSinceEpoch() - 3600),
                            QStringLiteral("G1"));
    r.insert(QStringLiteral("customer_id"), buyer);
    r.insert(QStringLiteral("bonus_accrued"), 40);
    ASSERT_EQ(ingestReceipts({r}).value(QStringLiteral("created")).toInt(), 1);

    auto ledgerOf = [&](qint64 id) {
        return server->get("/api/v1/customers/" + std::to_string(id) + "/ledger", admin).json().value(QStringLiteral("items")).toArray();
    };
    auto balanceOf = [&](qint64 id) {
        return server->get("/api/v1/customers/" + std::to_string(id), admin).json().value(QStringLiteral("balance")).toObject();
    };
    const QJsonArray holderLedger = ledgerOf(holder);
    ASSERT_EQ(holderLedger.size(), 1);
    EXPECT_EQ(holderLedger.at(0).toObject().value(QStringLiteral("amount")).toInteger(), 40);
    EXPECT_EQ(holderLedger.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(balanceOf(holder).value(QStringLiteral("pending")).toInteger(), 40);
    EXPECT_EQ(balanceOf(holder).value(QStringLiteral("activating_30d")).toInteger(), 40);
    EXPECT_TRUE(ledgerOf(buyer).isEmpty());
    EXPECT_EQ(balanceOf(buyer).value(QStringLiteral("pending")).toInteger(), 0);
    EXPECT_EQ(balanceOf(buyer).value(QStringLiteral("activating_30d")).toInteger(), 0);
}

TEST_P(Api, EditsAreValidatedNormalizedAndAudited)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Oleg")}, {QStringLiteral("phone"), QStringLiteral("+79031112233")}});
    const qint64 other = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Other")}, {QStringLiteral("phone"), QStringLiteral("+79035556677")}});
    const std::string path = "/api/v1/customers/" + std::to_string(id);

    const HttpResult bad = server->patch(path, json({{QStringLiteral("birth_date"), QStringLiteral("1990-13-01")}, {QStringLiteral("colour"), QStringLiteral("red")}}), admin);
    EXPECT_EQ(bad.status, 400);
    QStringList fields;
    for (const auto &e : bad.json().value(QStringLiteral("errors")).toArray()) fields << e.toObject().value(QStringLiteral("field")).toString();
    EXPECT_EQ(fields, (QStringList{QStringLiteral("birth_date"), QStringLiteral("colour")}));

    const HttpResult taken = server->patch(path, json({{QStringLiteral("phone"), QStringLiteral("8 903 555-66-77")}}), admin);
    EXPECT_EQ(taken.status, 409);
    EXPECT_TRUE(taken.json().value(QStringLiteral("detail")).toString().contains(QString::number(other)));

    const HttpResult ok = server->patch(path, json({{QStringLiteral("last_name"), QStringLiteral("Petrov")},
                                                    {QStringLiteral("birth_date"), QStringLiteral("1985-04-12")},
                                                    {QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("vip"), true}}}}),
                                        admin);
    ASSERT_EQ(ok.status, 200) << ok.body.toStdString();
    EXPECT_EQ(ok.json().value(QStringLiteral("last_name")).toString(), QStringLiteral("Petrov"));
    EXPECT_EQ(ok.json().value(QStringLiteral("custom_attributes")).toObject().value(QStringLiteral("vip")).toBool(), true);

    const HttpResult audit = server->get(path + "/audit", admin);
    const QJsonArray entries = audit.json().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(entries.size(), 2);  // create, update
    const QJsonObject update = entries.at(0).toObject();
    EXPECT_EQ(update.value(QStringLiteral("action")).toString(), QStringLiteral("customer.update"));
    EXPECT_EQ(update.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    const QJsonObject changes = update.value(QStringLiteral("details")).toObject().value(QStringLiteral("changes")).toObject();
    EXPECT_EQ(changes.value(QStringLiteral("last_name")).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("Petrov"));
    EXPECT_TRUE(changes.value(QStringLiteral("last_name")).toObject().value(QStringLiteral("from")).isNull());
    EXPECT_FALSE(changes.contains(QStringLiteral("first_name")));
    EXPECT_EQ(server->patch("/api/v1/customers/424242", json({{QStringLiteral("city"), QStringLiteral("Omsk")}}), admin).status, 404);
}

TEST_P(Api, IngestIsIdempotentAndReportsBadRecords)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Ingo")}, {QStringLiteral("phone"), QStringLiteral("+79047778899")}});
    ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(id) + "/cards", json({{QStringLiteral("number"), QStringLiteral("555")}}), admin).status, 201);
    QJsonObject broken = receipt(QStringLiteral("bad-1"), QStringLiteral("555"), QStringLiteral("not-a-time"), QStringLiteral("X"));
    QJsonArray lines = broken.value(QStringLiteral("lines")).toArray();
    lines.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Ghost")}, {QStringLiteral("quantity"), -1}, {QStringLiteral("price"), 10}});
    broken.insert(QStringLiteral("lines"), lines);
    QJsonObject byPhone = receipt(QStringLiteral("ok-2"), QStringLiteral("555"), QStringLiteral("2025-02-01T09:00:00Z"), QStringLiteral("Y"));
    byPhone.remove(QStringLiteral("card_number"));
    byPhone.insert(QStringLiteral("phone"), QStringLiteral("8 904 777-88-99"));
    const QJsonArray batch{receipt(QStringLiteral("ok-1"), QStringLiteral("555"), QStringLiteral("2025-01-01T09:00:00Z"), QStringLiteral("X")), broken, byPhone,
                           QJsonValue(42)};
    const QJsonObject first = ingestReceipts(batch);
    EXPECT_EQ(first.value(QStringLiteral("created")).toInt(), 2);
    EXPECT_EQ(first.value(QStringLiteral("rejected")).toInt(), 2);
    const QJsonObject rejected = first.value(QStringLiteral("results")).toArray().at(1).toObject();
    EXPECT_EQ(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QStringList fields;
    for (const auto &e : rejected.value(QStringLiteral("errors")).toArray()) fields << e.toObject().value(QStringLiteral("field")).toString();
    EXPECT_TRUE(fields.contains(QStringLiteral("receipts[1].purchased_at"))) << fields.join(u' ').toStdString();
    EXPECT_TRUE(fields.contains(QStringLiteral("receipts[1].lines[2].quantity"))) << fields.join(u' ').toStdString();

    const QJsonObject again = ingestReceipts(batch);
    EXPECT_EQ(again.value(QStringLiteral("created")).toInt(), 0);
    EXPECT_EQ(again.value(QStringLiteral("duplicates")).toInt(), 2);
    EXPECT_EQ(again.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("id")),
              first.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("id")));
    const QJsonObject metrics = server->get("/api/v1/customers/" + std::to_string(id), admin).json().value(QStringLiteral("metrics")).toObject();
    EXPECT_EQ(metrics.value(QStringLiteral("orders_count")).toInt(), 2);  // not 4

    const QJsonObject events{{QStringLiteral("events"), QJsonArray{
        QJsonObject{{QStringLiteral("external_id"), QStringLiteral("e-1")}, {QStringLiteral("customer_id"), id}, {QStringLiteral("type"), QStringLiteral("site_visit")},
                    {QStringLiteral("properties"), QJsonObject{{QStringLiteral("section"), QStringLiteral("toothpaste")}}}, {QStringLiteral("occurred_at"), QStringLiteral("2025-03-01T10:00:00Z")}},
        QJsonObject{{QStringLiteral("external_id"), QStringLiteral("e-2")}, {QStringLiteral("email"), QStringLiteral("nobody")}, {QStringLiteral("type"), QStringLiteral("cart")},
                    {QStringLiteral("occurred_at"), QStringLiteral("2025-03-01T10:00:00Z")}}}}};
    const HttpResult e1 = server->post("/api/v1/events", json(events), admin);
    ASSERT_EQ(e1.status, 200) << e1.body.toStdString();
    EXPECT_EQ(e1.json().value(QStringLiteral("created")).toInt(), 1);
    EXPECT_EQ(e1.json().value(QStringLiteral("rejected")).toInt(), 1);
    EXPECT_EQ(server->post("/api/v1/events", json(events), admin).json().value(QStringLiteral("duplicates")).toInt(), 1);
    const HttpResult visits = server->get("/api/v1/customers/" + std::to_string(id) + "/events?type=site_visit", admin);
    EXPECT_EQ(visits.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("properties")).toObject()
                  .value(QStringLiteral("section")).toString(), QStringLiteral("toothpaste"));

    EXPECT_EQ(server->post("/api/v1/receipts", json({{QStringLiteral("receipts"), QJsonArray{}}}), admin).status, 400);
    EXPECT_EQ(server->post("/api/v1/receipts", json({{QStringLiteral("rows"), QJsonArray{}}}), admin).status, 400);
}

// A batch larger than one lookup statement's slice: every record still finds its own
// customer, by card, e-mail, id or phone, and an unknown card is rejected at its index.
TEST_P(Api, ABatchOfThousandsResolvesEveryRecordToItsOwnCustomer)
{
    const qint64 a = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Ann")}, {QStringLiteral("phone"), QStringLiteral("+79161234567")}});
    const qint64 b = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Bob")}, {QStringLiteral("email"), QStringLiteral("Bee@Example.COM")}});
    const qint64 c = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Cid")}});
    ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(a) + "/cards", json({{QStringLiteral("number"), QStringLiteral("7000001")}}), admin).status, 201);
    QJsonArray batch;
    for (int i = 0; i < 1200; ++i) {
        QJsonObject r = receipt(QStringLiteral("big-%1").arg(i), QStringLiteral("7000001"), QStringLiteral("2025-04-01T10:00:00Z"), QStringLiteral("BIG-%1").arg(i));
        if (i % 4 == 1) {
            r.remove(QStringLiteral("card_number"));
            r.insert(QStringLiteral("email"), QStringLiteral(" Bee@EXAMPLE.com "));
        } else if (i % 4 == 2) {
            r.remove(QStringLiteral("card_number"));
            r.insert(QStringLiteral("customer_id"), c);
        } else if (i % 4 == 3) {
            r.insert(QStringLiteral("card_number"), QStringLiteral("9900%1").arg(i, 5, 10, QLatin1Char(u'0')));
        }
        batch.append(r);
    }
    QJsonObject byPhone = receipt(QStringLiteral("big-phone"), QString(), QStringLiteral("2025-04-02T10:00:00Z"), QStringLiteral("BIG-P"));
    byPhone.remove(QStringLiteral("card_number"));
    byPhone.insert(QStringLiteral("phone"), QStringLiteral("8 (916) 123-45-67"));
    batch.append(byPhone);

    const QJsonObject result = ingestReceipts(batch);
    EXPECT_EQ(result.value(QStringLiteral("created")).toInt(), 901);
    EXPECT_EQ(result.value(QStringLiteral("rejected")).toInt(), 300);
    const QJsonObject unknown = result.value(QStringLiteral("results")).toArray().at(1199).toObject();
    EXPECT_EQ(unknown.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    EXPECT_EQ(unknown.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(),
              QStringLiteral("receipts[1199].card_number"));
    auto orders = [&](qint64 id) {
        return server->get("/api/v1/customers/" + std::to_string(id), admin).json().value(QStringLiteral("metrics")).toObject()
            .value(QStringLiteral("orders_count")).toInt();
    };
    EXPECT_EQ(orders(a), 301);
    EXPECT_EQ(orders(b), 300);
    EXPECT_EQ(orders(c), 300);
    // Points go to the card's account: only the 300 receipts that named A's card.
    const HttpResult accounts = server->get("/api/v1/customers/" + std::to_string(a) + "/accounts", admin);
    EXPECT_EQ(accounts.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("pending_balance")).toInteger(), 300 * 50);
}

// Tills posting at once, over the same customers and cards in different orders: every
// batch lands (no deadlock between their updates of metrics and balances, no lost
// update), on SQLite's single writer and on PostgreSQL's concurrent ones.
TEST_P(Api, ConcurrentBatchesOverTheSameCustomersAllLand)
{
    constexpr int kCustomers = 60, kClients = 4, kBatches = 6, kPerBatch = 150;
    QList<qint64> ids;
    for (int c = 0; c < kCustomers; ++c) {
        ids << createCustomer({{QStringLiteral("first_name"), QStringLiteral("Till%1").arg(c)}});
        ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(ids.last()) + "/cards",
                               json({{QStringLiteral("number"), QStringLiteral("81000%1").arg(c, 2, 10, QLatin1Char(u'0'))}}), admin).status,
                  201);
    }
    std::atomic<int> landed = 0;
    std::vector<std::thread> clients;
    for (int t = 0; t < kClients; ++t)
        clients.emplace_back([&, t] {
            for (int b = 0; b < kBatches; ++b) {
                QJsonArray batch;
                // Each batch names its own overlapping window of cards, of its own size.
                const int start = t * 15 + b * 3, count = 8 + (t * 7 + b * 5) % 40;
                for (int i = 0; i < kPerBatch; ++i) {
                    const int card = (start + (i * (2 * t + 1)) % count) % kCustomers;
                    batch.append(receipt(QStringLiteral("till-%1-%2-%3").arg(t).arg(b).arg(i), QStringLiteral("81000%1").arg(card, 2, 10, QLatin1Char(u'0')),
                                         QStringLiteral("2025-05-01T10:00:00Z"), QStringLiteral("T%1-%2-%3").arg(t).arg(b).arg(i)));
                }
                const HttpResult r = server->post("/api/v1/receipts", json(QJsonObject{{QStringLiteral("receipts"), batch}}), admin);
                if (r.status == 200) landed += r.json().value(QStringLiteral("created")).toInt();
                else ADD_FAILURE() << r.status << " " << r.body.toStdString();
            }
        });
    for (auto &c : clients) c.join();
    EXPECT_EQ(landed.load(), kClients * kBatches * kPerBatch);
    int orders = 0;
    qint64 pending = 0;
    for (const qint64 id : ids) {
        orders += server->get("/api/v1/customers/" + std::to_string(id), admin).json().value(QStringLiteral("metrics")).toObject()
                      .value(QStringLiteral("orders_count")).toInt();
        pending += server->get("/api/v1/customers/" + std::to_string(id) + "/accounts", admin).json().value(QStringLiteral("items")).toArray()
                       .at(0).toObject().value(QStringLiteral("pending_balance")).toInteger();
    }
    EXPECT_EQ(orders, kClients * kBatches * kPerBatch);
    EXPECT_EQ(pending, qint64(kClients) * kBatches * kPerBatch * 50);
}

TEST_P(Api, BadRequestsGetClearErrorsAndLoseNothing)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Keep")}});
    const HttpResult malformed = server->post("/api/v1/customers", "{\"first_name\": ", admin);
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.contentType, "application/problem+json");
    EXPECT_TRUE(malformed.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("JSON")));
    EXPECT_EQ(server->post("/api/v1/customers", "[1,2,3]", admin).status, 400);
    EXPECT_EQ(server->post("/api/v1/customers", json({{QStringLiteral("first_name"), 12}}), admin).status, 400);
    EXPECT_EQ(server->request("POST", "/api/v1/customers", "first_name=x", admin, "application/x-www-form-urlencoded").status, 415);
    EXPECT_EQ(server->get("/api/v1/customers/" + std::to_string(id), admin).json().value(QStringLiteral("first_name")).toString(), QStringLiteral("Keep"));
}

class ApiSmallBodies : public Api {
protected:
    QStringList extraServeArgs() const override { return {QStringLiteral("--max-body"), QStringLiteral("4096")}; }
};

TEST_P(ApiSmallBodies, OversizedBodiesGet413)
{
    const QByteArray big = json({{QStringLiteral("first_name"), QString(5000, u'x')}});
    const HttpResult r = server->post("/api/v1/customers", big, admin);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.contentType, "application/problem+json");
    EXPECT_EQ(server->get("/healthz").status, 200);  // and the server is fine
}

class ApiShortTokens : public Api {
protected:
    QStringList extraServeArgs() const override { return {QStringLiteral("--token-ttl"), QStringLiteral("4")}; }
};

TEST_P(ApiShortTokens, TokensExpire)
{
    QElapsedTimer sinceLogin;
    sinceLogin.start();
    const QString token = server->loginAdmin();
    ASSERT_FALSE(token.isEmpty());
    if (sinceLogin.elapsed() < 3000) {  // a loaded machine may be slower than the TTL
        EXPECT_EQ(server->get("/api/v1/me", token).status, 200);
    }
    QThread::msleep(static_cast<unsigned long>(std::max<qint64>(0, 5500 - sinceLogin.elapsed())));
    const HttpResult r = server->get("/api/v1/me", token);
    EXPECT_EQ(r.status, 401);
    EXPECT_TRUE(r.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("expired")));
}

TEST_P(Api, UsersAndRolesAreManagedAndAudited)
{
    const HttpResult role = server->post("/api/v1/roles", json({{QStringLiteral("code"), QStringLiteral("auditor")},
                                                                 {QStringLiteral("name"), QStringLiteral("Auditor")},
                                                                 {QStringLiteral("permissions"), QJsonArray{QStringLiteral("audit.read"), QStringLiteral("customers.read")}}}),
                                         admin);
    ASSERT_EQ(role.status, 201) << role.body.toStdString();
    EXPECT_FALSE(role.header("Location").empty());
    EXPECT_EQ(server->post("/api/v1/roles", json({{QStringLiteral("code"), QStringLiteral("x1")}, {QStringLiteral("name"), QStringLiteral("X")},
                                                  {QStringLiteral("permissions"), QJsonArray{QStringLiteral("launch.missiles")}}}), admin).status,
              400);
    const HttpResult user = server->post("/api/v1/users", json({{QStringLiteral("username"), QStringLiteral("Vera")},
                                                                 {QStringLiteral("password"), QStringLiteral("vera-password")},
                                                                 {QStringLiteral("roles"), QJsonArray{QStringLiteral("auditor")}}}),
                                         admin);
    ASSERT_EQ(user.status, 201) << user.body.toStdString();
    const qint64 userId = user.json().value(QStringLiteral("id")).toInteger();
    EXPECT_EQ(user.json().value(QStringLiteral("username")).toString(), QStringLiteral("vera"));
    EXPECT_EQ(server->post("/api/v1/users", json({{QStringLiteral("username"), QStringLiteral("vera")}, {QStringLiteral("password"), QStringLiteral("another-pass")},
                                                  {QStringLiteral("roles"), QJsonArray{}}}), admin).status,
              409);
    EXPECT_EQ(server->post("/api/v1/users", json({{QStringLiteral("username"), QStringLiteral("shorty")}, {QStringLiteral("password"), QStringLiteral("short")},
                                                  {QStringLiteral("roles"), QJsonArray{}}}), admin).status,
              400);

    const QString vera = server->login(QStringLiteral("vera"), QStringLiteral("vera-password"));
    ASSERT_FALSE(vera.isEmpty());
    EXPECT_EQ(server->get("/api/v1/customers", vera).status, 200);
    EXPECT_EQ(server->post("/api/v1/customers", json({{QStringLiteral("first_name"), QStringLiteral("No")}}), vera).status, 403);

    // Taking a permission away works at once, without signing in again.
    const qint64 roleId = role.json().value(QStringLiteral("id")).toInteger();
    ASSERT_EQ(server->patch("/api/v1/roles/" + std::to_string(roleId), json({{QStringLiteral("permissions"), QJsonArray{QStringLiteral("audit.read")}}}), admin).status, 200);
    EXPECT_EQ(server->get("/api/v1/customers", vera).status, 403);
    EXPECT_EQ(server->del("/api/v1/roles/" + std::to_string(roleId), admin).status, 409);  // in use

    // A password reset signs the user out everywhere; disabling locks them out.
    ASSERT_EQ(server->post("/api/v1/users/" + std::to_string(userId) + "/password", json({{QStringLiteral("password"), QStringLiteral("vera-password-2")}}), admin).status, 204);
    EXPECT_EQ(server->get("/api/v1/me", vera).status, 401);
    const QString vera2 = server->login(QStringLiteral("vera"), QStringLiteral("vera-password-2"));
    ASSERT_FALSE(vera2.isEmpty());
    ASSERT_EQ(server->patch("/api/v1/users/" + std::to_string(userId), json({{QStringLiteral("disabled"), true}}), admin).status, 200);
    EXPECT_EQ(server->get("/api/v1/me", vera2).status, 401);
    EXPECT_TRUE(server->login(QStringLiteral("vera"), QStringLiteral("vera-password-2")).isEmpty());

    const HttpResult audit = server->get("/api/v1/audit?entity=user&entity_id=" + std::to_string(userId), admin);
    QStringList actions;
    for (const auto &e : audit.json().value(QStringLiteral("items")).toArray()) actions << e.toObject().value(QStringLiteral("action")).toString();
    EXPECT_EQ(actions, (QStringList{QStringLiteral("user.update"), QStringLiteral("user.password_reset"), QStringLiteral("user.create")}));
    const HttpResult roleAudit = server->get("/api/v1/audit?entity=role&entity_id=" + std::to_string(roleId), admin);
    EXPECT_EQ(roleAudit.json().value(QStringLiteral("items")).toArray().size(), 2);

    const HttpResult builtins = server->get("/api/v1/roles", admin);
    qint64 operatorId = 0;
    for (const auto &r : builtins.json().value(QStringLiteral("items")).toArray())
        if (r.toObject().value(QStringLiteral("code")).toString() == QLatin1String("operator")) operatorId = r.toObject().value(QStringLiteral("id")).toInteger();
    ASSERT_GT(operatorId, 0);
    EXPECT_EQ(server->del("/api/v1/roles/" + std::to_string(operatorId), admin).status, 409);
    const QJsonObject me = server->get("/api/v1/me", admin).json();
    EXPECT_EQ(server->patch("/api/v1/users/" + std::to_string(me.value(QStringLiteral("id")).toInteger()), json({{QStringLiteral("disabled"), true}}), admin).status, 400);
}

TEST_P(Api, RefusesADatabaseFromTheFuture)
{
    server->stop();
    // Pretend a newer server migrated this database.
    ASSERT_EQ(server->execSql(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', 0)")), QString());
    QByteArray output;
    EXPECT_EQ(server->runCli({QStringLiteral("migrate")}, &output), 1);
    EXPECT_TRUE(output.contains("newer than this server knows")) << output.toStdString();
    EXPECT_FALSE(server->start());
    EXPECT_TRUE(server->error().contains(QStringLiteral("newer"))) << server->error().toStdString();
}

// The scheduler every second: bonus points activate and expire while the test waits.
class ApiPointsOverTime : public Api {
protected:
    QStringList extraServeArgs() const override { return {QStringLiteral("--scheduler-tick"), QStringLiteral("1")}; }
};

// Points accrued by purchases become active two weeks later and burn a year after the
// purchase, less what was spent from them first: the balances and the ledger say so once
// the scheduler has passed, and stay so on its next passes.
TEST_P(ApiPointsOverTime, PendingPointsActivateAndWhatIsLeftOfOldOnesExpires)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Lotta")}});
    ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(id) + "/cards", json({{QStringLiteral("number"), QStringLiteral("7700001")}}), admin).status,
              201);
    const qint64 now = QDateTime::currentSecsSinceEpoch(), day = 86400;
    auto purchase = [&](const QString &ext, qint64 daysAgo, int accrued, int spent) {
        QJsonObject r = receipt(ext, QStringLiteral("7700001"), LoyaltyDesk::Core::Json::isoUtc(now - daysAgo * day), ext);
        r.insert(QStringLiteral("bonus_accrued"), accrued);
        r.insert(QStringLiteral("bonus_spent"), spent);
        return r;
    };
    // 100 points 400 days ago (active from day 386, burnt on day 35 ago), 30 of them spent
    // 380 days ago; 50 points 200 days ago (active, expire in 165 days); 20 points 5 days
    // ago (still pending).
    const QJsonObject ingested = ingestReceipts({purchase(QStringLiteral("old"), 400, 100, 0), purchase(QStringLiteral("spend"), 380, 0, 30),
                                                 purchase(QStringLiteral("mid"), 200, 50, 0), purchase(QStringLiteral("new"), 5, 20, 0)});
    ASSERT_EQ(ingested.value(QStringLiteral("created")).toInt(), 4);
    const std::string base = "/api/v1/customers/" + std::to_string(id);
    auto balances = [&]() {
        const QJsonObject a = server->get(base + "/accounts", admin).json().value(QStringLiteral("items")).toArray().at(0).toObject();
        return std::pair{a.value(QStringLiteral("active_balance")).toInteger(), a.value(QStringLiteral("pending_balance")).toInteger()};
    };
    QElapsedTimer waited;
    waited.start();
    while (balances() != std::pair<qint64, qint64>{50, 20} && waited.elapsed() < 20000) QThread::msleep(200);
    // 150 activated, 30 spent, and 70 left of the oldest accrual burnt.
    EXPECT_EQ(balances(), (std::pair<qint64, qint64>{50, 20}));
    const QJsonArray ledger = server->get(base + "/ledger?limit=50", admin).json().value(QStringLiteral("items")).toArray();
    QMap<QString, QStringList> byKind;
    for (const auto &v : ledger) {
        const QJsonObject row = v.toObject();
        byKind[row.value(QStringLiteral("kind")).toString()] << QStringLiteral("%1 %2").arg(row.value(QStringLiteral("amount")).toInteger())
                                                                    .arg(row.value(QStringLiteral("status")).toString());
    }
    for (auto &list : byKind) list.sort();
    EXPECT_EQ(byKind.value(QStringLiteral("accrual")), (QStringList{QStringLiteral("100 expired"), QStringLiteral("20 pending"), QStringLiteral("50 active")}));
    EXPECT_EQ(byKind.value(QStringLiteral("deduction")), QStringList{QStringLiteral("-30 spent")});
    EXPECT_EQ(byKind.value(QStringLiteral("expiry")), QStringList{QStringLiteral("-70 expired")});
    QThread::msleep(2500);  // two more passes change nothing
    EXPECT_EQ(balances(), (std::pair<qint64, qint64>{50, 20}));
    EXPECT_EQ(server->get(base + "/ledger?limit=50", admin).json().value(QStringLiteral("items")).toArray().size(), ledger.size());
}

// Folds once a second while receipts arrive (the default is every 10 s).
class ApiQuickFolds : public Api {
protected:
    QStringList extraServeArgs() const override { return {QStringLiteral("--fold-interval"), QStringLiteral("1"), QStringLiteral("--no-scheduler")}; }
};

// `serve --fold-interval`: the stored metrics take the purchases in once the interval
// has passed, at the next batch; readers are exact before and after. A value out of
// range is refused with a clear error.
TEST_P(ApiQuickFolds, TheFoldIntervalIsTheServers)
{
    const qint64 id = createCustomer({{QStringLiteral("first_name"), QStringLiteral("Folke")}});
    ASSERT_EQ(server->post("/api/v1/customers/" + std::to_string(id) + "/cards", json({{QStringLiteral("number"), QStringLiteral("7700777")}}), admin).status,
              201);
    const QString at = LoyaltyDesk::Core::Json::isoUtc(QDateTime::currentSecsSinceEpoch() - 3600);
    ASSERT_EQ(ingestReceipts({receipt(QStringLiteral("qf-1"), QStringLiteral("7700777"), at, QStringLiteral("QF1"))}).value(QStringLiteral("created")).toInt(), 1);
    QThread::msleep(1200);
    ASSERT_EQ(ingestReceipts({receipt(QStringLiteral("qf-2"), QStringLiteral("7700777"), at, QStringLiteral("QF2"))}).value(QStringLiteral("created")).toInt(), 1);
    // The second batch came more than a second after the start and the first: it folded both.
    QString error;
    const QVariant stored = server->querySql(QStringLiteral("SELECT orders_count FROM customers WHERE id = %1").arg(id), &error);
    ASSERT_EQ(error, QString());
    EXPECT_EQ(stored.toLongLong(), 2) << "with the default of 10 s nothing would be folded yet";
    const QJsonObject profile = server->get("/api/v1/customers/" + std::to_string(id), admin).json();
    EXPECT_EQ(profile.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("orders_count")).toInteger(), 2);

    for (const char *bad : {"0", "3601", "soon"}) {
        QByteArray output;
        EXPECT_EQ(server->runCli({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--fold-interval"),
                                  QString::fromLatin1(bad)},
                                 &output),
                  2)
            << bad;
        EXPECT_TRUE(output.contains("--fold-interval wants a number of seconds from 1 to 3600")) << output.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, Api, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
INSTANTIATE_TEST_SUITE_P(Backends, ApiSmallBodies, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
INSTANTIATE_TEST_SUITE_P(Backends, ApiPointsOverTime, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
INSTANTIATE_TEST_SUITE_P(Backends, ApiShortTokens, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
INSTANTIATE_TEST_SUITE_P(Backends, ApiQuickFolds, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
