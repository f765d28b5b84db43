#include "listpage.h"

#include "core/permissions.h"
#include "memberslist.h"
#include "models/apiclient.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "widgets/pagedview.h"
#include "widgets/theme.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

ListPage::ListPage(Models::Repository *repository, Models::PartSpec spec, const QString &path,
                   QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_title(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_toolbar(new QToolBar(this)),
      m_model(new Models::PagedModel(repository, std::move(spec), this)),
      m_view(new Widgets::PagedView(m_model, this)),
      m_members(new MembersList(repository, this)),
      m_status(new QLabel(this)) {
    m_model->setPath(path);
    m_model->setPageSize(100);
    m_view->view()->setRootIsDecorated(false);
    Widgets::Theme::setTitleFont(m_title, 1.5);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_members);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_view->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                updateActions();
                showCurrentMembers();
            });
    connect(m_model, &Models::PagedModel::pageLoaded, this, [this] {
        if (m_selectAfterLoad && selectItem(m_selectAfterLoad)) m_selectAfterLoad = 0;
        if (!m_view->view()->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->view()->setCurrentIndex(m_model->index(0, 0));
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { updateActions(); });
    connect(m_members, &MembersList::customerRequested, this, &ListPage::customerRequested);
}

ListPage::~ListPage() {
    stopWaiting(this);
}

QAction *ListPage::makeAction(const QString &name, const QKeySequence &shortcut,
                              std::function<void()> slot) {
    auto *action = new QAction(this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);  // while the page is the one shown
    connect(action, &QAction::triggered, this, std::move(slot));
    QWidget::addAction(action);
    m_toolbar->addAction(action);
    m_actions << action;
    return action;
}

QAction *ListPage::action(const QString &name) const {
    for (auto *a : m_actions)
        if (a->objectName() == name) return a;
    return nullptr;
}

void ListPage::setTitle(const QString &title, const QString &hint) {
    m_title->setText(title);
    m_hint->setText(hint);
}

void ListPage::setSession(const Models::Session &session) {
    m_session = session;
    updateActions();
}

bool ListPage::canWrite() const {
    return m_session.can(Core::Permissions::SegmentsWrite) && isOnline();
}

bool ListPage::isOnline() const {
    return m_repository->api()->isOnline() && !m_model->cachedAt();
}

void ListPage::setBusy(bool busy) {
    m_busy += busy ? 1 : -1;
    updateActions();
}

void ListPage::reload() {
    if (const QJsonObject current = currentItem(); !current.isEmpty() && !m_selectAfterLoad)
        m_selectAfterLoad = current.value(QStringLiteral("id")).toInteger();
    m_model->reload();
}

void ListPage::reloadSelecting(qint64 id) {
    m_selectAfterLoad = id;
    m_model->reload();
}

QJsonObject ListPage::currentItem() const {
    const QModelIndex index = m_view->view()->currentIndex();
    return index.isValid() ? m_model->item(index.row()) : QJsonObject();
}

bool ListPage::selectItem(qint64 id) {
    for (int row = 0; row < m_model->itemCount(); ++row) {
        if (m_model->item(row).value(QStringLiteral("id")).toInteger() == id) {
            m_view->view()->setCurrentIndex(m_model->index(row, 0));
            m_view->view()->scrollTo(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

void ListPage::updateActions() {
    if (QAction *exportAction = action(QStringLiteral("export"))) {
        exportAction->setVisible(m_session.can(Core::Permissions::CustomersExport));
        exportAction->setEnabled(exportAction->isVisible() && isOnline() &&
                                 !currentItem().isEmpty() && !isBusy());
    }
}

void ListPage::confirmDelete(const QString &title, const QString &question, const QString &done,
                             const QString &failed) {
    const QJsonObject item = currentItem();
    if (item.isEmpty()) return;
    const qint64 id = item.value(QStringLiteral("id")).toInteger();
    auto *box = new QMessageBox(QMessageBox::Question, title, question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id, title, done, failed] {
        if (box->clickedButton() != box->button(QMessageBox::Yes)) return;
        setBusy(true);
        m_repository->api()->remove(
            itemPath(id), this, [this, title, done, failed](Core::Result<QJsonObject> r) {
                setBusy(false);
                if (!r) return report(title, failed + QLatin1Char(' ') + r.error().message);
                setStatus(done);
                m_model->reload();
            });
    });
    box->open();
}

void ListPage::exportCurrent() {
    const QJsonObject item = currentItem();
    QAction *exportAction = action(QStringLiteral("export"));
    if (item.isEmpty() || !exportAction || !exportAction->isEnabled()) return;
    QString fileName = item.value(QStringLiteral("name")).toString();
    fileName.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|]+)")), QStringLiteral("-"));
    const QString path = askCsvFileName(this, fileName + QStringLiteral(".csv"));
    if (!path.isEmpty()) exportCurrentTo(path);
}

void ListPage::exportCurrentTo(const QString &filePath) {
    const QJsonObject item = currentItem();
    if (item.isEmpty()) return;
    const QString name = item.value(QStringLiteral("name")).toString();
    setBusy(true);
    saveCsv(this, m_repository,
            itemPath(item.value(QStringLiteral("id")).toInteger()) + QStringLiteral("/export"),
            filePath, [this, name, filePath](const Core::Result<qint64> &r) {
                setBusy(false);
                if (!r) return report(tr("Export members"), r.error().message);
                setStatus(tr("Saved the members of “%1” to %2.")
                              .arg(name, QDir::toNativeSeparators(filePath)));
            });
}

void ListPage::setStatus(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setForegroundRole(error ? QPalette::WindowText : QPalette::PlaceholderText);
}

QString ListPage::statusText() const {
    return m_status->text();
}

void ListPage::report(const QString &title, const QString &text) {
    setStatus(text, true);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ListPage::retranslate() {
    for (auto *a : std::as_const(m_actions))
        a->setToolTip(a->shortcut().isEmpty()
                          ? a->text()
                          : QStringLiteral("%1 (%2)").arg(
                                a->text(), a->shortcut().toString(QKeySequence::NativeText)));
    showCurrentMembers();
}

void ListPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace LoyaltyDesk::Ui
