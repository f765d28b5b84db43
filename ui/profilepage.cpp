#include "profilepage.h"

#include "models/apiclient.h"
#include "models/format.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "profileeditor.h"
#include "widgets/badge.h"
#include "widgets/pagedview.h"
#include "widgets/purchaseschart.h"

#include "core/customer.h"
#include "core/permissions.h"

#include "widgets/theme.h"

#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {

const QStringList StatKeys = {QStringLiteral("active"), QStringLiteral("pending"), QStringLiteral("soon"), QStringLiteral("orders"),
                              QStringLiteral("revenue"), QStringLiteral("aov"), QStringLiteral("last"), QStringLiteral("time")};

const QStringList PurchaseFilterKeys = {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("pos"), QStringLiteral("cheque"),
                                        QStringLiteral("card")};

}  // namespace

ProfilePage::ProfilePage(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_back(new QPushButton(this)),
      m_name(new QLabel(this)),
      m_tier(new Widgets::Badge(this)),
      m_rfm(new Widgets::Badge(this)),
      m_card(new Widgets::Badge(this)),
      m_cacheBadge(new Widgets::Badge(this)),
      m_contacts(new QLabel(this)),
      m_error(new QLabel(this)),
      m_stats(new QGridLayout),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("profilePage"));
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    layout->addWidget(m_tabs, 1);

    addTab(ProfileTab, buildProfileTab(), QT_TR_NOOP("Profile"));
    addTab(ContactsTab, buildContactsTab(), QT_TR_NOOP("Contacts && subscriptions"));
    addTab(CardsTab, buildCardsTab(), QT_TR_NOOP("Cards && accounts"));
    addTab(PurchasesTab, buildPurchasesTab(), QT_TR_NOOP("Purchases"));
    addTab(BonusTab, pagedView(BonusTab, QStringLiteral("ledger"), Models::Parts::ledger(), this), QT_TR_NOOP("Bonus history"));
    addTab(EventsTab, buildEventsTab(), QT_TR_NOOP("Events && site visits"));
    auto *messages = pagedView(MessagesTab, QStringLiteral("messages"), Models::Parts::messages(), this);
    messages->setExpandAll(true);  // each message with its status timeline
    addTab(MessagesTab, messages, QT_TR_NOOP("Communications"));
    addTab(CouponsTab, pagedView(CouponsTab, QStringLiteral("coupons"), Models::Parts::coupons(), this), QT_TR_NOOP("Coupons"));
    addTab(SupportTab, pagedView(SupportTab, QStringLiteral("support"), Models::Parts::support(), this), QT_TR_NOOP("Support"));
    addTab(AuditTab, pagedView(AuditTab, QStringLiteral("audit"), Models::Parts::audit(), this), QT_TR_NOOP("Audit"));

    connect(m_tabs, &QTabWidget::currentChanged, this, &ProfilePage::loadCurrentTab);
    connect(m_back, &QPushButton::clicked, this, &ProfilePage::backRequested);
    connect(m_editor, &ProfileEditor::saved, this, [this](const QJsonObject &json) { applyProfile(json, std::nullopt); });
    connect(m_repository->api(), &Models::ApiClient::onlineChanged, this, [this](bool online) {
        updateEditable();
        if (online && m_cachedAt && m_id) reload();  // back online: refresh the offline copy
    });
    m_clock.setInterval(30000);
    connect(&m_clock, &QTimer::timeout, this, &ProfilePage::updateHeader);
    retranslate();
}

