#include "segmentspage.h"

#include "core/permissions.h"
#include "memberslist.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "segmenteditor.h"
#include "widgets/pagedview.h"
#include "widgets/searchbox.h"
#include "widgets/sparkline.h"

#include <QAction>
#include <QLocale>
#include <QToolBar>
#include <QTreeView>

namespace LoyaltyDesk::Ui {

SegmentsPage::SegmentsPage(Models::Repository *repository, QWidget *parent)
    : ListPage(repository, Models::Parts::segments(), QStringLiteral("/api/v1/segments"), parent),
      m_search(new Widgets::SearchBox(this)) {
    setObjectName(QStringLiteral("segmentsPage"));
    segmentsView()->setObjectName(QStringLiteral("segmentsView"));
    segmentsView()->view()->setItemDelegate(new Widgets::SparklineDelegate(segmentsView()->view()));
    m_search->setObjectName(QStringLiteral("segmentSearch"));
    m_search->setMaximumWidth(320);

    makeAction(QStringLiteral("new"), QKeySequence::New, [this] { newSegment(); });
    makeAction(QStringLiteral("open"), QKeySequence(), [this] { openCurrent(); });
    toolbar()->addSeparator();
    makeAction(QStringLiteral("duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
               [this] { duplicateCurrent(); });
    makeAction(QStringLiteral("recalculate"), QKeySequence(Qt::CTRL | Qt::Key_R),
               [this] { recalculateCurrent(); });
    makeAction(QStringLiteral("audience"), QKeySequence(), [this] {
        if (const QJsonObject s = currentSegment(); !s.isEmpty())
            emit audienceRequested(s.value(QStringLiteral("id")).toInteger());
    });
    makeAction(QStringLiteral("export"), QKeySequence(Qt::CTRL | Qt::Key_E),
               [this] { exportCurrent(); });
    makeAction(QStringLiteral("delete"), QKeySequence::Delete, [this] { deleteCurrent(); });
    toolbar()->addSeparator();
    makeAction(QStringLiteral("refresh"), QKeySequence::Refresh, [this] { reload(); });
    auto *spacer = new QWidget(toolbar());
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar()->addWidget(spacer);
    toolbar()->addWidget(m_search);

    connect(m_search, &Widgets::SearchBox::searchRequested, this, [this](const QString &text) {
        QUrlQuery q;
        if (!text.trimmed().isEmpty()) q.addQueryItem(QStringLiteral("q"), text.trimmed());
        segmentsModel()->setFilter(q);
        reload();
    });
    connect(m_search, &Widgets::SearchBox::downPressed, this,
            [this] { segmentsView()->view()->setFocus(); });
    connect(segmentsView(), &Widgets::PagedView::activated, this, [this] { openCurrent(); });
    retranslate();
    updateActions();
}

QString SegmentsPage::itemPath(qint64 id) const {
    return QStringLiteral("/api/v1/segments/%1").arg(id);
}

void SegmentsPage::updateActions() {
    ListPage::updateActions();
    const bool write = m_session.can(Core::Permissions::SegmentsWrite);
    const bool selected = !currentSegment().isEmpty();
    for (const char *name : {"new", "duplicate", "recalculate", "audience", "delete"}) {
        QAction *a = action(QString::fromLatin1(name));
        a->setVisible(write);
        a->setEnabled(canWrite() && (qstrcmp(name, "new") == 0 || selected) && !isBusy());
    }
    action(QStringLiteral("open"))->setEnabled(selected);
}

void SegmentsPage::showCurrentMembers() {
    const QJsonObject s = currentSegment();
    if (s.isEmpty()) {
        members()->showHint(tr("Select a segment to see its members."));
        return;
    }
    const QString name = s.value(QStringLiteral("name")).toString();
    if (s.value(QStringLiteral("last_calculated_at")).isNull()) {
        members()->showHint(
            tr("“%1” has not been calculated yet. Press Recalculate to find its members now.")
                .arg(name));
        return;
    }
    members()->showMembers(
        tr("Members of “%1” as of %2")
            .arg(name, Models::Format::dateTime(
                           s.value(QStringLiteral("last_calculated_at")).toString())),
        itemPath(s.value(QStringLiteral("id")).toInteger()) + QStringLiteral("/members"));
}

void SegmentsPage::newSegment() {
    if (action(QStringLiteral("new"))->isEnabled()) emit newRequested();
}

void SegmentsPage::openCurrent() {
    const QJsonObject s = currentSegment();
    if (!s.isEmpty()) emit openRequested(s.value(QStringLiteral("id")).toInteger());
}

void SegmentsPage::duplicateCurrent() {
    const QJsonObject s = currentSegment();
    if (s.isEmpty() || !action(QStringLiteral("duplicate"))->isEnabled()) return;
    setBusy(true);
    m_repository->api()->post(
        itemPath(s.value(QStringLiteral("id")).toInteger()) + QStringLiteral("/duplicate"), {},
        this, [this](Core::Result<QJsonObject> r) {
            setBusy(false);
            if (!r) return report(tr("Duplicate segment"), r.error().message);
            setStatus(tr("Duplicated as “%1”.").arg(r->value(QStringLiteral("name")).toString()));
            reloadSelecting(r->value(QStringLiteral("id")).toInteger());
        });
}

void SegmentsPage::recalculateCurrent() {
    const QJsonObject s = currentSegment();
    if (s.isEmpty() || !action(QStringLiteral("recalculate"))->isEnabled()) return;
    const QString name = s.value(QStringLiteral("name")).toString();
    QObject *context = waitWithProgress(this, tr("Recalculating “%1”…").arg(name));
    setBusy(true);
    connect(context, &QObject::destroyed, this, [this] { setBusy(false); });
    m_repository->api()->post(
        itemPath(s.value(QStringLiteral("id")).toInteger()) + QStringLiteral("/recalculate"), {},
        context, [this, context, name](Core::Result<QJsonObject> r) {
            delete context;
            if (!r) return report(tr("Recalculate segment"), r.error().message);
            const QLocale l;
            QString text = tr("Recalculated “%1”: %Ln customer(s) in %2.", nullptr,
                              int(r->value(QStringLiteral("size")).toInteger()))
                               .arg(name, Models::Format::duration(
                                              r->value(QStringLiteral("duration_ms")).toInteger()));
            if (!r->value(QStringLiteral("baseline")).toBool())
                text += QLatin1Char(' ') +
                        tr("%1 entered, %2 left.")
                            .arg(l.toString(r->value(QStringLiteral("entered")).toInteger()),
                                 l.toString(r->value(QStringLiteral("left")).toInteger()));
            setStatus(text);
            reload();
        });
}

void SegmentsPage::deleteCurrent() {
    const QJsonObject s = currentSegment();
    if (s.isEmpty() || !action(QStringLiteral("delete"))->isEnabled()) return;
    const QString name = s.value(QStringLiteral("name")).toString();
    confirmDelete(tr("Delete segment"),
                  tr("Delete the segment “%1”? Its members, history and schedule are deleted too. "
                     "Audiences taken from it stay.")
                      .arg(name),
                  tr("Deleted “%1”.").arg(name), tr("“%1” was not deleted.").arg(name));
}

void SegmentsPage::retranslate() {
    setTitle(tr("Segments"), tr("Groups of customers described by rules. The server recalculates "
                                "each on its schedule and records who entered and who left."));
    m_search->setPlaceholderText(tr("Find a segment by name"));
    const QList<std::pair<const char *, QString>> texts = {
        {"new", tr("New")},
        {"open", tr("Open")},
        {"duplicate", tr("Duplicate")},
        {"recalculate", tr("Recalculate")},
        {"audience", tr("New audience…")},
        {"export", tr("Export CSV…")},
        {"delete", tr("Delete")},
        {"refresh", tr("Refresh")},
    };
    for (const auto &[name, text] : texts) action(QString::fromLatin1(name))->setText(text);
    segmentsView()->setIdleText(tr("Loading segments…"));
    ListPage::retranslate();
    action(QStringLiteral("open"))->setToolTip(tr("Open (Enter)"));
}

SegmentsSection::SegmentsSection(Models::Repository *repository, QWidget *parent)
    : QStackedWidget(parent),
      m_list(new SegmentsPage(repository, this)),
      m_editor(new SegmentEditor(repository, this)) {
    setObjectName(QStringLiteral("segmentsSection"));
    addWidget(m_list);
    addWidget(m_editor);
    connect(m_list, &SegmentsPage::newRequested, this, [this] {
        m_editor->setReadOnly(false);
        m_editor->newSegment();
        setCurrentWidget(m_editor);
    });
    connect(m_list, &SegmentsPage::openRequested, this, [this](qint64 id) {
        // Readers may look at a segment's rule and count; only writers may change it.
        m_editor->setReadOnly(!m_list->session().can(Core::Permissions::SegmentsWrite));
        m_editor->openSegment(id);
        setCurrentWidget(m_editor);
    });
    connect(m_editor, &SegmentEditor::saved, m_list,
            [this](qint64 id) { m_list->reloadSelecting(id); });
    connect(m_editor, &SegmentEditor::closed, this, &SegmentsSection::showList);
}

bool SegmentsSection::isEditorShown() const {
    return currentWidget() == m_editor;
}

void SegmentsSection::showList() {
    setCurrentWidget(m_list);
    m_list->segmentsView()->view()->setFocus();
}

}  // namespace LoyaltyDesk::Ui
