#include "json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>

namespace LoyaltyDesk::Core::Json {

QString isoUtc(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate);
}

std::optional<qint64> parseTime(const QString &text)
{
    if (text.size() < 10 || text.size() > 40) return std::nullopt;
    if (text.size() == 10) {
        if (!isDate(text)) return std::nullopt;
        const QDate d = QDate::fromString(text, Qt::ISODate);
        return QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    }
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid()) return std::nullopt;
    // Without an explicit zone the time is taken as UTC, never as the server's local time.
    if (dt.timeSpec() == Qt::LocalTime) dt.setTimeSpec(Qt::UTC);
    return dt.toSecsSinceEpoch();
}

bool isDate(const QString &text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-') return false;
    return QDate::fromString(text, Qt::ISODate).isValid();
}

Reader::Reader(QJsonObject object, QString prefix)
    : m_object(std::move(object)), m_prefix(std::move(prefix)), m_asked(m_object.size(), false)
{
}

QString Reader::path(const QString &key) const
{
    return m_prefix.isEmpty() ? key : m_prefix + u'.' + key;
}

bool Reader::has(const QString &key) const { return m_object.contains(key); }
bool Reader::isNull(const QString &key) const
{
    return m_object.contains(key) && m_object.value(key).isNull();
}

void Reader::fail(const QString &key, const QString &message)
{
    m_errors.append({path(key), message});
}

std::optional<QJsonValueConstRef> Reader::get(const QString &key, bool required)
{
    const auto it = m_object.constFind(key);
    if (it != m_object.constEnd()) {
        bool &asked = m_asked[it - m_object.constBegin()];
        if (!asked) ++m_present;
        asked = true;
    }
    if (it == m_object.constEnd() || it->isNull()) {
        if (required) fail(key, QStringLiteral("This field is required."));
        return std::nullopt;
    }
    return *it;
}

std::optional<QString> Reader::string(const QString &key, bool required, int maxLength)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->isString()) {
        fail(key, QStringLiteral("Must be a string."));
        return std::nullopt;
    }
    QString s = v->toString();
    if (s.isNull()) s = QStringLiteral("");  // "" in JSON is an empty string, never SQL NULL
    if (s.size() > maxLength) {
        fail(key, QStringLiteral("Must be at most %1 characters long.").arg(maxLength));
        return std::nullopt;
    }
    if (required && s.trimmed().isEmpty()) {
        fail(key, QStringLiteral("This field is required."));
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> Reader::integer(const QString &key, bool required, qint64 min, qint64 max)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    const double d = v->toDouble(std::nan(""));
    if (!v->isDouble() || std::isnan(d) || d != std::floor(d) || std::abs(d) > 9.0e15) {
        fail(key, QStringLiteral("Must be a whole number."));
        return std::nullopt;
    }
    const auto n = static_cast<qint64>(d);
    if (n < min || n > max) {
        fail(key, QStringLiteral("Must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<double> Reader::number(const QString &key, bool required)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->isDouble()) {
        fail(key, QStringLiteral("Must be a number."));
        return std::nullopt;
    }
    return v->toDouble();
}

std::optional<bool> Reader::boolean(const QString &key, bool required)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->isBool()) {
        fail(key, QStringLiteral("Must be true or false."));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QJsonArray> Reader::array(const QString &key, bool required, int maxItems)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->isArray()) {
        fail(key, QStringLiteral("Must be a list."));
        return std::nullopt;
    }
    QJsonArray a = v->toArray();
    if (a.size() > maxItems) {
        fail(key, QStringLiteral("Must have at most %1 items.").arg(maxItems));
        return std::nullopt;
    }
    return a;
}

std::optional<QJsonObject> Reader::object(const QString &key, bool required)
{
    const auto v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->isObject()) {
        fail(key, QStringLiteral("Must be an object."));
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<qint64> Reader::time(const QString &key, bool required)
{
    const auto s = string(key, required, 40);
    if (!s) return std::nullopt;
    auto t = parseTime(*s);
    if (!t) fail(key, QStringLiteral("Must be a time in ISO 8601, like 2025-03-01T10:15:00Z."));
    return t;
}

std::optional<QString> Reader::date(const QString &key, bool required)
{
    const auto s = string(key, required, 10);
    if (!s) return std::nullopt;
    if (!isDate(*s)) {
        fail(key, QStringLiteral("Must be a date written YYYY-MM-DD."));
        return std::nullopt;
    }
    return s;
}

std::optional<QString> Reader::oneOf(const QString &key, const QStringList &allowed, bool required)
{
    const auto s = string(key, required, 100);
    if (!s) return std::nullopt;
    if (!allowed.contains(*s)) {
        fail(key, QStringLiteral("Must be one of: %1.").arg(allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return s;
}

Result<void> Reader::finish()
{
    // Every key of the object was asked for: nothing unknown, no need to walk the keys.
    if (m_present != m_object.size())
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            if (!m_asked[it - m_object.constBegin()]) fail(it.key(), QStringLiteral("Unknown field."));
    if (m_errors.isEmpty()) return {};
    return validationError(m_errors);
}

Result<QJsonValue> parseValue(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return Error{ErrorKind::Validation, QStringLiteral("The request body is empty; JSON was expected."), {}, 400, {}};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error{ErrorKind::Validation,
                     QStringLiteral("The request body is not valid JSON (%1 at byte %2).")
                         .arg(err.errorString())
                         .arg(err.offset),
                     {}, 400, {}};
    if (doc.isObject()) return QJsonValue(doc.object());
    return QJsonValue(doc.array());
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    auto v = parseValue(body);
    if (!v) return v.error();
    if (!v->isObject())
        return Error{ErrorKind::Validation, QStringLiteral("The request body must be a JSON object."), {}, 400, {}};
    return v->toObject();
}

Error validationError(QList<FieldError> errors)
{
    QStringList parts;
    for (const auto &e : errors) parts << e.field + QStringLiteral(": ") + e.message;
    const QString detail = errors.size() == 1
                               ? parts.first()
                               : QStringLiteral("%1 fields are wrong — %2")
                                     .arg(errors.size())
                                     .arg(parts.join(QStringLiteral("; ")));
    return Error{ErrorKind::Validation, detail, std::move(errors), 400, {}};
}

}  // namespace LoyaltyDesk::Core::Json
