#pragma once

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace LoyaltyDesk::Models {
class PagedModel;
class Repository;
}

namespace LoyaltyDesk::Ui {

class ChannelSettingsPage;

// Creates a user with a password and roles (POST /api/v1/users).
class NewUserDialog final : public QDialog {
    Q_OBJECT
public:
    NewUserDialog(Models::Repository *repository, const QStringList &roles, QWidget *parent = nullptr);

private:
    void create();

    Models::Repository *m_repository;
    QLineEdit *m_username;
    QLineEdit *m_displayName;
    QLineEdit *m_password;
    QList<QCheckBox *> m_roles;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

// Administration: users and roles, and the message channels for those who may
// change settings.
class AdminPage final : public QWidget {
    Q_OBJECT
public:
    AdminPage(Models::Repository *repository, bool channelSettings, QWidget *parent = nullptr);

    void reload();
    Models::PagedModel *usersModel() const { return m_users; }
    Models::PagedModel *rolesModel() const { return m_roles; }
    // Null without the permission settings.manage.
    ChannelSettingsPage *channelSettings() const { return m_channels; }
    void showChannelSettings();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void toggleDisabled();

    Models::Repository *m_repository;
    QLabel *m_title;
    QTabWidget *m_tabs;
    Models::PagedModel *m_users;
    Models::PagedModel *m_roles;
    QPushButton *m_newUser;
    QPushButton *m_disable;
    QPushButton *m_refresh;
    QLabel *m_message;
    QWidget *m_usersView;
    ChannelSettingsPage *m_channels = nullptr;
};

}  // namespace LoyaltyDesk::Ui
