#include "templateeditor.h"

#include "core/messages/content.h"
#include "core/messages/sms.h"
#include "core/permissions.h"
#include "models/apiclient.h"
#include "models/drafts.h"
#include "models/format.h"
#include "models/repository.h"
#include "models/templates.h"
#include "testsenddialog.h"
#include "widgets/customerpicker.h"
#include "widgets/devicepreview.h"
#include "widgets/emaileditor.h"
#include "widgets/mergetagpicker.h"
#include "widgets/phonepreview.h"
#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace Msg = Core::Messages;

namespace {

const QString Channel = QStringLiteral("channel");
const QString Name = QStringLiteral("name");
const QString Folder = QStringLiteral("folder");
const QString Tags = QStringLiteral("tags");
const QString Content = QStringLiteral("content");
const QString TextPart = QStringLiteral("text");
const QString HtmlPart = QStringLiteral("html");
const QString DesignPart = QStringLiteral("design");

// Marks the characters of an SMS that force UCS-2 (everything outside GSM 03.38).
class UcsHighlighter final : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override {
        QTextCharFormat format;
        format.setBackground(QColor(251, 146, 60, 110));
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xea580c));
        for (int i = 0; i < text.size(); ++i) {
            const int len = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            if (Msg::countSms(text.mid(i, len)).encoding == QLatin1String("ucs2"))
                setFormat(i, len, format);
            i += len - 1;
        }
    }
};

QStringList tagList(const QString &text) {
    QStringList out;
    for (const QString &t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty() && !out.contains(t.trimmed())) out << t.trimmed();
    return out;
}

}  // namespace

