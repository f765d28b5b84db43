#include "segmenteditor.h"

#include "models/apiclient.h"
#include "models/format.h"
#include "models/repository.h"
#include "widgets/rulebuilder.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {

constexpr int DefaultRecalcMinutes = 360;
const QList<int> ScheduleMinutes = {15, 60, 180, 360, 720, 1440, 10080};

QLabel *caption(QWidget *parent) {
    auto *l = new QLabel(parent);
    l->setStyleSheet(QStringLiteral(
        "color: palette(placeholder-text); font-size: 11px; text-transform: uppercase;"));
    return l;
}

QLabel *figure(QWidget *parent, const QString &name) {
    auto *l = new QLabel(QStringLiteral("—"), parent);
    l->setObjectName(name);
    Widgets::Theme::setTitleFont(l, 1.15);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

SegmentEditor::SegmentEditor(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_title(new QLabel(this)),
      m_name(new QLineEdit(this)),
      m_tags(new Widgets::TagEditor(this)),
      m_schedule(new QComboBox(this)),
      m_builder(new Widgets::RuleBuilder),
      m_undo(new QPushButton(this)),
      m_redo(new QPushButton(this)),
      m_save(new QPushButton(this)),
      m_close(new QPushButton(this)),
      m_message(new QLabel(this)),
      m_nameLabel(new QLabel(this)),
      m_tagsLabel(new QLabel(this)),
      m_scheduleLabel(new QLabel(this)),
      m_countCaption(caption(this)),
      m_countValue(new QLabel(QStringLiteral("—"), this)),
      m_countUnit(new QLabel(this)),
      m_shareBar(new QProgressBar(this)),
      m_share(new QLabel(this)),
      m_averageCaption(caption(this)),
      m_average(figure(this, QStringLiteral("liveAverage"))),
      m_revenueCaption(caption(this)),
      m_revenue(figure(this, QStringLiteral("liveRevenue"))),
      m_ltvCaption(caption(this)),
      m_ltv(figure(this, QStringLiteral("liveLtv"))),
      m_spinner(new QProgressBar(this)),
      m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("segmentEditor"));
    Widgets::Theme::setTitleFont(m_title, 1.35);
    m_title->setObjectName(QStringLiteral("segmentTitle"));
    m_name->setObjectName(QStringLiteral("segmentName"));
    m_name->setMaxLength(200);
    m_tags->setObjectName(QStringLiteral("segmentTags"));
    m_schedule->setObjectName(QStringLiteral("recalcSchedule"));
    m_nameLabel->setBuddy(m_name);
    m_tagsLabel->setBuddy(m_tags->input());
    m_scheduleLabel->setBuddy(m_schedule);
    m_undo->setObjectName(QStringLiteral("undo"));
    m_redo->setObjectName(QStringLiteral("redo"));
    m_save->setObjectName(QStringLiteral("saveSegment"));
    m_save->setDefault(true);
    m_close->setObjectName(QStringLiteral("closeSegment"));
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_undo);
    top->addWidget(m_redo);
    top->addSpacing(12);
    top->addWidget(m_close);
    top->addWidget(m_save);

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(8);
    form->addWidget(m_nameLabel, 0, 0);
    form->addWidget(m_name, 0, 1);
    form->addWidget(m_scheduleLabel, 0, 2);
    form->addWidget(m_schedule, 0, 3);
    form->addWidget(m_tagsLabel, 1, 0);
    form->addWidget(m_tags, 1, 1, 1, 3);
    form->setColumnStretch(1, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("ruleScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *canvas = new QWidget;
    auto *canvasLayout = new QVBoxLayout(canvas);
    canvasLayout->setContentsMargins(0, 0, 8, 0);
    canvasLayout->addWidget(m_builder);
    canvasLayout->addStretch(1);
    scroll->setWidget(canvas);

    // The live count panel.
    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("countPanel"));
    panel->setFixedWidth(250);
    panel->setStyleSheet(
        QStringLiteral("QFrame#countPanel { background: palette(base); border: 1px solid "
                       "palette(mid); border-radius: 8px; }"));
    m_countValue->setObjectName(QStringLiteral("liveCount"));
    Widgets::Theme::setTitleFont(m_countValue, 2.6);
    m_countValue->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_countUnit->setObjectName(QStringLiteral("liveCountUnit"));
    m_shareBar->setObjectName(QStringLiteral("shareBar"));
    m_shareBar->setRange(0, 1000);
    m_shareBar->setTextVisible(false);
    m_shareBar->setFixedHeight(6);
    m_share->setObjectName(QStringLiteral("liveShare"));
    m_spinner->setObjectName(QStringLiteral("countSpinner"));
    m_spinner->setRange(0, 0);
    m_spinner->setTextVisible(false);
    m_spinner->setFixedHeight(4);
    m_spinner->hide();
    m_status->setObjectName(QStringLiteral("countStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *p = new QVBoxLayout(panel);
    p->setContentsMargins(16, 14, 16, 14);
    p->setSpacing(4);
    p->addWidget(m_countCaption);
    p->addWidget(m_countValue);
    p->addWidget(m_countUnit);
    p->addSpacing(6);
    p->addWidget(m_shareBar);
    p->addWidget(m_share);
    p->addSpacing(12);
    for (auto [c, v] : {std::pair{m_averageCaption, m_average},
                        std::pair{m_revenueCaption, m_revenue}, std::pair{m_ltvCaption, m_ltv}}) {
        p->addWidget(c);
        p->addWidget(v);
        p->addSpacing(8);
    }
    p->addStretch(1);
    p->addWidget(m_spinner);
    p->addWidget(m_status);

    auto *middle = new QHBoxLayout;
    middle->setSpacing(14);
    middle->addWidget(scroll, 1);
    middle->addWidget(panel, 0, Qt::AlignTop);
    panel->setMinimumHeight(300);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(middle, 1);

    m_builder->setApiClient(m_repository->api());
    QUndoStack *undo = m_builder->undoStack();
    connect(m_undo, &QPushButton::clicked, undo, &QUndoStack::undo);
    connect(m_redo, &QPushButton::clicked, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::canUndoChanged, this, &SegmentEditor::updateButtons);
    connect(undo, &QUndoStack::canRedoChanged, this, &SegmentEditor::updateButtons);
    connect(undo, &QUndoStack::undoTextChanged, this, &SegmentEditor::updateButtons);
    connect(undo, &QUndoStack::redoTextChanged, this, &SegmentEditor::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &SegmentEditor::save);
    connect(m_close, &QPushButton::clicked, this, [this] { requestClose(); });
    new QShortcut(QKeySequence::Save, this, this, &SegmentEditor::save,
                  Qt::WidgetWithChildrenShortcut);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        updateTitle();
        updateButtons();
    });
    connect(m_tags, &Widgets::TagEditor::valuesChanged, this, &SegmentEditor::updateButtons);
    connect(m_schedule, &QComboBox::activated, this, &SegmentEditor::updateButtons);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &SegmentEditor::countNow);
    connect(m_builder, &Widgets::RuleBuilder::ruleChanged, this, [this] {
        updateButtons();
        m_debounce.start();
        if (!m_builder->isValid())
            setCounting(false, tr("Fix the conditions marked in red to see the count."));
    });
    connect(m_repository->api(), &Models::ApiClient::onlineChanged, this, [this](bool online) {
        if (online)
            countNow();
        else
            setCounting(
                false,
                tr("Offline: the count needs the server. It resumes when the connection is back."));
    });

    retranslate();
    m_repository->fetch(
        QStringLiteral("/api/v1/segments/fields"), {}, this,
        [this](Core::Result<Models::Fetched> r) {
            if (!r)
                return showMessage(
                    tr("The list of fields could not be loaded: %1").arg(r.error().message), true);
            m_builder->setCatalog(r->json);
            countNow();
        });
    newSegment();
}