QWidget *ProfilePage::buildHeader()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("profileHeader"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    Widgets::Theme::setTitleFont(m_name, 1.55);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setObjectName(QStringLiteral("customerName"));
    m_tier->setObjectName(QStringLiteral("tierBadge"));
    m_tier->setTone(Widgets::Badge::Tone::Accent);
    m_rfm->setObjectName(QStringLiteral("rfmBadge"));
    m_rfm->setTone(Widgets::Badge::Tone::Good);
    m_card->setTone(Widgets::Badge::Tone::Neutral);
    m_cacheBadge->setObjectName(QStringLiteral("cacheBadge"));
    m_cacheBadge->setTone(Widgets::Badge::Tone::Warning);
    m_contacts->setObjectName(QStringLiteral("confirmedContacts"));
    m_contacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_back->setFlat(true);

    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_back);
    top->addWidget(m_name);
    top->addWidget(m_tier);
    top->addWidget(m_rfm);
    top->addWidget(m_card);
    top->addStretch();
    top->addWidget(m_cacheBadge);

    m_stats->setHorizontalSpacing(28);
    m_stats->setVerticalSpacing(2);
    QFont valueFont = font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.2);
    valueFont.setBold(true);
    for (int i = 0; i < StatKeys.size(); ++i) {
        auto *caption = new QLabel(card);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(card);
        value->setFont(valueFont);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setObjectName(QStringLiteral("stat_") + StatKeys[i]);
        m_stats->addWidget(caption, 0, i);
        m_stats->addWidget(value, 1, i);
        m_statCaptions.insert(StatKeys[i], caption);
        m_statValues.insert(StatKeys[i], value);
    }
    m_stats->setColumnStretch(int(StatKeys.size()), 1);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addLayout(m_stats);
    layout->addWidget(m_contacts);
    layout->addWidget(m_error);
    return card;
}

QWidget *ProfilePage::buildProfileTab()
{
    auto *page = new QWidget(this);
    m_editor = new ProfileEditor(m_repository, page);
    m_chart = new Widgets::PurchasesChart(page);
    auto *scroll = new QScrollArea(page);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(scroll);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 540});
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(splitter);
    return page;
}

QWidget *ProfilePage::buildContactsTab()
{
    auto *page = new QWidget(this);
    m_contactsBox = boxedView(ContactsTab, QStringLiteral("contacts"), Models::Parts::contacts(), page);
    m_subscriptionsBox = new QGroupBox(page);
    auto *subs = new QHBoxLayout(m_subscriptionsBox);
    for (const auto &channel : Core::subscriptionChannels()) {
        auto *box = new QCheckBox(m_subscriptionsBox);
        box->setObjectName(QStringLiteral("subscription_") + channel);
        m_subscriptions.insert(channel, box);
        subs->addWidget(box);
        connect(box, &QCheckBox::clicked, this, [this, channel](bool on) { setSubscription(channel, on); });
    }
    m_subscriptionsMessage = new QLabel(m_subscriptionsBox);
    m_subscriptionsMessage->setForegroundRole(QPalette::PlaceholderText);
    subs->addStretch();
    subs->addWidget(m_subscriptionsMessage);
    m_consentBox = boxedView(ContactsTab, QStringLiteral("consent"), Models::Parts::consentHistory(), page);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_contactsBox, 3);
    layout->addWidget(m_subscriptionsBox);
    layout->addWidget(m_consentBox, 2);
    return page;
}

QWidget *ProfilePage::buildCardsTab()
{
    auto *page = new QWidget(this);
    m_cardsBox = boxedView(CardsTab, QStringLiteral("cards"), Models::Parts::cards(), page);
    m_accountsBox = boxedView(CardsTab, QStringLiteral("accounts"), Models::Parts::accounts(), page);
    for (auto *box : {m_cardsBox, m_accountsBox}) box->findChild<Widgets::PagedView *>()->setExpandAll(true);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_cardsBox);
    splitter->addWidget(m_accountsBox);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(splitter);
    return page;
}

