// The message library and rendering through the real server, on SQLite and PostgreSQL.
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace LoyaltyDesk::Test;

namespace {

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

class Templates : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        TestServer::Options o;
        o.backend = GetParam();
        o.seedCustomers = 60;
        o.serveArgs = {QStringLiteral("--no-scheduler")};
        server = std::make_unique<TestServer>(o);
        ASSERT_TRUE(server->ok()) << server->error().toStdString();
        designer = server->login(QStringLiteral("designer"), TestServer::demoPassword());
        marketer = server->login(QStringLiteral("marketer"), TestServer::demoPassword());
        ASSERT_FALSE(designer.isEmpty());
    }

    qint64 create(const QJsonObject &body)
    {
        const HttpResult r = server->post("/api/v1/templates", json(body), designer);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(QStringLiteral("id")).toInteger();
    }

    std::unique_ptr<TestServer> server;
    QString designer, marketer;
};

const QString kHtml = QStringLiteral(
    "<h1>Здравствуйте, {{ customer.first_name | default: \"друг\" }}!</h1>"
    "<p>На счёте {{ balance.active }} {{ balance.active | plural: \"балл\", \"балла\", \"баллов\" }}.</p>"
    "{% if last_receipt %}<p>Последняя покупка на {{ last_receipt.total | money }}:</p><ul>{% for l in last_receipt.lines %}<li>{{ l.name }}</li>{% endfor %}</ul>{% endif %}"
    "<a href=\"{{ unsubscribe_url }}\">Отписаться</a>");

}  // namespace

