// Real widgets offscreen, driven like a user: sign in as each demo role, find a
// customer by phone typed another way, open the profile, edit it, switch language,
// lose the server, lose the session.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/language.h"
#include "models/localcache.h"
#include "models/pagedmodel.h"
#include "ui/adminpage.h"
#include "ui/customerspage.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/profileeditor.h"
#include "ui/profilepage.h"
#include "ui/segmentspage.h"
#include "ui/settingsdialog.h"
#include "ui/workstation.h"
#include "widgets/badge.h"
#include "widgets/pagedview.h"
#include "widgets/purchaseschart.h"
#include "widgets/searchbox.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include <gtest/gtest.h>

#include <optional>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

// The workstation as a user meets it, on a server of the test's choosing.
struct Desk {
    QTemporaryDir dir;
    std::unique_ptr<Ui::Workstation> ws;

    explicit Desk(const QString &serverUrl, const QString &cachePath = {}, bool useStoredToken = false)
    {
        Ui::Workstation::Options options;
        options.cachePath = cachePath.isEmpty() ? dir.filePath(QStringLiteral("cache.sqlite")) : cachePath;
        options.serverUrl = QUrl(serverUrl);
        options.useStoredToken = useStoredToken;
        ws = std::make_unique<Ui::Workstation>(options);
        ws->start();
    }

    // Types into the login dialog and presses Sign in.
    bool signIn(const QString &user)
    {
        const QString password = LT::passwordOf(user);
        if (!waitUntil([&] { return ws->loginDialog() && ws->loginDialog()->isVisible(); })) return false;
        Ui::LoginDialog *dialog = ws->loginDialog();
        dialog->findChild<QLineEdit *>(QStringLiteral("username"))->setText(user);
        QLineEdit *pw = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        pw->setFocus();
        QTest::keyClicks(pw, password);
        // A fresh test server has answered the first sign-in with a 500 now and then.
        for (int attempt = 0; attempt < 3; ++attempt) {
            QTest::keyClick(pw, Qt::Key_Return);
            if (waitUntil([&] { return ws->mainWindow() && ws->mainWindow()->isVisible(); }, 5000)) return true;
        }
        return false;
    }

    Ui::MainWindow *window() const { return ws->mainWindow(); }
    Ui::CustomersPage *customers() const { return window()->customersPage(); }
    Ui::ProfilePage *profile() const { return customers()->profilePage(); }

    // Ctrl+F, type, Down, Enter: the keyboard-only way to a profile.
    bool findAndOpen(const QString &typed)
    {
        QTest::keyClick(window(), Qt::Key_F, Qt::ControlModifier);
        Widgets::SearchBox *box = customers()->searchBox();
        if (!box->hasFocus() && QApplication::focusWidget() != box) {
            ADD_FAILURE() << "Ctrl+F did not focus the search box";
            return false;
        }
        QTest::keyClicks(box, typed);
        if (!waitUntil([&] { return customers()->resultsModel()->rowCount() > 0 && !customers()->resultsModel()->isLoading(); })) {
            ADD_FAILURE() << "no results for " << typed.toStdString() << ": " << customers()->resultsModel()->errorMessage().toStdString();
            return false;
        }
        QTest::keyClick(box, Qt::Key_Down);
        QTreeView *view = customers()->resultsView()->view();
        QTest::keyClick(view, Qt::Key_Return);
        return waitUntil([&] { return customers()->isProfileShown() && profile()->isLoaded(); });
    }
};

QString demoPassword() { return LT::TestServer::demoPassword(); }

}  // namespace

struct RoleCase {
    const char *user;
    QStringList sections;
    friend void PrintTo(const RoleCase &c, std::ostream *os) { *os << c.user; }
};

class Roles : public ::testing::TestWithParam<RoleCase> {};

