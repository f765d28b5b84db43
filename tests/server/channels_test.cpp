// Message channels through the real server, on SQLite and PostgreSQL: e-mail to a real
// local SMTP server (Debian's python3-aiosmtpd) whose received MIME is parsed by
// Python's email package, and an HTTP provider played by a small local server.
#include "support/channelsink.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace LoyaltyDesk::Test;

namespace {

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
QString str(const char *s) { return QString::fromUtf8(s); }

class Channels : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        TestServer::Options o;
        o.backend = GetParam();
        o.seedCustomers = 30;
        o.serveArgs = {QStringLiteral("--no-scheduler")};
        server = std::make_unique<TestServer>(o);
        ASSERT_TRUE(server->ok()) << server->error().toStdString();
        admin = server->loginAdmin();
        ASSERT_FALSE(admin.isEmpty());
    }

    HttpResult patchChannel(const char *channel, const QJsonObject &body)
    {
        return server->patch(std::string("/api/v1/channels/") + channel, json(body), admin);
    }

    void setUpEmail(int port)
    {
        const HttpResult r = patchChannel("email", {{str("enabled"), true},
                                                     {str("settings"), QJsonObject{{str("smtp_url"), QStringLiteral("smtp://127.0.0.1:%1").arg(port)},
                                                                                   {str("security"), str("none")},
                                                                                   {str("username"), str("mailer")},
                                                                                   {str("password"), str("s3cret-pw")},
                                                                                   {str("from_email"), str("news@shop.example")},
                                                                                   {str("from_name"), str("Магазин «Весна»")},
                                                                                   {str("reply_to"), str("care@shop.example")},
                                                                                   {str("tracking_base_url"), QString(server->baseUrl() + u'/')}}}});
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
    }

    qint64 createTemplate(const QJsonObject &body)
    {
        const HttpResult r = server->post("/api/v1/templates", json(body), admin);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(str("id")).toInteger();
    }

    qint64 emailTemplate()
    {
        return createTemplate({{str("channel"), str("email")},
                               {str("name"), str("Spring sale")},
                               {str("content"), QJsonObject{{str("subject"), str("{{ customer.first_name }}, весна уже здесь")},
                                                           {str("preheader"), str("Скидки до 30% до воскресенья")},
                                                           {str("html"), str("<html><body><h1>Привет, {{ customer.first_name }}!</h1>"
                                                                             "<p><a href=\"https://shop.example/spring?utm=mail&amp;x=1\">Каталог</a> "
                                                                             "<a href=\"mailto:care@shop.example\">Напишите нам</a> "
                                                                             "<a href=\"#top\">Наверх</a> "
                                                                             "<a href='{{ view_in_browser_url }}'>В браузере</a></p>"
                                                                             "<p><a href=\"{{ unsubscribe_url }}\">Отписаться</a></p></body></html>")}}}});
    }

    // A demo customer made reachable by e-mail at `address` and subscribed.
    qint64 reachableCustomer(const QString &address, const QJsonObject &extra = {})
    {
        QJsonObject body{{str("first_name"), str("Анна")}, {str("email"), address}, {str("subscriptions"), QJsonObject{{str("email"), true}, {str("sms"), true}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it) body.insert(it.key(), *it);
        const HttpResult r = server->patch("/api/v1/customers/1", json(body), admin);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return 1;
    }

    QJsonObject customer(qint64 id) { return server->get("/api/v1/customers/" + std::to_string(id), admin).json(); }

    QJsonArray timeline(qint64 customerId, qint64 messageId)
    {
        for (const auto &m : server->get("/api/v1/customers/" + std::to_string(customerId) + "/messages?limit=100", admin).json().value(str("items")).toArray())
            if (m.toObject().value(str("id")).toInteger() == messageId) return m.toObject().value(str("timeline")).toArray();
        return {};
    }

    // The path of the first link into this server with the given prefix ("/t/c/").
    std::string link(const QString &html, const QString &prefix)
    {
        const QString base = server->baseUrl();
        const auto m = QRegularExpression(QRegularExpression::escape(base + prefix) + QStringLiteral("[A-Za-z0-9_.-]+")).match(html);
        return m.hasMatch() ? m.captured(0).mid(base.size()).toStdString() : std::string();
    }

    std::unique_ptr<TestServer> server;
    QString admin;
};

QStringList statuses(const QJsonArray &timeline)
{
    QStringList out;
    for (const auto &s : timeline) out << s.toObject().value(str("status")).toString();
    return out;
}

}  // namespace

