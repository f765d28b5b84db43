// Segments end to end through the real server on a seeded database: the catalog,
// previews with limits, bad rules, saved segments and their recalculation, RFM and
// target audiences — on SQLite and PostgreSQL.
#include "core/segments/rule.h"
#include "storage/database.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>

#include <thread>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;

namespace {

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QJsonObject rule(const QJsonArray &rules, const QString &group = QStringLiteral("and"))
{
    return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), group}, {QStringLiteral("rules"), rules}}}};
}

QJsonObject cond(const QString &field, const QString &op, const QJsonValue &value = QJsonValue::Undefined, const QJsonObject &params = {})
{
    QJsonObject c{{QStringLiteral("field"), field}, {QStringLiteral("op"), op}};
    if (!value.isUndefined()) c.insert(QStringLiteral("value"), value);
    if (!params.isEmpty()) c.insert(QStringLiteral("params"), params);
    return c;
}

class Segments : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        TestServer::Options o;
        o.backend = GetParam();
        o.seedCustomers = 400;
        o.serveArgs = {QStringLiteral("--no-scheduler")};
        server = std::make_unique<TestServer>(o);
        ASSERT_TRUE(server->ok()) << server->error().toStdString();
        token = server->login(QStringLiteral("marketer"), TestServer::demoPassword());
        ASSERT_FALSE(token.isEmpty());
    }

    QJsonObject preview(const QJsonObject &r, int expectStatus = 200)
    {
        const HttpResult res = server->post("/api/v1/segments/preview", json({{QStringLiteral("rule"), r}}), token);
        EXPECT_EQ(res.status, expectStatus) << res.body.toStdString();
        return res.json();
    }
    qint64 count(const QJsonObject &r) { return preview(r).value(QStringLiteral("count")).toInteger(); }

    std::unique_ptr<TestServer> server;
    QString token;
};

}  // namespace

TEST_P(Segments, CatalogListsFieldsWithTiersAndCustomAttributes)
{
    const HttpResult r = server->get("/api/v1/segments/fields", token);
    ASSERT_EQ(r.status, 200);
    QHash<QString, QJsonObject> fields;
    for (const auto &f : r.json().value(QStringLiteral("fields")).toArray()) fields.insert(f.toObject().value(QStringLiteral("id")).toString(), f.toObject());
    ASSERT_TRUE(fields.contains(QStringLiteral("purchases")));
    EXPECT_TRUE(fields.value(QStringLiteral("tier")).value(QStringLiteral("values")).toArray().contains(QStringLiteral("gold")));
    ASSERT_TRUE(fields.contains(QStringLiteral("custom.shoe_size")));  // seen in the seeded data
    EXPECT_EQ(fields.value(QStringLiteral("custom.shoe_size")).value(QStringLiteral("type")).toString(), QStringLiteral("number"));
    EXPECT_FALSE(fields.value(QStringLiteral("purchases")).value(QStringLiteral("params")).toArray().isEmpty());
    // The app reads the same catalog back and validates with it.
    const Core::Segments::Catalog read = Core::Segments::Catalog::fromJson(r.json());
    EXPECT_EQ(read.toJson(), r.json());
    ASSERT_NE(read.find(QStringLiteral("custom.shoe_size")), nullptr);
}