TEST_P(Roles, SidebarShowsOnlyTheSectionsTheRoleMayUse)
{
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Desk desk(demoServer().baseUrl());
    const QString user = QString::fromLatin1(GetParam().user);
    ASSERT_TRUE(desk.signIn(user));
    EXPECT_EQ(desk.window()->sectionIds(), GetParam().sections);
    auto *sidebar = desk.window()->findChild<QListWidget *>(QStringLiteral("sidebar"));
    EXPECT_EQ(sidebar->count(), GetParam().sections.size());
    EXPECT_TRUE(desk.window()->userLabel()->text().contains(user));
    EXPECT_EQ(desk.window()->onlineBadge()->tone(), Widgets::Badge::Tone::Good);
    EXPECT_EQ(desk.window()->customersPage() != nullptr, GetParam().sections.contains(QStringLiteral("customers")));
    EXPECT_EQ(desk.window()->adminPage() != nullptr, GetParam().sections.contains(QStringLiteral("administration")));
}

INSTANTIATE_TEST_SUITE_P(
    DemoUsers, Roles,
    ::testing::Values(RoleCase{"operator", {QStringLiteral("customers")}},
                      RoleCase{"marketer", {QStringLiteral("customers"), QStringLiteral("messages"), QStringLiteral("segments"), QStringLiteral("rfm"), QStringLiteral("audiences")}},
                      RoleCase{"analyst", {QStringLiteral("customers"), QStringLiteral("segments"), QStringLiteral("rfm"), QStringLiteral("audiences")}},
                      RoleCase{"designer", {QStringLiteral("messages")}},
                      RoleCase{"campaign_editor", {QStringLiteral("messages"), QStringLiteral("segments"), QStringLiteral("rfm"), QStringLiteral("audiences")}},
                      RoleCase{"admin", {QStringLiteral("customers"), QStringLiteral("messages"), QStringLiteral("segments"), QStringLiteral("rfm"), QStringLiteral("audiences"),
                                         QStringLiteral("administration")}}),
    [](const auto &info) { return std::string(info.param.user); });

TEST(Login, WrongPasswordAndUnreachableServerSayWhatIsWrong)
{
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(waitUntil([&] { return desk.ws->loginDialog() != nullptr; }));
    Ui::LoginDialog *dialog = desk.ws->loginDialog();
    dialog->setUsername(QStringLiteral("operator"));
    dialog->setPassword(QStringLiteral("wrong-password"));
    dialog->signIn();
    ASSERT_TRUE(waitUntil([&] { return dialog->message().contains(QLatin1String("wrong")); }));
    EXPECT_EQ(desk.window(), nullptr);

    dialog->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    dialog->setPassword(demoPassword());
    dialog->signIn();
    ASSERT_TRUE(waitUntil([&] { return dialog->message().contains(QLatin1String("cannot be reached")); }));
}

TEST(Customers, PhoneTypedAnotherWayFindsAndOpensTheProfileByKeyboard)
{
    const auto customer = LT::demoCustomer();
    ASSERT_GT(customer.id, 0);
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("operator")));
    ASSERT_TRUE(desk.findAndOpen(LT::localPhoneFormat(customer.phoneE164)));
    EXPECT_EQ(desk.profile()->customerId(), customer.id);
    EXPECT_EQ(desk.profile()->profile().displayName(), customer.name);
    EXPECT_TRUE(desk.profile()->headerText().contains(customer.name));
    EXPECT_FALSE(desk.profile()->cachedAt().has_value());
    // seed-demo scores the base: a buyer's RFM group shows, in words rather than its code.
    const auto rfm = desk.profile()->profile().rfm;
    const auto *rfmBadge = desk.profile()->findChild<Widgets::Badge *>(QStringLiteral("rfmBadge"));
    EXPECT_EQ(rfmBadge->isVisible(), rfm.has_value());
    if (rfm) {
        EXPECT_EQ(rfmBadge->text(), Ui::ProfilePage::rfmGroupName(*rfm));
        EXPECT_NE(rfmBadge->text(), *rfm);
    }
    // An operator may not read the audit trail: the tab is absent.
    EXPECT_LT(desk.profile()->tabs()->indexOf(desk.profile()->tabPage(Ui::ProfilePage::AuditTab)), 0);
    // The purchases tab loads when shown and its receipts have lines.
    desk.profile()->showTab(Ui::ProfilePage::PurchasesTab);
    Models::PagedModel *receipts = desk.profile()->model(QStringLiteral("receipts"));
    ASSERT_TRUE(waitUntil([&] { return receipts->hasLoaded() && !receipts->isLoading(); }));
    EXPECT_GT(receipts->rowCount(), 0);
    EXPECT_GT(receipts->rowCount(receipts->index(0, 0)), 0);
    EXPECT_GT(desk.profile()->chart()->barCount(), 0);
    // Back to the results with the keyboard.
    QTest::keyClick(desk.profile()->tabs(), Qt::Key_Left, Qt::AltModifier);
    EXPECT_FALSE(desk.customers()->isProfileShown());
}