SegmentEditor::~SegmentEditor() {
    cancelRunning();
    m_builder->undoStack()->disconnect(this);  // it signals while it is destroyed
}

void SegmentEditor::retranslate() {
    m_nameLabel->setText(tr("&Name:"));
    m_tagsLabel->setText(tr("&Tags:"));
    m_scheduleLabel->setText(tr("&Recalculate:"));
    m_name->setPlaceholderText(tr("e.g. Loyal buyers of oral care"));
    m_tags->setPlaceholder(tr("Add a tag, press Enter"));
    const int schedule = m_schedule->currentIndex();
    m_schedule->clear();
    for (int minutes : ScheduleMinutes) {
        QString text;
        if (minutes < 60)
            text = tr("every %n minute(s)", "", minutes);
        else if (minutes < 1440)
            text = tr("every %n hour(s)", "", minutes / 60);
        else if (minutes < 10080)
            text = tr("every %n day(s)", "", minutes / 1440);
        else
            text = tr("once a week");
        m_schedule->addItem(text, minutes);
    }
    m_schedule->setCurrentIndex(schedule >= 0 ? schedule
                                              : int(ScheduleMinutes.indexOf(DefaultRecalcMinutes)));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save the segment (Ctrl+S)"));
    m_close->setText(tr("Close"));
    m_countCaption->setText(tr("Customers in the segment"));
    m_averageCaption->setText(tr("Average receipt"));
    m_revenueCaption->setText(tr("Revenue"));
    m_ltvCaption->setText(tr("Revenue per customer"));
    if (m_count >= 0)
        m_countUnit->setText(tr("%n customer(s)", "", int(std::min<qint64>(m_count, INT_MAX))));
    updateTitle();
    updateButtons();
}

