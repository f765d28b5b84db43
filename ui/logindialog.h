#pragma once

#include "models/session.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Ui {

// Signs in: server address, username, password. In re-login mode (the session ended
// mid-work) the server and username are fixed and the dialog says why it appeared.
class LoginDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { SignIn, SessionExpired };

    LoginDialog(Models::ApiClient *api, Mode mode = Mode::SignIn, QWidget *parent = nullptr);

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const;
    void setUsername(const QString &username);
    void setPassword(const QString &password);
    void setMessage(const QString &text, bool error = true);
    QString message() const;
    // Starts signing in with what is typed (the Sign in button does this).
    void signIn();
    Models::Session session() const { return m_session; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setBusy(bool busy);

    Models::ApiClient *m_api;
    Mode m_mode;
    QLabel *m_logo;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_serverLabel;
    QLabel *m_userLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_message;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    Models::Session m_session;
    bool m_busy = false;
};

}  // namespace LoyaltyDesk::Ui
