#include "channelsettingspage.h"

#include "models/apiclient.h"
#include "models/repository.h"
#include "widgets/badge.h"
#include "widgets/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {

const QStringList kChannels{QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("messenger"), QStringLiteral("in_app")};
bool isProvider(const QString &c) { return c == QLatin1String("sms") || c == QLatin1String("push") || c == QLatin1String("messenger"); }
QString secretKey(const QString &c) { return c == QLatin1String("email") ? QStringLiteral("password") : QStringLiteral("auth_header"); }

QString codesText(const QJsonValue &v)
{
    QStringList out;
    for (const auto &c : v.toArray()) out << QString::number(c.toInt());
    return out.join(QStringLiteral(", "));
}

// "200, 202" -> [200, 202]; anything else goes to the server as is, which names it.
QJsonValue codesValue(const QString &text)
{
    QJsonArray out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok) return text;
        out.append(n);
    }
    return out;
}

const char *const kErrorSheet = "border: 1px solid #c62828; border-radius: 3px;";

}  // namespace

ChannelSettingsPage::ChannelSettingsPage(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_heading(new QLabel(this)),
      m_list(new QListWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_save(new QPushButton(this)),
      m_check(new QPushButton(this)),
      m_revert(new QPushButton(this)),
      m_cancel(new QPushButton(this)),
      m_progress(new QProgressBar(this)),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("channelSettingsPage"));
    m_list->setObjectName(QStringLiteral("channelList"));
    m_list->setFixedWidth(210);
    m_list->setIconSize(QSize(10, 10));
    m_list->setSpacing(2);
    m_list->setStyleSheet(QStringLiteral("QListWidget { border: none; background: transparent; } QListWidget::item { padding: 8px 6px; border-radius: 6px; }"
                                         "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    for (const QString &channel : kChannels) {
        auto *f = new Form;
        f->channel = channel;
        m_forms << f;
        auto *page = new QWidget;
        f->page = page;
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(4, 0, 12, 0);
        layout->setSpacing(12);
        f->title = new QLabel(page);
        Widgets::Theme::setTitleFont(f->title, 1.25);
        f->intro = new QLabel(page);
        f->intro->setWordWrap(true);
        f->intro->setForegroundRole(QPalette::PlaceholderText);
        f->enabled = new QCheckBox(page);
        f->enabled->setObjectName(QStringLiteral("enabled_") + channel);
        f->rate = new QSpinBox(page);
        f->rate->setObjectName(QStringLiteral("rate_") + channel);
        f->rate->setRange(0, 100000);
        f->rate->setMinimumWidth(140);
        auto *top = new QHBoxLayout;
        top->addWidget(f->title);
        top->addStretch(1);
        top->addWidget(f->enabled);
        layout->addLayout(top);
        layout->addWidget(f->intro);
        layout->addWidget(group(*f, page, QT_TR_NOOP("Delivery"), {{QT_TR_NOOP("Rate limit:"), f->rate}}));
        if (channel == QLatin1String("email")) buildEmail(*f);
        else if (isProvider(channel)) buildProvider(*f);
        else buildInApp(*f);
        layout->addStretch(1);
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_stack->addWidget(scroll);
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, channel);
        connect(f->enabled, &QCheckBox::toggled, this, [this, f] { updateListItem(*f); });
    }
    Widgets::Theme::setTitleFont(m_heading, 1.1);
    m_save->setObjectName(QStringLiteral("saveChannel"));
    m_check->setObjectName(QStringLiteral("checkChannel"));
    m_revert->setObjectName(QStringLiteral("revertChannel"));
    m_save->setDefault(true);
    m_result->setObjectName(QStringLiteral("channelResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelCheck"));
    m_cancel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_result, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addWidget(m_stack, 1);
    right->addLayout(buttons);
    auto *left = new QVBoxLayout;
    left->addWidget(m_heading);
    left->addWidget(m_list, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->setSpacing(18);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0) return;
        m_stack->setCurrentIndex(row);
        m_check->setEnabled(!m_busy && m_forms[row]->channel != QLatin1String("in_app"));
        setResult({}, false);
    });
    connect(m_save, &QPushButton::clicked, this, &ChannelSettingsPage::save);
    connect(m_check, &QPushButton::clicked, this, &ChannelSettingsPage::checkConnection);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        Form *f = form(currentChannel());
        if (!f) return;
        fill(*f, f->loaded);
        setResult({}, false);
    });
    connect(m_cancel, &QPushButton::clicked, this, &ChannelSettingsPage::cancelCheck);
    auto *cancelKey = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelKey, &QShortcut::activated, this, &ChannelSettingsPage::cancelCheck);
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &ChannelSettingsPage::save);
    auto *checkKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_T), this);
    checkKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(checkKey, &QShortcut::activated, this, &ChannelSettingsPage::checkConnection);
    m_list->setCurrentRow(0);
    retranslate();
}