TemplateEditor::TemplateEditor(Models::Repository *repository, const Models::Session &session,
                               QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_session(session),
      m_canWrite(session.can(Core::Permissions::TemplatesWrite)),
      m_title(new QLabel(this)),
      m_versionLabel(new QLabel(this)),
      m_back(new QToolButton(this)),
      m_name(new QLineEdit(this)),
      m_nameCaption(new QLabel(this)),
      m_folderCaption(new QLabel(this)),
      m_tagsCaption(new QLabel(this)),
      m_folder(new QComboBox(this)),
      m_tags(new QLineEdit(this)),
      m_banner(new QFrame(this)),
      m_bannerText(new QLabel(m_banner)),
      m_restoreDraft(new QPushButton(m_banner)),
      m_discardDraft(new QPushButton(m_banner)),
      m_form(new QWidget(this)),
      m_picker(new Widgets::MergeTagPicker(repository->api(), this)),
      m_sample(new Widgets::CustomerPicker(repository->api(), this)),
      m_preview(new Widgets::PhonePreview(this)),
      m_previewLabel(new QLabel(this)),
      m_sampleLabel(new QLabel(this)),
      m_status(new QLabel(this)),
      m_save(new QPushButton(this)),
      m_test(new QPushButton(this)),
      m_undo(new QToolButton(this)),
      m_redo(new QToolButton(this)) {
    setObjectName(QStringLiteral("templateEditor"));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_folder->setObjectName(QStringLiteral("templateFolder"));
    m_folder->setEditable(true);
    m_folder->setInsertPolicy(QComboBox::NoInsert);
    m_folder->setMinimumWidth(160);
    m_tags->setObjectName(QStringLiteral("templateTags"));
    m_banner->setObjectName(QStringLiteral("draftBanner"));
    m_restoreDraft->setObjectName(QStringLiteral("restoreDraft"));
    m_discardDraft->setObjectName(QStringLiteral("discardDraft"));
    m_status->setObjectName(QStringLiteral("editorStatus"));
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_test->setObjectName(QStringLiteral("testSend"));
    Widgets::Theme::setTitleFont(m_title, 1.35);
    m_versionLabel->setForegroundRole(QPalette::PlaceholderText);
    m_back->setAutoRaise(true);
    m_back->setArrowType(Qt::LeftArrow);
    m_save->setDefault(true);
    m_save->setEnabled(m_canWrite);
    m_test->setEnabled(m_canWrite);
    m_name->setReadOnly(!m_canWrite);
    m_tags->setReadOnly(!m_canWrite);
    m_folder->setEnabled(m_canWrite);

    m_banner->setStyleSheet(
        QStringLiteral("#draftBanner { background: rgba(234, 179, 8, 0.16); border: 1px solid "
                       "rgba(202, 138, 4, 0.5); border-radius: 6px; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    m_bannerText->setWordWrap(true);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_restoreDraft);
    bannerLayout->addWidget(m_discardDraft);
    m_banner->hide();

    auto *head = new QHBoxLayout;
    head->addWidget(m_back);
    head->addWidget(m_title);
    head->addWidget(m_versionLabel);
    head->addStretch(1);
    for (QToolButton *b : {m_undo, m_redo}) {
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::NoFocus);
        head->addWidget(b);
    }
    head->addWidget(m_picker);
    head->addWidget(m_test);
    head->addWidget(m_save);
    m_undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));

    auto *meta = new QGridLayout;
    meta->setVerticalSpacing(2);
    for (QLabel *caption : {m_nameCaption, m_folderCaption, m_tagsCaption})
        caption->setForegroundRole(QPalette::PlaceholderText);
    meta->addWidget(m_nameCaption, 0, 0);
    meta->addWidget(m_folderCaption, 0, 1);
    meta->addWidget(m_tagsCaption, 0, 2);
    meta->addWidget(m_name, 1, 0);
    meta->addWidget(m_folder, 1, 1);
    meta->addWidget(m_tags, 1, 2);
    meta->setColumnStretch(0, 3);
    meta->setColumnStretch(1, 2);
    meta->setColumnStretch(2, 2);

    auto *formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(m_form);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    rightLayout->addWidget(m_previewLabel);
    rightLayout->addWidget(m_sample);
    rightLayout->addWidget(m_sampleLabel);
    rightLayout->addWidget(m_preview, 1, Qt::AlignHCenter);
    m_previewLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_sampleLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(formScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(8);
    layout->addLayout(head);
    layout->addLayout(meta);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(350);
    connect(&m_renderTimer, &QTimer::timeout, this, &TemplateEditor::render);
    connect(m_picker, &Widgets::MergeTagPicker::loaded, this, [this] { m_renderTimer.start(); });
    connect(m_sample, &Widgets::CustomerPicker::customerChanged, this, [this] { render(); });
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_tags)})
        m_picker->addTarget(w);
    connect(m_name, &QLineEdit::textEdited, this, &TemplateEditor::edited);
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &t) { emit titleChanged(t); });
    connect(m_tags, &QLineEdit::textEdited, this, &TemplateEditor::edited);
    connect(m_folder, &QComboBox::editTextChanged, this, [this] {
        if (!m_filling) edited();
    });
    connect(m_back, &QToolButton::clicked, this, [this] {
        flushDraft();
        emit backRequested();
    });
    connect(m_restoreDraft, &QPushButton::clicked, this, [this] {
        const QJsonObject draft = m_offeredDraft;
        m_banner->hide();
        fill(draft);
        edited();
        setStatus(tr("Your draft is back. Save to make it a new version."));
    });
    connect(m_discardDraft, &QPushButton::clicked, this, [this] {
        m_banner->hide();
        m_drafts->discard();
    });

    auto action = [this](const QKeySequence &keys, auto slot) {
        auto *a = new QAction(this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_saveAction = action(QKeySequence::Save, &TemplateEditor::save);
    m_testAction = action(QKeySequence(Qt::CTRL | Qt::Key_T), &TemplateEditor::openTestSend);
    m_undoAction = action(QKeySequence::Undo, &TemplateEditor::undo);
    m_redoAction = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), &TemplateEditor::redo);
    m_undo->setDefaultAction(m_undoAction);
    m_redo->setDefaultAction(m_redoAction);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    connect(m_save, &QPushButton::clicked, this, &TemplateEditor::save);
    connect(m_test, &QPushButton::clicked, this, &TemplateEditor::openTestSend);
    auto *back = new QAction(this);
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, m_back, &QToolButton::click);
    addAction(back);
    retranslate();
}

TemplateEditor::~TemplateEditor() = default;

QString TemplateEditor::draftKey() const {
    const QString server = m_repository->api()->baseUrl().toString(QUrl::RemoveUserInfo);
    return Models::Drafts::keyFor(
        m_session.username, server, QStringLiteral("template"),
        m_id ? QString::number(m_id) : QStringLiteral("new-") + m_channel);
}

