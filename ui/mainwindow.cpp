#include "mainwindow.h"

#include "adminpage.h"
#include "audiencespage.h"
#include "rfmpage.h"
#include "segmentspage.h"
#include "core/permissions.h"
#include "customerspage.h"
#include "templateeditor.h"
#include "templatespage.h"
#include "models/apiclient.h"
#include "models/pagedmodel.h"
#include "models/appsettings.h"
#include "models/repository.h"
#include "widgets/badge.h"

#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

MainWindow::MainWindow(Models::Repository *repository, const Models::Session &session, QWidget *parent)
    : QMainWindow(parent),
      m_repository(repository),
      m_session(session),
      m_sidebar(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_brand(new QLabel(this)),
      m_server(new QLabel(this)),
      m_user(new QLabel(this)),
      m_activity(new QLabel(this)),
      m_online(new Widgets::Badge(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loyaltydesk.svg")));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setFixedWidth(210);
    m_sidebar->setSpacing(2);
    m_sidebar->viewport()->setAutoFillBackground(false);
    styleSidebar();
    Widgets::Theme::setTitleFont(m_brand, 1.25);

    auto *side = new QWidget(this);
    side->setObjectName(QStringLiteral("sidePanel"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 12, 4, 8);
    auto *brandRow = new QHBoxLayout;
    auto *logo = new QLabel(side);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/loyaltydesk.svg")).pixmap(28, 28));
    brandRow->addWidget(logo);
    brandRow->addWidget(m_brand, 1);
    sideLayout->addLayout(brandRow);
    sideLayout->addSpacing(8);
    sideLayout->addWidget(m_sidebar, 1);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(side);
    layout->addWidget(line);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Sections by permission; only the ones that exist are listed.
    if (session.can(Core::Permissions::CustomersRead)) {
        m_customers = new CustomersPage(repository, this);
        m_customers->setSession(session);
        addSection(QStringLiteral("customers"), QT_TR_NOOP("Customers"), QStringLiteral(":/icons/customers.svg"), m_customers);
    }
    if (session.can(Core::Permissions::TemplatesRead)) {
        m_templates = new TemplatesPage(repository, session, this);
        addSection(QStringLiteral("messages"), QT_TR_NOOP("Messages"), QStringLiteral(":/icons/messages.svg"), m_templates);
    }
    if (session.can(Core::Permissions::SegmentsRead)) {
        m_segments = new SegmentsSection(repository, this);
        m_rfm = new RfmPage(repository, this);
        m_audiences = new AudiencesPage(repository, this);
        m_segments->list()->setSession(session);
        m_rfm->setSession(session);
        m_audiences->setSession(session);
        connect(m_segments->list(), &SegmentsPage::customerRequested, this, &MainWindow::openCustomer);
        connect(m_rfm, &RfmPage::customerRequested, this, &MainWindow::openCustomer);
        connect(m_audiences, &AudiencesPage::customerRequested, this, &MainWindow::openCustomer);
        connect(m_segments->list(), &SegmentsPage::audienceRequested, this, [this](qint64 segmentId) {
            showSection(QStringLiteral("audiences"));
            m_audiences->createFromSegment(segmentId);
        });
        addSection(QStringLiteral("segments"), QT_TR_NOOP("Segments"), QStringLiteral(":/icons/segments.svg"), m_segments);
        addSection(QStringLiteral("rfm"), QT_TR_NOOP("RFM analysis"), QStringLiteral(":/icons/rfm.svg"), m_rfm);
        addSection(QStringLiteral("audiences"), QT_TR_NOOP("Audiences"), QStringLiteral(":/icons/audiences.svg"), m_audiences);
    }
    if (session.can(Core::Permissions::UsersManage)) {
        m_admin = new AdminPage(repository, session.can(Core::Permissions::SettingsManage), this);
        addSection(QStringLiteral("administration"), QT_TR_NOOP("Administration"), QStringLiteral(":/icons/admin.svg"), m_admin);
    }
    if (m_sections.isEmpty()) {
        auto *none = new QLabel(this);
        none->setObjectName(QStringLiteral("noSections"));
        none->setAlignment(Qt::AlignCenter);
        none->setWordWrap(true);
        none->setMargin(40);
        m_pages->addWidget(none);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_sections.size()) return;
        m_pages->setCurrentWidget(m_sections[row].page);
        if (m_sections[row].page == m_admin && !m_admin->usersModel()->hasLoaded()) m_admin->reload();
        if (m_sections[row].page == m_templates && m_templates->loadCount() == 0) m_templates->reload();
        // The segment screens load when first shown.
        if (m_sections[row].page == m_segments && !m_segments->list()->segmentsModel()->hasLoaded()) m_segments->list()->reload();
        if (m_sections[row].page == m_rfm && !m_rfm->isLoaded()) m_rfm->reload();
        if (m_sections[row].page == m_audiences && !m_audiences->audiencesModel()->hasLoaded()) m_audiences->reload();
    });
    if (!m_sections.isEmpty()) m_sidebar->setCurrentRow(0);

    m_find = new QAction(this);
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::ApplicationShortcut);
    m_find->setEnabled(m_customers != nullptr);
    connect(m_find, &QAction::triggered, this, &MainWindow::findCustomer);
    m_settings = new QAction(this);
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings->setMenuRole(QAction::PreferencesRole);
    connect(m_settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    m_signOut = new QAction(this);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_about = new QAction(this);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    m_shortcuts = new QAction(this);
    m_shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_settings);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_signOut);
    m_fileMenu->addAction(m_quit);
    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->addAction(m_find);
    for (int i = 0; i < m_sections.size(); ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        go->setObjectName(QStringLiteral("go_") + m_sections[i].id);
        connect(go, &QAction::triggered, this, [this, i] { m_sidebar->setCurrentRow(i); });
        m_goMenu->addAction(go);
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_shortcuts);
    m_helpMenu->addAction(m_about);

    m_online->setObjectName(QStringLiteral("onlineBadge"));
    m_server->setObjectName(QStringLiteral("serverLabel"));
    m_user->setObjectName(QStringLiteral("userLabel"));
    m_activity->setForegroundRole(QPalette::PlaceholderText);
    statusBar()->addWidget(m_server);
    statusBar()->addWidget(m_user);
    statusBar()->addPermanentWidget(m_activity);
    statusBar()->addPermanentWidget(m_online);
    connect(repository->api(), &Models::ApiClient::onlineChanged, this, &MainWindow::updateStatus);
    connect(repository->api(), &Models::ApiClient::pendingChanged, this, &MainWindow::updateStatus);

    const QByteArray geometry = Models::AppSettings().windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1280, 800);
    retranslate();
}

