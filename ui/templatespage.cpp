#include "templatespage.h"

#include "core/messages/content.h"
#include "core/permissions.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "models/repository.h"
#include "models/templates.h"
#include "templateeditor.h"
#include "widgets/searchbox.h"
#include "widgets/theme.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int FolderRole = Qt::UserRole + 2;
constexpr int VersionRole = Qt::UserRole + 3;

QIcon channelIcon(const QString &channel) {
    return QIcon(QStringLiteral(":/icons/channel-") + channel + QStringLiteral(".svg"));
}

// "e-mail", "SMS", … in the user's language.
QString channelName(const QString &channel) {
    if (channel == QLatin1String("in_app")) return TemplatesPage::tr("in-app");
    return Models::Format::code(channel);
}

// The content of a version as text to read: each part under its name.
QString contentText(const QString &channel, const QJsonObject &content) {
    QStringList out;
    for (const QString &part : Core::Messages::partsOf(channel))
        if (content.contains(part))
            out << TemplateEditor::partTitle(channel, part).toUpper() + QLatin1Char('\n') +
                       content.value(part).toString();
    return out.join(QStringLiteral("\n\n"));
}

}  // namespace

TemplatesPage::TemplatesPage(Models::Repository *repository, const Models::Session &session,
                             QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_session(session),
      m_stack(new QStackedWidget(this)),
      m_library(new QWidget(this)),
      m_title(new QLabel(this)),
      m_search(new Widgets::SearchBox(this)),
      m_channel(new QComboBox(this)),
      m_tag(new QComboBox(this)),
      m_folders(new QTreeWidget(this)),
      m_list(new QTreeView(this)),
      m_model(new QStandardItemModel(this)),
      m_new(new QToolButton(this)),
      m_newMenu(new QMenu(this)),
      m_open(new QPushButton(this)),
      m_duplicate(new QPushButton(this)),
      m_delete(new QPushButton(this)),
      m_import(new QPushButton(this)),
      m_export(new QPushButton(this)),
      m_message(new QLabel(this)),
      m_historyTitle(new QLabel(this)),
      m_versions(new QListWidget(this)),
      m_versionView(new QPlainTextEdit(this)),
      m_restore(new QPushButton(this)),
      m_split(new QSplitter(Qt::Horizontal, this)) {
    setObjectName(QStringLiteral("templatesPage"));
    m_search->setObjectName(QStringLiteral("templateSearch"));
    m_channel->setObjectName(QStringLiteral("templateChannel"));
    m_tag->setObjectName(QStringLiteral("templateTag"));
    m_folders->setObjectName(QStringLiteral("templateFolders"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_new->setObjectName(QStringLiteral("newTemplate"));
    m_versions->setObjectName(QStringLiteral("versionList"));
    m_versionView->setObjectName(QStringLiteral("versionView"));
    m_restore->setObjectName(QStringLiteral("restoreVersion"));
    m_message->setObjectName(QStringLiteral("libraryMessage"));
    Widgets::Theme::setTitleFont(m_title, 1.5);
    Widgets::Theme::setTitleFont(m_historyTitle, 1.05);
    m_search->setDebounce(250);
    m_folders->setHeaderHidden(true);
    m_folders->setRootIsDecorated(true);
    m_folders->setMinimumWidth(170);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setIconSize(QSize(18, 18));
    m_versionView->setReadOnly(true);
    m_versionView->setMinimumWidth(240);
    m_message->setWordWrap(true);
    m_new->setPopupMode(QToolButton::InstantPopup);
    m_new->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_new->setMenu(m_newMenu);
    for (const QString &c : Core::Messages::channels()) {
        QAction *a = m_newMenu->addAction(channelIcon(c), QString());
        a->setData(c);
        connect(a, &QAction::triggered, this, [this, c] { newTemplate(c); });
    }

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_channel, 1);
    filters->addWidget(m_tag, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_new);
    for (QPushButton *b : {m_open, m_duplicate, m_delete, m_import, m_export})
        actions->addWidget(b);
    actions->addStretch(1);
    auto *center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addLayout(filters);
    centerLayout->addLayout(actions);
    centerLayout->addWidget(m_list, 1);
    centerLayout->addWidget(m_message);
    auto *history = new QWidget(this);
    history->setObjectName(QStringLiteral("historyPanel"));
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyTitle);
    historyLayout->addWidget(m_versions, 1);
    historyLayout->addWidget(m_versionView, 2);
    historyLayout->addWidget(m_restore);
    m_split->addWidget(m_folders);
    m_split->addWidget(center);
    m_split->addWidget(history);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({180, 760, 280});
    m_split->setChildrenCollapsible(false);
    auto *libraryLayout = new QVBoxLayout(m_library);
    libraryLayout->setContentsMargins(16, 14, 16, 12);
    libraryLayout->setSpacing(10);
    libraryLayout->addWidget(m_title);
    libraryLayout->addWidget(m_split, 1);
    m_stack->addWidget(m_library);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };

    connect(m_search, &Widgets::SearchBox::searchRequested, this, [this] { load(); });
    connect(m_search, &Widgets::SearchBox::downPressed, this, [this] {
        m_list->setFocus();
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_channel, &QComboBox::activated, this, [this] { load(); });
    connect(m_tag, &QComboBox::activated, this, [this] { load(); });
    connect(m_folders, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QString folder = item ? item->data(0, FolderRole).toString() : QString();
        if (folder == m_folder) return;
        m_folder = folder;
        load();
    });
    connect(m_list, &QTreeView::activated, this, [this] { openSelected(); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        loadHistory(selectedId());
    });
    connect(m_versions, &QListWidget::currentRowChanged, this, [this](int row) {
        m_versionView->setPlainText(
            row >= 0 && row < m_history.size()
                ? contentText(selectedTemplate().value(QStringLiteral("channel")).toString(),
                              m_history[row].toObject().value(QStringLiteral("content")).toObject())
                : QString());
        updateActions();
    });
    connect(m_open, &QPushButton::clicked, this, &TemplatesPage::openSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &TemplatesPage::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesPage::deleteSelected);
    connect(m_import, &QPushButton::clicked, this, &TemplatesPage::importHtml);
    connect(m_export, &QPushButton::clicked, this, &TemplatesPage::exportTemplate);
    connect(m_restore, &QPushButton::clicked, this, &TemplatesPage::restoreSelectedVersion);

    auto shortcut = [this](const QKeySequence &keys, QWidget *scope, auto slot) {
        auto *a = new QAction(scope);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        scope->addAction(a);
    };
    shortcut(QKeySequence::New, m_library, [this] {
        if (m_new->isEnabled()) m_newMenu->popup(m_new->mapToGlobal(QPoint(0, m_new->height())));
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), m_library, [this] { duplicateSelected(); });
    shortcut(QKeySequence::Delete, m_list, [this] { deleteSelected(); });
    setSession(session);
    retranslate();
}