QString TemplateEditor::partTitle(const QString &channel, const QString &part) {
    if (part == QLatin1String("subject")) return tr("Subject");
    if (part == QLatin1String("preheader")) return tr("Preheader");
    if (part == QLatin1String("sender_name")) return tr("Sender name");
    if (part == QLatin1String("sender_email")) return tr("Sender e-mail");
    if (part == HtmlPart) return tr("HTML source");
    if (part == TextPart)
        return channel == QLatin1String("email") ? tr("Plain-text part") : tr("Text");
    if (part == QLatin1String("title")) return tr("Title");
    if (part == QLatin1String("body")) return tr("Body");
    if (part == QLatin1String("deep_link")) return tr("Deep link");
    if (part == QLatin1String("image")) return tr("Image URL");
    if (part == QLatin1String("button")) return tr("Button");
    if (part == QLatin1String("link")) return tr("Link");
    return part;
}

void TemplateEditor::clearParts() {
    delete m_form->layout();
    qDeleteAll(m_form->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_parts.clear();
    m_bodyTabs = nullptr;
    m_ownText = nullptr;
    m_email = nullptr;
    m_devices = nullptr;
    m_design.clear();
    m_designStale = false;
}

void TemplateEditor::build(const QString &channel) {
    clearParts();
    m_channel = channel;
    auto *layout = new QVBoxLayout(m_form);
    layout->setContentsMargins(0, 0, 8, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    const bool email = channel == QLatin1String("email");
    if (email) {
        m_bodyTabs = new QTabWidget(m_form);
        m_bodyTabs->setObjectName(QStringLiteral("emailBodyTabs"));
    }
    for (const QString &name : Msg::partsOf(channel)) {
        Part p;
        p.name = name;
        const bool multi = Models::Templates::isMultiLine(channel, name);
        if (multi) {
            auto *edit = new QPlainTextEdit(m_form);
            edit->setTabChangesFocus(true);
            if (channel == QLatin1String("sms")) new UcsHighlighter(edit->document());
            if (name == HtmlPart) {
                QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
                edit->setFont(mono);
                edit->setLineWrapMode(QPlainTextEdit::NoWrap);
            }
            const bool main =
                email || name == TextPart;  // the SMS or messenger text is the whole message
            edit->setMinimumHeight(main ? 220 : 110);
            if (!main) edit->setMaximumHeight(150);
            connect(edit, &QPlainTextEdit::textChanged, this, [this, name] {
                if (m_filling) return;
                if (name == HtmlPart && !m_syncingDesign) m_designStale = true;
                edited();
            });
            p.edit = edit;
        } else {
            auto *edit = new QLineEdit(m_form);
            connect(edit, &QLineEdit::textChanged, this, [this] {
                if (!m_filling) edited();
            });
            p.edit = edit;
        }
        p.edit->setObjectName(QStringLiteral("part_") + name);
        p.edit->setEnabled(true);
        if (auto *line = qobject_cast<QLineEdit *>(p.edit)) line->setReadOnly(!m_canWrite);
        if (auto *plain = qobject_cast<QPlainTextEdit *>(p.edit)) plain->setReadOnly(!m_canWrite);
        m_picker->addTarget(p.edit);
        p.label = new QLabel(m_form);
        p.counter = new QLabel(m_form);
        p.counter->setObjectName(QStringLiteral("counter_") + name);
        p.counter->setForegroundRole(QPalette::PlaceholderText);
        p.error = new QLabel(m_form);
        p.error->setObjectName(QStringLiteral("error_") + name);
        p.error->setWordWrap(true);
        p.error->setStyleSheet(QStringLiteral("color: #dc2626;"));
        p.error->hide();
        auto *box = new QWidget(m_form);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(p.edit);
        auto *under = new QHBoxLayout;
        under->addWidget(p.error, 1);
        under->addWidget(p.counter, 0, Qt::AlignRight | Qt::AlignTop);
        boxLayout->addLayout(under);
        if (email && (name == HtmlPart || name == TextPart)) {
            if (name == TextPart) {
                m_ownText = new QCheckBox(box);
                m_ownText->setObjectName(QStringLiteral("ownPlainText"));
                m_ownText->setEnabled(m_canWrite);
                boxLayout->insertWidget(0, m_ownText);
                connect(m_ownText, &QCheckBox::toggled, this, [this](bool own) {
                    if (auto *plain = qobject_cast<QPlainTextEdit *>(field(TextPart)))
                        plain->setReadOnly(!own || !m_canWrite);
                    updatePlainText();
                    if (!m_filling) edited();
                });
            }
            m_bodyTabs->addTab(box, QString());
            p.label->hide();
        } else if (multi && name == TextPart) {
            layout->addWidget(p.label);
            layout->addWidget(box, 1);
        } else {
            form->addRow(p.label, box);
        }
        m_parts.append(p);
    }
    if (m_bodyTabs) {
        buildEmailDesigner();
        layout->addWidget(m_bodyTabs, 1);
    } else if (!field(TextPart))
        layout->addStretch(1);
    if (m_ownText) {
        m_ownText->setChecked(false);
        qobject_cast<QPlainTextEdit *>(field(TextPart))->setReadOnly(true);  // made from the HTML
    }
    m_preview->setChannel(channel);
    retranslate();
}

QWidget *TemplateEditor::field(const QString &part) const {
    for (const auto &p : m_parts)
        if (p.name == part) return p.edit;
    return nullptr;
}

QLabel *TemplateEditor::counter(const QString &part) const {
    for (const auto &p : m_parts)
        if (p.name == part) return p.counter;
    return nullptr;
}

QLabel *TemplateEditor::fieldError(const QString &part) const {
    for (const auto &p : m_parts)
        if (p.name == part) return p.error;
    return nullptr;
}

QString TemplateEditor::fieldText(const QString &part) const {
    QWidget *w = field(part);
    if (auto *line = qobject_cast<QLineEdit *>(w)) return line->text();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) return plain->toPlainText();
    return {};
}

void TemplateEditor::setFieldText(const QString &part, const QString &text) {
    QWidget *w = field(part);
    if (auto *line = qobject_cast<QLineEdit *>(w)) {
        if (line->text() != text) line->setText(text);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
        if (plain->toPlainText() != text) plain->setPlainText(text);
    }
}

QJsonObject TemplateEditor::content() const {
    QJsonObject c;
    for (const auto &p : m_parts) {
        if (p.name == TextPart && m_ownText && !m_ownText->isChecked())
            continue;  // made from the HTML
        const QString text = fieldText(p.name);
        if (!text.isEmpty()) c.insert(p.name, text);
    }
    if (m_channel == QLatin1String("email") && !m_design.isEmpty() && !m_designStale)
        c.insert(DesignPart, m_design);
    return c;
}

QJsonObject TemplateEditor::document() const {
    return QJsonObject{{Channel, m_channel},
                       {Name, m_name->text().trimmed()},
                       {Folder, m_folder->currentText().trimmed()},
                       {Tags, QJsonArray::fromStringList(tagList(m_tags->text()))},
                       {Content, content()}};
}

void TemplateEditor::setFolders(const QStringList &folders) {
    const bool filling = m_filling;
    m_filling = true;
    const QString current = m_folder->currentText();
    m_folder->clear();
    m_folder->addItems(folders);
    m_folder->setEditText(current);
    m_filling = filling;
}

void TemplateEditor::buildEmailDesigner() {
    m_email = new Widgets::EmailEditor(m_form);
    m_email->setObjectName(QStringLiteral("emailDesigner"));
    m_bodyTabs->insertTab(0, m_email, QString());
    m_bodyTabs->setCurrentIndex(0);
    m_devices = new Widgets::DevicePreview(m_repository->api(), m_form);
    m_devices->setObjectName(QStringLiteral("emailDevices"));
    m_bodyTabs->addTab(m_devices, QString());
    m_picker->addTarget(m_email,
                        [this](const QString &expression) { m_email->insertMergeTag(expression); });
    if (m_picker->isLoaded()) m_email->setVariables(m_picker->variables());
    connect(m_picker, &Widgets::MergeTagPicker::loaded, m_email,
            [this] { m_email->setVariables(m_picker->variables()); });
    connect(m_email, &Widgets::EmailEditor::changed, this, &TemplateEditor::takeDesign);
    // Inside the designer its own Ctrl+Z / Ctrl+Shift+Z act; ours would make them ambiguous.
    connect(qApp, &QApplication::focusChanged, m_email, [this](QWidget *, QWidget *now) {
        const bool inside = m_email->isAncestorOf(now);
        m_undoAction->setShortcut(inside ? QKeySequence() : QKeySequence(QKeySequence::Undo));
        m_redoAction->setShortcut(inside ? QKeySequence()
                                         : QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    });
    connect(m_bodyTabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget *page = m_bodyTabs->widget(index);
        if (page == m_email && m_designStale) {
            // The HTML was edited as source: the designer starts again from it.
            m_design.clear();
            m_designStale = false;
            m_email->load(QJsonObject{{HtmlPart, fieldText(HtmlPart)}});
        } else if (page == m_devices) {
            m_devices->setCustomer(m_sample->customerId());
            m_devices->setContent(content());
        }
    });
}

void TemplateEditor::takeDesign() {
    // The designer changed the e-mail: its HTML (CSS inlined) and project become the template's.
    // Loading clears its undo history, so a change without any is the page settling, not an edit.
    if (!m_email->canUndo() && !m_email->canRedo()) return;
    m_email->requestContent([this](QJsonObject parts) {
        if (parts.isEmpty() || !m_email) return;
        m_syncingDesign = true;
        const bool htmlChanged = fieldText(HtmlPart) != parts.value(HtmlPart).toString();
        m_design = parts.value(DesignPart).toString();
        m_designStale = false;
        setFieldText(HtmlPart, parts.value(HtmlPart).toString());
        m_syncingDesign = false;
        if (!htmlChanged) edited();  // the design alone changed
    });
}

void TemplateEditor::newTemplate(const QString &channel, const QString &folder) {
    m_id = 0;
    m_version = 0;
    build(channel);
    QJsonObject blank{{Channel, channel},
                      {Name, QString()},
                      {Folder, folder},
                      {Tags, QJsonArray()},
                      {Content, QJsonObject()}};
    if (channel == QLatin1String("email"))
        blank.insert(
            Content,
            QJsonObject{{HtmlPart,
                         QStringLiteral("<html>\n<body>\n  <p>Здравствуйте, {{ customer.first_name "
                                        "| default: \"друг\" }}!</p>\n</body>\n</html>\n")}});
    fill(blank);
    m_serverDocument = document();
    delete m_drafts;
    m_drafts = new Models::Drafts(m_repository->cache(), draftKey(), this);
    m_loaded = true;
    m_modified = false;
    updateVersionLabel({});
    m_name->setFocus();
    m_drafts->load(this, [this](std::optional<Models::Drafts::Draft> d) {
        if (d && d->document != m_serverDocument) offerDraft(d->document, d->savedAt);
    });
    m_picker->load();
    m_renderTimer.start();
}

void TemplateEditor::openTemplate(qint64 id) {
    m_loaded = false;
    m_id = id;
    setStatus(tr("Loading…"));
    m_repository->api()->get(
        QStringLiteral("/api/v1/templates/%1").arg(id), {}, this,
        [this, id](Core::Result<QJsonObject> r) {
            if (id != m_id) return;
            if (!r) return setStatus(r.error().message, true);
            const QJsonObject t = *r;
            m_version = t.value(QStringLiteral("version")).toInteger();
            build(t.value(Channel).toString());
            fill(t);
            m_serverDocument = document();
            updateVersionLabel(t);
            delete m_drafts;
            m_drafts = new Models::Drafts(m_repository->cache(), draftKey(), this);
            m_loaded = true;
            m_modified = false;
            setStatus({});
            m_drafts->load(this, [this](std::optional<Models::Drafts::Draft> d) {
                if (d && d->document != m_serverDocument) offerDraft(d->document, d->savedAt);
            });
            m_picker->load();
            m_renderTimer.start();
        });
}

void TemplateEditor::fill(const QJsonObject &templ) {
    m_filling = true;
    m_name->setText(templ.value(Name).toString());
    m_folder->setEditText(templ.value(Folder).toString());
    QStringList tags;
    for (const auto &t : templ.value(Tags).toArray()) tags << t.toString();
    m_tags->setText(tags.join(QStringLiteral(", ")));
    const QJsonObject c = templ.value(Content).toObject();
    if (m_ownText) m_ownText->setChecked(c.contains(TextPart));
    for (const auto &p : m_parts) setFieldText(p.name, c.value(p.name).toString());
    m_design = c.value(DesignPart).toString();
    m_designStale = false;
    if (m_email) m_email->load(c);
    m_filling = false;
    m_title->setText(m_name->text().isEmpty() ? tr("New template") : m_name->text());
    updatePlainText();
    updateCounters();
    checkLiquid();
}

void TemplateEditor::setStatus(const QString &text, bool bad) {
    m_status->setText(text);
    m_status->setStyleSheet(bad ? QStringLiteral("color: #dc2626;") : QString());
}

void TemplateEditor::updateVersionLabel(const QJsonObject &templ) {
    if (!m_id) {
        m_versionLabel->setText(tr("not saved yet"));
        return;
    }
    const QString by = templ.value(QStringLiteral("updated_by")).toString();
    const QString at =
        Models::Format::dateTime(templ.value(QStringLiteral("updated_at")).toString());
    m_versionLabel->setText(by.isEmpty() ? tr("version %1").arg(m_version)
                                         : tr("version %1 · %2, %3").arg(m_version).arg(at, by));
}

void TemplateEditor::offerDraft(const QJsonObject &document, const QDateTime &savedAt) {
    m_offeredDraft = document;
    m_bannerText->setText(tr("Restore your unsaved draft from %1?")
                              .arg(QLocale().toString(savedAt, QLocale::ShortFormat)));
    m_banner->show();
}

void TemplateEditor::edited() {
    if (m_filling || !m_loaded) return;
    m_modified = document() != m_serverDocument;
    m_title->setText(m_name->text().isEmpty() ? tr("New template") : m_name->text());
    if (m_drafts && m_canWrite) m_drafts->update(document(), m_version);
    updatePlainText();
    updateCounters();
    if (checkLiquid()) m_renderTimer.start();
}

void TemplateEditor::updatePlainText() {
    if (!m_ownText || m_ownText->isChecked()) return;
    const bool filling = m_filling;
    m_filling = true;
    setFieldText(TextPart, Msg::htmlToText(fieldText(HtmlPart)));
    m_filling = filling;
}

void TemplateEditor::updateCounters() {
    for (const auto &p : m_parts) {
        const QString text = fieldText(p.name);
        if (m_channel == QLatin1String("sms") && p.name == TextPart) {
            const auto count = Msg::countSms(text);
            const bool gsm = count.encoding == QLatin1String("gsm7");
            p.counter->setText(tr("%n character(s)", "", count.units) + QStringLiteral(" · ") +
                               (gsm ? tr("GSM-7") : tr("UCS-2 (Unicode)")) + QStringLiteral(" · ") +
                               tr("%n segment(s)", "", count.segments));
            p.counter->setToolTip(
                gsm ? tr("%1 characters per message (%2 in a long one); %3 left in the last.")
                          .arg(160)
                          .arg(153)
                          .arg(count.remaining)
                    : tr("Marked characters are not in the GSM alphabet: a message holds %1 "
                         "characters (%2 in a long one); %3 left in the last.")
                          .arg(70)
                          .arg(67)
                          .arg(count.remaining));
            p.counter->setStyleSheet(gsm ? QString() : QStringLiteral("color: #c2410c;"));
            continue;
        }
        const int limit = Models::Templates::typicalLimit(m_channel, p.name);
        if (limit > 0) {
            p.counter->setText(QStringLiteral("%1 / %2").arg(text.size()).arg(limit));
            p.counter->setToolTip(tr("Most devices cut this after %n character(s).", "", limit));
            p.counter->setStyleSheet(text.size() > limit
                                         ? QStringLiteral("color: #dc2626; font-weight: 600;")
                                         : QString());
        } else {
            p.counter->clear();
        }
    }
}

bool TemplateEditor::checkLiquid() {
    QStringList problems;
    for (const auto &p : m_parts) {
        const QString error = Models::Templates::liquidError(fieldText(p.name));
        p.error->setText(error);
        p.error->setVisible(!error.isEmpty());
        if (!error.isEmpty())
            problems << partTitle(m_channel, p.name) + QStringLiteral(": ") + error;
    }
    if (!problems.isEmpty()) m_preview->setErrors(problems);
    return problems.isEmpty();
}

void TemplateEditor::render() {
    m_renderTimer.stop();
    if (!m_loaded || !checkLiquid()) return;
    QJsonObject body{{Channel, m_channel}, {Content, content()}};
    if (m_sample->customerId() > 0)
        body.insert(QStringLiteral("customer_id"), m_sample->customerId());
    else
        body.insert(QStringLiteral("data"), Models::Templates::sampleData(m_picker->variables()));
    const int serial = ++m_renderSerial;
    m_preview->setBusy(true);
    m_repository->api()->post(
        QStringLiteral("/api/v1/templates/render"), body, this,
        [this, serial](Core::Result<QJsonObject> r) {
            if (serial != m_renderSerial) return;  // a newer render is on its way
            m_preview->setBusy(false);
            ++m_renders;
            if (!r) {
                QStringList errors{r.error().message};
                for (const auto &f : r.error().fields) errors << f.message;
                m_preview->setErrors(errors);
                return;
            }
            QStringList errors;
            for (const auto &v : r->value(QStringLiteral("errors")).toArray()) {
                const QJsonObject e = v.toObject();
                errors << tr("%1, line %2, column %3: %4")
                              .arg(partTitle(m_channel, e.value(QStringLiteral("part")).toString()))
                              .arg(e.value(QStringLiteral("line")).toInt())
                              .arg(e.value(QStringLiteral("column")).toInt())
                              .arg(e.value(QStringLiteral("message")).toString());
            }
            m_preview->setParts(r->value(QStringLiteral("parts")).toObject());
            m_preview->setErrors(errors);
            const QJsonObject sms = r->value(QStringLiteral("sms")).toObject();
            if (!sms.isEmpty())
                m_sampleLabel->setText(
                    tr("After merging: %n character(s)", "",
                       sms.value(QStringLiteral("length")).toInt()) +
                    QStringLiteral(" · ") +
                    tr("%n segment(s)", "", sms.value(QStringLiteral("segments")).toInt()));
            else
                m_sampleLabel->setText(m_sample->customerId()
                                           ? tr("Rendered for %1").arg(m_sample->customerName())
                                           : tr("Rendered with sample data"));
        });
}

void TemplateEditor::showFieldErrors(const QList<QPair<QString, QString>> &errors) {
    for (const auto &[fieldName, message] : errors) {
        if (!fieldName.startsWith(QLatin1String("content."))) continue;
        if (QLabel *l = fieldError(fieldName.mid(8))) {
            l->setText(message);
            l->show();
        }
    }
}

void TemplateEditor::save() {
    if (!m_loaded || m_saving || !m_canWrite) return;
    if (m_name->text().trimmed().isEmpty()) {
        setStatus(tr("Give the template a name."), true);
        m_name->setFocus();
        return;
    }
    if (!checkLiquid()) {
        setStatus(tr("Fix the marked template errors first."), true);
        return;
    }
    const QJsonObject doc = document();
    if (m_drafts) {
        m_drafts->update(doc, m_version);
        m_drafts->flush();  // kept until the server has it
    }
    m_saving = true;
    m_save->setEnabled(false);
    setStatus(tr("Saving…"));
    auto done = [this, doc](Core::Result<QJsonObject> r) {
        m_saving = false;
        m_save->setEnabled(m_canWrite);
        if (!r) {
            if (r.error().kind == Core::ErrorKind::Network)
                return setStatus(
                    tr("Saved locally; will be kept until you save to the server. (%1)")
                        .arg(r.error().message),
                    true);
            QList<QPair<QString, QString>> errors;
            QStringList lines{r.error().message};
            for (const auto &f : r.error().fields) {
                errors.append({f.field, f.message});
                if (!f.message.isEmpty() && f.message != r.error().message) lines << f.message;
            }
            showFieldErrors(errors);
            return setStatus(lines.join(QLatin1Char(' ')), true);
        }
        const bool created = m_id == 0;
        m_id = r->value(QStringLiteral("id")).toInteger();
        m_version = r->value(QStringLiteral("version")).toInteger();
        if (created) m_drafts->rekey(draftKey());
        // Edits typed while the save was on its way stay in the draft.
        m_serverDocument = doc;
        if (document() == doc) m_drafts->discard();
        m_modified = document() != m_serverDocument;
        updateVersionLabel(*r);
        setStatus(tr("Saved as version %1.").arg(m_version));
        m_repository->store(QStringLiteral("/api/v1/templates/%1").arg(m_id), *r);
        emit saved(*r);
    };
    if (m_id == 0) {
        m_repository->api()->post(QStringLiteral("/api/v1/templates"), doc, this, done);
    } else {
        QJsonObject patch = doc;
        patch.remove(Channel);
        m_repository->api()->patch(QStringLiteral("/api/v1/templates/%1").arg(m_id), patch, this,
                                   done);
    }
}

void TemplateEditor::flushDraft() {
    if (m_drafts) m_drafts->flush();
}

namespace {
// The field the user works in: the focused one, else the one focused last.
void undoRedo(QWidget *focused, QWidget *last, bool redo) {
    for (QWidget *w : {focused, last}) {
        if (auto *line = qobject_cast<QLineEdit *>(w)) return redo ? line->redo() : line->undo();
        if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            return redo ? plain->redo() : plain->undo();
    }
}
}  // namespace

void TemplateEditor::undo() {
    if (m_email && (m_email->isAncestorOf(focusWidget()) || m_picker->target() == m_email))
        return m_email->undo();
    undoRedo(focusWidget(), m_picker->target(), false);
}

void TemplateEditor::redo() {
    if (m_email && (m_email->isAncestorOf(focusWidget()) || m_picker->target() == m_email))
        return m_email->redo();
    undoRedo(focusWidget(), m_picker->target(), true);
}

void TemplateEditor::openTestSend() {
    if (!m_loaded || !m_canWrite) return;
    if (!m_testSend) {
        m_testSend = new TestSendDialog(m_repository->api(), this);
        m_testSend->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_testSend->setTemplate(m_channel, content());
    if (m_sample->customerId())
        m_testSend->customerPicker()->setCustomer(m_sample->customerId(), m_sample->customerName());
    m_testSend->open();
}

void TemplateEditor::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TemplateEditor::retranslate() {
    m_back->setToolTip(tr("Back to the library (Alt+Left)"));
    m_name->setPlaceholderText(tr("Template name"));
    m_nameCaption->setText(tr("Name"));
    m_folderCaption->setText(tr("Folder"));
    m_tagsCaption->setText(tr("Tags"));
    m_folder->lineEdit()->setPlaceholderText(tr("Folder, e.g. Promo/Summer"));
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_restoreDraft->setText(tr("Restore"));
    m_discardDraft->setText(tr("Discard"));
    m_save->setText(tr("Save"));
    m_save->setToolTip(tr("Save a new version (Ctrl+S)"));
    m_test->setText(tr("Test send…"));
    m_test->setToolTip(tr("Send this message to yourself (Ctrl+T)"));
    m_undoAction->setText(tr("Undo"));
    m_undoAction->setToolTip(tr("Undo in the current field (Ctrl+Z)"));
    m_redoAction->setText(tr("Redo"));
    m_redoAction->setToolTip(tr("Redo in the current field (Ctrl+Shift+Z)"));
    m_previewLabel->setText(tr("Preview"));
    for (const auto &p : m_parts) p.label->setText(partTitle(m_channel, p.name));
    if (m_bodyTabs) {
        for (int i = 0; i < m_bodyTabs->count(); ++i) {
            QWidget *page = m_bodyTabs->widget(i);
            if (page == m_email)
                m_bodyTabs->setTabText(i, tr("Design"));
            else if (page == m_devices)
                m_bodyTabs->setTabText(i, tr("Preview on devices"));
            else if (page->isAncestorOf(field(HtmlPart)))
                m_bodyTabs->setTabText(i, tr("HTML source"));
            else
                m_bodyTabs->setTabText(i, tr("Plain-text part"));
        }
    }
    if (m_ownText)
        m_ownText->setText(
            tr("Write the plain-text part myself (otherwise it is made from the HTML)"));
    if (m_title->text().isEmpty()) m_title->setText(tr("New template"));
    updateCounters();
}

}  // namespace LoyaltyDesk::Ui