TEST_P(Templates, LibraryWithVersionsRestoreDuplicateAndSearch)
{
    const qint64 id = create({{QStringLiteral("channel"), QStringLiteral("email")}, {QStringLiteral("name"), QStringLiteral("Welcome")},
                              {QStringLiteral("folder"), QStringLiteral("Onboarding")}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("welcome")}},
                              {QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Добро пожаловать")}, {QStringLiteral("html"), kHtml}}}});
    ASSERT_GT(id, 0);
    const std::string base = "/api/v1/templates/" + std::to_string(id);
    const HttpResult v2 = server->patch(base, json({{QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Welcome!")}, {QStringLiteral("html"), QStringLiteral("<p>v2</p>")}}}}), designer);
    ASSERT_EQ(v2.status, 200) << v2.body.toStdString();
    EXPECT_EQ(v2.json().value(QStringLiteral("version")).toInt(), 2);
    // Moving to another folder is not a new version.
    EXPECT_EQ(server->patch(base, json({{QStringLiteral("folder"), QStringLiteral("Archive")}}), designer).json().value(QStringLiteral("version")).toInt(), 2);
    const HttpResult versions = server->get(base + "/versions", designer);
    ASSERT_EQ(versions.json().value(QStringLiteral("items")).toArray().size(), 2);
    const HttpResult restored = server->post(base + "/versions/1/restore", {}, designer);
    ASSERT_EQ(restored.status, 200) << restored.body.toStdString();
    EXPECT_EQ(restored.json().value(QStringLiteral("version")).toInt(), 3);
    EXPECT_EQ(restored.json().value(QStringLiteral("content")).toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Добро пожаловать"));
    EXPECT_EQ(server->post(base + "/versions/9/restore", {}, designer).status, 404);

    const HttpResult copy = server->post(base + "/duplicate", {}, designer);
    ASSERT_EQ(copy.status, 201);
    EXPECT_EQ(copy.json().value(QStringLiteral("version")).toInt(), 1);
    create({{QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("name"), QStringLiteral("Points reminder")},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("{{ customer.first_name }}, баллы сгорают!")}}}});
    auto names = [&](const std::string &query) {
        QStringList out;
        for (const auto &t : server->get("/api/v1/templates?" + query, designer).json().value(QStringLiteral("items")).toArray())
            out << t.toObject().value(QStringLiteral("name")).toString();
        return out;
    };
    EXPECT_EQ(names("channel=sms"), QStringList{QStringLiteral("Points reminder")});
    EXPECT_EQ(names("q=" + QUrl::toPercentEncoding(QStringLiteral("ДОБРО")).toStdString()).size(), 2);  // content search ignores case
    EXPECT_EQ(names("folder=Archive"), (QStringList{QStringLiteral("Welcome (copy)"), QStringLiteral("Welcome")}));  // the copy keeps the folder
    EXPECT_EQ(names("tag=welcome").size(), 2);
    EXPECT_EQ(server->get("/api/v1/templates?channel=fax", designer).status, 400);

    // Broken Liquid is refused with its line and column; the channel cannot change.
    const HttpResult broken = server->patch(base, json({{QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("x")},
                                                                                                 {QStringLiteral("html"), QStringLiteral("<p>\n{% if x %}never closed")}}}}), designer);
    EXPECT_EQ(broken.status, 400);
    EXPECT_EQ(broken.json().value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("content.html"));
    EXPECT_TRUE(broken.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("line"))) << broken.body.toStdString();
    EXPECT_EQ(server->patch(base, json({{QStringLiteral("channel"), QStringLiteral("sms")}}), designer).status, 400);

    // HTML import and export round trip.
    const QByteArray file = "<html><head><title>Spring sale</title></head><body><p>Hi {{ customer.first_name }}</p></body></html>";
    const HttpResult imported = server->request("POST", "/api/v1/templates/import?name=Spring", file, designer, "text/html");
    ASSERT_EQ(imported.status, 201) << imported.body.toStdString();
    EXPECT_EQ(imported.json().value(QStringLiteral("content")).toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Spring sale"));
    const HttpResult exported = server->get("/api/v1/templates/" + std::to_string(imported.json().value(QStringLiteral("id")).toInteger()) + "/export", designer);
    EXPECT_EQ(exported.body, file);
    EXPECT_EQ(exported.contentType, "text/html; charset=utf-8");
    // Other channels leave as the template's JSON, indented for people to read.
    const qint64 sms = create({{QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("name"), QStringLiteral("Points")},
                               {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("{{ balance.active }} баллов")}}}});
    const HttpResult smsExport = server->get("/api/v1/templates/" + std::to_string(sms) + "/export", designer);
    ASSERT_EQ(smsExport.status, 200) << smsExport.body.toStdString();
    EXPECT_EQ(smsExport.contentType, "application/json");
    EXPECT_EQ(smsExport.header("Content-Disposition"), "attachment; filename=\"template-" + std::to_string(sms) + ".json\"");
    EXPECT_TRUE(smsExport.body.contains("\n    \"channel\": \"sms\"")) << smsExport.body.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(smsExport.body).object(), server->get("/api/v1/templates/" + std::to_string(sms), designer).json());

    EXPECT_EQ(server->del(base, designer).status, 204);
    EXPECT_EQ(server->get(base, designer).status, 404);
    const QString admin = server->loginAdmin();
    QStringList actions;
    for (const auto &e : server->get("/api/v1/audit?entity=template&entity_id=" + std::to_string(id), admin).json().value(QStringLiteral("items")).toArray())
        actions << e.toObject().value(QStringLiteral("action")).toString();
    EXPECT_EQ(actions, (QStringList{QStringLiteral("template.delete"), QStringLiteral("template.update"), QStringLiteral("template.update"),
                                    QStringLiteral("template.update"), QStringLiteral("template.create")}));
}

