// Administration → Channels driven like an administrator: type settings, save with the
// button and with Ctrl+S, see them on the server (secrets only as "set"), check the
// connection against a real local SMTP server; and the screenshot for the README.
#include "apptest.h"

#include "models/language.h"
#include "support/channelsink.h"
#include "ui/adminpage.h"
#include "ui/channelsettingspage.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/workstation.h"
#include "widgets/badge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

QJsonObject channelOnServer(const QString &channel)
{
    for (const auto &c : demoServer().get("/api/v1/channels", LT::adminToken(demoServer())).json().value(QStringLiteral("items")).toArray())
        if (c.toObject().value(QStringLiteral("channel")).toString() == channel) return c.toObject();
    return {};
}

// The channel settings of a signed-in administrator.
class ChannelSettings : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
        Models::Language::apply(QStringLiteral("en"));
        Ui::Workstation::Options options;
        options.cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        options.serverUrl = QUrl(demoServer().baseUrl());
        options.useStoredToken = false;
        ws = std::make_unique<Ui::Workstation>(options);
        ws->start();
        ASSERT_TRUE(waitUntil([&] { return ws->loginDialog() && ws->loginDialog()->isVisible(); }));
        ws->loginDialog()->setUsername(QStringLiteral("admin"));
        ws->loginDialog()->setPassword(LT::TestServer::adminPassword());
        ws->loginDialog()->signIn();
        ASSERT_TRUE(waitUntil([&] { return ws->mainWindow() && ws->mainWindow()->isVisible(); }));
        window = ws->mainWindow();
        window->resize(1366, 860);
        window->showSection(QStringLiteral("administration"));
        window->adminPage()->showChannelSettings();
        page = window->adminPage()->channelSettings();
        ASSERT_NE(page, nullptr);
        ASSERT_TRUE(waitUntil([&] { return page->isLoaded() && !page->isBusy(); }));
    }

    template <typename T>
    T *field(const QString &channel, const QString &name)
    {
        page->showChannel(channel);
        for (T *w : page->findChildren<T *>(name))
            if (w->isVisible()) return w;
        ADD_FAILURE() << "no visible " << name.toStdString() << " for " << channel.toStdString();
        return nullptr;
    }

    void type(const QString &channel, const QString &name, const QString &text)
    {
        QLineEdit *e = field<QLineEdit>(channel, name);
        ASSERT_NE(e, nullptr);
        e->selectAll();
        e->setFocus();
        // QTest types ASCII only; other text arrives as an input method would put it.
        bool ascii = true;
        for (const QChar c : text) ascii = ascii && c.unicode() < 128;
        if (ascii) QTest::keyClicks(e, text);
        else e->insert(text);
    }

    void click(const char *button)
    {
        QTest::mouseClick(page->findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return !page->isBusy(); }, 30000));
    }

    QTemporaryDir dir;
    std::unique_ptr<Ui::Workstation> ws;
    Ui::MainWindow *window = nullptr;
    Ui::ChannelSettingsPage *page = nullptr;
};

}  // namespace

