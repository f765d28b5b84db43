#include "devicepreview.h"

#include "models/apiclient.h"
#include "models/format.h"
#include "searchbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace LoyaltyDesk::Widgets {

namespace {

// A rendered e-mail is a picture of a message: links do not navigate inside it.
class PreviewPage final : public QWebEnginePage {
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override {
        return type != NavigationTypeLinkClicked && isMainFrame &&
               (url.scheme() == QLatin1String("data") || url.isLocalFile());
    }
};

// Sets `value` at a dotted path ("customer.first_name") inside `object`.
void insertAt(QJsonObject &object, QStringView path, const QJsonValue &value) {
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        object.insert(path.toString(), value);
        return;
    }
    const QString key = path.left(dot).toString();
    QJsonObject inner = object.value(key).toObject();
    insertAt(inner, path.mid(dot + 1), value);
    object.insert(key, inner);
}

constexpr int DeviceGap = 16;
constexpr qsizetype SetHtmlLimit = 512 * 1024;  // characters; UTF-8 may take up to 3 bytes each

// "Анна Смирнова · +79161234567"
QString customerLabel(const QJsonObject &customer) {
    const QString phone = customer.value(QStringLiteral("phone")).toString();
    return phone.isEmpty() ? Models::Format::personName(customer)
                           : Models::Format::personName(customer) + QStringLiteral(" · ") + phone;
}

}  // namespace

DevicePreview::DevicePreview(Models::ApiClient *api, QWidget *parent)
    : QWidget(parent),
      m_api(api),
      m_search(new SearchBox(this)),
      m_customers(new QComboBox(this)),
      m_strict(new QCheckBox(this)),
      m_status(new QLabel(this)),
      m_from(new QLabel(this)),
      m_subject(new QLabel(this)),
      m_preheader(new QLabel(this)),
      m_errors(new QListWidget(this)),
      m_devices(new QWidget(this)) {
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_customers->setMinimumWidth(260);
    m_customers->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_search);
    bar->addWidget(m_customers);
    bar->addWidget(m_strict);
    bar->addStretch();
    bar->addWidget(m_status);
    layout->addLayout(bar);

    // The envelope, as a mail client lists a message.
    auto *envelope = new QFrame(this);
    envelope->setFrameShape(QFrame::StyledPanel);
    envelope->setBackgroundRole(QPalette::Base);
    envelope->setAutoFillBackground(true);
    auto *env = new QVBoxLayout(envelope);
    env->setSpacing(2);
    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.25);
    m_subject->setFont(subjectFont);
    m_preheader->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *l : {m_from, m_subject, m_preheader}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setTextFormat(Qt::PlainText);
        env->addWidget(l);
    }
    layout->addWidget(envelope);

    m_errors->setMaximumHeight(110);
    m_errors->hide();
    layout->addWidget(m_errors);

    auto *devices = new QHBoxLayout(m_devices);
    devices->setContentsMargins(0, 0, 0, 0);
    devices->setSpacing(DeviceGap);
    for (const Device &d : Devices) {
        Q_UNUSED(d);
        auto *column = new QVBoxLayout;
        auto *caption = new QLabel(m_devices);
        caption->setAlignment(Qt::AlignCenter);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto *view = new QWebEngineView(m_devices);
        view->setPage(new PreviewPage(view));
        view->setContextMenuPolicy(Qt::NoContextMenu);
        view->setMinimumHeight(200);
        connect(view, &QWebEngineView::loadFinished, this, [this] {
            if (m_pendingLoads > 0 && --m_pendingLoads == 0) emit rendered(m_result);
        });
        column->addWidget(caption);
        column->addWidget(view, 1);
        devices->addLayout(column);
        m_captions.append(caption);
        m_views.append(view);
    }
    devices->addStretch();
    layout->addWidget(m_devices, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &DevicePreview::render);
    connect(m_search, &SearchBox::searchRequested, this, &DevicePreview::searchCustomers);
    connect(m_customers, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_strict, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_errors, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QJsonObject e = item->data(Qt::UserRole).toJsonObject();
        emit errorActivated(e.value(QStringLiteral("part")).toString(),
                            e.value(QStringLiteral("line")).toInt(),
                            e.value(QStringLiteral("column")).toInt());
    });
    connect(m_errors, &QListWidget::itemClicked, m_errors, &QListWidget::itemActivated);
    m_customers->addItem(QString(), qint64(0));
    retranslate();
}