TEST_P(Templates, RendersForACustomerOrSampleData)
{
    const qint64 id = create({{QStringLiteral("channel"), QStringLiteral("email")}, {QStringLiteral("name"), QStringLiteral("Digest")},
                              {QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("{{ customer.first_name }} & co")}, {QStringLiteral("html"), kHtml}}}});
    // Sample data: HTML output is escaped, the subject is not; the text part is derived.
    const QJsonObject sample{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("first_name"), QStringLiteral("<Ann>")}}},
                             {QStringLiteral("balance"), QJsonObject{{QStringLiteral("active"), 21}}},
                             {QStringLiteral("unsubscribe_url"), QStringLiteral("https://x.example/u")}};
    const HttpResult r = server->post("/api/v1/templates/render", json({{QStringLiteral("template_id"), id}, {QStringLiteral("data"), sample}}), designer);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject parts = r.json().value(QStringLiteral("parts")).toObject();
    EXPECT_EQ(parts.value(QStringLiteral("subject")).toString(), QStringLiteral("<Ann> & co"));
    EXPECT_TRUE(parts.value(QStringLiteral("html")).toString().contains(QStringLiteral("&lt;Ann&gt;")));
    EXPECT_TRUE(parts.value(QStringLiteral("html")).toString().contains(QStringLiteral("21 балл.")));
    EXPECT_TRUE(parts.value(QStringLiteral("text")).toString().contains(QStringLiteral("Отписаться (https://x.example/u)")));

    // A real customer: a designer may not see personal data, a marketer may.
    EXPECT_EQ(server->post("/api/v1/templates/render", json({{QStringLiteral("template_id"), id}, {QStringLiteral("customer_id"), 1}}), designer).status, 403);
    const HttpResult forCustomer = server->post("/api/v1/templates/render", json({{QStringLiteral("template_id"), id}, {QStringLiteral("customer_id"), 1}}), marketer);
    ASSERT_EQ(forCustomer.status, 200) << forCustomer.body.toStdString();
    const QJsonObject profile = server->get("/api/v1/customers/1", marketer).json();
    EXPECT_TRUE(forCustomer.json().value(QStringLiteral("parts")).toObject().value(QStringLiteral("subject")).toString().startsWith(profile.value(QStringLiteral("first_name")).toString()));

    // Strict mode reports unknown variables and filters with their place; lenient renders.
    const QJsonObject typo{{QStringLiteral("channel"), QStringLiteral("sms")},
                           {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Hi {{ customer.frist_name }}\n{{ 5 | shout }}")}}},
                           {QStringLiteral("data"), sample}};
    auto strictError = [&](const QString &text) {
        QJsonObject strict = typo;
        strict.insert(QStringLiteral("strict"), true);
        strict.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), text}});
        const HttpResult s = server->post("/api/v1/templates/render", json(strict), designer);
        EXPECT_EQ(s.status, 200);
        EXPECT_FALSE(s.json().value(QStringLiteral("ok")).toBool()) << text.toStdString();
        return s.json().value(QStringLiteral("errors")).toArray().at(0).toObject();
    };
    const QJsonObject unknownVariable = strictError(QStringLiteral("Hi {{ customer.frist_name }}"));
    EXPECT_EQ(unknownVariable.value(QStringLiteral("part")).toString(), QStringLiteral("text"));
    EXPECT_EQ(unknownVariable.value(QStringLiteral("line")).toInt(), 1);
    EXPECT_GT(unknownVariable.value(QStringLiteral("column")).toInt(), 1);
    const QJsonObject unknownFilter = strictError(QStringLiteral("Hi\n  {{ 5 | shout }}"));
    EXPECT_EQ(unknownFilter.value(QStringLiteral("line")).toInt(), 2);
    const HttpResult lenient = server->post("/api/v1/templates/render", json(typo), designer);
    EXPECT_TRUE(lenient.json().value(QStringLiteral("ok")).toBool());
    EXPECT_FALSE(lenient.json().value(QStringLiteral("warnings")).toArray().isEmpty());
    // SMS counters.
    const QJsonObject sms = lenient.json().value(QStringLiteral("sms")).toObject();
    EXPECT_EQ(sms.value(QStringLiteral("encoding")).toString(), QStringLiteral("gsm7"));
    EXPECT_EQ(sms.value(QStringLiteral("segments")).toInt(), 1);

    const HttpResult vars = server->get("/api/v1/templates/variables", designer);
    QStringList paths;
    for (const auto &v : vars.json().value(QStringLiteral("items")).toArray()) paths << v.toObject().value(QStringLiteral("path")).toString();
    for (const char *p : {"customer.first_name", "balance.expiring_soon", "last_receipt.lines", "viewed_products", "cart", "unsubscribe_url", "now"})
        EXPECT_TRUE(paths.contains(QString::fromLatin1(p))) << p;
    EXPECT_EQ(server->post("/api/v1/templates/render", json({{QStringLiteral("data"), sample}}), designer).status, 400);
}