void MainWindow::styleSidebar()
{
    // Style sheets take palette colours when set: set again when the palette changes.
    m_sidebar->setStyleSheet(QString());
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget { background: transparent; border: none; padding: 4px; }"
                                            "QListWidget::item { padding: 9px 10px; border-radius: 6px; }"
                                            "QListWidget::item:selected { background: rgba(59, 130, 246, 0.16); color: palette(text); font-weight: 600; }"
                                            "QListWidget::item:hover:!selected { background: rgba(127, 127, 127, 0.10); }"));
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) styleSidebar();
    return QMainWindow::event(event);
}

void MainWindow::addSection(const QString &id, const char *title, const QString &icon, QWidget *page)
{
    m_sections.append({id, title, icon, page});
    auto *item = new QListWidgetItem(QIcon(icon), tr(title), m_sidebar);
    item->setData(Qt::UserRole, id);
    m_pages->addWidget(page);
}

QStringList MainWindow::sectionIds() const
{
    QStringList ids;
    for (const auto &s : m_sections) ids << s.id;
    return ids;
}

void MainWindow::showSection(const QString &id)
{
    for (int i = 0; i < m_sections.size(); ++i)
        if (m_sections[i].id == id) m_sidebar->setCurrentRow(i);
}

QString MainWindow::currentSection() const
{
    const int row = m_sidebar->currentRow();
    return row >= 0 && row < m_sections.size() ? m_sections[row].id : QString();
}

void MainWindow::setSession(const Models::Session &session)
{
    m_session = session;
    if (m_customers) m_customers->setSession(session);
    if (m_templates) m_templates->setSession(session);
    if (m_segments) m_segments->list()->setSession(session);
    if (m_rfm) m_rfm->setSession(session);
    if (m_audiences) m_audiences->setSession(session);
    updateStatus();
}

SegmentsPage *MainWindow::segmentsPage() const { return m_segments ? m_segments->list() : nullptr; }