void DevicePreview::retranslate() {
    m_search->setPlaceholderText(tr("Sample customer: phone or name"));
    m_customers->setItemText(0, tr("Sample data"));
    m_strict->setText(tr("Strict"));
    m_strict->setToolTip(tr("Unknown variables and filters are errors, as in a strict send"));
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions[i]->setText(tr("%1 · %2 px").arg(tr(Devices[i].name)).arg(Devices[i].width));
    if (!m_result.isEmpty()) showResult(m_result);
}

void DevicePreview::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DevicePreview::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitDevices();
}

void DevicePreview::fitDevices() {
    int total = 0;
    for (const Device &d : Devices) total += d.width;
    const int available = m_devices->width() - DeviceGap * int(std::size(Devices));
    const qreal scale = std::clamp(qreal(available) / total, 0.25, 1.0);
    for (int i = 0; i < m_views.size(); ++i) {
        m_views[i]->setFixedWidth(qRound(Devices[i].width * scale));
        m_views[i]->setZoomFactor(scale);
    }
}

void DevicePreview::setContent(const QJsonObject &content) {
    m_content = content;
    m_content.remove(QStringLiteral("design"));  // the editor's project: not needed to render
    if (!m_content.contains(QStringLiteral("subject")))
        m_content.insert(QStringLiteral("subject"), QString());
    if (!m_content.contains(QStringLiteral("html")))
        m_content.insert(QStringLiteral("html"), QString());
    m_debounce.start();
}

void DevicePreview::setCustomer(qint64 customerId) {
    int index = m_customers->findData(customerId);
    if (index < 0) {
        m_customers->addItem(tr("Customer %1").arg(customerId), customerId);
        index = m_customers->count() - 1;
        m_api->get(QStringLiteral("/api/v1/customers/%1").arg(customerId), {}, this,
                   [this, customerId](Core::Result<QJsonObject> r) {
                       const int at = m_customers->findData(customerId);
                       if (r && at > 0) m_customers->setItemText(at, customerLabel(*r));
                   });
    }
    m_customers->setCurrentIndex(index);
    refresh();
}

qint64 DevicePreview::customerId() const {
    return m_customers->currentData().toLongLong();
}

void DevicePreview::setStrict(bool strict) {
    m_strict->setChecked(strict);
}
bool DevicePreview::isStrict() const {
    return m_strict->isChecked();
}

void DevicePreview::searchCustomers(const QString &text) {
    if (text.trimmed().isEmpty()) return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), text.trimmed());
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("20"));
    m_status->setText(tr("Searching…"));
    m_api->get(QStringLiteral("/api/v1/customers"), query, this,
               [this](Core::Result<QJsonObject> r) {
                   m_status->clear();
                   if (!r) {
                       emit failed(r.error().message);
                       m_status->setText(r.error().message);
                       return;
                   }
                   const QJsonArray items = r->value(QStringLiteral("items")).toArray();
                   while (m_customers->count() > 1) m_customers->removeItem(1);
                   for (const auto &v : items)
                       m_customers->addItem(customerLabel(v.toObject()),
                                            v.toObject().value(QStringLiteral("id")).toInteger());
                   if (items.isEmpty()) m_status->setText(tr("No customer found"));
                   m_customers->setCurrentIndex(items.isEmpty() ? 0 : 1);
                   emit customersFound(int(items.size()));
                   refresh();
               });
}

void DevicePreview::refresh() {
    m_debounce.stop();
    render();
}

QJsonObject DevicePreview::sampleData() const {
    QJsonObject data;
    for (const auto &v : m_catalog) {
        const QJsonObject item = v.toObject();
        insertAt(data, item.value(QStringLiteral("path")).toString(),
                 item.value(QStringLiteral("example")));
    }
    return data;
}