QWidget *ChannelSettingsPage::group(Form &f, QWidget *parent, const char *title, const QList<std::pair<const char *, QWidget *>> &rows)
{
    auto *box = new QGroupBox(parent);
    box->setProperty("ldTitle", QByteArray(title));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(8);
    for (const auto &[label, editor] : rows) {
        auto *l = new QLabel(box);
        l->setBuddy(editor);
        f.labels.append({l, label});
        form->addRow(l, editor);
    }
    return box;
}

QWidget *ChannelSettingsPage::secretRow(Form &f, int echoMode)
{
    f.secret = new QLineEdit(f.page);
    f.secret->setObjectName(secretKey(f.channel));
    f.secret->setEchoMode(QLineEdit::EchoMode(echoMode));
    f.secretState = new Widgets::Badge(f.page);
    f.secretState->setObjectName(QStringLiteral("secretState_") + f.channel);
    auto *row = new QWidget(f.page);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(f.secret, 1);
    layout->addWidget(f.secretState);
    return row;
}

QWidget *ChannelSettingsPage::timeoutBox(Form &f)
{
    auto *timeout = new QSpinBox(f.page);
    timeout->setObjectName(QStringLiteral("timeout_ms"));
    timeout->setRange(500, 120000);
    timeout->setSingleStep(1000);
    timeout->setSuffix(QStringLiteral(" ms"));
    f.fields.insert(QStringLiteral("timeout_ms"), timeout);
    return timeout;
}

void ChannelSettingsPage::buildEmail(Form &f)
{
    auto *layout = static_cast<QVBoxLayout *>(f.page->layout());
    auto line = [&](const QString &key, const QString &placeholder = {}) {
        auto *e = new QLineEdit(f.page);
        e->setObjectName(key);
        e->setPlaceholderText(placeholder);
        f.fields.insert(key, e);
        return e;
    };
    auto *security = new QComboBox(f.page);
    security->setObjectName(QStringLiteral("security"));
    for (const char *s : {"none", "starttls", "tls"}) security->addItem(QString(), QString::fromLatin1(s));
    f.fields.insert(QStringLiteral("security"), security);
    QWidget *secret = secretRow(f, QLineEdit::Password);
    QWidget *timeout = timeoutBox(f);
    layout->addWidget(group(f, f.page, QT_TR_NOOP("SMTP server"),
                            {{QT_TR_NOOP("Server:"), line(QStringLiteral("smtp_url"), QStringLiteral("smtp://mail.example.com:587"))},
                             {QT_TR_NOOP("Security:"), security},
                             {QT_TR_NOOP("User name:"), line(QStringLiteral("username"))},
                             {QT_TR_NOOP("Password:"), secret},
                             {QT_TR_NOOP("Timeout:"), timeout}}));
    layout->addWidget(group(f, f.page, QT_TR_NOOP("Sender"),
                            {{QT_TR_NOOP("From address:"), line(QStringLiteral("from_email"), QStringLiteral("news@shop.example"))},
                             {QT_TR_NOOP("From name:"), line(QStringLiteral("from_name"))},
                             {QT_TR_NOOP("Reply-To:"), line(QStringLiteral("reply_to"), QStringLiteral("care@shop.example"))}}));
    auto *opens = new QCheckBox(f.page);
    opens->setObjectName(QStringLiteral("open_tracking"));
    auto *clicks = new QCheckBox(f.page);
    clicks->setObjectName(QStringLiteral("click_tracking"));
    f.fields.insert(QStringLiteral("open_tracking"), opens);
    f.fields.insert(QStringLiteral("click_tracking"), clicks);
    layout->addWidget(group(f, f.page, QT_TR_NOOP("Tracking and unsubscribe"),
                            {{QT_TR_NOOP("Public address:"), line(QStringLiteral("tracking_base_url"), QStringLiteral("https://crm.example.com"))},
                             {QT_TR_NOOP("Opens:"), opens},
                             {QT_TR_NOOP("Clicks:"), clicks}}));
}

