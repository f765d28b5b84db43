#include "repository.h"

#include <QPointer>

namespace LoyaltyDesk::Models {

Repository::Repository(ApiClient *api, LocalCache *cache, QObject *parent) : QObject(parent), m_api(api), m_cache(cache) {}

QString Repository::cacheKey(const QString &path, const QUrlQuery &query) const
{
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    QUrlQuery sorted;
    sorted.setQueryItems(items);
    return m_api->baseUrl().toString(QUrl::RemoveUserInfo) + QLatin1Char('|') + m_user + QLatin1Char('|') + path +
           QLatin1Char('?') + sorted.toString(QUrl::FullyEncoded);
}

void Repository::store(const QString &path, const QJsonObject &json)
{
    m_cache->put(cacheKey(path, {}), json);
}

void Repository::fetch(const QString &path, const QUrlQuery &query, const QObject *context,
                       std::function<void(Core::Result<Fetched>)> callback)
{
    const QString key = cacheKey(path, query);
    QPointer<const QObject> guard(context);
    m_api->get(path, query, context, [this, key, guard, callback](Core::Result<QJsonObject> r) {
        if (r) {
            m_cache->put(key, *r);
            return callback(Fetched{*r, std::nullopt});
        }
        if (r.error().kind != Core::ErrorKind::Network || !guard) return callback(r.error());
        const Core::Error error = r.error();
        m_cache->get(key, guard, [error, callback](std::optional<LocalCache::Entry> e) {
            if (!e) return callback(error);
            callback(Fetched{e->json, e->storedAt});
        });
    });
}

}  // namespace LoyaltyDesk::Models