void TemplatesPage::setSession(const Models::Session &session) {
    m_session = session;
    updateActions();
}

void TemplatesPage::updateActions() {
    const bool write = m_session.can(Core::Permissions::TemplatesWrite);
    const bool selected = selectedId() > 0;
    m_new->setEnabled(write);
    m_import->setEnabled(write);
    m_open->setEnabled(selected);
    m_export->setEnabled(selected);
    m_duplicate->setEnabled(write && selected);
    m_delete->setEnabled(write && selected);
    m_restore->setEnabled(write && selected && m_versions->currentRow() > 0);
}

void TemplatesPage::fetchAll(const QUrlQuery &query,
                             std::function<void(Core::Result<QJsonArray>)> done, QJsonArray sofar,
                             const QString &cursor) {
    QUrlQuery q = query;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    if (!cursor.isEmpty()) q.addQueryItem(QStringLiteral("cursor"), cursor);
    m_repository->api()->get(QStringLiteral("/api/v1/templates"), q, this,
                             [this, query, done, sofar](Core::Result<QJsonObject> r) mutable {
                                 if (!r) return done(r.error());
                                 for (const auto &v : r->value(QStringLiteral("items")).toArray())
                                     sofar.append(v);
                                 const QString next =
                                     r->value(QStringLiteral("next_cursor")).toString();
                                 if (next.isEmpty()) return done(sofar);
                                 fetchAll(query, done, sofar, next);
                             });
}

void TemplatesPage::reload() {
    ++m_loading;
    // Every template once, for the folders and tags; then the list as filtered.
    fetchAll({}, [this](Core::Result<QJsonArray> r) {
        --m_loading;
        if (!r) return showMessage(r.error().message, true);
        m_allFolders = Models::Templates::folders(*r);
        m_allTags = Models::Templates::tags(*r);
        fillFolders();
        load();
    });
}