void ChannelSettingsPage::buildProvider(Form &f)
{
    auto *layout = static_cast<QVBoxLayout *>(f.page->layout());
    auto *url = new QLineEdit(f.page);
    url->setObjectName(QStringLiteral("url"));
    url->setPlaceholderText(QStringLiteral("https://api.provider.example/v1/messages"));
    f.fields.insert(QStringLiteral("url"), url);
    auto *method = new QComboBox(f.page);
    method->setObjectName(QStringLiteral("method"));
    for (const char *m : {"POST", "PUT", "PATCH"}) method->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    f.fields.insert(QStringLiteral("method"), method);
    QWidget *secret = secretRow(f, QLineEdit::PasswordEchoOnEdit);
    QWidget *timeout = timeoutBox(f);
    layout->addWidget(group(f, f.page, QT_TR_NOOP("Provider"),
                            {{QT_TR_NOOP("URL:"), url}, {QT_TR_NOOP("Method:"), method}, {QT_TR_NOOP("Authorization header:"), secret}, {QT_TR_NOOP("Timeout:"), timeout}}));
    auto *body = new QPlainTextEdit(f.page);
    body->setObjectName(QStringLiteral("body_template"));
    body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    body->setMinimumHeight(110);
    body->setTabChangesFocus(true);
    f.fields.insert(QStringLiteral("body_template"), body);
    auto *success = new QLineEdit(f.page);
    success->setObjectName(QStringLiteral("success_codes"));
    f.fields.insert(QStringLiteral("success_codes"), success);
    auto *permanent = new QLineEdit(f.page);
    permanent->setObjectName(QStringLiteral("permanent_failure_codes"));
    f.fields.insert(QStringLiteral("permanent_failure_codes"), permanent);
    layout->addWidget(group(f, f.page, QT_TR_NOOP("Request and response"),
                            {{QT_TR_NOOP("Body template:"), body}, {QT_TR_NOOP("Sent when:"), success}, {QT_TR_NOOP("Invalid recipient when:"), permanent}}));
}

void ChannelSettingsPage::buildInApp(Form &f)
{
    Q_UNUSED(f);  // the enable switch and the rate limit are all there is
}

ChannelSettingsPage::Form *ChannelSettingsPage::form(const QString &channel)
{
    for (Form *f : std::as_const(m_forms))
        if (f->channel == channel) return f;
    return nullptr;
}

QString ChannelSettingsPage::currentChannel() const
{
    const int row = m_list->currentRow();
    return row >= 0 ? m_forms[row]->channel : QString();
}

void ChannelSettingsPage::showChannel(const QString &channel) { m_list->setCurrentRow(int(kChannels.indexOf(channel))); }

QString ChannelSettingsPage::resultText() const { return m_result->text(); }

