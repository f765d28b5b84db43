#pragma once

#include "models/session.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QAction;
class QMenu;

namespace LoyaltyDesk::Models {
class Repository;
}

namespace LoyaltyDesk::Widgets {
class Badge;
}

namespace LoyaltyDesk::Ui {

class AdminPage;
class AudiencesPage;
class CustomersPage;
class TemplatesPage;
class RfmPage;
class SegmentsPage;
class SegmentsSection;

// The shell: a sidebar with the sections the user's permissions allow (sections that
// are not built yet are absent, not empty), the section pages, and a status bar with
// the server, the user and whether the app is online.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Models::Repository *repository, const Models::Session &session, QWidget *parent = nullptr);

    // Codes of the sections shown, in sidebar order: "customers", "messages", "segments",
    // "rfm", "audiences", "administration".
    QStringList sectionIds() const;
    void showSection(const QString &id);
    QString currentSection() const;
    CustomersPage *customersPage() const { return m_customers; }
    AdminPage *adminPage() const { return m_admin; }
    TemplatesPage *templatesPage() const { return m_templates; }
    SegmentsPage *segmentsPage() const;
    SegmentsSection *segmentsSection() const { return m_segments; }
    RfmPage *rfmPage() const { return m_rfm; }
    AudiencesPage *audiencesPage() const { return m_audiences; }
    // Shows a customer's profile in the Customers section (from a members list).
    void openCustomer(qint64 id);
    Widgets::Badge *onlineBadge() const { return m_online; }
    QLabel *userLabel() const { return m_user; }
    void setSession(const Models::Session &session);
    // Ctrl+F from anywhere.
    void findCustomer();

signals:
    void settingsRequested();
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Section {
        QString id;
        const char *title;
        QString icon;
        QWidget *page;
    };
    void addSection(const QString &id, const char *title, const QString &icon, QWidget *page);
    void retranslate();
    void styleSidebar();
    void updateStatus();
    void showAbout();
    void showShortcuts();

    Models::Repository *m_repository;
    Models::Session m_session;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QList<Section> m_sections;
    CustomersPage *m_customers = nullptr;
    AdminPage *m_admin = nullptr;
    TemplatesPage *m_templates = nullptr;
    SegmentsSection *m_segments = nullptr;
    RfmPage *m_rfm = nullptr;
    AudiencesPage *m_audiences = nullptr;
    QLabel *m_brand;
    QLabel *m_server;
    QLabel *m_user;
    QLabel *m_activity;
    Widgets::Badge *m_online;
    QMenu *m_fileMenu;
    QMenu *m_goMenu;
    QMenu *m_helpMenu;
    QAction *m_find;
    QAction *m_settings;
    QAction *m_signOut;
    QAction *m_quit;
    QAction *m_about;
    QAction *m_shortcuts;
};

}  // namespace LoyaltyDesk::Ui
