#include "adminpage.h"

#include "channelsettingspage.h"
#include "models/apiclient.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "widgets/pagedview.h"

#include "widgets/theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

NewUserDialog::NewUserDialog(Models::Repository *repository, const QStringList &roles, QWidget *parent)
    : QDialog(parent),
      m_repository(repository),
      m_username(new QLineEdit(this)),
      m_displayName(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New user"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Name:"), m_displayName);
    form->addRow(tr("&Password:"), m_password);
    auto *roleBox = new QVBoxLayout;
    for (const auto &code : roles) {
        auto *box = new QCheckBox(code, this);
        m_roles << box;
        roleBox->addWidget(box);
    }
    form->addRow(tr("Roles:"), roleBox);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewUserDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void NewUserDialog::create()
{
    QJsonArray roles;
    for (auto *box : std::as_const(m_roles))
        if (box->isChecked()) roles.append(box->text());
    const QJsonObject body{{QStringLiteral("username"), m_username->text().trimmed()},
                           {QStringLiteral("display_name"), m_displayName->text().trimmed()},
                           {QStringLiteral("password"), m_password->text()},
                           {QStringLiteral("roles"), roles}};
    m_buttons->setEnabled(false);
    m_repository->api()->post(QStringLiteral("/api/v1/users"), body, this, [this](Core::Result<QJsonObject> r) {
        m_buttons->setEnabled(true);
        if (!r) {
            QStringList lines{r.error().message};
            for (const auto &f : r.error().fields) lines << tr("%1: %2").arg(f.field, f.message);
            lines.removeDuplicates();
            m_message->setText(lines.join(QLatin1Char('\n')));
            return;
        }
        accept();
    });
}

AdminPage::AdminPage(Models::Repository *repository, bool channelSettings, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_title(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_users(new Models::PagedModel(repository, Models::Parts::users(), this)),
      m_roles(new Models::PagedModel(repository, Models::Parts::roles(), this)),
      m_newUser(new QPushButton(this)),
      m_disable(new QPushButton(this)),
      m_refresh(new QPushButton(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("adminPage"));
    m_users->setPath(QStringLiteral("/api/v1/users"));
    m_roles->setPath(QStringLiteral("/api/v1/roles"));
    Widgets::Theme::setTitleFont(m_title, 1.5);
    auto *usersView = new Widgets::PagedView(m_users, this);
    m_usersView = usersView;
    auto *rolesView = new Widgets::PagedView(m_roles, this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(usersView, QString());
    m_tabs->addTab(rolesView, QString());
    if (channelSettings) {
        m_channels = new ChannelSettingsPage(repository, this);
        m_tabs->addTab(m_channels, QString());
    }
    // The user buttons belong to the user and role lists.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        const bool lists = m_tabs->widget(index) != m_channels;
        m_newUser->setVisible(lists);
        m_disable->setVisible(lists);
        m_refresh->setVisible(lists);
        if (!lists && !m_channels->isLoaded() && !m_channels->isBusy()) m_channels->reload();
    });
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newUser);
    buttons->addWidget(m_disable);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);
    connect(m_refresh, &QPushButton::clicked, this, &AdminPage::reload);
    connect(m_disable, &QPushButton::clicked, this, &AdminPage::toggleDisabled);
    connect(m_newUser, &QPushButton::clicked, this, [this] {
        QStringList roles;
        for (int r = 0; r < m_roles->itemCount(); ++r) roles << m_roles->item(r).value(QStringLiteral("code")).toString();
        auto *dialog = new NewUserDialog(m_repository, roles, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, &AdminPage::reload);
        dialog->open();
    });
    retranslate();
}

void AdminPage::reload()
{
    m_message->clear();
    m_users->reload();
    m_roles->reload();
}

void AdminPage::showChannelSettings()
{
    if (m_channels) m_tabs->setCurrentWidget(m_channels);
}

void AdminPage::toggleDisabled()
{
    const QModelIndex index = static_cast<Widgets::PagedView *>(m_usersView)->view()->currentIndex();
    if (!index.isValid()) return;
    const QJsonObject user = m_users->item(index.row());
    const bool disabled = user.value(QStringLiteral("disabled")).toBool();
    const QString path = QStringLiteral("/api/v1/users/%1").arg(user.value(QStringLiteral("id")).toInteger());
    m_repository->api()->patch(path, QJsonObject{{QStringLiteral("disabled"), !disabled}}, this, [this](Core::Result<QJsonObject> r) {
        if (!r) {
            m_message->setText(r.error().message);
            return;
        }
        reload();
    });
}

void AdminPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void AdminPage::retranslate()
{
    m_title->setText(tr("Administration"));
    m_tabs->setTabText(0, tr("Users"));
    m_tabs->setTabText(1, tr("Roles"));
    if (m_channels) m_tabs->setTabText(2, tr("Channels"));
    m_newUser->setText(tr("&New user…"));
    m_disable->setText(tr("&Disable / enable"));
    m_refresh->setText(tr("Re&fresh"));
}

}  // namespace LoyaltyDesk::Ui