TEST(Customers, ProfileEditsAreValidatedSavedAndAudited)
{
    const auto customer = LT::demoCustomer();
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("admin")));
    ASSERT_TRUE(desk.findAndOpen(customer.email));
    Ui::ProfileEditor *editor = desk.profile()->editor();
    auto *birth = editor->findChild<QLineEdit *>(QStringLiteral("birth_date"));
    birth->setText(QStringLiteral("2999-01-01"));
    Q_EMIT birth->textEdited(birth->text());
    editor->save();
    EXPECT_TRUE(editor->message().contains(QLatin1String("future"))) << editor->message().toStdString();
    editor->revert();

    auto *city = editor->findChild<QLineEdit *>(QStringLiteral("city"));
    const QString newCity = QStringLiteral("Калининград");
    city->setText(newCity);
    Q_EMIT city->textEdited(newCity);
    ASSERT_TRUE(editor->isDirty());
    EXPECT_EQ(editor->changes(), (QJsonObject{{QStringLiteral("city"), newCity}}));
    editor->save();
    ASSERT_TRUE(waitUntil([&] { return desk.profile()->profile().city == newCity; }));
    EXPECT_FALSE(editor->isDirty());
    desk.profile()->showTab(Ui::ProfilePage::AuditTab);
    Models::PagedModel *audit = desk.profile()->model(QStringLiteral("audit"));
    ASSERT_TRUE(waitUntil([&] { return audit->hasLoaded() && !audit->isLoading(); }));
    ASSERT_GT(audit->rowCount(), 0);
    EXPECT_EQ(audit->item(0).value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
}