QWidget *ProfilePage::buildPurchasesTab()
{
    auto *page = new QWidget(this);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    for (const auto &key : PurchaseFilterKeys) {
        auto *label = new QLabel(page);
        auto *edit = new QLineEdit(page);
        edit->setObjectName(QStringLiteral("filter_") + key);
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(key == QLatin1String("from") || key == QLatin1String("to") ? 120 : 150);
        label->setBuddy(edit);
        filters->addWidget(label);
        filters->addWidget(edit);
        m_purchaseFilters.insert(key, edit);
        m_purchaseFilterLabels.insert(key, label);
        connect(edit, &QLineEdit::returnPressed, this, &ProfilePage::applyPurchaseFilter);
    }
    m_applyFilter = new QPushButton(page);
    m_resetFilter = new QPushButton(page);
    filters->addWidget(m_applyFilter);
    filters->addWidget(m_resetFilter);
    filters->addStretch();
    connect(m_applyFilter, &QPushButton::clicked, this, &ProfilePage::applyPurchaseFilter);
    connect(m_resetFilter, &QPushButton::clicked, this, [this] {
        for (auto *e : std::as_const(m_purchaseFilters)) e->clear();
        applyPurchaseFilter();
    });
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(pagedView(PurchasesTab, QStringLiteral("receipts"), Models::Parts::receipts(), page), 1);
    return page;
}