void ChannelSettingsPage::reload()
{
    setBusy(true, tr("Loading…"));
    m_repository->api()->get(QStringLiteral("/api/v1/channels"), {}, this, [this](Core::Result<QJsonObject> r) {
        setBusy(false);
        if (!r) {
            setResult(r.error().message, false);
            return;
        }
        for (const auto &v : r->value(QStringLiteral("items")).toArray()) {
            const QJsonObject c = v.toObject();
            if (Form *f = form(c.value(QStringLiteral("channel")).toString())) fill(*f, c);
        }
        m_loaded = true;
        setResult({}, false);
    });
}

void ChannelSettingsPage::fill(Form &f, const QJsonObject &c)
{
    f.loaded = c;
    clearErrors(f);
    f.enabled->setChecked(c.value(QStringLiteral("enabled")).toBool());
    f.rate->setValue(c.value(QStringLiteral("rate_limit_per_second")).toInt());
    const QJsonObject s = c.value(QStringLiteral("settings")).toObject();
    for (auto it = f.fields.begin(); it != f.fields.end(); ++it) {
        const QJsonValue v = s.value(it.key());
        if (auto *e = qobject_cast<QLineEdit *>(*it)) e->setText(v.isArray() ? codesText(v) : v.toString());
        else if (auto *t = qobject_cast<QPlainTextEdit *>(*it)) t->setPlainText(v.toString());
        else if (auto *b = qobject_cast<QComboBox *>(*it)) b->setCurrentIndex(std::max(0, b->findData(v.toString())));
        else if (auto *x = qobject_cast<QCheckBox *>(*it)) x->setChecked(v.toBool());
        else if (auto *n = qobject_cast<QSpinBox *>(*it)) n->setValue(v.toInt());
    }
    if (f.secret) {
        f.secret->clear();
        const bool set = s.value(secretKey(f.channel) + QStringLiteral("_set")).toBool();
        f.secretState->setProperty("isSet", set);
        f.secretState->setTone(set ? Widgets::Badge::Tone::Good : Widgets::Badge::Tone::Neutral);
    }
    updateListItem(f);
    retranslate();
}

QJsonObject ChannelSettingsPage::changes(const Form &f) const
{
    QJsonObject settings;
    for (auto it = f.fields.begin(); it != f.fields.end(); ++it) {
        QJsonValue v;
        if (auto *e = qobject_cast<QLineEdit *>(*it))
            v = it.key().endsWith(QLatin1String("_codes")) ? codesValue(e->text()) : QJsonValue(e->text().trimmed());
        else if (auto *t = qobject_cast<QPlainTextEdit *>(*it)) v = t->toPlainText();
        else if (auto *b = qobject_cast<QComboBox *>(*it)) v = b->currentData().toString();
        else if (auto *x = qobject_cast<QCheckBox *>(*it)) v = x->isChecked();
        else if (auto *n = qobject_cast<QSpinBox *>(*it)) v = n->value();
        settings.insert(it.key(), v);
    }
    // A secret goes only when typed: an empty field keeps the saved one.
    if (f.secret && !f.secret->text().isEmpty()) settings.insert(secretKey(f.channel), f.secret->text());
    QJsonObject body{{QStringLiteral("enabled"), f.enabled->isChecked()}, {QStringLiteral("rate_limit_per_second"), f.rate->value()}};
    if (!settings.isEmpty()) body.insert(QStringLiteral("settings"), settings);
    return body;
}

void ChannelSettingsPage::save() { send(false); }

void ChannelSettingsPage::checkConnection()
{
    if (currentChannel() == QLatin1String("in_app")) return;
    send(true);
}