void TemplatesPage::load() {
    QUrlQuery query;
    if (!m_search->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("q"), m_search->text().trimmed());
    if (!m_channel->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("channel"), m_channel->currentData().toString());
    if (!m_folder.isEmpty()) query.addQueryItem(QStringLiteral("folder"), m_folder);
    if (!m_tag->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("tag"), m_tag->currentData().toString());
    const int serial = ++m_serial;
    ++m_loading;
    fetchAll(query, [this, serial](Core::Result<QJsonArray> r) {
        --m_loading;
        if (serial != m_serial) return;
        ++m_loads;
        if (!r) return showMessage(r.error().message, true);
        const qint64 keep = m_select ? m_select : selectedId();
        m_select = 0;
        m_items = *r;
        fillRows();
        if (!selectTemplate(keep) && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0, 0));
        loadHistory(selectedId());  // also when the same row stays current
        showMessage(
            m_items.isEmpty()
                ? tr("No templates match. Create one with New (Ctrl+N) or import an HTML file.")
                : QString());
        updateActions();
    });
}

void TemplatesPage::fillFolders() {
    const QSignalBlocker block(m_folders);
    m_folders->clear();
    auto *all = new QTreeWidgetItem(m_folders, {tr("All templates")});
    all->setData(0, FolderRole, QString());
    all->setIcon(0, QIcon(QStringLiteral(":/icons/messages.svg")));
    QHash<QString, QTreeWidgetItem *> made;
    QTreeWidgetItem *current = all;
    for (const QString &folder : std::as_const(m_allFolders)) {
        // "Promo/Summer" sits under "Promo".
        QTreeWidgetItem *parent = all;
        QString path;
        for (const QString &segment : folder.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            path = path.isEmpty() ? segment.trimmed() : path + QLatin1Char('/') + segment.trimmed();
            QTreeWidgetItem *item = made.value(path);
            if (!item) {
                item = new QTreeWidgetItem(parent, {segment.trimmed()});
                item->setData(0, FolderRole, path);
                item->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
                made.insert(path, item);
            }
            parent = item;
        }
        if (path == m_folder) current = parent;
    }
    m_folders->expandAll();
    m_folders->setCurrentItem(current);
    // Tags: keep the chosen one.
    const QString tag = m_tag->currentData().toString();
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    for (const QString &t : std::as_const(m_allTags)) m_tag->addItem(QStringLiteral("#") + t, t);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
}

void TemplatesPage::fillRows() {
    m_model->removeRows(0, m_model->rowCount());
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Channel"), tr("Folder"), tr("Tags"),
                                        tr("Updated"), tr("By"), tr("Version")});
    for (const auto &v : std::as_const(m_items)) {
        const QJsonObject t = v.toObject();
        const QString channel = t.value(QStringLiteral("channel")).toString();
        QStringList tags;
        for (const auto &tag : t.value(QStringLiteral("tags")).toArray())
            tags << QStringLiteral("#") + tag.toString();
        QList<QStandardItem *> row{
            new QStandardItem(channelIcon(channel), t.value(QStringLiteral("name")).toString()),
            new QStandardItem(channelName(channel)),
            new QStandardItem(t.value(QStringLiteral("folder")).toString()),
            new QStandardItem(tags.join(QLatin1Char(' '))),
            new QStandardItem(
                Models::Format::dateTime(t.value(QStringLiteral("updated_at")).toString())),
            new QStandardItem(t.value(QStringLiteral("updated_by")).toString()),
            new QStandardItem};
        row[0]->setData(t.value(QStringLiteral("id")).toInteger(), IdRole);
        row[4]->setData(t.value(QStringLiteral("updated_at")).toString(), Qt::UserRole + 10);
        row[6]->setData(t.value(QStringLiteral("version")).toInteger(), Qt::DisplayRole);
        row[6]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow(row);
    }
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
}

qint64 TemplatesPage::selectedId() const {
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? m_model->index(i.row(), 0).data(IdRole).toLongLong() : 0;
}

QJsonObject TemplatesPage::selectedTemplate() const {
    const qint64 id = selectedId();
    for (const auto &v : m_items)
        if (v.toObject().value(QStringLiteral("id")).toInteger() == id) return v.toObject();
    return {};
}

bool TemplatesPage::selectTemplate(qint64 id) {
    for (int row = 0; id > 0 && row < m_model->rowCount(); ++row)
        if (m_model->index(row, 0).data(IdRole).toLongLong() == id) {
            m_list->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    return false;
}

void TemplatesPage::setChannelFilter(const QString &channel) {
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(channel)));
    load();
}

void TemplatesPage::setFolderFilter(const QString &folder) {
    m_folder = folder;
    const QSignalBlocker block(m_folders);
    for (QTreeWidgetItemIterator it(m_folders); *it; ++it)
        if ((*it)->data(0, FolderRole).toString() == folder) m_folders->setCurrentItem(*it);
    load();
}