void MainWindow::openCustomer(qint64 id)
{
    if (!m_customers || id <= 0) return;
    showSection(QStringLiteral("customers"));
    m_customers->openCustomer(id);
}

void MainWindow::findCustomer()
{
    if (!m_customers) return;
    showSection(QStringLiteral("customers"));
    m_customers->focusSearch();
}

void MainWindow::updateStatus()
{
    const auto *api = m_repository->api();
    m_server->setText(tr("Server: %1").arg(api->baseUrl().toDisplayString(QUrl::RemoveUserInfo)));
    m_user->setText(tr("Signed in as %1 (%2)").arg(m_session.username, m_session.roles.join(QStringLiteral(", "))));
    m_online->setText(api->isOnline() ? tr("● Online") : tr("● Offline — read-only, reconnecting…"));
    m_online->setTone(api->isOnline() ? Widgets::Badge::Tone::Good : Widgets::Badge::Tone::Bad);
    m_activity->setText(api->pendingCount() > 0 ? tr("Loading…") : QString());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LoyaltyDesk"),
                       tr("<h3>LoyaltyDesk %1</h3><p>Loyalty program CRM workstation: customers, their 360° profile, "
                          "purchases, bonuses and communications.</p><p>Built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard shortcuts"),
                             tr("<table cellpadding='3'>"
                                "<tr><td><b>Ctrl+F</b></td><td>Find a customer (from anywhere)</td></tr>"
                                "<tr><td><b>Down</b></td><td>From the search box to the results</td></tr>"
                                "<tr><td><b>Enter</b></td><td>Open the selected customer</td></tr>"
                                "<tr><td><b>Alt+Left</b>, <b>Esc</b></td><td>Back to the results</td></tr>"
                                "<tr><td><b>Ctrl+Tab</b></td><td>Next profile tab</td></tr>"
                                "<tr><td><b>Ctrl+S</b></td><td>Save the profile</td></tr>"
                                "<tr><td><b>Ctrl+N</b></td><td>New message template, segment or audience (in the section shown)</td></tr>"
                                "<tr><td><b>Ctrl+T</b></td><td>Test send of the open template</td></tr>"
                                "<tr><td><b>Ctrl+Z</b>, <b>Ctrl+Shift+Z</b></td><td>Undo, redo in the template editor</td></tr>"
                                "<tr><td><b>Ctrl+D</b></td><td>Duplicate the segment</td></tr>"
                                "<tr><td><b>Ctrl+R</b></td><td>Recalculate the segment or RFM</td></tr>"
                                "<tr><td><b>Ctrl+E</b></td><td>Export members to CSV</td></tr>"
                                "<tr><td><b>Del</b></td><td>Delete the segment or audience</td></tr>"
                                "<tr><td><b>F5</b></td><td>Refresh the list</td></tr>"
                                "<tr><td><b>Ctrl+1…9</b></td><td>Go to a section</td></tr>"
                                "<tr><td><b>Ctrl+,</b></td><td>Settings</td></tr>"
                                "</table>"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Models::AppSettings().setWindowGeometry(saveGeometry());
    if (m_templates && m_templates->editor()) m_templates->editor()->flushDraft();
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("LoyaltyDesk"));
    m_brand->setText(tr("LoyaltyDesk"));
    for (int i = 0; i < m_sections.size(); ++i) m_sidebar->item(i)->setText(tr(m_sections[i].title));
    if (auto *none = findChild<QLabel *>(QStringLiteral("noSections")))
        none->setText(tr("Your role gives you no sections in this version of the workstation. Ask an administrator."));
    m_fileMenu->setTitle(tr("&File"));
    m_goMenu->setTitle(tr("&Go"));
    m_helpMenu->setTitle(tr("&Help"));
    m_find->setText(tr("&Find customer…"));
    m_settings->setText(tr("&Settings…"));
    m_signOut->setText(tr("Sign &out"));
    m_quit->setText(tr("&Quit"));
    m_about->setText(tr("&About LoyaltyDesk"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    for (auto *action : m_goMenu->actions()) {
        for (const auto &s : m_sections)
            if (action->objectName() == QStringLiteral("go_") + s.id) action->setText(tr(s.title));
    }
    updateStatus();
}

}  // namespace LoyaltyDesk::Ui
