#include "workstation.h"

#include "logindialog.h"
#include "mainwindow.h"
#include "models/apiclient.h"
#include "models/appsettings.h"
#include "models/language.h"
#include "models/localcache.h"
#include "models/repository.h"
#include "models/tokenstore.h"
#include "settingsdialog.h"
#include "widgets/theme.h"

#include <QJsonArray>

namespace LoyaltyDesk::Ui {

Workstation::Workstation(Options options, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_api(new Models::ApiClient(this)),
      m_cache(new Models::LocalCache(m_options.cachePath, this)),
      m_repository(new Models::Repository(m_api, m_cache, this)),
      m_tokens(new Models::TokenStore(QStringLiteral("LoyaltyDesk"), this))
{
    m_api->setReauthenticator([this](std::function<void(bool)> done) { reauthenticate(std::move(done)); });
}

Workstation::~Workstation()
{
    delete m_window;
    delete m_login;
}

MainWindow *Workstation::mainWindow() const { return m_window; }

LoginDialog *Workstation::loginDialog() const { return m_login; }

QString Workstation::account(const QString &username) const
{
    return username + QLatin1Char('@') + m_api->baseUrl().toString(QUrl::RemoveUserInfo);
}

QString Workstation::sessionKey(const QString &username) const
{
    return QStringLiteral("session|") + account(username);
}

void Workstation::start()
{
    Models::AppSettings settings;
    const QString language = settings.language();
    Models::Language::apply(language.isEmpty() ? Models::Language::systemDefault() : language);
    Widgets::Theme::apply(settings.theme());
    m_cache->setMaxBytes(qint64(settings.cacheLimitMb()) * 1024 * 1024);
    m_api->setBaseUrl(m_options.serverUrl.isEmpty() ? settings.serverUrl() : m_options.serverUrl);
    const QString username = settings.lastUsername();
    if (!m_options.useStoredToken || username.isEmpty()) return showLogin();
    // A token from the keychain that still works skips the login dialog.
    m_tokens->load(account(username), this, [this, username](const QString &token) {
        if (token.isEmpty()) return showLogin();
        m_api->setToken(token);
        m_api->me(this, [this, username, token](Core::Result<Models::Session> r) {
            if (r) return showMain(*r, false);
            if (r.error().kind != Core::ErrorKind::Network) {
                m_api->setToken({});
                return showLogin();
            }
            // The server is down: work read-only from the cache with the last session.
            m_cache->get(sessionKey(username), this, [this, token](std::optional<Models::LocalCache::Entry> e) {
                if (!e) return showLogin();
                auto s = Models::Session::fromMeJson(token, e->json);
                if (!s) return showLogin();
                showMain(*s, true);
            });
        });
    });
}

void Workstation::remember(const Models::Session &session)
{
    Models::AppSettings settings;
    settings.setServerUrl(m_api->baseUrl());
    settings.setLastUsername(session.username);
    m_tokens->save(account(session.username), session.token, this, [] {});
    m_cache->put(sessionKey(session.username),
                 QJsonObject{{QStringLiteral("id"), session.userId},
                             {QStringLiteral("username"), session.username},
                             {QStringLiteral("roles"), QJsonArray::fromStringList(session.roles)},
                             {QStringLiteral("permissions"), QJsonArray::fromStringList(session.permissions)}});
}

void Workstation::showLogin()
{
    if (m_login) return;
    m_login = new LoginDialog(m_api, LoginDialog::Mode::SignIn);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    m_login->setUsername(Models::AppSettings().lastUsername());
    connect(m_login, &QDialog::accepted, this, [this] {
        const Models::Session session = m_login->session();
        remember(session);
        showMain(session, false);
    });
    connect(m_login, &QDialog::rejected, this, [this] {
        if (!m_window) emit quitRequested();
    });
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void Workstation::showMain(const Models::Session &session, bool offline)
{
    Q_UNUSED(offline)
    m_session = session;
    m_api->setToken(session.token);
    m_repository->setUser(session.username);
    delete m_window;
    m_window = new MainWindow(m_repository, session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::settingsRequested, this, &Workstation::openSettings);
    connect(m_window, &MainWindow::signOutRequested, this, &Workstation::signOut);
    connect(m_window, &QObject::destroyed, this, [this] {
        if (!m_login) emit quitRequested();
    });
    m_window->show();
    if (m_window->customersPage()) m_window->findCustomer();
    emit ready();
}

void Workstation::reauthenticate(std::function<void(bool)> done)
{
    auto *dialog = new LoginDialog(m_api, LoginDialog::Mode::SessionExpired, m_window);
    m_login = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUsername(m_session.username);
    dialog->setMessage(tr("Your session has ended. Sign in again to continue."), false);
    connect(dialog, &QDialog::accepted, this, [this, dialog, done] {
        m_session = dialog->session();
        remember(m_session);
        if (m_window) m_window->setSession(m_session);
        done(true);
    });
    connect(dialog, &QDialog::rejected, this, [done] { done(false); });
    dialog->open();
}

void Workstation::signOut()
{
    m_tokens->remove(account(m_session.username));
    m_api->logout();
    m_session = {};
    MainWindow *window = m_window;
    m_window = nullptr;
    showLogin();
    if (window) window->close();
}

void Workstation::openSettings()
{
    auto *dialog = new SettingsDialog(m_cache, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

}  // namespace LoyaltyDesk::Ui