void SegmentEditor::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QJsonObject SegmentEditor::state() const {
    return QJsonObject{{QStringLiteral("name"), m_name->text().trimmed()},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(m_tags->values())},
                       {QStringLiteral("recalc_minutes"), m_schedule->currentData().toInt()},
                       {QStringLiteral("rule"), m_builder->rule()}};
}

bool SegmentEditor::isDirty() const {
    return state() != m_savedState;
}

void SegmentEditor::newSegment() {
    m_id = 0;
    m_name->clear();
    m_tags->setValues({});
    m_schedule->setCurrentIndex(int(ScheduleMinutes.indexOf(DefaultRecalcMinutes)));
    m_builder->setRule({});
    m_savedState = state();
    showMessage({}, false);
    updateTitle();
    updateButtons();
}

void SegmentEditor::openSegment(qint64 id) {
    showMessage(tr("Loading…"), false);
    m_repository->fetch(
        QStringLiteral("/api/v1/segments/%1").arg(id), {}, this,
        [this](Core::Result<Models::Fetched> r) {
            if (!r)
                return showMessage(tr("The segment could not be opened: %1").arg(r.error().message),
                                   true);
            loaded(r->json);
            if (r->fromCache())
                showMessage(tr("Offline: showing the copy from %1; saving needs the server.")
                                .arg(QLocale().toString(*r->cachedAt, QLocale::ShortFormat)),
                            true);
        });
}

void SegmentEditor::loaded(const QJsonObject &segment) {
    m_id = segment.value(QStringLiteral("id")).toInteger();
    m_name->setText(segment.value(QStringLiteral("name")).toString());
    QStringList tags;
    for (const auto &t : segment.value(QStringLiteral("tags")).toArray()) tags << t.toString();
    m_tags->setValues(tags);
    const int minutes = segment.value(QStringLiteral("recalc_minutes")).toInt(DefaultRecalcMinutes);
    if (m_schedule->findData(minutes) < 0)
        m_schedule->addItem(tr("every %n minute(s)", "", minutes), minutes);
    m_schedule->setCurrentIndex(m_schedule->findData(minutes));
    m_builder->setRule(segment.value(QStringLiteral("rule")).toObject());
    m_savedState = state();
    showMessage({}, false);
    updateTitle();
    updateButtons();
}

void SegmentEditor::updateTitle() {
    const QString name = m_name->text().trimmed();
    const QString title = m_id == 0 && name.isEmpty() ? tr("New segment")
                          : name.isEmpty()            ? tr("Segment %1").arg(m_id)
                                                      : name;
    m_title->setText(m_readOnly ? tr("%1 (view only)").arg(title) : title);
}

void SegmentEditor::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    m_name->setReadOnly(readOnly);
    m_tags->setEnabled(!readOnly);
    m_schedule->setEnabled(!readOnly);
    m_builder->setEnabled(!readOnly);
    m_builder->setToolTip(readOnly ? tr("Changing segments needs the permission to edit them.") : QString());
    updateTitle();
    updateButtons();
}

void SegmentEditor::updateButtons() {
    const QUndoStack *undo = m_builder->undoStack();
    m_undo->setEnabled(undo->canUndo());
    m_redo->setEnabled(undo->canRedo());
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    m_undo->setToolTip(undo->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(undo->undoText())
                                       : tr("Nothing to undo"));
    m_redo->setToolTip(undo->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(undo->redoText())
                                       : tr("Nothing to redo"));
    m_save->setEnabled(!m_readOnly && !m_saving && (isDirty() || m_id == 0));
    for (QPushButton *b : {m_undo, m_redo, m_save}) b->setVisible(!m_readOnly);
}

void SegmentEditor::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

QString SegmentEditor::message() const {
    return m_message->text();
}

QString SegmentEditor::countStatus() const {
    return m_status->text();
}