TEST(Language, SwitchesToRussianAtRunTime)
{
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("admin")));
    auto *settings = new Ui::SettingsDialog(desk.ws->cache(), desk.window());
    QComboBox *language = settings->languageBox();
    language->setCurrentIndex(language->findData(QStringLiteral("ru")));
    EXPECT_EQ(Models::Language::current(), QStringLiteral("ru"));
    auto *sidebar = desk.window()->findChild<QListWidget *>(QStringLiteral("sidebar"));
    // Widgets get their LanguageChange through the event loop.
    ASSERT_TRUE(waitUntil([&] { return sidebar->item(0)->text() != QLatin1String("Customers"); }, 5000));
    EXPECT_EQ(sidebar->item(0)->text(), QStringLiteral("Клиенты"));
    EXPECT_EQ(sidebar->item(1)->text(), QStringLiteral("Сообщения"));
    EXPECT_EQ(sidebar->item(2)->text(), QStringLiteral("Сегменты"));
    EXPECT_EQ(sidebar->item(3)->text(), QStringLiteral("RFM-анализ"));
    EXPECT_EQ(sidebar->item(4)->text(), QStringLiteral("Аудитории"));
    EXPECT_EQ(sidebar->item(5)->text(), QStringLiteral("Администрирование"));
    EXPECT_EQ(desk.window()->segmentsPage()->segmentsModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Сегмент"));
    QTabWidget *tabs = desk.profile()->tabs();
    EXPECT_EQ(tabs->tabText(tabs->indexOf(desk.profile()->tabPage(Ui::ProfilePage::PurchasesTab))), QStringLiteral("Покупки"));
    EXPECT_EQ(desk.customers()->searchBox()->placeholderText().left(7), QStringLiteral("Телефон"));
    EXPECT_EQ(desk.customers()->resultsModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Имя"));
    EXPECT_TRUE(desk.window()->onlineBadge()->text().contains(QStringLiteral("В сети")));
    EXPECT_EQ(settings->windowTitle(), QStringLiteral("Настройки"));

    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    ASSERT_TRUE(waitUntil([&] { return sidebar->item(0)->text() == QLatin1String("Customers"); }, 5000));
    EXPECT_EQ(settings->windowTitle(), QStringLiteral("Settings"));
    delete settings;
}

TEST(Offline, ServerDownShowsTheCachedProfileMarkedWithItsAge)
{
    LT::TestServer::Options options;
    options.seedCustomers = 30;
    LT::TestServer server(options);
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    const QJsonObject first = server.get("/api/v1/customers?limit=1", LT::adminToken(server))
                                  .json().value(QStringLiteral("items")).toArray().first().toObject();
    const QString email = first.value(QStringLiteral("email")).toString();
    const QString card = first.value(QStringLiteral("card")).toString();
    Desk desk(server.baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("operator")));
    ASSERT_TRUE(desk.findAndOpen(card));
    const qint64 id = desk.profile()->customerId();
    desk.ws->cache()->flush();

    server.stop();
    desk.customers()->openCustomer(id);
    ASSERT_TRUE(waitUntil([&] { return desk.profile()->isLoaded() && desk.profile()->cachedAt().has_value(); }));
    auto *badge = desk.profile()->findChild<Widgets::Badge *>(QStringLiteral("cacheBadge"));
    EXPECT_TRUE(badge->isVisible());
    EXPECT_TRUE(badge->text().contains(QLatin1String("Offline copy"))) << badge->text().toStdString();
    EXPECT_EQ(desk.window()->onlineBadge()->tone(), Widgets::Badge::Tone::Bad);
    EXPECT_TRUE(desk.window()->onlineBadge()->text().contains(QLatin1String("Offline")));
    // Read-only while offline.
    EXPECT_FALSE(desk.profile()->editor()->findChild<QPushButton *>(QStringLiteral("saveProfile"))->isVisible());
    Q_UNUSED(email)
}

TEST(Session, ExpiredSessionAsksForThePasswordRetriesAndKeepsWhatWasTyped)
{
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("operator")));
    ASSERT_TRUE(desk.findAndOpen(LT::demoCustomer().email));
    auto *address = desk.profile()->editor()->findChild<QLineEdit *>(QStringLiteral("address"));
    address->setText(QStringLiteral("ул. Ленина, д. 1"));
    Q_EMIT address->textEdited(address->text());

    const QString oldToken = desk.ws->api()->token();
    ASSERT_EQ(demoServer().post("/api/v1/auth/logout", {}, oldToken).status, 204);
    desk.profile()->showTab(Ui::ProfilePage::BonusTab);  // needs the server: meets the 401

    ASSERT_TRUE(waitUntil([&] { return desk.ws->loginDialog() && desk.ws->loginDialog()->isVisible(); }));
    Ui::LoginDialog *relogin = desk.ws->loginDialog();
    EXPECT_TRUE(relogin->findChild<QLineEdit *>(QStringLiteral("username"))->isReadOnly());
    EXPECT_EQ(relogin->findChild<QLineEdit *>(QStringLiteral("username"))->text(), QStringLiteral("operator"));
    relogin->setPassword(demoPassword());
    relogin->signIn();
    Models::PagedModel *ledger = desk.profile()->model(QStringLiteral("ledger"));
    ASSERT_TRUE(waitUntil([&] { return ledger->hasLoaded() && !ledger->isLoading(); }));
    EXPECT_TRUE(ledger->errorMessage().isEmpty()) << ledger->errorMessage().toStdString();
    EXPECT_GT(ledger->rowCount(), 0);
    EXPECT_NE(desk.ws->api()->token(), oldToken);
    EXPECT_EQ(address->text(), QStringLiteral("ул. Ленина, д. 1"));
    EXPECT_TRUE(desk.profile()->editor()->isDirty());
}

