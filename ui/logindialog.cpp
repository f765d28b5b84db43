#include "logindialog.h"

#include "models/apiclient.h"

#include "widgets/theme.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

LoginDialog::LoginDialog(Models::ApiClient *api, Mode mode, QWidget *parent)
    : QDialog(parent),
      m_api(api),
      m_mode(mode),
      m_logo(new QLabel(this)),
      m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)),
      m_serverLabel(new QLabel(this)),
      m_userLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)),
      m_server(new QLineEdit(this)),
      m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_message(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loyaltydesk.svg")));
    m_logo->setPixmap(QIcon(QStringLiteral(":/icons/loyaltydesk.svg")).pixmap(56, 56));
    m_logo->setAlignment(Qt::AlignCenter);
    Widgets::Theme::setTitleFont(m_title, 1.6);
    m_title->setAlignment(Qt::AlignCenter);
    m_subtitle->setAlignment(Qt::AlignCenter);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_server->setObjectName(QStringLiteral("server"));
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverLabel->setBuddy(m_server);
    m_userLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(36);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(4);
    m_progress->setVisible(false);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(10);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_userLabel, m_username);
    form->addRow(m_passwordLabel, m_password);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(10);
    layout->addWidget(m_logo);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    if (mode == Mode::SessionExpired) {
        m_server->setReadOnly(true);
        m_username->setReadOnly(true);
    }
    m_server->setText(api->baseUrl().toString());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    setMessage({}, false);
}

void LoginDialog::setServerUrl(const QUrl &url) { m_server->setText(url.toString()); }

QUrl LoginDialog::serverUrl() const
{
    QString text = m_server->text().trimmed();
    if (!text.contains(QStringLiteral("://"))) text.prepend(QStringLiteral("http://"));
    return QUrl(text, QUrl::StrictMode);
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty()) m_password->setFocus();
}

void LoginDialog::setPassword(const QString &password) { m_password->setText(password); }

void LoginDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

QString LoginDialog::message() const { return m_message->text(); }

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

void LoginDialog::signIn()
{
    if (m_busy) return;
    const QUrl url = serverUrl();
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        setMessage(tr("Enter the server address, for example http://crm.example.com:8080."));
        m_server->setFocus();
        return;
    }
    if (m_username->text().trimmed().isEmpty()) {
        setMessage(tr("Enter your username."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        setMessage(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_api->setBaseUrl(url);
    setBusy(true);
    setMessage(tr("Signing in…"), false);
    m_api->login(m_username->text().trimmed(), m_password->text(), this, [this](Core::Result<Models::Session> r) {
        setBusy(false);
        if (r) {
            m_session = *r;
            m_password->clear();
            setMessage({}, false);
            accept();
            return;
        }
        const Core::Error &e = r.error();
        switch (e.kind) {
        case Core::ErrorKind::Network:
            setMessage(tr("The server at %1 cannot be reached. Check the address and your network connection.")
                           .arg(m_api->baseUrl().toDisplayString()));
            m_server->setFocus();
            break;
        case Core::ErrorKind::Unauthorized:
            setMessage(tr("The username or password is wrong."));
            m_password->selectAll();
            m_password->setFocus();
            break;
        default: setMessage(e.message); break;
        }
    });
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslate()
{
    setWindowTitle(m_mode == Mode::SignIn ? tr("Sign in — LoyaltyDesk") : tr("Session expired — LoyaltyDesk"));
    m_title->setText(m_mode == Mode::SignIn ? tr("LoyaltyDesk") : tr("Sign in again"));
    m_subtitle->setText(m_mode == Mode::SignIn
                            ? tr("Loyalty program workstation")
                            : tr("Your session has ended. Enter your password to continue; nothing you typed is lost."));
    m_serverLabel->setText(tr("&Server:"));
    m_userLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_server->setPlaceholderText(tr("http://crm.example.com:8080"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(m_mode == Mode::SignIn ? tr("Quit") : tr("Cancel"));
}

}  // namespace LoyaltyDesk::Ui