TEST_P(Templates, DataIsNeverTemplateCode)
{
    // A customer whose name is Liquid or HTML: printed as text, never run, escaped in HTML.
    const QString admin = server->loginAdmin();
    const HttpResult created = server->post("/api/v1/customers", json({{QStringLiteral("first_name"), QStringLiteral("{{ 7 | times: 6 }}{% raw %}")},
                                                                        {QStringLiteral("last_name"), QStringLiteral("<script>alert(1)</script>")}}), admin);
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const qint64 customer = created.json().value(QStringLiteral("id")).toInteger();
    const QJsonObject body{{QStringLiteral("channel"), QStringLiteral("email")},
                           {QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("{{ customer.first_name }}")},
                                                                   {QStringLiteral("html"), QStringLiteral("<p>{{ customer.first_name }} {{ customer.last_name }}</p>")}}},
                           {QStringLiteral("customer_id"), customer}};
    const HttpResult r = server->post("/api/v1/templates/render", json(body), marketer);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject parts = r.json().value(QStringLiteral("parts")).toObject();
    EXPECT_EQ(parts.value(QStringLiteral("subject")).toString(), QStringLiteral("{{ 7 | times: 6 }}{% raw %}"));
    const QString html = parts.value(QStringLiteral("html")).toString();
    EXPECT_FALSE(html.contains(QStringLiteral("42")));
    EXPECT_FALSE(html.contains(QStringLiteral("<script>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;")));
    // Templates cannot reach files or the network.
    const HttpResult include = server->post("/api/v1/templates", json({{QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("name"), QStringLiteral("x")},
                                                                        {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("{% include '/etc/passwd' %}")}}}}), designer);
    EXPECT_EQ(include.status, 400);
    // A runaway loop stops at the limit with a clear error instead of hanging the sender.
    const HttpResult loop = server->post("/api/v1/templates/render",
                                         json({{QStringLiteral("channel"), QStringLiteral("sms")},
                                               {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}")}}},
                                               {QStringLiteral("data"), QJsonObject{}}}), designer);
    ASSERT_EQ(loop.status, 200);
    EXPECT_FALSE(loop.json().value(QStringLiteral("ok")).toBool());
    EXPECT_FALSE(loop.json().value(QStringLiteral("errors")).toArray().isEmpty());
}

TEST_P(Templates, EditorDesignIsStoredButNeverRendered)
{
    // The e-mail editor's project round-trips as stored; Liquid in it is never run.
    // Kept as written (GrapesJS's key order is the order of its CSS properties).
    const QString design = QStringLiteral(R"({"styles":[],"pages":[{"component":"<p>{{ customer.first_name }}{% if %}</p>"}],"assets":[]})");
    const QJsonObject content{{QStringLiteral("subject"), QStringLiteral("Hi")}, {QStringLiteral("html"), QStringLiteral("<p>{{ customer.first_name }}</p>")},
                              {QStringLiteral("design"), design}};
    const qint64 id = create({{QStringLiteral("channel"), QStringLiteral("email")}, {QStringLiteral("name"), QStringLiteral("Designed")}, {QStringLiteral("content"), content}});
    ASSERT_GT(id, 0);
    const std::string base = "/api/v1/templates/" + std::to_string(id);
    EXPECT_EQ(server->get(base, designer).json().value(QStringLiteral("content")).toObject(), content);
    const HttpResult r = server->post("/api/v1/templates/render", json({{QStringLiteral("template_id"), id},
                                                                          {QStringLiteral("data"), QJsonObject{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Анна")}}}}}}), designer);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject parts = r.json().value(QStringLiteral("parts")).toObject();
    EXPECT_EQ(parts.value(QStringLiteral("html")).toString(), QStringLiteral("<p>Анна</p>"));
    EXPECT_FALSE(parts.contains(QStringLiteral("design")));
    EXPECT_TRUE(r.json().value(QStringLiteral("errors")).toArray().isEmpty());
    // Only e-mails have a design, it is a JSON object, and it is size-bounded.
    auto refused = [&](const QJsonObject &body) { return server->patch(base, json(body), designer); };
    const HttpResult text = refused({{QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Hi")}, {QStringLiteral("html"), QStringLiteral("<p/>")},
                                                                             {QStringLiteral("design"), QStringLiteral("[1, 2]")}}}});
    EXPECT_EQ(text.status, 400);
    EXPECT_TRUE(text.body.contains("content.design")) << text.body.toStdString();
    const QString huge = QStringLiteral("{\"assets\":[\"") + QString(3 * 1024 * 1024, u'a') + QStringLiteral("\"]}");
    const HttpResult big = refused({{QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Hi")}, {QStringLiteral("html"), QStringLiteral("<p/>")},
                                                                            {QStringLiteral("design"), huge}}}});
    EXPECT_EQ(big.status, 400);
    EXPECT_TRUE(big.body.contains("content.design")) << big.body.toStdString();
    const HttpResult sms = server->post("/api/v1/templates", json({{QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("name"), QStringLiteral("x")},
                                                                    {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Hi")}, {QStringLiteral("design"), QStringLiteral("{}")}}}}), designer);
    EXPECT_EQ(sms.status, 400);
    EXPECT_EQ(server->get(base, designer).json().value(QStringLiteral("version")).toInt(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Templates, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
