#include "format.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

namespace LoyaltyDesk::Models::Format {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("LoyaltyDesk::Models::Format", text, disambiguation, n);
}

}  // namespace

QString money(qint64 minorUnits, const QString &currency)
{
    const QString symbol = currency == QLatin1String("RUB") ? QStringLiteral("₽") : currency;
    return QLocale().toCurrencyString(double(minorUnits) / 100.0, symbol, 2);
}

QString points(qint64 points)
{
    return QLocale().toString(points);
}

QString dateTime(const QString &iso)
{
    if (iso.isEmpty()) return {};
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid()) return iso;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString date(const QString &isoDate)
{
    if (isoDate.isEmpty()) return {};
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : isoDate;
}

QString age(const QDateTime &then, const QDateTime &now)
{
    const qint64 s = then.secsTo(now);
    if (s < 60) return tr("just now");
    if (s < 3600) return tr("%n minute(s) ago", nullptr, int(s / 60));
    if (s < 86400) return tr("%n hour(s) ago", nullptr, int(s / 3600));
    return tr("%n day(s) ago", nullptr, int(s / 86400));
}

QString percent(double share)
{
    return tr("%1 %").arg(QLocale().toString(share * 100.0, 'f', share > 0 && share < 0.001 ? 2 : 1));
}

QString duration(qint64 ms)
{
    if (ms < 1) return tr("under 1 ms");
    if (ms < 1000) return tr("%1 ms").arg(QLocale().toString(ms));
    if (ms < 60000) return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString every(qint64 minutes)
{
    if (minutes % 60 != 0) return tr("every %1 min").arg(minutes);
    return tr("every %1 h").arg(minutes / 60);
}

QString personName(const QJsonObject &c)
{
    QStringList parts;
    for (const char *key : {"last_name", "first_name", "middle_name"}) {
        const QString v = c.value(QLatin1String(key)).toString().trimmed();
        if (!v.isEmpty()) parts << v;
    }
    return parts.isEmpty() ? tr("(no name)") : parts.join(QLatin1Char(' '));
}

QString localTime(const QString &ianaZone, const QDateTime &now)
{
    if (ianaZone.isEmpty()) return {};
    const QTimeZone zone(ianaZone.toLatin1());
    if (!zone.isValid()) return {};
    const QDateTime local = now.toTimeZone(zone);
    return tr("%1, %2 (%3)").arg(QLocale().toString(local.time(), QLocale::ShortFormat), ianaZone,
                                zone.displayName(now, QTimeZone::OffsetName));
}

QString value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    case QJsonValue::Bool: return v.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QLocale().toString(qint64(d)) : QLocale().toString(d);
    }
    case QJsonValue::String: return code(v.toString());
    case QJsonValue::Array: {
        QStringList parts;
        for (const auto &item : v.toArray()) parts << value(item);
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) parts << it.key() + QStringLiteral(": ") + value(*it);
        return parts.join(QStringLiteral("; "));
    }
    }
    return {};
}

QString code(const QString &text)
{
    // Codes the server sends as data; lupdate sees them through QT_TRANSLATE_NOOP.
    static const QHash<QString, const char *> known = {
        {QStringLiteral("female"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "female")},
        {QStringLiteral("male"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "male")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "phone")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "e-mail")},
        {QStringLiteral("sms"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "SMS")},
        {QStringLiteral("push"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "push")},
        {QStringLiteral("messenger"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "messenger")},
        {QStringLiteral("social"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "social network")},
        {QStringLiteral("completed"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "completed")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "cancelled")},
        {QStringLiteral("canceled"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "cancelled")},
        {QStringLiteral("pending"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "pending")},
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "active")},
        {QStringLiteral("blocked"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "blocked")},
        {QStringLiteral("replaced"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "replaced")},
        {QStringLiteral("expired"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "expired")},
        {QStringLiteral("accrual"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "accrual")},
        {QStringLiteral("spend"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "spend")},
        {QStringLiteral("expiry"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "expiry")},
        {QStringLiteral("activation"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "activation")},
        {QStringLiteral("refund"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "refund")},
        {QStringLiteral("queued"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "queued")},
        {QStringLiteral("sent"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "sent")},
        {QStringLiteral("delivered"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "delivered")},
        {QStringLiteral("opened"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "opened")},
        {QStringLiteral("clicked"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "clicked")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "failed")},
        {QStringLiteral("bounced"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "bounced")},
        {QStringLiteral("inbound"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "from customer")},
        {QStringLiteral("outbound"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "to customer")},
        {QStringLiteral("in"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "from customer")},
        {QStringLiteral("out"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "to customer")},
        {QStringLiteral("plastic"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "plastic")},
        {QStringLiteral("points"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "points")},
        {QStringLiteral("site_visit"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "site visit")},
        {QStringLiteral("product_view"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "product view")},
        {QStringLiteral("add_to_cart"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "added to cart")},
        {QStringLiteral("registration"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "registration")},
        {QStringLiteral("unsubscribe_link"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "unsubscribe link")},
        {QStringLiteral("unsubscribe link"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "unsubscribe link")},
        {QStringLiteral("unsubscribed"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "unsubscribed")},
        {QStringLiteral("physical"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "physical")},
        {QStringLiteral("virtual"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Format", "virtual")},
    };
    const auto it = known.constFind(text);
    return it == known.constEnd() ? text : tr(it.value());
}

}  // namespace LoyaltyDesk::Models::Format