void ChannelSettingsPage::send(bool thenCheck)
{
    Form *f = form(currentChannel());
    if (!f || m_busy || !m_loaded) return;
    clearErrors(*f);
    setBusy(true, tr("Saving…"));
    const QString channel = f->channel;
    m_repository->api()->patch(QStringLiteral("/api/v1/channels/") + channel, changes(*f), this, [this, f, channel, thenCheck](Core::Result<QJsonObject> r) {
        if (!r) {
            setBusy(false);
            showErrors(*f, r.error());
            return;
        }
        fill(*f, *r);
        emit saved(channel);
        if (!thenCheck) {
            setBusy(false);
            setResult(tr("Saved."), true);
            return;
        }
        setBusy(true, tr("Connecting…"));
        m_checking = new QObject(this);
        m_cancel->show();
        m_repository->api()->post(QStringLiteral("/api/v1/channels/%1/check").arg(channel), {}, m_checking, [this, channel](Core::Result<QJsonObject> c) {
            m_checking->deleteLater();
            m_checking = nullptr;
            m_cancel->hide();
            setBusy(false);
            if (!c) {
                setResult(c.error().message, false);
                emit checked(channel, false);
                return;
            }
            const bool ok = c->value(QStringLiteral("ok")).toBool();
            // The server's own words: SMTP replies and provider answers are not ours to translate.
            setResult((ok ? tr("Connection works: %1") : tr("Connection failed: %1")).arg(c->value(QStringLiteral("message")).toString()), ok);
            emit checked(channel, ok);
        });
    });
}

void ChannelSettingsPage::cancelCheck()
{
    if (!m_checking) return;
    delete m_checking;
    m_checking = nullptr;
    m_cancel->hide();
    setBusy(false);
    setResult(tr("Check cancelled."), false);
    emit checked(currentChannel(), false);
}

void ChannelSettingsPage::showErrors(Form &f, const Core::Error &error)
{
    QStringList lines;
    for (const auto &e : error.fields) {
        const QString key = e.field.startsWith(QLatin1String("settings.")) ? e.field.mid(9) : e.field;
        QWidget *w = key == QLatin1String("rate_limit_per_second") ? f.rate
                     : key == QLatin1String("enabled")                 ? static_cast<QWidget *>(f.enabled)
                     : key == secretKey(f.channel) && f.secret         ? f.secret
                                                                       : f.fields.value(key);
        if (w) {
            w->setStyleSheet(QString::fromLatin1(kErrorSheet));
            w->setToolTip(e.message);
        }
        lines << e.message;
    }
    if (lines.isEmpty()) lines << error.message;
    lines.removeDuplicates();
    setResult(lines.join(QLatin1Char('\n')), false);
}

void ChannelSettingsPage::clearErrors(Form &f)
{
    QList<QWidget *> all = f.fields.values();
    all << f.rate << f.enabled;
    if (f.secret) all << f.secret;
    for (QWidget *w : all) {
        w->setStyleSheet({});
        w->setToolTip({});
    }
}

void ChannelSettingsPage::setResult(const QString &text, bool ok)
{
    m_resultOk = ok && !text.isEmpty();
    m_result->setText(text);
    m_result->setStyleSheet(text.isEmpty() ? QString() : ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
}

void ChannelSettingsPage::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_save->setEnabled(!busy);
    m_revert->setEnabled(!busy);
    m_check->setEnabled(!busy && currentChannel() != QLatin1String("in_app"));
    if (busy) {
        m_result->setStyleSheet({});
        m_result->setText(what);
    }
}

void ChannelSettingsPage::updateListItem(const Form &f)
{
    QListWidgetItem *item = m_list->item(int(kChannels.indexOf(f.channel)));
    if (!item) return;
    QPixmap dot(10, 10);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(f.enabled->isChecked() ? QColor(0x2e, 0x9d, 0x5b) : QColor(0xb0, 0xb6, 0xbe));
    p.drawEllipse(0, 0, 10, 10);
    p.end();
    item->setIcon(QIcon(dot));
}

void ChannelSettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ChannelSettingsPage::retranslate()
{
    m_heading->setText(tr("Channels"));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save this channel's settings (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_check->setText(tr("&Check connection"));
    m_check->setToolTip(tr("Save, then connect to the server or provider with these settings (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_T).toString(QKeySequence::NativeText)));
    m_revert->setText(tr("&Revert"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop waiting for the server (Esc)"));
    for (Form *f : std::as_const(m_forms)) {
        const QString &c = f->channel;
        QString name, intro;
        if (c == QLatin1String("email")) {
            name = tr("E-mail");
            intro = tr("Sent over SMTP as HTML with a plain-text part. Opens and clicks are tracked through this server's public address, where the unsubscribe link also points.");
        } else if (c == QLatin1String("sms")) {
            name = tr("SMS");
            intro = tr("Sent through your SMS provider's HTTP API: the body template turns each message into the JSON the provider expects.");
        } else if (c == QLatin1String("push")) {
            name = tr("Push notifications");
            intro = tr("Sent through your push provider's HTTP API to the customer's device token.");
        } else if (c == QLatin1String("messenger")) {
            name = tr("Messengers");
            intro = tr("Sent through your messenger gateway's HTTP API to the customer's phone number.");
        } else {
            name = tr("In-app messages");
            intro = tr("Shown inside your app when the customer opens it; there is nothing to connect to.");
        }
        f->title->setText(name);
        f->intro->setText(intro);
        f->enabled->setText(tr("Enabled"));
        f->rate->setSuffix(tr(" per second"));
        f->rate->setSpecialValueText(tr("No limit"));
        m_list->item(int(kChannels.indexOf(c)))->setText(name);
        // One label column for every group of the page, so the fields line up.
        int labelWidth = 0;
        for (const auto &[label, text] : std::as_const(f->labels)) {
            label->setText(tr(text));
            labelWidth = std::max(labelWidth, label->sizeHint().width());
        }
        for (const auto &entry : std::as_const(f->labels)) entry.first->setMinimumWidth(labelWidth);
        for (auto *box : f->page->findChildren<QGroupBox *>()) box->setTitle(tr(box->property("ldTitle").toByteArray().constData()));
        if (auto *security = qobject_cast<QComboBox *>(f->fields.value(QStringLiteral("security")))) {
            security->setItemText(0, tr("None (plain text)"));
            security->setItemText(1, tr("STARTTLS (required)"));
            security->setItemText(2, tr("TLS from the start (smtps)"));
        }
        if (auto *opens = qobject_cast<QCheckBox *>(f->fields.value(QStringLiteral("open_tracking")))) opens->setText(tr("Track opens with an invisible image"));
        if (auto *clicks = qobject_cast<QCheckBox *>(f->fields.value(QStringLiteral("click_tracking")))) clicks->setText(tr("Track clicks by sending links through this server"));
        if (auto *body = qobject_cast<QPlainTextEdit *>(f->fields.value(QStringLiteral("body_template"))))
            body->setToolTip(tr("Liquid that produces the JSON body. Variables: to, text, title, body, deep_link, image, message_id (escaped for JSON strings)."));
        if (auto *codes = qobject_cast<QLineEdit *>(f->fields.value(QStringLiteral("success_codes")))) codes->setPlaceholderText(tr("HTTP statuses, e.g. 200, 202"));
        if (auto *codes = qobject_cast<QLineEdit *>(f->fields.value(QStringLiteral("permanent_failure_codes"))))
            codes->setPlaceholderText(tr("HTTP statuses, e.g. 400, 404"));
        if (f->secret) {
            const bool set = f->secretState->property("isSet").toBool();
            f->secretState->setText(set ? tr("Saved") : tr("Not set"));
            f->secret->setPlaceholderText(set ? tr("Saved — type to replace") : c == QLatin1String("email") ? tr("Password") : tr("Authorization: Bearer …"));
        }
    }
}

}  // namespace LoyaltyDesk::Ui