QWidget *ProfilePage::buildEventsTab()
{
    auto *page = new QWidget(this);
    m_eventTypeLabel = new QLabel(page);
    m_eventType = new QLineEdit(page);
    m_eventType->setObjectName(QStringLiteral("filter_type"));
    m_eventType->setClearButtonEnabled(true);
    m_eventType->setMaximumWidth(220);
    m_eventTypeLabel->setBuddy(m_eventType);
    connect(m_eventType, &QLineEdit::returnPressed, this, [this] {
        QUrlQuery q;
        if (!m_eventType->text().trimmed().isEmpty()) q.addQueryItem(QStringLiteral("type"), m_eventType->text().trimmed());
        m_models.value(QStringLiteral("events"))->setFilter(q);
        m_models.value(QStringLiteral("events"))->reload();
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_eventTypeLabel);
    filters->addWidget(m_eventType);
    filters->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(pagedView(EventsTab, QStringLiteral("events"), Models::Parts::events(), page), 1);
    return page;
}

Widgets::PagedView *ProfilePage::pagedView(Tab tab, const QString &name, Models::PartSpec spec, QWidget *parent)
{
    auto *model = new Models::PagedModel(m_repository, std::move(spec), this);
    model->setObjectName(name);
    m_models.insert(name, model);
    m_tabModels[tab] << name;
    auto *view = new Widgets::PagedView(model, parent);
    view->setObjectName(QStringLiteral("view_") + name);
    return view;
}

QGroupBox *ProfilePage::boxedView(Tab tab, const QString &name, Models::PartSpec spec, QWidget *parent)
{
    auto *box = new QGroupBox(parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(pagedView(tab, name, std::move(spec), box));
    return box;
}

void ProfilePage::addTab(Tab tab, QWidget *page, const char *title)
{
    page->setObjectName(QStringLiteral("tab_%1").arg(int(tab)));
    m_pages.insert(tab, page);
    m_tabTitles.insert(tab, title);
    m_tabs->addTab(page, tr(title));
}

void ProfilePage::setSession(const Models::Session &session)
{
    m_session = session;
    QWidget *audit = m_pages.value(AuditTab);
    const int index = m_tabs->indexOf(audit);
    const bool allowed = session.can(Core::Permissions::AuditRead);
    if (allowed && index < 0) m_tabs->addTab(audit, tr(m_tabTitles.value(AuditTab)));
    if (!allowed && index >= 0) m_tabs->removeTab(index);
    updateEditable();
}

void ProfilePage::showTab(Tab tab)
{
    const int index = m_tabs->indexOf(m_pages.value(tab));
    if (index >= 0) m_tabs->setCurrentIndex(index);
}

void ProfilePage::open(qint64 customerId)
{
    m_id = customerId;
    m_loaded = false;
    m_tabLoaded.clear();
    m_profile = {};
    for (auto it = m_models.begin(); it != m_models.end(); ++it) {
        it.value()->clear();
        if (!it.value()->spec().part.isEmpty())
            it.value()->setPath(QStringLiteral("/api/v1/customers/%1/%2").arg(customerId).arg(it.value()->spec().part));
    }
    m_models.value(QStringLiteral("receipts"))->setFilter({});
    m_models.value(QStringLiteral("events"))->setFilter({});
    for (auto *e : std::as_const(m_purchaseFilters)) e->clear();
    m_eventType->clear();
    m_tabs->setCurrentIndex(0);
    reload();
}

void ProfilePage::reload()
{
    if (!m_id) return;
    const quint64 generation = ++m_generation;
    m_error->clear();
    m_error->hide();
    if (!m_loaded) {
        m_name->setText(tr("Loading…"));
        for (auto *v : std::as_const(m_statValues)) v->setText(QStringLiteral("—"));
        m_contacts->clear();
        m_tier->hide();
        m_rfm->hide();
        m_card->hide();
        m_cacheBadge->hide();
        m_chart->setLoading();
    }
    m_tabLoaded.clear();
    m_repository->fetch(QStringLiteral("/api/v1/customers/%1").arg(m_id), {}, this,
                        [this, generation](Core::Result<Models::Fetched> r) {
                            if (generation != m_generation) return;
                            if (!r) {
                                m_error->setText(r.error().message);
                                m_error->show();
                                if (!m_loaded) m_name->setText(tr("The profile could not be opened"));
                                emit loadFailed(r.error().message);
                                return;
                            }
                            applyProfile(r->json, r->cachedAt);
                            loadCurrentTab();
                            loadChart();
                            emit loaded(r->fromCache());
                        });
}

void ProfilePage::applyProfile(const QJsonObject &json, std::optional<QDateTime> cachedAt)
{
    auto p = Models::CustomerProfile::fromJson(json);
    if (!p) {
        m_error->setText(p.error().message);
        m_error->show();
        return;
    }
    m_profile = *p;
    m_cachedAt = cachedAt;
    m_loaded = true;
    m_editor->setProfile(json);
    m_models.value(QStringLiteral("contacts"))->setItems(json.value(QStringLiteral("contacts")).toArray());
    m_models.value(QStringLiteral("consent"))->setItems(json.value(QStringLiteral("consent_history")).toArray());
    QHash<QString, bool> subscribed;
    for (const auto &v : json.value(QStringLiteral("subscriptions")).toArray())
        subscribed.insert(v.toObject().value(QStringLiteral("channel")).toString(), v.toObject().value(QStringLiteral("subscribed")).toBool());
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) it.value()->setChecked(subscribed.value(it.key()));
    updateHeader();
    updateEditable();
    m_clock.start();
}

void ProfilePage::updateEditable()
{
    const bool online = m_repository->api()->isOnline() && !m_cachedAt;
    const bool canWrite = m_session.can(Core::Permissions::CustomersWrite) && online && m_loaded;
    m_editor->setEditable(canWrite);
    for (auto *box : std::as_const(m_subscriptions)) box->setEnabled(canWrite);
}

QString ProfilePage::rfmGroupName(const QString &code)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("champions"), QT_TR_NOOP("Champions")},
        {QStringLiteral("loyal"), QT_TR_NOOP("Loyal")},
        {QStringLiteral("potential_loyalists"), QT_TR_NOOP("Potential loyalists")},
        {QStringLiteral("new"), QT_TR_NOOP("New")},
        {QStringLiteral("promising"), QT_TR_NOOP("Promising")},
        {QStringLiteral("need_attention"), QT_TR_NOOP("Need attention")},
        {QStringLiteral("about_to_sleep"), QT_TR_NOOP("About to sleep")},
        {QStringLiteral("at_risk"), QT_TR_NOOP("At risk")},
        {QStringLiteral("cant_lose"), QT_TR_NOOP("Can't lose them")},
        {QStringLiteral("hibernating"), QT_TR_NOOP("Hibernating")},
        {QStringLiteral("lost"), QT_TR_NOOP("Lost")},
    };
    const char *name = names.value(code);
    return name ? tr(name) : code;
}

