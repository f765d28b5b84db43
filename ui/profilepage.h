#pragma once

#include "models/profile.h"
#include "models/session.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace LoyaltyDesk::Models {
class PagedModel;
class Repository;
struct PartSpec;
}

namespace LoyaltyDesk::Widgets {
class Badge;
class PagedView;
class PurchasesChart;
}

namespace LoyaltyDesk::Ui {

class ProfileEditor;

// The 360° profile: a header with who the customer is and where they stand, and tabs
// for every part of their history. Each tab pages its own API part and loads the
// first time it is shown.
class ProfilePage final : public QWidget {
    Q_OBJECT
public:
    // "loyal" -> "Loyal" in the user's language.
    static QString rfmGroupName(const QString &code);
    enum Tab { ProfileTab, ContactsTab, CardsTab, PurchasesTab, BonusTab, EventsTab, MessagesTab, CouponsTab, SupportTab, AuditTab };

    explicit ProfilePage(Models::Repository *repository, QWidget *parent = nullptr);

    void setSession(const Models::Session &session);
    void open(qint64 customerId);
    void reload();
    qint64 customerId() const { return m_id; }
    const Models::CustomerProfile &profile() const { return m_profile; }
    std::optional<QDateTime> cachedAt() const { return m_cachedAt; }
    bool isLoaded() const { return m_loaded; }

    QTabWidget *tabs() const { return m_tabs; }
    // The tab widget page of a tab, or null when the user may not see it.
    QWidget *tabPage(Tab tab) const { return m_pages.value(tab); }
    void showTab(Tab tab);
    // "receipts", "cards", "accounts", "ledger", "events", "messages", "coupons", "support",
    // "audit", "contacts", "consent".
    Models::PagedModel *model(const QString &name) const { return m_models.value(name); }
    ProfileEditor *editor() const { return m_editor; }
    Widgets::PurchasesChart *chart() const { return m_chart; }
    QString headerText() const;

signals:
    void backRequested();
    void loaded(bool fromCache);
    void loadFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildProfileTab();
    QWidget *buildContactsTab();
    QWidget *buildCardsTab();
    QWidget *buildPurchasesTab();
    QWidget *buildEventsTab();
    Widgets::PagedView *pagedView(Tab tab, const QString &name, Models::PartSpec spec, QWidget *parent);
    QGroupBox *boxedView(Tab tab, const QString &name, Models::PartSpec spec, QWidget *parent);
    void addTab(Tab tab, QWidget *page, const char *title);
    void loadCurrentTab();
    void loadChart();
    void applyProfile(const QJsonObject &json, std::optional<QDateTime> cachedAt);
    void updateHeader();
    void updateEditable();
    void retranslate();
    void applyPurchaseFilter();
    void setSubscription(const QString &channel, bool subscribed);

    Models::Repository *m_repository;
    Models::Session m_session;
    qint64 m_id = 0;
    bool m_loaded = false;
    quint64 m_generation = 0;
    Models::CustomerProfile m_profile;
    std::optional<QDateTime> m_cachedAt;

    QPushButton *m_back;
    QLabel *m_name;
    Widgets::Badge *m_tier;
    Widgets::Badge *m_rfm;
    Widgets::Badge *m_card;
    Widgets::Badge *m_cacheBadge;
    QLabel *m_contacts;
    QLabel *m_error;
    QGridLayout *m_stats;
    QHash<QString, QLabel *> m_statCaptions;
    QHash<QString, QLabel *> m_statValues;
    QTimer m_clock;

    QTabWidget *m_tabs;
    QHash<int, QWidget *> m_pages;
    QHash<int, const char *> m_tabTitles;
    QHash<QString, Models::PagedModel *> m_models;
    QHash<int, QStringList> m_tabModels;
    QHash<int, bool> m_tabLoaded;
    ProfileEditor *m_editor = nullptr;
    Widgets::PurchasesChart *m_chart = nullptr;
    QGroupBox *m_subscriptionsBox = nullptr;
    QGroupBox *m_contactsBox = nullptr;
    QGroupBox *m_consentBox = nullptr;
    QGroupBox *m_cardsBox = nullptr;
    QGroupBox *m_accountsBox = nullptr;
    QHash<QString, QCheckBox *> m_subscriptions;
    QLabel *m_subscriptionsMessage = nullptr;
    QHash<QString, QLineEdit *> m_purchaseFilters;
    QHash<QString, QLabel *> m_purchaseFilterLabels;
    QPushButton *m_applyFilter = nullptr;
    QPushButton *m_resetFilter = nullptr;
    QLineEdit *m_eventType = nullptr;
    QLabel *m_eventTypeLabel = nullptr;
};

}  // namespace LoyaltyDesk::Ui