TEST_P(Segments, ProductCatalogSearchFeedsThePickers)
{
    const HttpResult all = server->get("/api/v1/products?limit=500", token);
    ASSERT_EQ(all.status, 200) << all.body.toStdString();
    const QJsonArray products = all.json().value(QStringLiteral("items")).toArray();
    ASSERT_FALSE(products.isEmpty());
    const QJsonObject first = products.first().toObject();
    const QString sku = first.value(QStringLiteral("sku")).toString();
    const QString name = first.value(QStringLiteral("name")).toString();
    const QString category = first.value(QStringLiteral("category")).toString();
    ASSERT_FALSE(sku.isEmpty());

    // By part of the SKU and, ignoring case, by part of the name.
    const QJsonArray bySku = server->get("/api/v1/products?q=" + QUrl::toPercentEncoding(sku).toStdString(), token).json().value(QStringLiteral("items")).toArray();
    ASSERT_FALSE(bySku.isEmpty());
    for (const auto &p : bySku) {
        const QJsonObject o = p.toObject();
        EXPECT_TRUE(o.value(QStringLiteral("sku")).toString().contains(sku, Qt::CaseInsensitive) || o.value(QStringLiteral("name")).toString().contains(sku, Qt::CaseInsensitive));
    }
    const QString part = name.mid(1, 4).toUpper();
    const QJsonArray byName = server->get("/api/v1/products?limit=500&q=" + QUrl::toPercentEncoding(part).toStdString(), token).json().value(QStringLiteral("items")).toArray();
    bool found = false;
    for (const auto &p : byName) found = found || p.toObject().value(QStringLiteral("sku")).toString() == sku;
    EXPECT_TRUE(found) << part.toStdString();
    EXPECT_EQ(server->get("/api/v1/products?limit=2", token).json().value(QStringLiteral("items")).toArray().size(), 2);
    EXPECT_EQ(server->get("/api/v1/products?q=%27%3B%20DROP%20TABLE%20products%3B--", token).json().value(QStringLiteral("items")).toArray().size(), 0);
    EXPECT_EQ(server->get("/api/v1/products?limit=0", token).status, 400);

    // Categories with their product counts.
    const HttpResult cats = server->get("/api/v1/products/categories?q=" + QUrl::toPercentEncoding(category.left(3)).toStdString(), token);
    ASSERT_EQ(cats.status, 200);
    qint64 inCategory = 0;
    for (const auto &p : products) inCategory += p.toObject().value(QStringLiteral("category")).toString() == category;
    bool listed = false;
    for (const auto &c : cats.json().value(QStringLiteral("items")).toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() != category) continue;
        listed = true;
        if (products.size() < 500) {
            EXPECT_EQ(c.toObject().value(QStringLiteral("products")).toInteger(), inCategory);
        }
    }
    EXPECT_TRUE(listed);
    EXPECT_EQ(server->get("/api/v1/products/categories").status, 401);
}

TEST_P(Segments, PreviewCountsWithMetrics)
{
    const qint64 all = count(rule({}));
    EXPECT_EQ(all, 400);
    const QJsonObject buyers = preview(rule({cond(QStringLiteral("orders_count"), QStringLiteral("gte"), 1)}));
    const qint64 n = buyers.value(QStringLiteral("count")).toInteger();
    EXPECT_GT(n, 0);
    EXPECT_LT(n, 400);
    EXPECT_NEAR(buyers.value(QStringLiteral("share")).toDouble(), double(n) / 400.0, 1e-9);
    EXPECT_GT(buyers.value(QStringLiteral("revenue")).toInteger(), 0);
    EXPECT_EQ(buyers.value(QStringLiteral("ltv")).toInteger(), buyers.value(QStringLiteral("revenue")).toInteger() / n);
    // A condition and its negation split the base.
    const QJsonObject women = cond(QStringLiteral("gender"), QStringLiteral("eq"), QStringLiteral("female"));
    QJsonObject notWomen = rule({women});
    QJsonObject root = notWomen.value(QStringLiteral("root")).toObject();
    root.insert(QStringLiteral("not"), true);
    notWomen.insert(QStringLiteral("root"), root);
    EXPECT_EQ(count(rule({women})) + count(notWomen), 400);
    // The example: spent more than 1 000.00 in purchases over the last two years, nested with OR.
    const QJsonObject nested = rule({cond(QStringLiteral("purchases"), QStringLiteral("gt"), 100000, {{QStringLiteral("aggregate"), QStringLiteral("sum")}, {QStringLiteral("window_days"), 730}}),
                                     QJsonObject{{QStringLiteral("group"), QStringLiteral("or")},
                                                 {QStringLiteral("rules"), QJsonArray{cond(QStringLiteral("has_email"), QStringLiteral("is_true")),
                                                                                      cond(QStringLiteral("subscribed"), QStringLiteral("is_true"), QJsonValue::Undefined, {{QStringLiteral("channel"), QStringLiteral("sms")}})}}}});
    const qint64 spenders = count(nested);
    EXPECT_GT(spenders, 0);
    EXPECT_LE(spenders, n);
}