void TemplatesPage::setTagFilter(const QString &tag) {
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
    load();
}

void TemplatesPage::setSearch(const QString &text) {
    m_search->setText(text);
    load();
}

void TemplatesPage::showMessage(const QString &text, bool bad) {
    m_message->setText(text);
    m_message->setStyleSheet(bad ? QStringLiteral("color: #dc2626;") : QString());
    m_message->setForegroundRole(bad ? QPalette::WindowText : QPalette::PlaceholderText);
}

bool TemplatesPage::isEditorShown() const {
    return m_editor && m_stack->currentWidget() == m_editor;
}

void TemplatesPage::closeEditor() {
    if (m_editor) {
        m_editor->flushDraft();
        m_stack->removeWidget(m_editor);
        m_editor->deleteLater();
        m_editor = nullptr;
    }
    m_stack->setCurrentWidget(m_library);
    m_list->setFocus();
    reload();
}

void TemplatesPage::newTemplate(const QString &channel) {
    openTemplate(0);
    m_editor->newTemplate(channel, m_folder);
}

void TemplatesPage::openTemplate(qint64 id) {
    if (m_editor) {
        m_editor->flushDraft();
        m_stack->removeWidget(m_editor);
        delete m_editor;
    }
    m_editor = new TemplateEditor(m_repository, m_session, this);
    m_editor->setFolders(m_allFolders);
    m_stack->addWidget(m_editor);
    m_stack->setCurrentWidget(m_editor);
    connect(m_editor, &TemplateEditor::backRequested, this, &TemplatesPage::closeEditor);
    connect(m_editor, &TemplateEditor::saved, this, [this] { emit changed(); });
    if (id > 0) m_editor->openTemplate(id);
}

void TemplatesPage::openSelected() {
    if (const qint64 id = selectedId(); id > 0) openTemplate(id);
}

void TemplatesPage::duplicateSelected() {
    const qint64 id = selectedId();
    if (id <= 0 || !m_session.can(Core::Permissions::TemplatesWrite)) return;
    m_repository->api()->post(
        QStringLiteral("/api/v1/templates/%1/duplicate").arg(id), {}, this,
        [this](Core::Result<QJsonObject> r) {
            if (!r) return showMessage(r.error().message, true);
            const qint64 copy = r->value(QStringLiteral("id")).toInteger();
            showMessage(tr("Copied as “%1”.").arg(r->value(QStringLiteral("name")).toString()));
            emit changed();
            m_select = copy;
            reload();
        });
}

void TemplatesPage::deleteSelected() {
    const QJsonObject t = selectedTemplate();
    const qint64 id = t.value(QStringLiteral("id")).toInteger();
    if (id <= 0 || !m_session.can(Core::Permissions::TemplatesWrite)) return;
    if (!confirm(
            tr("Delete template"),
            tr("Delete “%1” with all its versions? Campaigns that use it will stop sending it.")
                .arg(t.value(QStringLiteral("name")).toString())))
        return;
    m_repository->api()->remove(
        QStringLiteral("/api/v1/templates/%1").arg(id), this,
        [this, t](Core::Result<QJsonObject> r) {
            if (!r) return showMessage(r.error().message, true);
            showMessage(tr("“%1” is deleted.").arg(t.value(QStringLiteral("name")).toString()));
            emit changed();
            reload();
        });
}

void TemplatesPage::importHtml() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import an HTML e-mail"), {},
                                                      tr("HTML files (*.html *.htm)"));
    if (!path.isEmpty()) importHtmlFile(path);
}

void TemplatesPage::importHtmlFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return showMessage(
            tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()), true);
    if (file.size() > 4 * 1024 * 1024)
        return showMessage(tr("%1 is larger than 4 MB; an e-mail that big would not be delivered.")
                               .arg(QFileInfo(path).fileName()),
                           true);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QFileInfo(path).completeBaseName());
    m_repository->api()->postRaw(
        QStringLiteral("/api/v1/templates/import"), query, file.readAll(),
        "text/html; charset=utf-8", this, [this](Core::Result<QJsonObject> r) {
            if (!r) return showMessage(r.error().message, true);
            showMessage(tr("Imported as the e-mail template “%1”.")
                            .arg(r->value(QStringLiteral("name")).toString()));
            emit changed();
            m_select = r->value(QStringLiteral("id")).toInteger();
            reload();
        });
}

