#include "customerspage.h"

#include "models/pagedmodel.h"
#include "models/repository.h"
#include "profilepage.h"
#include "widgets/pagedview.h"
#include "widgets/searchbox.h"

#include "widgets/theme.h"

#include <QEvent>
#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {
const QString SearchScope = QStringLiteral("customers");
}

CustomersPage::CustomersPage(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_stack(new QStackedWidget(this)),
      m_searchPage(new QWidget(this)),
      m_title(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_searchBox(new Widgets::SearchBox(this)),
      m_results(new Models::PagedModel(repository, Models::Parts::search(), this)),
      m_resultsView(new Widgets::PagedView(m_results, this)),
      m_profile(new ProfilePage(repository, this))
{
    setObjectName(QStringLiteral("customersPage"));
    m_searchBox->setObjectName(QStringLiteral("customerSearch"));
    m_resultsView->setObjectName(QStringLiteral("searchResults"));
    m_results->setPath(QStringLiteral("/api/v1/customers"));
    Widgets::Theme::setTitleFont(m_title, 1.5);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    QFont searchFont = m_searchBox->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.15);
    m_searchBox->setFont(searchFont);

    auto *layout = new QVBoxLayout(m_searchPage);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_searchBox);
    layout->addWidget(m_resultsView, 1);
    m_stack->addWidget(m_searchPage);
    m_stack->addWidget(m_profile);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_searchBox, &Widgets::SearchBox::searchRequested, this, &CustomersPage::search);
    connect(m_searchBox, &Widgets::SearchBox::downPressed, this, [this] {
        QTreeView *view = m_resultsView->view();
        view->setFocus();
        if (!view->currentIndex().isValid() && m_results->rowCount() > 0) view->setCurrentIndex(m_results->index(0, 0));
    });
    connect(m_searchBox, &Widgets::SearchBox::enterPressed, this, [this] {
        // Enter on a search with exactly one match opens it straight away.
        if (m_results->itemCount() == 1 && !m_results->hasMore() && !m_results->isLoading())
            openCustomer(m_results->item(0).value(QStringLiteral("id")).toInteger());
    });
    connect(m_results, &Models::PagedModel::pageLoaded, this, [this] {
        QTreeView *view = m_resultsView->view();
        if (!view->currentIndex().isValid() && m_results->rowCount() > 0) view->setCurrentIndex(m_results->index(0, 0));
    });
    connect(m_resultsView, &Widgets::PagedView::activated, this, [this](const QModelIndex &index) {
        openCustomer(index.data(Models::PagedModel::IdRole).toLongLong());
    });
    connect(m_profile, &ProfilePage::backRequested, this, &CustomersPage::showResults);
    auto *back = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, &CustomersPage::showResults);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_profile);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &CustomersPage::showResults);
    retranslate();
    loadRecent();
}

void CustomersPage::setSession(const Models::Session &session) { m_profile->setSession(session); }

void CustomersPage::focusSearch()
{
    m_stack->setCurrentWidget(m_searchPage);
    m_searchBox->setFocus(Qt::ShortcutFocusReason);
    m_searchBox->selectAll();
}

void CustomersPage::search(const QString &text)
{
    const QString q = text.trimmed();
    if (m_searchBox->text().trimmed() != q) m_searchBox->setText(q);
    if (q.isEmpty()) {
        m_results->clear();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), q);
    m_results->setFilter(query);
    m_results->reload();
}

void CustomersPage::openCustomer(qint64 id)
{
    if (id <= 0) return;
    m_repository->cache()->addRecentSearch(SearchScope, m_searchBox->text());
    loadRecent();
    m_stack->setCurrentWidget(m_profile);
    m_profile->open(id);
    m_profile->tabs()->setFocus();
}

void CustomersPage::showResults()
{
    m_stack->setCurrentWidget(m_searchPage);
    m_resultsView->view()->setFocus();
}

bool CustomersPage::isProfileShown() const { return m_stack->currentWidget() == m_profile; }

void CustomersPage::loadRecent()
{
    m_repository->cache()->recentSearches(SearchScope, 20, this, [this](const QStringList &recent) { m_searchBox->setRecentSearches(recent); });
}

void CustomersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void CustomersPage::retranslate()
{
    m_title->setText(tr("Find a customer"));
    m_hint->setText(tr("Type a phone number in any format, an e-mail, a card or cheque number, or the start of a name. "
                       "Press Down to move to the results and Enter to open a profile."));
    m_resultsView->setIdleText(tr("Results appear here as you type."));
}

}  // namespace LoyaltyDesk::Ui
