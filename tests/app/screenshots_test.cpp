// Renders what a user sees first to docs/screenshots/*.png: the login dialog, the
// search and every tab of a demo customer's profile.
#include "apptest.h"

#include "models/language.h"
#include "models/pagedmodel.h"
#include "ui/customerspage.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/profilepage.h"
#include "ui/workstation.h"
#include "widgets/purchaseschart.h"
#include "widgets/searchbox.h"
#include "widgets/theme.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

const QString Dir = QStringLiteral(LD_SCREENSHOT_DIR);

bool save(QWidget *widget, const QString &name) { return LT::saveScreenshot(widget, Dir, name); }

// A demo customer with something on every tab, so that no screenshot is empty.
qint64 richCustomer()
{
    LT::TestServer &server = demoServer();
    const QString token = LT::adminToken(server);
    const QJsonArray items = server.get("/api/v1/customers?limit=200", token).json().value(QStringLiteral("items")).toArray();
    for (const auto &v : items) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("orders_count")).toInteger() < 4 || c.value(QStringLiteral("email")).toString().isEmpty()) continue;
        const std::string base = "/api/v1/customers/" + std::to_string(c.value(QStringLiteral("id")).toInteger());
        bool everything = true;
        for (const char *part : {"/messages", "/coupons", "/support", "/events", "/ledger"})
            everything = everything && !server.get(base + part + "?limit=1", token).json().value(QStringLiteral("items")).toArray().isEmpty();
        if (everything) return c.value(QStringLiteral("id")).toInteger();
    }
    return LT::demoCustomer().id;
}

}  // namespace