TEST_F(ChannelSettings, SavesThroughTheFormsKeepsSecretsAndChecksTheConnection)
{
    LT::ChannelSink smtp(LT::ChannelSink::Kind::Smtp, QStringLiteral("mailer:pw-typed-1"));
    ASSERT_GT(smtp.port(), 0);

    // A mistake is refused and named at the field.
    type(QStringLiteral("email"), QStringLiteral("smtp_url"), QStringLiteral("http://mail.example.com"));
    click("saveChannel");
    EXPECT_FALSE(page->resultOk());
    EXPECT_TRUE(page->resultText().contains(QStringLiteral("smtp://"))) << page->resultText().toStdString();
    EXPECT_FALSE(field<QLineEdit>(QStringLiteral("email"), QStringLiteral("smtp_url"))->styleSheet().isEmpty());
    EXPECT_NE(channelOnServer(QStringLiteral("email")).value(QStringLiteral("settings")).toObject().value(QStringLiteral("smtp_url")).toString(),
              QStringLiteral("http://mail.example.com"));

    type(QStringLiteral("email"), QStringLiteral("smtp_url"), QStringLiteral("smtp://127.0.0.1:%1").arg(smtp.port()));
    field<QComboBox>(QStringLiteral("email"), QStringLiteral("security"))->setCurrentIndex(0);
    type(QStringLiteral("email"), QStringLiteral("username"), QStringLiteral("mailer"));
    type(QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("pw-typed-1"));
    type(QStringLiteral("email"), QStringLiteral("from_email"), QStringLiteral("news@shop.example"));
    type(QStringLiteral("email"), QStringLiteral("from_name"), QStringLiteral("Весна"));
    type(QStringLiteral("email"), QStringLiteral("tracking_base_url"), QStringLiteral("https://crm.shop.example"));
    field<QCheckBox>(QStringLiteral("email"), QStringLiteral("click_tracking"))->setChecked(false);
    field<QCheckBox>(QStringLiteral("email"), QStringLiteral("enabled_email"))->setChecked(true);
    click("saveChannel");
    ASSERT_TRUE(page->resultOk()) << page->resultText().toStdString();

    const QJsonObject email = channelOnServer(QStringLiteral("email"));
    const QJsonObject s = email.value(QStringLiteral("settings")).toObject();
    EXPECT_TRUE(email.value(QStringLiteral("enabled")).toBool());
    EXPECT_EQ(s.value(QStringLiteral("smtp_url")).toString(), QStringLiteral("smtp://127.0.0.1:%1").arg(smtp.port()));
    EXPECT_EQ(s.value(QStringLiteral("security")).toString(), QStringLiteral("none"));
    EXPECT_EQ(s.value(QStringLiteral("from_name")).toString(), QStringLiteral("Весна"));
    EXPECT_FALSE(s.value(QStringLiteral("click_tracking")).toBool());
    EXPECT_TRUE(s.value(QStringLiteral("password_set")).toBool());
    // The password field is empty again; the badge says one is saved.
    EXPECT_TRUE(field<QLineEdit>(QStringLiteral("email"), QStringLiteral("password"))->text().isEmpty());
    EXPECT_EQ(field<Widgets::Badge>(QStringLiteral("email"), QStringLiteral("secretState_email"))->text(), QStringLiteral("Saved"));

    click("checkChannel");
    EXPECT_TRUE(page->resultOk()) << page->resultText().toStdString();
    EXPECT_TRUE(page->resultText().contains(QStringLiteral("250"))) << page->resultText().toStdString();

    // A provider channel, saved with Ctrl+S.
    type(QStringLiteral("sms"), QStringLiteral("url"), QStringLiteral("https://sms.provider.example/v1/send"));
    type(QStringLiteral("sms"), QStringLiteral("auth_header"), QStringLiteral("X-Api-Key: k-991"));
    type(QStringLiteral("sms"), QStringLiteral("success_codes"), QStringLiteral("200, 202"));
    QSpinBox *rate = field<QSpinBox>(QStringLiteral("sms"), QStringLiteral("rate_sms"));
    rate->setValue(7);
    QPlainTextEdit *body = field<QPlainTextEdit>(QStringLiteral("sms"), QStringLiteral("body_template"));
    body->setPlainText(QStringLiteral("{\"phone\": \"{{ to }}\", \"message\": \"{{ text }}\"}"));
    QTest::keyClick(rate, Qt::Key_S, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return !page->isBusy() && page->resultOk(); })) << page->resultText().toStdString();
    const QJsonObject sms = channelOnServer(QStringLiteral("sms"));
    EXPECT_EQ(sms.value(QStringLiteral("rate_limit_per_second")).toInt(), 7);
    EXPECT_EQ(sms.value(QStringLiteral("settings")).toObject().value(QStringLiteral("success_codes")).toArray(), (QJsonArray{200, 202}));
    EXPECT_EQ(sms.value(QStringLiteral("settings")).toObject().value(QStringLiteral("body_template")).toString(), body->toPlainText());
    EXPECT_TRUE(sms.value(QStringLiteral("settings")).toObject().value(QStringLiteral("auth_header_set")).toBool());
    EXPECT_FALSE(demoServer().get("/api/v1/channels", LT::adminToken(demoServer())).body.contains("k-991"));
}

