#pragma once

#include "apiclient.h"
#include "localcache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace LoyaltyDesk::Models {

// What a read returned: fresh from the server, or the cached copy when the server
// could not be reached (then `cachedAt` says how old it is).
struct Fetched {
    QJsonObject json;
    std::optional<QDateTime> cachedAt;
    bool fromCache() const { return cachedAt.has_value(); }
};

// Reads through the API and keeps what it read in the LocalCache; falls back to the
// cache when the network fails. Writes go to the server only (offline is read-only).
class Repository final : public QObject {
    Q_OBJECT
public:
    Repository(ApiClient *api, LocalCache *cache, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }
    LocalCache *cache() const { return m_cache; }

    // Cached data belongs to one server and one user (permissions differ).
    void setUser(const QString &username) { m_user = username; }
    QString user() const { return m_user; }
    QString cacheKey(const QString &path, const QUrlQuery &query) const;

    void fetch(const QString &path, const QUrlQuery &query, const QObject *context,
               std::function<void(Core::Result<Fetched>)> callback);
    // Refreshes the cached copy after a write answered with the new resource.
    void store(const QString &path, const QJsonObject &json);

private:
    ApiClient *m_api;
    LocalCache *m_cache;
    QString m_user;
};

}  // namespace LoyaltyDesk::Models