TEST(Screenshots, LoginSearchAndEveryProfileTab)
{
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    ASSERT_TRUE(QDir().mkpath(Dir));
    Models::Language::apply(QStringLiteral("en"));
    QTemporaryDir dir;
    Ui::Workstation::Options options;
    options.cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
    options.serverUrl = QUrl(demoServer().baseUrl());
    options.useStoredToken = false;
    Ui::Workstation ws(options);
    ws.start();
    ASSERT_TRUE(waitUntil([&] { return ws.loginDialog() && ws.loginDialog()->isVisible(); }));
    Ui::LoginDialog *login = ws.loginDialog();
    login->setServerUrl(QUrl(QStringLiteral("https://crm.example.com")));
    login->setUsername(QStringLiteral("operator"));
    login->setPassword(QStringLiteral("password"));
    login->adjustSize();
    ASSERT_TRUE(save(login, QStringLiteral("login")));

    login->setServerUrl(QUrl(demoServer().baseUrl()));
    login->setUsername(QStringLiteral("admin"));
    login->setPassword(LT::TestServer::adminPassword());
    login->signIn();
    ASSERT_TRUE(waitUntil([&] { return ws.mainWindow() && ws.mainWindow()->isVisible(); }));
    Ui::MainWindow *window = ws.mainWindow();
    window->resize(1366, 860);

    const qint64 customerId = richCustomer();
    Ui::CustomersPage *customers = window->customersPage();
    const QString lastName = LT::demoCustomer().name.section(QLatin1Char(' '), 0, 0);
    customers->searchBox()->setText(lastName.left(3));
    customers->search(lastName.left(3));
    ASSERT_TRUE(waitUntil([&] { return customers->resultsModel()->hasLoaded() && !customers->resultsModel()->isLoading(); }));
    ASSERT_GT(customers->resultsModel()->rowCount(), 0);
    ASSERT_TRUE(save(window, QStringLiteral("search")));

    // One change, so that the audit tab has something to show.
    const std::string path = "/api/v1/customers/" + std::to_string(customerId);
    const QJsonObject before = demoServer().get(path, LT::adminToken(demoServer())).json();
    demoServer().patch(path, QJsonDocument(QJsonObject{{QStringLiteral("address"), QString(before.value(QStringLiteral("address")).toString() + QStringLiteral(", подъезд 2"))}}).toJson(),
                       LT::adminToken(demoServer()));
    customers->openCustomer(customerId);
    Ui::ProfilePage *profile = customers->profilePage();
    ASSERT_TRUE(waitUntil([&] { return profile->isLoaded(); }));
    const QList<std::pair<Ui::ProfilePage::Tab, QString>> tabs = {
        {Ui::ProfilePage::ProfileTab, QStringLiteral("profile-1-profile")},
        {Ui::ProfilePage::ContactsTab, QStringLiteral("profile-2-contacts")},
        {Ui::ProfilePage::CardsTab, QStringLiteral("profile-3-cards")},
        {Ui::ProfilePage::PurchasesTab, QStringLiteral("profile-4-purchases")},
        {Ui::ProfilePage::BonusTab, QStringLiteral("profile-5-bonus")},
        {Ui::ProfilePage::EventsTab, QStringLiteral("profile-6-events")},
        {Ui::ProfilePage::MessagesTab, QStringLiteral("profile-7-communications")},
        {Ui::ProfilePage::CouponsTab, QStringLiteral("profile-8-coupons")},
        {Ui::ProfilePage::SupportTab, QStringLiteral("profile-9-support")},
        {Ui::ProfilePage::AuditTab, QStringLiteral("profile-10-audit")},
    };
    const QHash<int, QStringList> models = {
        {Ui::ProfilePage::CardsTab, {QStringLiteral("cards"), QStringLiteral("accounts")}},
        {Ui::ProfilePage::PurchasesTab, {QStringLiteral("receipts")}},
        {Ui::ProfilePage::BonusTab, {QStringLiteral("ledger")}},
        {Ui::ProfilePage::EventsTab, {QStringLiteral("events")}},
        {Ui::ProfilePage::MessagesTab, {QStringLiteral("messages")}},
        {Ui::ProfilePage::CouponsTab, {QStringLiteral("coupons")}},
        {Ui::ProfilePage::SupportTab, {QStringLiteral("support")}},
        {Ui::ProfilePage::AuditTab, {QStringLiteral("audit")}},
    };
    for (const auto &[tab, name] : tabs) {
        profile->showTab(tab);
        for (const auto &m : models.value(tab)) {
            Models::PagedModel *model = profile->model(m);
            ASSERT_TRUE(waitUntil([&] { return model->hasLoaded() && !model->isLoading(); })) << m.toStdString();
        }
        if (tab == Ui::ProfilePage::PurchasesTab || tab == Ui::ProfilePage::MessagesTab) {
            // Show the nested rows of the first entry: receipt lines, the status timeline.
            const QString viewName = tab == Ui::ProfilePage::PurchasesTab ? QStringLiteral("view_receipts") : QStringLiteral("view_messages");
            if (auto *pv = profile->findChild<QWidget *>(viewName)) {
                if (auto *tree = pv->findChild<QTreeView *>()) {
                    tree->expand(tree->model()->index(0, 0));
                }
            }
        }
        if (tab == Ui::ProfilePage::ProfileTab) {
            ASSERT_TRUE(waitUntil([&] { return profile->chart()->barCount() > 0; }));
        }
        ASSERT_TRUE(save(window, name)) << name.toStdString();
    }
    // The dark palette, as on a desktop that prefers it.
    profile->showTab(Ui::ProfilePage::PurchasesTab);
    Widgets::Theme::apply(Models::AppSettings::Theme::Dark);
    ASSERT_TRUE(save(window, QStringLiteral("profile-dark")));
    Widgets::Theme::apply(Models::AppSettings::Theme::Light);
    // In Russian, switched at run time.
    profile->showTab(Ui::ProfilePage::ProfileTab);
    Models::Language::apply(QStringLiteral("ru"));
    ASSERT_TRUE(waitUntil([&] { return profile->tabs()->tabText(0) == QStringLiteral("Профиль"); }));
    ASSERT_TRUE(save(window, QStringLiteral("profile-ru")));
    Models::Language::apply(QStringLiteral("en"));
}