TEST_F(ChannelSettings, AHangingServerCheckCanBeCancelled)
{
    // Accepts connections and never greets: the check would wait for its timeout.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    type(QStringLiteral("email"), QStringLiteral("smtp_url"), QStringLiteral("smtp://127.0.0.1:%1").arg(silent.serverPort()));
    field<QComboBox>(QStringLiteral("email"), QStringLiteral("security"))->setCurrentIndex(0);
    field<QSpinBox>(QStringLiteral("email"), QStringLiteral("timeout_ms"))->setValue(3000);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("checkChannel")), Qt::LeftButton);
    QPushButton *cancel = page->findChild<QPushButton *>(QStringLiteral("cancelCheck"));
    ASSERT_TRUE(waitUntil([&] { return page->isBusy() && cancel->isVisible(); }));
    QTest::keyClick(field<QLineEdit>(QStringLiteral("email"), QStringLiteral("smtp_url")), Qt::Key_Escape);
    EXPECT_FALSE(page->isBusy());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_EQ(page->resultText(), QStringLiteral("Check cancelled."));
    // The page works on at once; the late answer changes nothing.
    field<QSpinBox>(QStringLiteral("email"), QStringLiteral("rate_email"))->setValue(12);
    click("saveChannel");
    EXPECT_EQ(page->resultText(), QStringLiteral("Saved."));
    QTest::qWait(200);
    EXPECT_EQ(channelOnServer(QStringLiteral("email")).value(QStringLiteral("rate_limit_per_second")).toInt(), 12);
}

TEST_F(ChannelSettings, Screenshot)
{
    ASSERT_TRUE(QDir().mkpath(QStringLiteral(LD_SCREENSHOT_DIR)));
    type(QStringLiteral("email"), QStringLiteral("smtp_url"), QStringLiteral("smtp://smtp.vesna-shop.ru:587"));
    field<QComboBox>(QStringLiteral("email"), QStringLiteral("security"))->setCurrentIndex(1);
    type(QStringLiteral("email"), QStringLiteral("username"), QStringLiteral("mailer@vesna-shop.ru"));
    type(QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("app-password-2026"));
    type(QStringLiteral("email"), QStringLiteral("from_email"), QStringLiteral("news@vesna-shop.ru"));
    type(QStringLiteral("email"), QStringLiteral("from_name"), QStringLiteral("Весна — товары для дома"));
    type(QStringLiteral("email"), QStringLiteral("reply_to"), QStringLiteral("care@vesna-shop.ru"));
    type(QStringLiteral("email"), QStringLiteral("tracking_base_url"), QStringLiteral("https://crm.vesna-shop.ru"));
    field<QCheckBox>(QStringLiteral("email"), QStringLiteral("open_tracking"))->setChecked(true);
    field<QCheckBox>(QStringLiteral("email"), QStringLiteral("click_tracking"))->setChecked(true);
    field<QCheckBox>(QStringLiteral("email"), QStringLiteral("enabled_email"))->setChecked(true);
    field<QSpinBox>(QStringLiteral("email"), QStringLiteral("rate_email"))->setValue(25);
    click("saveChannel");
    ASSERT_TRUE(page->resultOk()) << page->resultText().toStdString();
    page->showChannel(QStringLiteral("email"));
    QApplication::processEvents();
    QTest::qWait(150);
    const QPixmap shot = window->grab();
    ASSERT_FALSE(shot.isNull());
    ASSERT_TRUE(shot.save(QStringLiteral(LD_SCREENSHOT_DIR "/channel-settings.png")));
}