TEST_P(Segments, BadRulesGetClearErrorsAndNeverReachSql)
{
    auto errorFor = [&](const QJsonObject &r) {
        const QJsonObject p = preview(r, 400);
        const QJsonArray errors = p.value(QStringLiteral("errors")).toArray();
        return errors.isEmpty() ? QString() : errors.at(0).toObject().value(QStringLiteral("field")).toString() + u' ' + errors.at(0).toObject().value(QStringLiteral("message")).toString();
    };
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("city"), QStringLiteral("eq"), QStringLiteral("Omsk")), cond(QStringLiteral("shoe_colour; DROP TABLE customers"), QStringLiteral("eq"), 1)}))
                    .contains(QStringLiteral("rule.root.rules[1].field")));
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("orders_count"), QStringLiteral("gte"), QStringLiteral("many"))})).contains(QStringLiteral("Orders")));
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("city"), QStringLiteral("lt"), QStringLiteral("Omsk"))})).contains(QStringLiteral("operator")));
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("purchases"), QStringLiteral("gte"), 1)})).contains(QStringLiteral("Measure")));
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("event"), QStringLiteral("gte"), 1, {{QStringLiteral("type"), QStringLiteral("x")}, {QStringLiteral("property"), QStringLiteral("a'b")}})}))
                    .contains(QStringLiteral("Property")));
    QJsonArray huge;
    for (int i = 0; i < 1500; ++i) huge.append(QStringLiteral("c%1").arg(i));
    EXPECT_TRUE(errorFor(rule({cond(QStringLiteral("city"), QStringLiteral("in"), huge)})).contains(QStringLiteral("at most 1000")));
    QJsonObject deep = QJsonObject{{QStringLiteral("group"), QStringLiteral("and")}, {QStringLiteral("rules"), QJsonArray{cond(QStringLiteral("has_phone"), QStringLiteral("is_true"))}}};
    for (int i = 0; i < 30; ++i) deep = QJsonObject{{QStringLiteral("group"), QStringLiteral("or")}, {QStringLiteral("rules"), QJsonArray{deep}}};
    EXPECT_TRUE(errorFor(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("root"), deep}}).contains(QStringLiteral("nested")));
    EXPECT_EQ(preview(QJsonObject{{QStringLiteral("version"), 99}, {QStringLiteral("root"), QJsonObject{}}}, 400).value(QStringLiteral("errors")).toArray().size(), 1);
    // Values full of SQL are only ever values.
    EXPECT_EQ(count(rule({cond(QStringLiteral("last_name"), QStringLiteral("eq"), QStringLiteral("x' OR '1'='1"))})), 0);
    EXPECT_EQ(count(rule({cond(QStringLiteral("city"), QStringLiteral("contains"), QStringLiteral("%'; DELETE FROM customers; --"))})), 0);
    EXPECT_EQ(count(rule({})), 400);
}