void SegmentEditor::save() {
    if (m_saving || m_readOnly) return;
    const QJsonObject body = state();
    if (body.value(QStringLiteral("name")).toString().isEmpty()) {
        showMessage(tr("Give the segment a name."), true);
        m_name->setFocus();
        return;
    }
    if (!m_builder->isValid()) {
        showMessage(tr("The rule has mistakes (marked in red). Fix them to save."), true);
        return;
    }
    m_saving = true;
    updateButtons();
    showMessage(tr("Saving…"), false);
    auto done = [this, body](Core::Result<QJsonObject> r) {
        m_saving = false;
        if (!r) {
            QStringList lines{r.error().message};
            for (const auto &f : r.error().fields)
                lines << f.field + QStringLiteral(": ") + f.message;
            showMessage(r.error().kind == Core::ErrorKind::Network
                            ? tr("Offline: the segment can be saved when the server is back.")
                            : lines.join(QLatin1Char('\n')),
                        true);
            updateButtons();
            return;
        }
        m_id = r->value(QStringLiteral("id")).toInteger();
        m_repository->store(QStringLiteral("/api/v1/segments/%1").arg(m_id), *r);
        m_savedState = body;
        showMessage(tr("Saved. Members are calculated on the schedule."), false);
        updateTitle();
        updateButtons();
        emit saved(m_id);
    };
    if (m_id == 0)
        m_repository->api()->post(QStringLiteral("/api/v1/segments"), body, this, done);
    else
        m_repository->api()->patch(QStringLiteral("/api/v1/segments/%1").arg(m_id), body, this,
                                   done);
}

bool SegmentEditor::requestClose() {
    if (isDirty()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("Save the changes to this segment before closing?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedChanges"));
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel) return false;
        if (answer == QMessageBox::Save) {
            save();
            return false;  // closes after the server answered, by the user
        }
    }
    cancelRunning();
    m_savedState = state();
    emit closed();
    return true;
}

void SegmentEditor::setCounting(bool counting, const QString &status) {
    m_spinner->setVisible(counting);
    m_status->setText(status);
}

void SegmentEditor::cancelRunning() {
    if (m_requestId.isEmpty()) return;
    m_repository->api()->post(QStringLiteral("/api/v1/segments/preview/%1/cancel").arg(m_requestId),
                              {}, this, [](Core::Result<QJsonObject>) {});
    m_requestId.clear();
}

void SegmentEditor::countNow() {
    m_debounce.stop();
    if (m_builder->catalog().fields().isEmpty()) return;
    cancelRunning();
    if (!m_builder->isValid())
        return setCounting(false, tr("Fix the conditions marked in red to see the count."));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_requestId = id;
    setCounting(true, tr("Counting…"));
    const QJsonObject body{{QStringLiteral("rule"), m_builder->rule()},
                           {QStringLiteral("request_id"), id}};
    m_repository->api()->post(
        QStringLiteral("/api/v1/segments/preview"), body, this,
        [this, id](Core::Result<QJsonObject> r) {
            if (id != m_requestId) return;  // a newer count replaced this one
            m_requestId.clear();
            if (!r) {
                const QString type = r.error().type.section(QLatin1Char('/'), -1);
                if (r.error().kind == Core::ErrorKind::Network)
                    return setCounting(false, tr("Offline: the count needs the server. It resumes "
                                                 "when the connection is back."));
                if (type == QLatin1String("time-limit"))
                    return setCounting(
                        false, tr("Counting took too long and was stopped. Narrow the rule (a "
                                  "shorter time window, fewer nested groups) and try again."));
                if (type == QLatin1String("cancelled")) return;
                return setCounting(false, tr("The count failed: %1").arg(r.error().message));
            }
            m_lastPreview = *r;
            m_count = r->value(QStringLiteral("count")).toInteger();
            const double share = r->value(QStringLiteral("share")).toDouble();
            m_countValue->setText(QLocale().toString(m_count));
            m_countUnit->setText(tr("%n customer(s)", "", int(std::min<qint64>(m_count, INT_MAX))));
            m_shareBar->setValue(int(share * 1000));
            m_share->setText(
                tr("%1 of %2 customers")
                    .arg(QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %"),
                         QLocale().toString(r->value(QStringLiteral("total")).toInteger())));
            m_average->setText(
                Models::Format::money(r->value(QStringLiteral("average_receipt")).toInteger()));
            m_revenue->setText(
                Models::Format::money(r->value(QStringLiteral("revenue")).toInteger()));
            m_ltv->setText(Models::Format::money(r->value(QStringLiteral("ltv")).toInteger()));
            const int ms = int(r->value(QStringLiteral("duration_ms")).toInteger());
            setCounting(false, ms < 1 ? tr("Counted in under a millisecond") : tr("Counted in %n ms", "", ms));
            emit countUpdated(m_count);
        });
}

}  // namespace LoyaltyDesk::Ui
