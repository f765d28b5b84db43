#pragma once

#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace LoyaltyDesk::Models {
class ApiClient;
class LocalCache;
class Repository;
class TokenStore;
}

namespace LoyaltyDesk::Ui {

class LoginDialog;
class MainWindow;

// Runs the workstation: applies language and theme, signs in (with the token kept in
// the keychain when it is still valid, else through the login dialog), opens the main
// window, prompts for the password again when the session ends mid-work, and signs out.
class Workstation final : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString cachePath;  // empty: the app data folder
        QUrl serverUrl;     // empty: the one remembered in the settings
        bool useStoredToken = true;
    };

    explicit Workstation(Options options, QObject *parent = nullptr);
    ~Workstation() override;

    void start();
    void signOut();
    void openSettings();

    Models::ApiClient *api() const { return m_api; }
    Models::LocalCache *cache() const { return m_cache; }
    Models::Repository *repository() const { return m_repository; }
    Models::TokenStore *tokens() const { return m_tokens; }
    MainWindow *mainWindow() const;
    // The sign-in or re-login dialog while one is open.
    LoginDialog *loginDialog() const;
    Models::Session session() const { return m_session; }

signals:
    // The main window is shown and usable.
    void ready();
    void quitRequested();

private:
    void showLogin();
    void showMain(const Models::Session &session, bool offline);
    void remember(const Models::Session &session);
    void reauthenticate(std::function<void(bool)> done);
    QString account(const QString &username) const;
    QString sessionKey(const QString &username) const;

    Options m_options;
    Models::ApiClient *m_api;
    Models::LocalCache *m_cache;
    Models::Repository *m_repository;
    Models::TokenStore *m_tokens;
    QPointer<MainWindow> m_window;
    QPointer<LoginDialog> m_login;
    Models::Session m_session;
};

}  // namespace LoyaltyDesk::Ui