TEST_P(Segments, PreviewHasATimeLimit)
{
    const QJsonObject heavy = rule({cond(QStringLiteral("purchases"), QStringLiteral("gte"), 1, {{QStringLiteral("aggregate"), QStringLiteral("count")}, {QStringLiteral("product"), QStringLiteral("a")}}),
                                    cond(QStringLiteral("not_opened_last"), QStringLiteral("is_false"), QJsonValue::Undefined, {{QStringLiteral("n"), 2}}),
                                    cond(QStringLiteral("site_visit"), QStringLiteral("gte"), 0, {{QStringLiteral("section"), QStringLiteral("x")}})},
                                   QStringLiteral("or"));
    const HttpResult r = server->post("/api/v1/segments/preview", json({{QStringLiteral("rule"), heavy}, {QStringLiteral("timeout_ms"), 1}}), token);
    EXPECT_EQ(r.status, 422) << r.body.toStdString();
    EXPECT_TRUE(r.json().value(QStringLiteral("type")).toString().endsWith(QStringLiteral("time-limit")));
    EXPECT_EQ(server->post("/api/v1/segments/preview/nope/cancel", {}, token).status, 404);
    // Without the tiny limit the same rule counts fine.
    EXPECT_GT(count(heavy), 0);

    // The limit for requests that name none is the server's: --segment-time-limit-ms.
    server->stop();
    server->setServeArgs({QStringLiteral("--no-scheduler"), QStringLiteral("--segment-time-limit-ms"), QStringLiteral("1")});
    ASSERT_TRUE(server->start()) << server->error().toStdString();
    token = server->login(QStringLiteral("marketer"), TestServer::demoPassword());
    EXPECT_TRUE(preview(heavy, 422).value(QStringLiteral("type")).toString().endsWith(QStringLiteral("time-limit")));
    // A request's own limit still wins.
    const HttpResult own = server->post("/api/v1/segments/preview", json({{QStringLiteral("rule"), heavy}, {QStringLiteral("timeout_ms"), 60000}}), token);
    EXPECT_EQ(own.status, 200) << own.body.toStdString();
    EXPECT_GT(own.json().value(QStringLiteral("count")).toInteger(), 0);
    // A limit that is not a positive number of milliseconds is refused at start.
    server->stop();
    server->setServeArgs({QStringLiteral("--segment-time-limit-ms"), QStringLiteral("0")});
    EXPECT_FALSE(server->start());
    EXPECT_TRUE(server->error().contains(QStringLiteral("--segment-time-limit-ms wants a number of milliseconds"))) << server->error().toStdString();
}