TEST_P(Channels, SettingsAreValidatedAuditedAndKeepSecrets)
{
    const HttpResult list = server->get("/api/v1/channels", admin);
    ASSERT_EQ(list.status, 200) << list.body.toStdString();
    QStringList names;
    for (const auto &c : list.json().value(str("items")).toArray()) names << c.toObject().value(str("channel")).toString();
    EXPECT_EQ(names, (QStringList{str("email"), str("sms"), str("push"), str("messenger"), str("in_app")}));

    auto fieldOf = [](const HttpResult &r) { return r.json().value(str("errors")).toArray().at(0).toObject().value(str("field")).toString(); };
    HttpResult bad = patchChannel("email", {{str("settings"), QJsonObject{{str("smtp_url"), str("http://mail.example:25")}}}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(fieldOf(bad), str("settings.smtp_url"));
    bad = patchChannel("email", {{str("settings"), QJsonObject{{str("smtp_url"), str("smtps://mail.example:465")}, {str("security"), str("starttls")}}}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(fieldOf(bad), str("settings.security"));
    bad = patchChannel("email", {{str("enabled"), true}});
    EXPECT_EQ(bad.status, 400) << "enabling needs a server, a sender and the tracking URL";
    bad = patchChannel("email", {{str("settings"), QJsonObject{{str("from_email"), str("not an address")}}}});
    EXPECT_EQ(fieldOf(bad), str("settings.from_email"));
    bad = patchChannel("sms", {{str("settings"), QJsonObject{{str("body_template"), str("{\"to\": {{ to }}")}}}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(fieldOf(bad), str("settings.body_template"));
    bad = patchChannel("sms", {{str("rate_limit_per_second"), -1}});
    EXPECT_EQ(fieldOf(bad), str("rate_limit_per_second"));
    bad = patchChannel("sms", {{str("settings"), QJsonObject{{str("nonsense"), 1}}}});
    EXPECT_EQ(fieldOf(bad), str("settings.nonsense"));
    EXPECT_EQ(patchChannel("fax", {{str("enabled"), true}}).status, 404);

    const HttpResult ok = patchChannel("email", {{str("rate_limit_per_second"), 5},
                                                  {str("settings"), QJsonObject{{str("smtp_url"), str("smtps://mail.example:465")}, {str("security"), str("tls")},
                                                                                {str("password"), str("top-secret-1")}}}});
    ASSERT_EQ(ok.status, 200) << ok.body.toStdString();
    const HttpResult sms = patchChannel("sms", {{str("settings"), QJsonObject{{str("auth_header"), str("Authorization: Bearer key-77")}}}});
    ASSERT_EQ(sms.status, 200) << sms.body.toStdString();
    const HttpResult again = server->get("/api/v1/channels", admin);
    EXPECT_FALSE(again.body.contains("top-secret-1"));
    EXPECT_FALSE(again.body.contains("key-77"));
    const QJsonObject email = again.json().value(str("items")).toArray().at(0).toObject();
    EXPECT_EQ(email.value(str("rate_limit_per_second")).toInt(), 5);
    EXPECT_TRUE(email.value(str("settings")).toObject().value(str("password_set")).toBool());
    EXPECT_FALSE(email.value(str("settings")).toObject().contains(str("password")));
    EXPECT_TRUE(again.json().value(str("items")).toArray().at(1).toObject().value(str("settings")).toObject().value(str("auth_header_set")).toBool());
    // Removing the password with null.
    ASSERT_EQ(patchChannel("email", {{str("settings"), QJsonObject{{str("password"), QJsonValue()}}}}).status, 200);
    EXPECT_FALSE(server->get("/api/v1/channels", admin).json().value(str("items")).toArray().at(0).toObject().value(str("settings")).toObject().value(str("password_set")).toBool());

    const HttpResult audit = server->get("/api/v1/audit?entity=channel", admin);
    ASSERT_EQ(audit.status, 200);
    EXPECT_GE(audit.json().value(str("items")).toArray().size(), 3);
    EXPECT_FALSE(audit.body.contains("top-secret-1"));
    // Nobody without settings.manage sees them.
    const QString marketer = server->login(str("marketer"), TestServer::demoPassword());
    EXPECT_EQ(server->get("/api/v1/channels", marketer).status, 403);
}

TEST_P(Channels, TestSendDeliversProperMimeOverSmtp)
{
    ChannelSink smtp(ChannelSink::Kind::Smtp, str("mailer:s3cret-pw"));
    ASSERT_GT(smtp.port(), 0);
    setUpEmail(smtp.port());
    const HttpResult check = server->post("/api/v1/channels/email/check", {}, admin);
    ASSERT_EQ(check.status, 200);
    EXPECT_TRUE(check.json().value(str("ok")).toBool()) << check.body.toStdString();
    // A wrong password fails the check with the server's words.
    ASSERT_EQ(patchChannel("email", {{str("settings"), QJsonObject{{str("password"), str("wrong")}}}}).status, 200);
    const HttpResult denied = server->post("/api/v1/channels/email/check", {}, admin);
    EXPECT_FALSE(denied.json().value(str("ok")).toBool());
    EXPECT_TRUE(denied.json().value(str("message")).toString().contains(str("535"))) << denied.body.toStdString();
    ASSERT_EQ(patchChannel("email", {{str("settings"), QJsonObject{{str("password"), str("s3cret-pw")}}}}).status, 200);

    const qint64 id = emailTemplate();
    reachableCustomer(str("anna.k@example.com"));
    const HttpResult sent = server->post("/api/v1/templates/test-send",
                                         json({{str("template_id"), id}, {str("to"), str("tester@example.com")}, {str("customer_id"), 1}}), admin);
    ASSERT_EQ(sent.status, 200) << sent.body.toStdString();
    EXPECT_EQ(sent.json().value(str("status")).toString(), str("sent"));
    EXPECT_TRUE(sent.json().value(str("response")).toString().startsWith(str("250"))) << sent.body.toStdString();

    const QJsonObject mail = smtp.received(1);
    ASSERT_FALSE(mail.isEmpty());
    EXPECT_EQ(mail.value(str("mail_from")).toString(), str("news@shop.example"));
    EXPECT_EQ(mail.value(str("rcpt_tos")).toArray(), QJsonArray{str("tester@example.com")});
    EXPECT_EQ(mail.value(str("auth_login")).toString(), str("mailer"));
    EXPECT_TRUE(mail.value(str("crlf_only")).toBool());
    EXPECT_LE(mail.value(str("max_line")).toInt(), 998);
    EXPECT_EQ(mail.value(str("content_type")).toString(), str("multipart/alternative"));
    const QJsonObject h = mail.value(str("headers")).toObject();
    EXPECT_EQ(h.value(str("Subject")).toString(), str("Анна, весна уже здесь"));
    EXPECT_TRUE(mail.value(str("raw_headers")).toObject().value(str("Subject")).toString().startsWith(str("=?UTF-8?B?")));
    EXPECT_EQ(h.value(str("From")).toString(), str("Магазин «Весна» <news@shop.example>"));
    EXPECT_EQ(h.value(str("To")).toString(), str("tester@example.com"));
    EXPECT_EQ(h.value(str("Reply-To")).toString(), str("care@shop.example"));
    EXPECT_EQ(h.value(str("MIME-Version")).toString(), str("1.0"));
    EXPECT_TRUE(h.value(str("Message-ID")).toString().endsWith(str("@shop.example>")));
    EXPECT_FALSE(h.value(str("Date")).toString().isEmpty());
    EXPECT_TRUE(h.value(str("List-Unsubscribe")).toString().startsWith(str("<") + server->baseUrl() + str("/u/"))) << h.value(str("List-Unsubscribe")).toString().toStdString();
    EXPECT_TRUE(h.value(str("List-Unsubscribe")).toString().contains(str("<mailto:care@shop.example")));
    EXPECT_EQ(h.value(str("List-Unsubscribe-Post")).toString(), str("List-Unsubscribe=One-Click"));

    const QJsonArray parts = mail.value(str("parts")).toArray();
    ASSERT_EQ(parts.size(), 2);
    EXPECT_EQ(parts[0].toObject().value(str("content_type")).toString(), str("text/plain"));
    EXPECT_EQ(parts[1].toObject().value(str("content_type")).toString(), str("text/html"));
    EXPECT_EQ(parts[1].toObject().value(str("charset")).toString(), str("utf-8"));
    EXPECT_EQ(parts[1].toObject().value(str("transfer_encoding")).toString(), str("quoted-printable"));
    const QString text = parts[0].toObject().value(str("body")).toString();
    const QString html = parts[1].toObject().value(str("body")).toString();
    EXPECT_TRUE(text.contains(str("Привет, Анна!"))) << text.toStdString();
    EXPECT_TRUE(html.contains(str("<h1>Привет, Анна!</h1>")));
    // The preheader is hidden text right after <body>.
    EXPECT_TRUE(html.contains(str("<body><span style=\"display:none")) && html.contains(str("Скидки до 30% до воскресенья</span>"))) << html.toStdString();
    // Web links go through the click tracker; mailto, anchors and the unsubscribe link do not.
    EXPECT_FALSE(html.contains(str("href=\"https://shop.example/spring")));
    EXPECT_TRUE(html.contains(str("href=\"mailto:care@shop.example\"")));
    EXPECT_TRUE(html.contains(str("href=\"#top\"")));
    EXPECT_FALSE(link(html, str("/u/")).empty());
    EXPECT_FALSE(link(html, str("/m/")).empty());
    const std::string click = link(html, str("/t/c/"));
    const std::string pixel = link(html, str("/t/o/"));
    ASSERT_FALSE(click.empty());
    ASSERT_FALSE(pixel.empty());
    const HttpResult go = server->get(click);
    EXPECT_EQ(go.status, 302);
    EXPECT_EQ(go.header("Location"), "https://shop.example/spring?utm=mail&x=1");
    const HttpResult img = server->get(pixel);
    EXPECT_EQ(img.status, 200);
    EXPECT_EQ(img.contentType, "image/gif");
    const HttpResult view = server->get(link(html, str("/m/")));
    EXPECT_EQ(view.status, 200);
    EXPECT_TRUE(QString::fromUtf8(view.body).contains(str("Привет, Анна!")));
    // A test send belongs to nobody: the customer's history does not show it.
    EXPECT_TRUE(timeline(1, sent.json().value(str("message_id")).toInteger()).isEmpty());

    // Sample data when no customer is named.
    const HttpResult sample = server->post("/api/v1/templates/test-send", json({{str("template_id"), id}, {str("to"), str("tester@example.com")}}), admin);
    ASSERT_EQ(sample.status, 200) << sample.body.toStdString();
    EXPECT_EQ(smtp.received(2).value(str("headers")).toObject().value(str("Subject")).toString(), str("Анна, весна уже здесь"));

    // Render errors name the part and the place; nothing is sent.
    const HttpResult broken = server->post("/api/v1/templates/test-send",
                                           json({{str("template"), QJsonObject{{str("channel"), str("email")},
                                                                               {str("content"), QJsonObject{{str("subject"), str("Hi")}, {str("html"), str("<p>\n{{ customer.nickname }}</p>")}}}}},
                                                 {str("to"), str("tester@example.com")}}),
                                           admin);
    EXPECT_EQ(broken.status, 422) << broken.body.toStdString();
    const QJsonObject err = broken.json().value(str("errors")).toArray().at(0).toObject();
    EXPECT_EQ(err.value(str("part")).toString(), str("html"));
    EXPECT_EQ(err.value(str("line")).toInt(), 2);
    EXPECT_EQ(smtp.count(), 2);
    EXPECT_EQ(server->post("/api/v1/templates/test-send", json({{str("template_id"), id}, {str("to"), str("nobody")}}), admin).status, 400);
}

TEST_P(Channels, TrackingAndOneClickUnsubscribeRecordTheHistory)
{
    ChannelSink smtp(ChannelSink::Kind::Smtp);
    ASSERT_GT(smtp.port(), 0);
    setUpEmail(smtp.port());
    ASSERT_EQ(patchChannel("email", {{str("settings"), QJsonObject{{str("username"), str("")}}}}).status, 200);
    const qint64 id = emailTemplate();
    const qint64 customerId = reachableCustomer(str("anna.k@example.com"));
    const HttpResult sent = server->post("/api/v1/customers/1/messages", json({{str("template_id"), id}}), admin);
    ASSERT_EQ(sent.status, 200) << sent.body.toStdString();
    const qint64 messageId = sent.json().value(str("message_id")).toInteger();
    EXPECT_EQ(sent.json().value(str("recipient")).toString(), str("anna.k@example.com"));
    const QString html = smtp.received(1).value(str("parts")).toArray().at(1).toObject().value(str("body")).toString();
    ASSERT_FALSE(html.isEmpty());

    EXPECT_EQ(server->get(link(html, str("/t/o/"))).status, 200);
    EXPECT_EQ(server->get(link(html, str("/t/o/"))).status, 200);
    EXPECT_EQ(server->get(link(html, str("/t/c/"))).status, 302);
    QJsonArray history = timeline(customerId, messageId);
    EXPECT_EQ(statuses(history), (QStringList{str("sent"), str("opened"), str("opened"), str("clicked")}));
    EXPECT_TRUE(history.at(3).toObject().value(str("details")).toVariant().toString().contains(str("https://shop.example/spring?utm=mail&x=1")) ||
                history.at(3).toObject().value(str("details")).toObject().value(str("url")).toString() == str("https://shop.example/spring?utm=mail&x=1"));

    // Forged or altered tokens are plain "not found", whatever part was changed.
    std::string forged = link(html, str("/t/c/"));
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(server->get(forged).status, 404);
    EXPECT_EQ(server->get("/t/o/" + link(html, str("/t/c/")).substr(5)).status, 404) << "a click token is no open token";
    EXPECT_EQ(server->get("/u/abc.def").status, 404);

    const std::string unsubscribe = link(html, str("/u/"));
    const HttpResult pageGet = server->get(unsubscribe);
    EXPECT_EQ(pageGet.status, 200);
    EXPECT_TRUE(pageGet.body.contains("<form method=\"post\">"));
    const HttpResult oneClick = server->request("POST", unsubscribe, "List-Unsubscribe=One-Click", {}, "application/x-www-form-urlencoded");
    EXPECT_EQ(oneClick.status, 200) << oneClick.body.toStdString();
    const QJsonObject c = customer(customerId);
    bool emailOn = true;
    for (const auto &s : c.value(str("subscriptions")).toArray())
        if (s.toObject().value(str("channel")).toString() == str("email")) emailOn = s.toObject().value(str("subscribed")).toVariant().toInt() != 0;
    EXPECT_FALSE(emailOn);
    const QJsonObject latest = c.value(str("consent_history")).toArray().at(0).toObject();
    EXPECT_EQ(latest.value(str("channel")).toString(), str("email"));
    EXPECT_EQ(latest.value(str("source")).toString(), str("unsubscribe link"));
    EXPECT_EQ(latest.value(str("subscribed")).toVariant().toInt(), 0);
    EXPECT_EQ(statuses(timeline(customerId, messageId)).last(), str("unsubscribed"));
    // Unsubscribed customers get no more e-mail.
    EXPECT_EQ(server->post("/api/v1/customers/1/messages", json({{str("template_id"), id}}), admin).status, 409);
}

TEST_P(Channels, PermanentSmtpFailureMarksTheContactInvalid)
{
    ChannelSink smtp(ChannelSink::Kind::Smtp);
    ASSERT_GT(smtp.port(), 0);
    setUpEmail(smtp.port());
    ASSERT_EQ(patchChannel("email", {{str("settings"), QJsonObject{{str("username"), str("")}}}}).status, 200);
    const qint64 id = emailTemplate();
    const qint64 customerId = reachableCustomer(str("reject.anna@example.com"));
    const HttpResult failed = server->post("/api/v1/customers/1/messages", json({{str("template_id"), id}}), admin);
    ASSERT_EQ(failed.status, 502) << failed.body.toStdString();
    EXPECT_EQ(failed.json().value(str("code")).toInt(), 550);
    EXPECT_TRUE(failed.json().value(str("permanent")).toBool());
    EXPECT_TRUE(failed.json().value(str("response")).toString().contains(str("User unknown"))) << failed.body.toStdString();
    bool found = false;
    for (const auto &ct : customer(customerId).value(str("contacts")).toArray()) {
        const QJsonObject o = ct.toObject();
        if (o.value(str("kind")).toString() != str("email") || o.value(str("value")).toString() != str("reject.anna@example.com")) continue;
        found = true;
        EXPECT_EQ(o.value(str("valid")).toVariant().toInt(), 0);
        EXPECT_TRUE(o.value(str("details")).toVariant().toString().contains(str("User unknown")) ||
                    o.value(str("details")).toObject().value(str("invalid_reason")).toString().contains(str("User unknown")))
            << QJsonDocument(o).toJson().toStdString();
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(statuses(timeline(customerId, failed.json().value(str("message_id")).toInteger())), QStringList{str("failed")});
    // With no valid address left there is nothing to send to.
    EXPECT_EQ(server->post("/api/v1/customers/1/messages", json({{str("template_id"), id}}), admin).status, 422);
    const HttpResult audit = server->get("/api/v1/audit?entity=contact", admin);
    EXPECT_TRUE(audit.body.contains("contact.invalidate")) << audit.body.toStdString();
}

TEST_P(Channels, HttpProviderGetsTheRenderedJsonWithinTheRateLimit)
{
    ChannelSink provider(ChannelSink::Kind::Http);
    ASSERT_GT(provider.port(), 0);
    const HttpResult set = patchChannel("sms", {{str("enabled"), true},
                                                {str("rate_limit_per_second"), 1},
                                                {str("settings"), QJsonObject{{str("url"), QStringLiteral("http://127.0.0.1:%1/v1/send").arg(provider.port())},
                                                                              {str("auth_header"), str("Authorization: Bearer key-77")},
                                                                              {str("body_template"), str("{\"phone\": \"{{ to }}\", \"to\": \"{{ to }}\", \"message\": \"{{ text }}\", \"ref\": {{ message_id }}}")}}}});
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    const qint64 id = createTemplate({{str("channel"), str("sms")}, {str("name"), str("Points")},
                                      {str("content"), QJsonObject{{str("text"), str("{{ customer.first_name }}, у вас \"{{ balance.active }}\" баллов\nВаш магазин")}}}});
    reachableCustomer(str("anna.k@example.com"), {{str("phone"), str("+7 916 123-45-67")}});

    QList<bool> queued;
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = server->post("/api/v1/templates/test-send", json({{str("template_id"), id}, {str("to"), str("8 (916) 765-43-21")}, {str("customer_id"), 1}}), admin);
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
        EXPECT_EQ(r.json().value(str("recipient")).toString(), str("+79167654321"));
        queued << r.json().value(str("queued")).toBool();
    }
    // One per second: the first goes at once, the next ones wait their turn.
    EXPECT_EQ(queued, (QList<bool>{false, true, true}));
    const QJsonObject got = provider.received(1);
    EXPECT_EQ(got.value(str("method")).toString(), str("POST"));
    EXPECT_EQ(got.value(str("path")).toString(), str("/v1/send"));
    EXPECT_EQ(got.value(str("headers")).toObject().value(str("authorization")).toString(), str("Bearer key-77"));
    const QJsonObject body = QJsonDocument::fromJson(got.value(str("body")).toString().toUtf8()).object();
    EXPECT_EQ(body.value(str("phone")).toString(), str("+79167654321"));
    EXPECT_TRUE(body.value(str("message")).toString().startsWith(str("Анна, у вас \""))) << got.value(str("body")).toString().toStdString();
    EXPECT_TRUE(body.value(str("message")).toString().endsWith(str("\" баллов\nВаш магазин")));
    EXPECT_GT(body.value(str("ref")).toInteger(), 0);

    // The provider calls the number invalid: the customer's phone is marked so.
    reachableCustomer(str("anna.k@example.com"), {{str("phone"), str("+7 999 000-00-00")}});
    const HttpResult failed = server->post("/api/v1/customers/1/messages", json({{str("template_id"), id}}), admin);
    ASSERT_EQ(failed.status, 502) << failed.body.toStdString();
    EXPECT_TRUE(failed.json().value(str("response")).toString().contains(str("invalid number")));
    for (const auto &ct : customer(1).value(str("contacts")).toArray())
        if (ct.toObject().value(str("value")).toString() == str("+79990000000")) {
            EXPECT_EQ(ct.toObject().value(str("valid")).toVariant().toInt(), 0);
        }
}

INSTANTIATE_TEST_SUITE_P(Backends, Channels, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