void DevicePreview::render() {
    if (!m_content.contains(QStringLiteral("html"))) return;
    const qint64 customer = customerId();
    if (customer == 0 && m_catalog.isEmpty()) {
        if (m_catalogAsked) return;  // rendered when the catalog arrives
        m_catalogAsked = true;
        m_api->get(QStringLiteral("/api/v1/templates/variables"), {}, this,
                   [this](Core::Result<QJsonObject> r) {
                       m_catalogAsked = false;
                       if (!r) {
                           emit failed(r.error().message);
                           m_status->setText(r.error().message);
                           return;
                       }
                       m_catalog = r->value(QStringLiteral("items")).toArray();
                       render();
                   });
        return;
    }
    QJsonObject body{{QStringLiteral("channel"), QStringLiteral("email")},
                     {QStringLiteral("content"), m_content},
                     {QStringLiteral("strict"), isStrict()}};
    if (customer > 0)
        body.insert(QStringLiteral("customer_id"), customer);
    else
        body.insert(QStringLiteral("data"), sampleData());
    const int generation = ++m_generation;
    m_status->setText(tr("Rendering…"));
    m_api->post(QStringLiteral("/api/v1/templates/render"), body, this,
                [this, generation](Core::Result<QJsonObject> r) {
                    if (generation != m_generation) return;  // an older content
                    m_status->clear();
                    if (!r) {
                        m_status->setText(r.error().message);
                        emit failed(r.error().message);
                        return;
                    }
                    showResult(*r);
                });
}

void DevicePreview::showResult(const QJsonObject &result) {
    const bool fresh = result != m_result;
    m_result = result;
    const QJsonObject parts = result.value(QStringLiteral("parts")).toObject();
    auto part = [&](const char *name) { return parts.value(QLatin1String(name)).toString(); };
    const QString sender = part("sender_name"), address = part("sender_email");
    m_from->setText(
        tr("From: %1")
            .arg(address.isEmpty()
                     ? (sender.isEmpty() ? tr("(sender from the channel settings)") : sender)
                     : (sender.isEmpty() ? address
                                         : sender + QStringLiteral(" <") + address + u'>')));
    m_subject->setText(part("subject").isEmpty() ? tr("(no subject)") : part("subject"));
    m_preheader->setText(part("preheader"));
    m_preheader->setVisible(!part("preheader").isEmpty());

    m_errors->clear();
    auto list = [&](const QJsonArray &items, bool error) {
        for (const auto &v : items) {
            const QJsonObject e = v.toObject();
            const QString where = tr("%1, line %2, column %3")
                                      .arg(e.value(QStringLiteral("part")).toString())
                                      .arg(e.value(QStringLiteral("line")).toInt())
                                      .arg(e.value(QStringLiteral("column")).toInt());
            auto *item = new QListWidgetItem((error ? tr("Error") : tr("Warning")) +
                                             QStringLiteral(" · ") + where + QStringLiteral(": ") +
                                             e.value(QStringLiteral("message")).toString());
            item->setForeground(error ? QColor(0xc0, 0x26, 0x26) : QColor(0xb4, 0x53, 0x09));
            item->setData(Qt::UserRole, e);
            m_errors->addItem(item);
        }
    };
    list(result.value(QStringLiteral("errors")).toArray(), true);
    list(result.value(QStringLiteral("warnings")).toArray(), false);
    m_errors->setVisible(m_errors->count() > 0);
    if (!fresh) {
        emit rendered(m_result);
        return;
    }
    const QString html = part("html");
    m_pendingLoads = int(m_views.size());
    // setHtml() takes at most 2 MB (a data: URL); e-mails with embedded images can be
    // larger and go through a file (UTF-8 with a BOM: the e-mail may not name a charset).
    if (html.size() < SetHtmlLimit) {
        for (QWebEngineView *view : m_views)
            view->setHtml(html, QUrl(QStringLiteral("about:blank")));
        return;
    }
    m_bigHtml = std::make_unique<QTemporaryFile>(
        QDir::tempPath() + QStringLiteral("/loyaltydesk-preview-XXXXXX.html"));
    if (!m_bigHtml->open() || m_bigHtml->write("\xEF\xBB\xBF" + html.toUtf8()) < 0 ||
        !m_bigHtml->flush()) {
        m_pendingLoads = 0;
        emit failed(tr("The e-mail is too large to preview."));
        return;
    }
    for (QWebEngineView *view : m_views) view->load(QUrl::fromLocalFile(m_bigHtml->fileName()));
}

}  // namespace LoyaltyDesk::Widgets