TEST_P(Segments, SavedSegmentsRecalculateAndRecordWhoEnteredAndLeft)
{
    const QJsonObject r = rule({cond(QStringLiteral("custom.shoe_size"), QStringLiteral("gte"), 44)});
    const HttpResult created = server->post("/api/v1/segments", json({{QStringLiteral("name"), QStringLiteral("Big feet")}, {QStringLiteral("rule"), r},
                                                                       {QStringLiteral("tags"), QJsonArray{QStringLiteral("shoes")}}}), token);
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    const std::string base = "/api/v1/segments/" + std::to_string(id);
    const qint64 expected = count(r);
    ASSERT_GT(expected, 0);

    const HttpResult first = server->post(base + "/recalculate", {}, token);
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    EXPECT_EQ(first.json().value(QStringLiteral("size")).toInteger(), expected);
    // The first run is the baseline: members, but nobody "entered" (no mass trigger).
    EXPECT_TRUE(first.json().value(QStringLiteral("baseline")).toBool());
    EXPECT_EQ(first.json().value(QStringLiteral("entered")).toInteger(), 0);
    EXPECT_EQ(first.json().value(QStringLiteral("left")).toInteger(), 0);

    // One member shrinks, one outsider grows: the next run records both.
    const HttpResult members = server->get(base + "/members?limit=500", token);
    const QJsonArray list = members.json().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(list.size(), expected);
    const qint64 leaver = list.at(0).toObject().value(QStringLiteral("id")).toInteger();
    const QString admin = server->loginAdmin();
    ASSERT_EQ(server->patch("/api/v1/customers/" + std::to_string(leaver), json({{QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("shoe_size"), 36}}}}), admin).status, 200);
    QSet<qint64> inside;
    for (const auto &m : list) inside.insert(m.toObject().value(QStringLiteral("id")).toInteger());
    qint64 joiner = 1;
    while (inside.contains(joiner)) ++joiner;
    ASSERT_EQ(server->patch("/api/v1/customers/" + std::to_string(joiner), json({{QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("shoe_size"), 47}}}}), admin).status, 200);
    const HttpResult second = server->post(base + "/recalculate", {}, token);
    EXPECT_FALSE(second.json().value(QStringLiteral("baseline")).toBool());
    EXPECT_EQ(second.json().value(QStringLiteral("entered")).toInteger(), 1);
    EXPECT_EQ(second.json().value(QStringLiteral("left")).toInteger(), 1);
    EXPECT_EQ(second.json().value(QStringLiteral("size")).toInteger(), expected);
    const HttpResult entered = server->get(base + "/changes?kind=entered&limit=1", token);
    EXPECT_EQ(entered.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("customer_id")).toInteger(), joiner);
    const HttpResult left = server->get(base + "/changes?kind=left", token);
    EXPECT_EQ(left.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("customer_id")).toInteger(), leaver);

    const HttpResult history = server->get(base + "/history", token);
    EXPECT_EQ(history.json().value(QStringLiteral("items")).toArray().size(), 2);
    const HttpResult one = server->get(base, token);
    EXPECT_EQ(one.json().value(QStringLiteral("trend")).toArray().size(), 2);
    EXPECT_EQ(one.json().value(QStringLiteral("size")).toInteger(), expected);
    EXPECT_FALSE(one.json().value(QStringLiteral("last_duration_ms")).isNull());

    // Export needs customers.export (a marketer has it); the CSV has one row per member.
    const HttpResult csv = server->get(base + "/export", token);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.count("\r\n"), expected + 1);
    EXPECT_EQ(server->get(base + "/export", server->login(QStringLiteral("analyst"), TestServer::demoPassword())).status, 403);

    // Duplicate, reference, and the delete that references forbid.
    const HttpResult copy = server->post(base + "/duplicate", {}, token);
    ASSERT_EQ(copy.status, 201);
    EXPECT_EQ(copy.json().value(QStringLiteral("name")).toString(), QStringLiteral("Big feet (copy)"));
    const HttpResult user = server->post("/api/v1/segments", json({{QStringLiteral("name"), QStringLiteral("Big feet in Moscow")},
                                                                    {QStringLiteral("rule"), rule({cond(QStringLiteral("segment"), QStringLiteral("in"), QJsonArray{id})})}}), token);
    ASSERT_EQ(user.status, 201) << user.body.toStdString();
    EXPECT_EQ(server->del(base, token).status, 409);
    // A cycle is refused: the first segment may not include the one that includes it.
    const qint64 userId = user.json().value(QStringLiteral("id")).toInteger();
    const HttpResult cycle = server->patch(base, json({{QStringLiteral("rule"), rule({cond(QStringLiteral("segment"), QStringLiteral("in"), QJsonArray{userId})})}}), token);
    EXPECT_EQ(cycle.status, 400);
    EXPECT_TRUE(cycle.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("cycle"))) << cycle.body.toStdString();
    EXPECT_EQ(server->patch(base, json({{QStringLiteral("rule"), rule({cond(QStringLiteral("segment"), QStringLiteral("in"), QJsonArray{id})})}}), token).status, 400);
    EXPECT_EQ(server->del("/api/v1/segments/" + std::to_string(userId), token).status, 204);
    EXPECT_EQ(server->del(base, token).status, 204);

    const HttpResult audit = server->get("/api/v1/audit?entity=segment&entity_id=" + std::to_string(id), admin);
    QStringList actions;
    for (const auto &e : audit.json().value(QStringLiteral("items")).toArray()) actions << e.toObject().value(QStringLiteral("action")).toString();
    EXPECT_EQ(actions, (QStringList{QStringLiteral("segment.delete"), QStringLiteral("segment.create")}));
}

