#include "customerpicker.h"

#include "core/phone.h"
#include "models/apiclient.h"
#include "models/format.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QJsonArray>
#include <QStandardItemModel>
#include <QUrlQuery>

namespace LoyaltyDesk::Widgets {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
}  // namespace

CustomerPicker::CustomerPicker(Models::ApiClient *api, QWidget *parent)
    : QLineEdit(parent),
      m_api(api),
      m_completer(new QCompleter(this)),
      m_model(new QStandardItemModel(this)) {
    setObjectName(QStringLiteral("customerPicker"));
    setClearButtonEnabled(true);
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &CustomerPicker::searchNow);
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_id != 0) {
            m_id = 0;
            m_name.clear();
            emit customerChanged(0, {});
        }
        if (text.trimmed().isEmpty())
            m_model->clear();
        else
            m_timer.start();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &CustomerPicker::choose);
    retranslate();
}

void CustomerPicker::setCustomer(qint64 id, const QString &name) {
    m_timer.stop();
    m_id = id;
    m_name = id ? name : QString();
    setText(m_name);
    emit customerChanged(m_id, m_name);
}

void CustomerPicker::searchNow() {
    m_timer.stop();
    const QString q = text().trimmed();
    if (q.isEmpty() || q == m_lastQuery) return;
    m_lastQuery = q;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), q);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
    m_api->get(QStringLiteral("/api/v1/customers"), query, this,
               [this, q](Core::Result<QJsonObject> r) {
                   m_lastQuery.clear();
                   if (q != text().trimmed()) return;  // the user typed on
                   m_model->clear();
                   if (!r) {
                       setToolTip(r.error().message);
                       return;
                   }
                   for (const auto &v : r->value(QStringLiteral("items")).toArray()) {
                       const QJsonObject c = v.toObject();
                       const QString name = Models::Format::personName(c);
                       const QString phone = c.value(QStringLiteral("phone")).toString();
                       auto *item = new QStandardItem(
                           phone.isEmpty() ? name
                                           : name + QStringLiteral(" · ") +
                                                 Core::PhoneNormalizer::formatInternational(phone));
                       item->setData(c.value(QStringLiteral("id")).toInteger(), IdRole);
                       item->setData(name, NameRole);
                       m_model->appendRow(item);
                   }
                   if (m_model->rowCount() > 0 && hasFocus()) m_completer->complete();
                   emit searched();
               });
}

void CustomerPicker::choose(const QModelIndex &index) {
    if (!index.isValid()) return;
    setCustomer(index.data(IdRole).toLongLong(), index.data(NameRole).toString());
}

void CustomerPicker::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QLineEdit::changeEvent(event);
}

void CustomerPicker::retranslate() {
    setPlaceholderText(tr("Sample data — or find a customer by phone or name"));
}

}  // namespace LoyaltyDesk::Widgets
