// LocalCache on its worker thread, the Repository's offline fallback, the token store.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/localcache.h"
#include "models/repository.h"
#include "models/tokenstore.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::waitUntil;

namespace {

std::optional<Models::LocalCache::Entry> read(Models::LocalCache &cache, const QString &key, QObject *context)
{
    std::optional<std::optional<Models::LocalCache::Entry>> out;
    cache.get(key, context, [&](std::optional<Models::LocalCache::Entry> e) { out.emplace(std::move(e)); });
    EXPECT_TRUE(waitUntil([&] { return out.has_value(); }));
    return out ? *out : std::nullopt;
}

}  // namespace

TEST(LocalCache, StoresReadsAndClears)
{
    QTemporaryDir dir;
    QObject context;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    const QJsonObject json{{QStringLiteral("id"), 7}, {QStringLiteral("first_name"), QStringLiteral("Анна")}};
    cache.put(QStringLiteral("k"), json);
    auto e = read(cache, QStringLiteral("k"), &context);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->json, json);
    EXPECT_LE(e->storedAt.secsTo(QDateTime::currentDateTime()), 5);
    EXPECT_FALSE(read(cache, QStringLiteral("missing"), &context).has_value());

    bool cleared = false;
    cache.clear(&context, [&] { cleared = true; });
    ASSERT_TRUE(waitUntil([&] { return cleared; }));
    EXPECT_FALSE(read(cache, QStringLiteral("k"), &context).has_value());
}

TEST(LocalCache, KeepsRecentSearchesNewestFirst)
{
    QTemporaryDir dir;
    QObject context;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    cache.addRecentSearch(QStringLiteral("customers"), QStringLiteral("ivanov"));
    cache.addRecentSearch(QStringLiteral("customers"), QStringLiteral("+7 916"));
    cache.addRecentSearch(QStringLiteral("customers"), QStringLiteral("ivanov"));
    cache.addRecentSearch(QStringLiteral("other"), QStringLiteral("x"));
    std::optional<QStringList> recent;
    cache.recentSearches(QStringLiteral("customers"), 10, &context, [&](QStringList l) { recent = l; });
    ASSERT_TRUE(waitUntil([&] { return recent.has_value(); }));
    EXPECT_EQ(*recent, (QStringList{QStringLiteral("ivanov"), QStringLiteral("+7 916")}));
}

TEST(LocalCache, TrimsLeastRecentlyUsedOverTheLimit)
{
    QTemporaryDir dir;
    QObject context;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    cache.setMaxBytes(20000);
    const QString filler(1000, QLatin1Char('x'));
    for (int i = 0; i < 40; ++i) cache.put(QStringLiteral("k%1").arg(i), QJsonObject{{QStringLiteral("v"), filler}});
    cache.flush();
    std::optional<qint64> size;
    cache.sizeBytes(&context, [&](qint64 s) { size = s; });
    ASSERT_TRUE(waitUntil([&] { return size.has_value(); }));
    EXPECT_LE(*size, 20000);
    EXPECT_FALSE(read(cache, QStringLiteral("k0"), &context).has_value());
    EXPECT_TRUE(read(cache, QStringLiteral("k39"), &context).has_value());
}

TEST(LocalCache, CallbackIsDroppedWhenItsContextIsGone)
{
    QTemporaryDir dir;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    cache.put(QStringLiteral("k"), QJsonObject{{QStringLiteral("a"), 1}});
    bool called = false;
    {
        QObject context;
        cache.get(QStringLiteral("k"), &context, [&](std::optional<Models::LocalCache::Entry>) { called = true; });
    }
    cache.flush();
    QTest::qWait(50);
    EXPECT_FALSE(called);
}