TEST_P(Segments, RfmScoresEveryBuyerAndFeedsRules)
{
    const HttpResult done = server->post("/api/v1/rfm/recalculate", {}, token);
    ASSERT_EQ(done.status, 200) << done.body.toStdString();
    const QJsonObject report = done.json();
    const qint64 buyers = count(rule({cond(QStringLiteral("last_purchase_at"), QStringLiteral("not_empty"))}));
    EXPECT_EQ(report.value(QStringLiteral("scored")).toInteger(), buyers);
    qint64 inGrid = 0;
    for (const auto &c : report.value(QStringLiteral("grid")).toArray()) {
        const QJsonObject cell = c.toObject();
        EXPECT_GE(cell.value(QStringLiteral("r")).toInt(), 1);
        EXPECT_LE(cell.value(QStringLiteral("f")).toInt(), 5);
        EXPECT_TRUE(Core::Segments::Catalog::builtIn().find(QStringLiteral("rfm_group"))->enumValues.contains(cell.value(QStringLiteral("group")).toString()));
        inGrid += cell.value(QStringLiteral("count")).toInteger();
    }
    EXPECT_EQ(inGrid, buyers);
    qint64 inGroups = 0;
    for (const auto &g : report.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject group = g.toObject();
        inGroups += group.value(QStringLiteral("count")).toInteger();
        EXPECT_EQ(count(rule({cond(QStringLiteral("rfm_group"), QStringLiteral("eq"), group.value(QStringLiteral("group")))})), group.value(QStringLiteral("count")).toInteger())
            << group.value(QStringLiteral("group")).toString().toStdString();
    }
    EXPECT_EQ(inGroups, buyers);
    // The customers of a cell and of a group page to the same numbers (the heat map opens them).
    auto pagedCount = [&](const std::string &query) {
        qint64 n = 0;
        QString cursor;
        do {
            const HttpResult page = server->get("/api/v1/rfm/customers?limit=7&" + query + (cursor.isEmpty() ? std::string() : "&cursor=" + cursor.toStdString()), token);
            EXPECT_EQ(page.status, 200) << page.body.toStdString();
            if (page.status != 200) return qint64(-1);
            for (const auto &v : page.json().value(QStringLiteral("items")).toArray()) {
                EXPECT_FALSE(v.toObject().value(QStringLiteral("last_name")).toString().isEmpty());
                ++n;
            }
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        return n;
    };
    const QJsonObject firstCell = report.value(QStringLiteral("grid")).toArray().first().toObject();
    EXPECT_EQ(pagedCount("r=" + std::to_string(firstCell.value(QStringLiteral("r")).toInt()) + "&f=" + std::to_string(firstCell.value(QStringLiteral("f")).toInt())),
              firstCell.value(QStringLiteral("count")).toInteger());
    const QJsonObject firstGroup = report.value(QStringLiteral("groups")).toArray().first().toObject();
    EXPECT_EQ(pagedCount("group=" + firstGroup.value(QStringLiteral("group")).toString().toStdString()), firstGroup.value(QStringLiteral("count")).toInteger());
    for (const char *bad : {"r=6&f=1", "r=1", "r=x&f=2", "group=everyone", "group=lost&r=1&f=1"}) {
        const HttpResult refused = server->get(std::string("/api/v1/rfm/customers?") + bad, token);
        EXPECT_EQ(refused.status, 400) << bad;
        EXPECT_TRUE(refused.body.contains("problem") || refused.json().contains(QStringLiteral("detail"))) << bad;
    }
    // The profile carries the customer's scores.
    const QString admin = server->loginAdmin();
    QString someGroup;
    qint64 someone = 0;
    for (qint64 id = 1; id <= 400 && !someone; ++id) {
        const QJsonObject profile = server->get("/api/v1/customers/" + std::to_string(id), admin).json();
        if (profile.value(QStringLiteral("rfm")).isObject()) {
            someone = id;
            someGroup = profile.value(QStringLiteral("rfm")).toObject().value(QStringLiteral("segment")).toString();
        }
    }
    ASSERT_GT(someone, 0);
    EXPECT_TRUE(Core::Segments::Catalog::builtIn().find(QStringLiteral("rfm_group"))->enumValues.contains(someGroup)) << someGroup.toStdString();
    // Quintiles: each recency score holds a fifth of the buyers.
    EXPECT_NEAR(double(count(rule({cond(QStringLiteral("rfm_r"), QStringLiteral("eq"), 5)}))), double(buyers) / 5.0, 1.0);

    // Thresholds instead: recency 5 means a purchase in the last 30 days.
    const QJsonObject settings{{QStringLiteral("window_days"), 365}, {QStringLiteral("scoring"), QStringLiteral("thresholds")},
                               {QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("recency_days"), QJsonArray{30, 90, 180, 365}},
                                                                          {QStringLiteral("frequency"), QJsonArray{2, 3, 5, 8}},
                                                                          {QStringLiteral("monetary"), QJsonArray{100000, 300000, 1000000, 3000000}}}}};
    ASSERT_EQ(server->patch("/api/v1/rfm/settings", json(settings), token).status, 200);
    ASSERT_EQ(server->post("/api/v1/rfm/recalculate", {}, token).status, 200);
    EXPECT_EQ(count(rule({cond(QStringLiteral("rfm_r"), QStringLiteral("eq"), 5)})), count(rule({cond(QStringLiteral("days_since_last_purchase"), QStringLiteral("lte"), 30)})));
    QJsonObject bad = settings;
    bad.insert(QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("recency_days"), QJsonArray{30, 20, 180, 365}}, {QStringLiteral("frequency"), QJsonArray{2, 3, 5, 8}},
                                                         {QStringLiteral("monetary"), QJsonArray{1, 2, 3, 4}}});
    EXPECT_EQ(server->patch("/api/v1/rfm/settings", json(bad), token).status, 400);
}

