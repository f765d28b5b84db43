#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QString>
#include <QVariant>
#include <QVariantList>

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

}  // namespace LoyaltyDesk::Server