TEST(Repository, FallsBackToTheCacheWhenTheServerIsDownAndSaysHowOld)
{
    LT::TestServer server;  // its own, since this test stops it
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    QTemporaryDir dir;
    QObject context;
    Models::ApiClient api;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    Models::Repository repository(&api, &cache);
    api.setBaseUrl(QUrl(server.baseUrl()));
    api.setToken(LT::adminToken(server));
    repository.setUser(QStringLiteral("admin"));

    auto fetch = [&] {
        std::optional<Core::Result<Models::Fetched>> out;
        repository.fetch(QStringLiteral("/api/v1/me"), {}, &context, [&](Core::Result<Models::Fetched> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }));
        return *out;
    };
    auto fresh = fetch();
    ASSERT_TRUE(fresh.ok());
    EXPECT_FALSE(fresh->fromCache());
    cache.flush();

    server.stop();
    auto cached = fetch();
    ASSERT_TRUE(cached.ok()) << cached.error().message.toStdString();
    EXPECT_TRUE(cached->fromCache());
    EXPECT_EQ(cached->json.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    EXPECT_FALSE(api.isOnline());

    // Nothing cached for this one: the network error comes through.
    std::optional<Core::Result<Models::Fetched>> none;
    repository.fetch(QStringLiteral("/api/v1/customers/1"), {}, &context, [&](Core::Result<Models::Fetched> r) { none.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return none.has_value(); }));
    ASSERT_FALSE(none->ok());
    EXPECT_EQ(none->error().kind, Core::ErrorKind::Network);
}

TEST(Repository, CacheKeysSeparateServersUsersAndQueries)
{
    Models::ApiClient api;
    QTemporaryDir dir;
    Models::LocalCache cache(dir.filePath(QStringLiteral("c.sqlite")));
    Models::Repository repository(&api, &cache);
    api.setBaseUrl(QUrl(QStringLiteral("http://a:1")));
    repository.setUser(QStringLiteral("u1"));
    const QString k1 = repository.cacheKey(QStringLiteral("/p"), QUrlQuery(QStringLiteral("b=2&a=1")));
    EXPECT_EQ(k1, repository.cacheKey(QStringLiteral("/p"), QUrlQuery(QStringLiteral("a=1&b=2"))));
    repository.setUser(QStringLiteral("u2"));
    EXPECT_NE(k1, repository.cacheKey(QStringLiteral("/p"), QUrlQuery(QStringLiteral("a=1&b=2"))));
    api.setBaseUrl(QUrl(QStringLiteral("http://b:1")));
    repository.setUser(QStringLiteral("u1"));
    EXPECT_NE(k1, repository.cacheKey(QStringLiteral("/p"), QUrlQuery(QStringLiteral("a=1&b=2"))));
}

TEST(TokenStore, KeepsATokenInTheKeychainOrItsFallback)
{
    QObject context;
    Models::TokenStore store(QStringLiteral("LoyaltyDeskTests"));
    bool saved = false;
    store.save(QStringLiteral("operator@http://test"), QStringLiteral("tok-123"), &context, [&] { saved = true; });
    ASSERT_TRUE(waitUntil([&] { return saved; }, Models::TokenStore::KeychainTimeoutMs + 5000));
    std::optional<QString> loaded;
    store.load(QStringLiteral("operator@http://test"), &context, [&](QString t) { loaded = t; });
    ASSERT_TRUE(waitUntil([&] { return loaded.has_value(); }, Models::TokenStore::KeychainTimeoutMs + 5000));
    EXPECT_EQ(*loaded, QStringLiteral("tok-123"));
    if (store.usingFallback()) {
        // Only the user may read the fallback file.
        EXPECT_EQ(QFile::permissions(Models::TokenStore::fallbackPath()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);
    }
    store.remove(QStringLiteral("operator@http://test"));
    QTest::qWait(100);
    loaded.reset();
    store.load(QStringLiteral("operator@http://test"), &context, [&](QString t) { loaded = t; });
    ASSERT_TRUE(waitUntil([&] { return loaded.has_value(); }, Models::TokenStore::KeychainTimeoutMs + 5000));
    EXPECT_TRUE(loaded->isEmpty());
}