void ProfilePage::updateHeader()
{
    if (!m_loaded) return;
    const auto &p = m_profile;
    m_name->setText(p.displayName());
    m_tier->setVisible(!p.tierName.isEmpty() || !p.tierCode.isEmpty());
    m_tier->setText(p.tierName.isEmpty() ? p.tierCode : p.tierName);
    m_tier->setToolTip(tr("Loyalty tier"));
    // The RFM group once the base has been scored; hidden before.
    m_rfm->setVisible(p.rfm.has_value());
    m_rfm->setText(p.rfm ? rfmGroupName(*p.rfm) : QString());
    m_rfm->setToolTip(tr("RFM group: recency, frequency and monetary value of the customer's purchases"));
    m_card->setVisible(!p.cardNumber.isEmpty());
    m_card->setText(tr("Card %1").arg(p.cardNumber));
    m_card->setToolTip(Models::Format::code(p.cardState));
    m_cacheBadge->setVisible(m_cachedAt.has_value());
    if (m_cachedAt) m_cacheBadge->setText(tr("Offline copy, saved %1").arg(Models::Format::age(*m_cachedAt)));

    m_statValues.value(QStringLiteral("active"))->setText(Models::Format::points(p.activeBalance));
    m_statValues.value(QStringLiteral("pending"))->setText(Models::Format::points(p.pendingBalance));
    m_statValues.value(QStringLiteral("soon"))->setText(tr("+%1 / −%2").arg(Models::Format::points(p.activating30d), Models::Format::points(p.expiring30d)));
    m_statValues.value(QStringLiteral("orders"))->setText(QLocale().toString(p.ordersCount));
    m_statValues.value(QStringLiteral("revenue"))->setText(Models::Format::money(p.revenue, p.currency));
    m_statValues.value(QStringLiteral("aov"))->setText(Models::Format::money(p.averageOrderValue, p.currency));
    QString last = p.lastPurchaseAt.isEmpty() ? tr("never") : Models::Format::date(p.lastPurchaseAt);
    if (p.daysSinceLastPurchase) last += tr(" (%n day(s))", nullptr, int(*p.daysSinceLastPurchase));
    m_statValues.value(QStringLiteral("last"))->setText(last);
    const QString local = Models::Format::localTime(p.timeZone);
    m_statValues.value(QStringLiteral("time"))->setText(local.isEmpty() ? tr("unknown") : local.section(QLatin1Char(','), 0, 0));
    m_statValues.value(QStringLiteral("time"))->setToolTip(local);

    QStringList contacts;
    for (const auto &c : p.confirmedContacts())
        contacts << QStringLiteral("✔ %1 %2").arg(Models::Format::code(c.kind), c.value.isEmpty() ? c.rawValue : c.value);
    m_contacts->setText(contacts.isEmpty() ? tr("No confirmed contacts") : tr("Confirmed: %1").arg(contacts.join(QStringLiteral("   "))));
}

QString ProfilePage::headerText() const
{
    QStringList parts{m_name->text(), m_tier->text(), m_contacts->text()};
    for (const auto &key : StatKeys) parts << m_statValues.value(key)->text();
    return parts.join(QLatin1Char('\n'));
}

void ProfilePage::loadCurrentTab()
{
    if (!m_loaded) return;
    const int tab = m_pages.key(m_tabs->currentWidget(), -1);
    if (tab < 0 || m_tabLoaded.value(tab)) return;
    m_tabLoaded.insert(tab, true);
    for (const auto &name : std::as_const(m_tabModels[tab])) {
        auto *model = m_models.value(name);
        if (!model->spec().part.isEmpty()) model->reload();
    }
}

void ProfilePage::loadChart()
{
    const QDate thisMonth = QDate::currentDate();
    const QDate from = QDate(thisMonth.year(), thisMonth.month(), 1).addMonths(-11);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    const quint64 generation = m_generation;
    const QString currency = m_profile.currency;
    m_repository->fetch(QStringLiteral("/api/v1/customers/%1/receipts").arg(m_id), q, this,
                        [this, generation, thisMonth, currency](Core::Result<Models::Fetched> r) {
                            if (generation != m_generation) return;
                            const QJsonArray items = r ? r->json.value(QStringLiteral("items")).toArray() : QJsonArray();
                            m_chart->setMonths(Models::purchasesByMonth(items, thisMonth, 12), currency);
                        });
}

