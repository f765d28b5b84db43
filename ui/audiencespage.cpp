#include "audiencespage.h"

#include "core/permissions.h"
#include "memberslist.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "widgets/pagedview.h"
#include "widgets/theme.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

// --- the dialog -----------------------------------------------------------------

AudienceDialog::AudienceDialog(Models::Repository *repository, qint64 segmentId, QWidget *parent)
    : QDialog(parent),
      m_repository(repository),
      m_segment(new QComboBox(this)),
      m_name(new QLineEdit(this)),
      m_tags(new QLineEdit(this)),
      m_error(new QLabel(this)),
      m_wanted(segmentId) {
    setObjectName(QStringLiteral("audienceDialog"));
    setWindowTitle(tr("New audience from a segment"));
    m_segment->setObjectName(QStringLiteral("audienceSegment"));
    m_name->setObjectName(QStringLiteral("audienceName"));
    m_tags->setObjectName(QStringLiteral("audienceTags"));
    m_name->setMaxLength(200);
    m_tags->setPlaceholderText(tr("For example: newsletter, spring"));
    m_segment->setMinimumContentsLength(36);
    m_segment->addItem(tr("Loading segments…"));
    m_segment->setEnabled(false);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #dc2626;"));
    m_error->hide();
    auto *hint = new QLabel(tr("The audience keeps the customers who are in the segment now. "
                               "Customers who qualify later do not join it."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("Segment:"), m_segment);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Tags:"), m_tags);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_createButton = buttons->button(QDialogButtonBox::Ok);
    m_createButton->setText(tr("Create"));
    m_createButton->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AudienceDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_segment, &QComboBox::currentIndexChanged, this, &AudienceDialog::suggestName);

    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    m_repository->api()->get(
        QStringLiteral("/api/v1/segments"), q, this, [this](Core::Result<QJsonObject> r) {
            m_segment->clear();
            if (!r) {
                m_error->setText(r.error().message);
                m_error->show();
                return;
            }
            const QLocale l;
            for (const auto &v : r->value(QStringLiteral("items")).toArray()) {
                const QJsonObject s = v.toObject();
                const QString size = s.value(QStringLiteral("last_calculated_at")).isNull()
                                         ? tr("not calculated yet")
                                         : tr("%Ln customer(s)", nullptr,
                                              int(s.value(QStringLiteral("size")).toInteger()));
                m_segment->addItem(
                    QStringLiteral("%1 — %2").arg(s.value(QStringLiteral("name")).toString(), size),
                    s.value(QStringLiteral("id")).toInteger());
                m_segment->setItemData(m_segment->count() - 1,
                                       s.value(QStringLiteral("name")).toString(),
                                       Qt::UserRole + 1);
            }
            m_loaded = true;
            m_segment->setEnabled(m_segment->count() > 0);
            m_createButton->setEnabled(m_segment->count() > 0);
            if (m_segment->count() == 0) {
                m_error->setText(tr("There are no segments yet. Create a segment first."));
                m_error->show();
            }
            if (m_wanted) selectSegment(m_wanted);
            suggestName();
        });
}

bool AudienceDialog::selectSegment(qint64 id) {
    const int index = m_segment->findData(id);
    if (index < 0) return false;
    m_segment->setCurrentIndex(index);
    return true;
}

void AudienceDialog::suggestName() {
    // Replace the name only while it is still the one we suggested.
    if (!m_name->text().isEmpty() && m_name->text() != m_suggested) return;
    const QString segment = m_segment->currentData(Qt::UserRole + 1).toString();
    m_suggested = segment.isEmpty()
                      ? QString()
                      : tr("%1, %2").arg(segment, QLocale().toString(QDate::currentDate(),
                                                                     QLocale::ShortFormat));
    m_name->setText(m_suggested);
}

void AudienceDialog::create() {
    const qint64 segment = m_segment->currentData().toLongLong();
    if (segment <= 0) return;
    QJsonArray tags;
    for (const QString &t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty()) tags.append(t.trimmed());
    const QJsonObject body{{QStringLiteral("segment_id"), segment},
                           {QStringLiteral("name"), m_name->text().trimmed()},
                           {QStringLiteral("tags"), tags}};
    m_createButton->setEnabled(false);
    m_error->hide();
    m_repository->api()->post(QStringLiteral("/api/v1/audiences"), body, this,
                              [this](Core::Result<QJsonObject> r) {
                                  m_createButton->setEnabled(true);
                                  if (!r) {
                                      m_error->setText(errorText(r.error()));
                                      m_error->show();
                                      return;
                                  }
                                  emit created(*r);
                                  accept();
                              });
}

