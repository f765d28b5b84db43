#include "testsenddialog.h"

#include "core/email.h"
#include "core/phone.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "templateeditor.h"
#include "widgets/customerpicker.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {
bool wantsEmail(const QString &channel) {
    return channel == QLatin1String("email");
}
bool wantsPhone(const QString &channel) {
    return channel == QLatin1String("sms") || channel == QLatin1String("messenger");
}
}  // namespace

TestSendDialog::TestSendDialog(Models::ApiClient *api, QWidget *parent)
    : QDialog(parent),
      m_api(api),
      m_intro(new QLabel(this)),
      m_toLabel(new QLabel(this)),
      m_to(new QLineEdit(this)),
      m_toError(new QLabel(this)),
      m_customerLabel(new QLabel(this)),
      m_customer(new Widgets::CustomerPicker(api, this)),
      m_strict(new QCheckBox(this)),
      m_result(new QLabel(this)),
      m_details(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_send(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole)) {
    setObjectName(QStringLiteral("testSendDialog"));
    m_to->setObjectName(QStringLiteral("testRecipient"));
    m_toError->setObjectName(QStringLiteral("testRecipientError"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_details->setObjectName(QStringLiteral("testDetails"));
    m_send->setObjectName(QStringLiteral("testSendButton"));
    m_intro->setWordWrap(true);
    m_toError->setStyleSheet(QStringLiteral("color: #dc2626;"));
    m_toError->hide();
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(160);
    m_details->hide();
    auto *form = new QFormLayout;
    form->addRow(m_toLabel, m_to);
    form->addRow(QString(), m_toError);
    form->addRow(m_customerLabel, m_customer);
    form->addRow(QString(), m_strict);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(m_details);
    layout->addWidget(m_buttons);
    resize(520, 300);

    // Send keeps the dialog open: the answer shows here.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_send, &QPushButton::clicked, this, &TestSendDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_to, &QLineEdit::textChanged, this, &TestSendDialog::validate);
    retranslate();
}

void TestSendDialog::setTemplate(const QString &channel, const QJsonObject &content) {
    m_channel = channel;
    m_content = content;
    retranslate();
    validate();
}

QString TestSendDialog::normalizedRecipient() const {
    const QString raw = m_to->text().trimmed();
    if (raw.isEmpty()) return {};
    if (wantsEmail(m_channel)) {
        const auto e = Core::EmailNormalizer::normalize(raw);
        return e.valid ? e.normalized : QString();
    }
    if (wantsPhone(m_channel)) return Core::PhoneNormalizer().toE164(raw);
    return raw;  // push and in-app: a device token or a customer's app id
}

void TestSendDialog::validate() {
    const QString raw = m_to->text().trimmed();
    QString error;
    if (!raw.isEmpty() && normalizedRecipient().isEmpty())
        error = wantsEmail(m_channel) ? tr("This is not an e-mail address.")
                                      : tr("This is not a phone number.");
    m_toError->setText(error);
    m_toError->setVisible(!error.isEmpty());
    m_send->setEnabled(!m_sending && !normalizedRecipient().isEmpty());
}

void TestSendDialog::send() {
    const QString to = normalizedRecipient();
    if (to.isEmpty() || m_sending) return;
    QJsonObject body{
        {QStringLiteral("template"), QJsonObject{{QStringLiteral("channel"), m_channel},
                                                 {QStringLiteral("content"), m_content}}},
        {QStringLiteral("to"), to},
        {QStringLiteral("strict"), m_strict->isChecked()}};
    if (m_customer->customerId() > 0)
        body.insert(QStringLiteral("customer_id"), m_customer->customerId());
    m_sending = true;
    validate();
    m_result->setText(tr("Sending to %1…").arg(to));
    m_result->setStyleSheet(QString());
    m_details->hide();
    m_api->post(
        QStringLiteral("/api/v1/templates/test-send"), body, this,
        [this](Core::Result<QJsonObject> r) {
            m_sending = false;
            validate();
            if (r) {
                const QString status =
                    Models::Format::code(r->value(QStringLiteral("status")).toString());
                const QJsonValue response = r->value(QStringLiteral("response"));
                showResult(
                    true,
                    tr("Sent to %1: %2 (message %3).")
                        .arg(r->value(QStringLiteral("recipient")).toString(), status)
                        .arg(r->value(QStringLiteral("message_id")).toVariant().toString()),
                    response.isObject()
                        ? QString::fromUtf8(
                              QJsonDocument(response.toObject()).toJson(QJsonDocument::Indented))
                        : response.toString());
                emit finished(true);
                return;
            }
            const Core::Error &e = r.error();
            QStringList lines;
            for (const auto &f : e.fields) {
                if (f.field == QLatin1String("response"))
                    lines << tr("The provider answered:") << f.message;
                else if (f.field.startsWith(QLatin1String("content.")))
                    lines << TemplateEditor::partTitle(m_channel, f.field.mid(8)) +
                                 QStringLiteral(": ") + f.message;
                else
                    lines << (f.field.isEmpty() ? f.message
                                                : f.field + QStringLiteral(": ") + f.message);
            }
            QString headline = e.message;
            if (e.httpStatus == 404 && e.fields.isEmpty())
                headline =
                    tr("This server cannot send tests yet (it answered “%1”). Update the server.")
                        .arg(e.message);
            else if (e.httpStatus == 502)
                headline = tr("The provider refused the message: %1").arg(e.message);
            showResult(false, headline, lines.join(QLatin1Char('\n')));
            emit finished(false);
        });
}

void TestSendDialog::showResult(bool ok, const QString &headline, const QString &details) {
    m_result->setText(headline);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #15803d; font-weight: 600;")
                               : QStringLiteral("color: #dc2626;"));
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
}

void TestSendDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void TestSendDialog::retranslate() {
    setWindowTitle(tr("Test send"));
    m_intro->setText(
        tr("Sends this message once, as it is in the editor now, rendered for the customer you "
           "choose (or sample data)."));
    m_toLabel->setText(wantsEmail(m_channel)   ? tr("To e-mail:")
                       : wantsPhone(m_channel) ? tr("To phone:")
                                               : tr("To device or user:"));
    m_to->setPlaceholderText(wantsEmail(m_channel)   ? tr("you@example.com")
                             : wantsPhone(m_channel) ? tr("+7 916 123-45-67")
                                                     : tr("device token or customer id"));
    m_customerLabel->setText(tr("Render for:"));
    m_strict->setText(tr("Strict: unknown variables and filters are errors"));
    m_send->setText(tr("Send"));
}

}  // namespace LoyaltyDesk::Ui