void ProfilePage::applyPurchaseFilter()
{
    QUrlQuery q;
    for (const auto &key : PurchaseFilterKeys) {
        const QString v = m_purchaseFilters.value(key)->text().trimmed();
        if (!v.isEmpty()) q.addQueryItem(key, v);
    }
    auto *model = m_models.value(QStringLiteral("receipts"));
    model->setFilter(q);
    if (m_id) model->reload();
}

void ProfilePage::setSubscription(const QString &channel, bool subscribed)
{
    const QJsonObject body{{QStringLiteral("subscriptions"), QJsonObject{{channel, subscribed}}}};
    const QString path = QStringLiteral("/api/v1/customers/%1").arg(m_id);
    m_subscriptionsMessage->setText(tr("Saving…"));
    m_repository->api()->patch(path, body, this, [this, path, channel, subscribed](Core::Result<QJsonObject> r) {
        if (!r) {
            m_subscriptions.value(channel)->setChecked(!subscribed);
            m_subscriptionsMessage->setText(r.error().message);
            return;
        }
        m_subscriptionsMessage->setText(tr("Saved."));
        m_repository->store(path, *r);
        applyProfile(*r, std::nullopt);
    });
}

void ProfilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ProfilePage::retranslate()
{
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        const int index = m_tabs->indexOf(it.value());
        if (index >= 0) m_tabs->setTabText(index, tr(m_tabTitles.value(it.key())));
    }
    m_back->setText(tr("← Results"));
    m_back->setToolTip(tr("Back to the search results (Alt+Left)"));
    const QList<QPair<QString, QString>> captions = {
        {QStringLiteral("active"), tr("Active points")},     {QStringLiteral("pending"), tr("Pending points")},
        {QStringLiteral("soon"), tr("Next 30 days")},         {QStringLiteral("orders"), tr("Orders")},
        {QStringLiteral("revenue"), tr("Revenue")},          {QStringLiteral("aov"), tr("Average order")},
        {QStringLiteral("last"), tr("Last purchase")},       {QStringLiteral("time"), tr("Customer's local time")},
    };
    for (const auto &[key, text] : captions) m_statCaptions.value(key)->setText(text);
    m_statCaptions.value(QStringLiteral("soon"))->setToolTip(tr("Points that activate / expire within 30 days"));
    m_contactsBox->setTitle(tr("Contacts"));
    m_subscriptionsBox->setTitle(tr("Subscriptions"));
    m_consentBox->setTitle(tr("Consent history"));
    m_cardsBox->setTitle(tr("Cards and replacement history"));
    m_accountsBox->setTitle(tr("Bonus accounts: points activating and expiring"));
    const QHash<QString, QString> channels = {{QStringLiteral("email"), tr("E-mail")},
                                              {QStringLiteral("sms"), tr("SMS")},
                                              {QStringLiteral("push"), tr("Push")},
                                              {QStringLiteral("messenger"), tr("Messenger")}};
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) it.value()->setText(channels.value(it.key(), it.key()));
    const QHash<QString, QString> filters = {{QStringLiteral("from"), tr("&From:")},
                                             {QStringLiteral("to"), tr("&To:")},
                                             {QStringLiteral("pos"), tr("P&OS:")},
                                             {QStringLiteral("cheque"), tr("C&heque:")},
                                             {QStringLiteral("card"), tr("C&ard:")}};
    for (auto it = filters.begin(); it != filters.end(); ++it) m_purchaseFilterLabels.value(it.key())->setText(it.value());
    m_purchaseFilters.value(QStringLiteral("from"))->setPlaceholderText(tr("YYYY-MM-DD"));
    m_purchaseFilters.value(QStringLiteral("to"))->setPlaceholderText(tr("YYYY-MM-DD"));
    m_applyFilter->setText(tr("Apply"));
    m_resetFilter->setText(tr("Reset"));
    m_eventTypeLabel->setText(tr("Event &type:"));
    m_eventType->setPlaceholderText(tr("e.g. site_visit; Enter to filter"));
    updateHeader();
}

}  // namespace LoyaltyDesk::Ui