// --- the page -------------------------------------------------------------------

AudiencesPage::AudiencesPage(Models::Repository *repository, QWidget *parent)
    : ListPage(repository, Models::Parts::audiences(), QStringLiteral("/api/v1/audiences"),
               parent) {
    setObjectName(QStringLiteral("audiencesPage"));
    audiencesView()->setObjectName(QStringLiteral("audiencesView"));
    makeAction(QStringLiteral("new"), QKeySequence::New, [this] { createFromSegment(); });
    makeAction(QStringLiteral("export"), QKeySequence(Qt::CTRL | Qt::Key_E),
               [this] { exportCurrent(); });
    makeAction(QStringLiteral("delete"), QKeySequence::Delete, [this] { deleteCurrent(); });
    toolbar()->addSeparator();
    makeAction(QStringLiteral("refresh"), QKeySequence::Refresh, [this] { reload(); });
    connect(audiencesView(), &Widgets::PagedView::activated, this,
            [this] { members()->view()->view()->setFocus(); });
    retranslate();
    updateActions();
}

QString AudiencesPage::itemPath(qint64 id) const {
    return QStringLiteral("/api/v1/audiences/%1").arg(id);
}

void AudiencesPage::updateActions() {
    ListPage::updateActions();
    const bool write = m_session.can(Core::Permissions::SegmentsWrite);
    action(QStringLiteral("new"))->setVisible(write);
    action(QStringLiteral("new"))->setEnabled(canWrite());
    action(QStringLiteral("delete"))->setVisible(write);
    action(QStringLiteral("delete"))
        ->setEnabled(canWrite() && !currentAudience().isEmpty() && !isBusy());
}

void AudiencesPage::showCurrentMembers() {
    const QJsonObject a = currentAudience();
    if (a.isEmpty()) {
        members()->showHint(tr("Select an audience to see its members."));
        return;
    }
    members()->showMembers(
        tr("Members of “%1”, frozen on %2")
            .arg(a.value(QStringLiteral("name")).toString(),
                 Models::Format::dateTime(a.value(QStringLiteral("created_at")).toString())),
        itemPath(a.value(QStringLiteral("id")).toInteger()) + QStringLiteral("/members"));
}

AudienceDialog *AudiencesPage::createFromSegment(qint64 segmentId) {
    if (!action(QStringLiteral("new"))->isEnabled()) return nullptr;
    if (m_dialog) m_dialog->close();
    m_dialog = new AudienceDialog(m_repository, segmentId, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &AudienceDialog::created, this, [this](const QJsonObject &a) {
        setStatus(tr("Created the audience “%1” with %Ln customer(s).", nullptr,
                     int(a.value(QStringLiteral("size")).toInteger()))
                      .arg(a.value(QStringLiteral("name")).toString()));
        reloadSelecting(a.value(QStringLiteral("id")).toInteger());
    });
    m_dialog->open();
    return m_dialog;
}

void AudiencesPage::deleteCurrent() {
    const QJsonObject a = currentAudience();
    if (a.isEmpty() || !action(QStringLiteral("delete"))->isEnabled()) return;
    const QString name = a.value(QStringLiteral("name")).toString();
    confirmDelete(tr("Delete audience"),
                  tr("Delete the audience “%1” and its list of %Ln customer(s)? The segment it "
                     "came from stays.",
                     nullptr, int(a.value(QStringLiteral("size")).toInteger()))
                      .arg(name),
                  tr("Deleted “%1”.").arg(name), tr("“%1” was not deleted.").arg(name));
}

void AudiencesPage::retranslate() {
    setTitle(tr("Audiences"), tr("An audience freezes who is in a segment at one moment, so that a "
                                 "campaign reaches exactly those customers."));
    const QList<std::pair<const char *, QString>> texts = {{"new", tr("New from segment…")},
                                                           {"export", tr("Export CSV…")},
                                                           {"delete", tr("Delete")},
                                                           {"refresh", tr("Refresh")}};
    for (const auto &[name, text] : texts) action(QString::fromLatin1(name))->setText(text);
    audiencesView()->setIdleText(tr("Loading audiences…"));
    ListPage::retranslate();
}

}  // namespace LoyaltyDesk::Ui