TEST_P(Segments, AudiencesAreSnapshots)
{
    const QJsonObject r = rule({cond(QStringLiteral("custom.shoe_size"), QStringLiteral("lte"), 36)});
    const qint64 size = count(r);
    ASSERT_GT(size, 0);
    const HttpResult a = server->post("/api/v1/audiences", json({{QStringLiteral("name"), QStringLiteral("Small feet 2025")}, {QStringLiteral("rule"), r},
                                                                 {QStringLiteral("tags"), QJsonArray{QStringLiteral("2025")}}}), token);
    ASSERT_EQ(a.status, 201) << a.body.toStdString();
    EXPECT_EQ(a.json().value(QStringLiteral("size")).toInteger(), size);
    EXPECT_TRUE(a.json().value(QStringLiteral("source_segment_name")).isNull());  // taken from a rule, not a segment
    const qint64 id = a.json().value(QStringLiteral("id")).toInteger();
    // Someone who qualifies later does not join the snapshot.
    const QString admin = server->loginAdmin();
    const HttpResult newcomer = server->post("/api/v1/customers", json({{QStringLiteral("first_name"), QStringLiteral("Late")},
                                                                         {QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("shoe_size"), 35}}}}), admin);
    ASSERT_EQ(newcomer.status, 201);
    EXPECT_EQ(count(r), size + 1);
    const HttpResult members = server->get("/api/v1/audiences/" + std::to_string(id) + "/members?limit=500", token);
    EXPECT_EQ(members.json().value(QStringLiteral("items")).toArray().size(), size);
    EXPECT_EQ(server->get("/api/v1/audiences/" + std::to_string(id) + "/export", token).body.count("\r\n"), size + 1);
    EXPECT_EQ(server->get("/api/v1/audiences", token).json().value(QStringLiteral("items")).toArray().size(), 1);
    EXPECT_EQ(server->post("/api/v1/audiences", json({{QStringLiteral("name"), QStringLiteral("Nothing")}}), token).status, 400);
    EXPECT_EQ(server->del("/api/v1/audiences/" + std::to_string(id), token).status, 204);
    EXPECT_EQ(server->get("/api/v1/audiences/" + std::to_string(id), token).status, 404);
}

