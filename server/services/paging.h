#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <optional>

namespace LoyaltyDesk::Server {

// Opaque keyset cursors: base64url of a JSON array of the last row's sort values.
struct Cursor {
    static QString encode(const QVariantList &values);
    // nullopt for an absent cursor; an error for one we did not make.
    static Core::Result<std::optional<QVariantList>> decode(const QString &text, int expectedSize);
};

struct PageRequest {
    int limit = 50;
    std::optional<QVariantList> cursor;
};

// Reads ?limit= (default 50, 1..500) and ?cursor=.
Core::Result<PageRequest> readPage(const QString &limitText, const QString &cursorText, int cursorSize);

struct Page {
    QJsonArray items;
    QString nextCursor;  // empty = last page
    QJsonObject toJson() const;
};

class Sql;

// Runs a keyset query written with LIMIT limit + 1 and ordered by its first column (the
// cursor key); `row` turns the current row into an item (the row's columns as they are
// when not given).
Core::Result<Page> collectPage(Sql &query, int limit, const std::function<QJsonObject(Sql &)> &row = {});
// The same for a query of ids alone: the page's ids, and the cursor of the next page.
Core::Result<std::pair<QList<qint64>, QString>> collectIds(Sql &query, int limit);

}  // namespace LoyaltyDesk::Server