void TemplatesPage::exportTemplate() {
    const QJsonObject t = selectedTemplate();
    if (t.isEmpty()) return;
    const bool email = t.value(QStringLiteral("channel")).toString() == QLatin1String("email");
    const QString suggested =
        t.value(QStringLiteral("name")).toString().replace(QLatin1Char('/'), QLatin1Char('-')) +
        (email ? QStringLiteral(".html") : QStringLiteral(".json"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the template"), suggested,
                                     email ? tr("HTML files (*.html)") : tr("JSON files (*.json)"));
    if (!path.isEmpty()) exportSelected(path);
}

void TemplatesPage::exportSelected(const QString &path) {
    const qint64 id = selectedId();
    if (id <= 0) return;
    // The server writes the file: an e-mail as its HTML, other channels as the template's JSON.
    auto *download = m_repository->api()->download(
        QStringLiteral("/api/v1/templates/%1/export").arg(id), path, this,
        QByteArrayLiteral("text/html, application/json"));
    connect(download, &Models::Download::finished, this,
            [this, download, path](const Core::Result<qint64> &written) {
                download->deleteLater();
                if (!written) return showMessage(written.error().message, true);
                showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
            });
}

void TemplatesPage::loadHistory(qint64 id) {
    ++m_historySerial;
    m_versions->clear();
    m_history = {};
    m_versionView->clear();
    if (id <= 0) return;
    m_historyLoading = true;
    const int serial = ++m_historySerial;
    m_repository->api()->get(
        QStringLiteral("/api/v1/templates/%1/versions").arg(id), {}, this,
        [this, serial](Core::Result<QJsonObject> r) {
            if (serial != m_historySerial) return;  // another template, or a newer read of this one
            m_historyLoading = false;
            if (!r) return showMessage(r.error().message, true);
            m_history = r->value(QStringLiteral("items")).toArray();
            const QSignalBlocker block(m_versions);
            m_versions->clear();
            for (int i = 0; i < m_history.size(); ++i) {
                const QJsonObject v = m_history[i].toObject();
                auto *item = new QListWidgetItem(
                    i == 0 ? tr("Version %1 (current) · %2 · %3") : tr("Version %1 · %2 · %3"),
                    m_versions);
                item->setText(item->text()
                                  .arg(v.value(QStringLiteral("version")).toInteger())
                                  .arg(Models::Format::dateTime(
                                           v.value(QStringLiteral("created_at")).toString()),
                                       v.value(QStringLiteral("author")).toString()));
                item->setData(VersionRole, v.value(QStringLiteral("version")).toInteger());
            }
            updateActions();
        });
}

void TemplatesPage::restoreSelectedVersion() {
    const qint64 id = selectedId();
    const QListWidgetItem *item = m_versions->currentItem();
    if (id <= 0 || !item || m_versions->currentRow() == 0) return;
    const qint64 version = item->data(VersionRole).toLongLong();
    if (!confirm(
            tr("Restore version"),
            tr("Make version %1 the current one? It is saved as a new version; nothing is lost.")
                .arg(version)))
        return;
    m_repository->api()->post(
        QStringLiteral("/api/v1/templates/%1/versions/%2/restore").arg(id).arg(version), {}, this,
        [this, version](Core::Result<QJsonObject> r) {
            if (!r) return showMessage(r.error().message, true);
            showMessage(tr("Version %1 is restored as version %2.")
                            .arg(version)
                            .arg(r->value(QStringLiteral("version")).toInteger()));
            emit changed();
            load();
        });
}

void TemplatesPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TemplatesPage::retranslate() {
    m_title->setText(tr("Message library"));
    m_search->setPlaceholderText(tr("Search names and texts"));
    const QString channel = m_channel->currentData().toString();
    m_channel->clear();
    m_channel->addItem(tr("All channels"), QString());
    for (const QString &c : Core::Messages::channels())
        m_channel->addItem(channelIcon(c), channelName(c), c);
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(channel)));
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("A new template (Ctrl+N)"));
    for (QAction *a : m_newMenu->actions()) a->setText(channelName(a->data().toString()));
    m_open->setText(tr("Open"));
    m_open->setToolTip(tr("Open the template (Enter)"));
    m_duplicate->setText(tr("Duplicate"));
    m_duplicate->setToolTip(tr("Copy the template (Ctrl+D)"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the template (Del)"));
    m_import->setText(tr("Import HTML…"));
    m_export->setText(tr("Export…"));
    m_historyTitle->setText(tr("Version history"));
    m_restore->setText(tr("Restore this version"));
    m_versionView->setPlaceholderText(tr("Choose a version to see its text."));
    fillFolders();
    fillRows();
}

}  // namespace LoyaltyDesk::Ui