TEST(Administration, ListsUsersAndRoles)
{
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("admin")));
    desk.window()->showSection(QStringLiteral("administration"));
    Models::PagedModel *users = desk.window()->adminPage()->usersModel();
    ASSERT_TRUE(waitUntil([&] { return users->hasLoaded() && !users->isLoading(); }));
    QStringList names;
    for (int r = 0; r < users->rowCount(); ++r) names << users->item(r).value(QStringLiteral("username")).toString();
    EXPECT_TRUE(names.contains(QStringLiteral("operator")));
    Models::PagedModel *roles = desk.window()->adminPage()->rolesModel();
    ASSERT_TRUE(waitUntil([&] { return roles->hasLoaded() && !roles->isLoading(); }));
    EXPECT_GE(roles->rowCount(), 6);
}

TEST(Settings, ClearsTheCacheAndSwitchesTheTheme)
{
    Desk desk(demoServer().baseUrl());
    ASSERT_TRUE(desk.signIn(QStringLiteral("operator")));
    ASSERT_TRUE(desk.findAndOpen(LT::demoCustomer().email));
    desk.ws->cache()->flush();
    std::optional<qint64> before;
    desk.ws->cache()->sizeBytes(desk.window(), [&](qint64 s) { before = s; });
    ASSERT_TRUE(waitUntil([&] { return before.has_value(); }));
    EXPECT_GT(*before, 0);

    Ui::SettingsDialog settings(desk.ws->cache(), desk.window());
    settings.clearCache();
    std::optional<qint64> after;
    ASSERT_TRUE(waitUntil([&] {
        desk.ws->cache()->flush();
        desk.ws->cache()->sizeBytes(desk.window(), [&](qint64 s) { after = s; });
        QTest::qWait(20);
        return after && *after == 0;
    }));

    auto *theme = settings.findChild<QComboBox *>(QStringLiteral("theme"));
    theme->setCurrentIndex(theme->findData(int(Models::AppSettings::Theme::Dark)));
    EXPECT_TRUE(Widgets::Theme::isDark(QApplication::palette()));
    theme->setCurrentIndex(theme->findData(int(Models::AppSettings::Theme::Light)));
    EXPECT_FALSE(Widgets::Theme::isDark(QApplication::palette()));
}

TEST(Offline, StartsReadOnlyWithTheLastSessionWhenTheServerIsDown)
{
    LT::TestServer::Options options;
    options.seedCustomers = 20;
    LT::TestServer server(options);
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    ASSERT_FALSE(LT::adminToken(server).isEmpty());
    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        Desk first(server.baseUrl(), cachePath);
        ASSERT_TRUE(first.signIn(QStringLiteral("operator")));
        first.ws->cache()->flush();
        QTest::qWait(200);  // the token reaches the keychain (or its fallback)
    }
    server.stop();
    Desk second(server.baseUrl(), cachePath, true);
    ASSERT_TRUE(waitUntil([&] { return second.window() && second.window()->isVisible(); }, 15000));
    EXPECT_EQ(second.ws->loginDialog(), nullptr);
    EXPECT_EQ(second.window()->sectionIds(), QStringList{QStringLiteral("customers")});
    EXPECT_EQ(second.window()->onlineBadge()->tone(), Widgets::Badge::Tone::Bad);
    EXPECT_TRUE(second.window()->userLabel()->text().contains(QLatin1String("operator")));
}