TEST_P(Segments, TheSchedulerRecalculatesDueSegmentsAndScoresRfm)
{
    const HttpResult created = server->post("/api/v1/segments", json({{QStringLiteral("name"), QStringLiteral("Buyers")},
                                                                       {QStringLiteral("rule"), rule({cond(QStringLiteral("orders_count"), QStringLiteral("gte"), 1)})},
                                                                       {QStringLiteral("recalc_minutes"), 15}}), token);
    ASSERT_EQ(created.status, 201);
    const std::string path = "/api/v1/segments/" + std::to_string(created.json().value(QStringLiteral("id")).toInteger());
    EXPECT_TRUE(server->get(path, token).json().value(QStringLiteral("last_calculated_at")).isNull());
    // The same database, served again with a scheduler that ticks every second.
    server->stop();
    // seed-demo scored the base; forget it so the scheduler has to score it again.
    ASSERT_EQ(server->execSql(QStringLiteral("DELETE FROM customer_rfm")), QString());
    const QString url = server->dbUrl();
    server->setServeArgs({QStringLiteral("--scheduler-tick"), QStringLiteral("1")});
    ASSERT_TRUE(server->start()) << server->error().toStdString();
    token = server->login(QStringLiteral("marketer"), TestServer::demoPassword());
    ASSERT_FALSE(token.isEmpty());
    QJsonObject segment = server->get(path, token).json();
    for (int i = 0; i < 60 && segment.value(QStringLiteral("last_calculated_at")).isNull(); ++i) {
        QThread::msleep(250);
        segment = server->get(path, token).json();
    }
    EXPECT_FALSE(segment.value(QStringLiteral("last_calculated_at")).isNull());
    EXPECT_GT(segment.value(QStringLiteral("size")).toInteger(), 0) << QJsonDocument(segment).toJson().toStdString();
    QJsonObject rfm;
    for (int i = 0; i < 60 && rfm.value(QStringLiteral("scored")).toInteger() == 0; ++i) {
        QThread::msleep(250);
        rfm = server->get("/api/v1/rfm", token).json();
    }
    EXPECT_GT(rfm.value(QStringLiteral("scored")).toInteger(), 0);
    EXPECT_EQ(server->dbUrl(), url);
}

INSTANTIATE_TEST_SUITE_P(Backends, Segments, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });

// The mechanism under preview's time limit and cancel: a statement that would run for
// minutes stops soon after another thread raises the flag.
TEST_P(Segments, QueryGuardStopsALongStatementOnCancel)
{
    TestDatabase testDb(GetParam());
    ASSERT_TRUE(testDb.ok());
    LoyaltyDesk::Server::Database db(*LoyaltyDesk::Server::DbConfig::parse(testDb.url()));
    auto conn = db.connection();
    ASSERT_TRUE(conn.ok());
    std::atomic<bool> cancelled{false};
    QElapsedTimer timer;
    timer.start();
    LoyaltyDesk::Server::QueryGuard guard(db, *conn, 600000, &cancelled);
    const qint64 pid = guard.backendPid();
    std::thread canceller([&] {
        QThread::msleep(300);
        cancelled = true;
        if (!db.isSqlite()) {
            auto other = db.connection();  // this thread's own connection
            LoyaltyDesk::Server::Sql q(*other, QStringLiteral("SELECT pg_cancel_backend(?)"));
            q.bind(pid);
            (void)q.exec();
        }
    });
    LoyaltyDesk::Server::Sql slow(*conn, QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000000) SELECT COUNT(*) FROM n"));
    const auto result = slow.exec();
    canceller.join();
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(guard.expired());
    EXPECT_LT(timer.elapsed(), 20000);
}
