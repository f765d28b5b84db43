#include "paging.h"

#include "storage/database.h"
#include "storage/rows.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace LoyaltyDesk::Server {

QString Cursor::encode(const QVariantList &values)
{
    QJsonArray a;
    for (const auto &v : values) a.append(QJsonValue::fromVariant(v));
    return QString::fromLatin1(QJsonDocument(a).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Core::Result<std::optional<QVariantList>> Cursor::decode(const QString &text, int expectedSize)
{
    if (text.isEmpty()) return std::optional<QVariantList>{};
    const auto bad = Core::Error::validation(QStringLiteral("cursor"), QStringLiteral("The cursor is not one this server gave out. Start from the first page."));
    if (text.size() > 2000) return bad;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return bad;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isArray() || doc.array().size() != expectedSize) return bad;
    QVariantList values;
    for (const auto &v : doc.array()) {
        if (!v.isDouble() && !v.isString()) return bad;
        values << (v.isDouble() ? QVariant(static_cast<qint64>(v.toDouble())) : QVariant(v.toString()));
    }
    return std::optional<QVariantList>{values};
}

Core::Result<PageRequest> readPage(const QString &limitText, const QString &cursorText, int cursorSize)
{
    PageRequest p;
    if (!limitText.isEmpty()) {
        bool ok = false;
        const int limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return Core::Error::validation(QStringLiteral("limit"), QStringLiteral("limit must be a whole number from 1 to 500."));
        p.limit = limit;
    }
    auto c = Cursor::decode(cursorText, cursorSize);
    if (!c) return c.error();
    p.cursor = *c;
    return p;
}

QJsonObject Page::toJson() const
{
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("next_cursor"), nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

Core::Result<Page> collectPage(Sql &query, int limit, const std::function<QJsonObject(Sql &)> &row)
{
    if (auto r = query.exec(); !r) return r.error();
    Page page;
    qint64 last = 0;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = Cursor::encode({last});
            break;
        }
        page.items.append(row ? row(query) : rowToJson(query.query()));
        last = query.value(0).toLongLong();
    }
    return page;
}

Core::Result<std::pair<QList<qint64>, QString>> collectIds(Sql &query, int limit)
{
    if (auto r = query.exec(); !r) return r.error();
    QList<qint64> ids;
    while (query.next()) ids << query.value(0).toLongLong();
    QString next;
    if (ids.size() > limit) {
        ids.resize(limit);
        next = Cursor::encode({ids.last()});
    }
    return std::pair{ids, next};
}

}  // namespace LoyaltyDesk::Server
