#include "localcache.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

namespace LoyaltyDesk::Models {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace

LocalCache::LocalCache(const QString &filePath, QObject *parent)
    : QObject(parent),
      m_path(filePath.isEmpty() ? defaultPath() : filePath),
      m_connection(QStringLiteral("ldcache-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);  // keep the one thread, and with it the connection
}

LocalCache::~LocalCache()
{
    run([this] {
        if (m_opened) QSqlDatabase::database(m_connection, false).close();
        m_opened = false;
        QSqlDatabase::removeDatabase(m_connection);
    });
    m_pool.waitForDone();
}

QString LocalCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/loyaltydesk-cache.sqlite");
}

template <typename F>
auto LocalCache::run(F &&f) -> QFuture<decltype(f())>
{
    return QtConcurrent::run(&m_pool, std::forward<F>(f));
}

template <typename Work, typename Callback>
void LocalCache::ask(const QObject *context, Work work, Callback callback)
{
    QPointer<const QObject> guard(context);
    m_pool.start([this, work = std::move(work), guard, callback = std::move(callback)]() mutable {
        using R = decltype(work());
        if constexpr (std::is_void_v<R>) {
            work();
            QMetaObject::invokeMethod(this, [guard, callback] { if (guard) callback(); }, Qt::QueuedConnection);
        } else {
            R result = work();
            // Posted to this object (GUI thread); the destructor waits for the pool first.
            QMetaObject::invokeMethod(this, [guard, callback, result = std::move(result)]() mutable {
                if (guard) callback(std::move(result));
            }, Qt::QueuedConnection);
        }
    });
}

void LocalCache::report(const QString &message)
{
    QMetaObject::invokeMethod(this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
}

bool LocalCache::open()
{
    if (m_opened) return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        report(tr("The local cache %1 cannot be opened: %2").arg(m_path, db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    const bool ok = q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL, "
                                          "size INTEGER NOT NULL, stored_at INTEGER NOT NULL, used_at INTEGER NOT NULL)")) &&
                    q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS entries_used ON entries (used_at)")) &&
                    q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS searches (scope TEXT NOT NULL, text TEXT NOT NULL, "
                                          "at INTEGER NOT NULL, PRIMARY KEY (scope, text))")) &&
                    q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, data BLOB NOT NULL, saved_at INTEGER NOT NULL)"));
    if (!ok) {
        report(tr("The local cache %1 cannot be prepared: %2").arg(m_path, q.lastError().text()));
        return false;
    }
    m_opened = true;
    return true;
}

void LocalCache::put(const QString &key, const QJsonObject &json)
{
    run([this, key, json] {
        if (!open()) return;
        const QByteArray data = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("INSERT INTO entries (key, data, size, stored_at, used_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET data = excluded.data, size = excluded.size, "
                                 "stored_at = excluded.stored_at, used_at = excluded.used_at"));
        const qint64 now = nowMs();
        q.addBindValue(key);
        q.addBindValue(data);
        q.addBindValue(data.size());
        q.addBindValue(now);
        q.addBindValue(now);
        if (!q.exec()) return report(tr("The local cache cannot be written: %1").arg(q.lastError().text()));
        trim();
    });
}

void LocalCache::trim()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM entries")) || !q.next()) return;
    qint64 total = q.value(0).toLongLong();
    const qint64 limit = m_maxBytes.load();
    if (total <= limit) return;
    // Least recently used first, down to 90% of the limit.
    QSqlQuery oldest(db);
    oldest.exec(QStringLiteral("SELECT key, size FROM entries ORDER BY used_at"));
    QStringList doomed;
    while (total > limit * 9 / 10 && oldest.next()) {
        doomed << oldest.value(0).toString();
        total -= oldest.value(1).toLongLong();
    }
    oldest.finish();
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM entries WHERE key = ?"));
    for (const auto &key : doomed) {
        del.addBindValue(key);
        del.exec();
    }
}

void LocalCache::get(const QString &key, const QObject *context, std::function<void(std::optional<Entry>)> callback)
{
    ask(context, [this, key]() -> std::optional<Entry> {
        if (!open()) return std::nullopt;
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT data, stored_at FROM entries WHERE key = ?"));
        q.addBindValue(key);
        if (!q.exec() || !q.next()) return std::nullopt;
        Entry e{QJsonDocument::fromJson(q.value(0).toByteArray()).object(), QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong())};
        QSqlQuery touch(db);
        touch.prepare(QStringLiteral("UPDATE entries SET used_at = ? WHERE key = ?"));
        touch.addBindValue(nowMs());
        touch.addBindValue(key);
        touch.exec();
        return e;
    }, std::move(callback));
}

void LocalCache::addRecentSearch(const QString &scope, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) return;
    run([this, scope, t] {
        if (!open()) return;
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO searches (scope, text, at) VALUES (?, ?, ?) ON CONFLICT (scope, text) DO UPDATE SET at = excluded.at"));
        m_lastSearchAt = std::max(nowMs(), m_lastSearchAt + 1);  // strictly newer, even within one millisecond
        q.addBindValue(scope);
        q.addBindValue(t);
        q.addBindValue(m_lastSearchAt);
        q.exec();
        QSqlQuery keep(db);
        keep.prepare(QStringLiteral("DELETE FROM searches WHERE scope = ? AND text NOT IN "
                                    "(SELECT text FROM searches WHERE scope = ? ORDER BY at DESC LIMIT 50)"));
        keep.addBindValue(scope);
        keep.addBindValue(scope);
        keep.exec();
    });
}

void LocalCache::recentSearches(const QString &scope, int limit, const QObject *context, std::function<void(QStringList)> callback)
{
    ask(context, [this, scope, limit] {
        QStringList out;
        if (!open()) return out;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("SELECT text FROM searches WHERE scope = ? ORDER BY at DESC LIMIT ?"));
        q.addBindValue(scope);
        q.addBindValue(limit);
        if (q.exec())
            while (q.next()) out << q.value(0).toString();
        return out;
    }, std::move(callback));
}

void LocalCache::sizeBytes(const QObject *context, std::function<void(qint64)> callback)
{
    ask(context, [this]() -> qint64 {
        if (!open()) return 0;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM entries")) || !q.next()) return 0;
        return q.value(0).toLongLong();
    }, std::move(callback));
}

void LocalCache::clear(const QObject *context, std::function<void()> callback)
{
    ask(context, [this] {
        if (!open()) return;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.exec(QStringLiteral("DELETE FROM entries"));
        q.exec(QStringLiteral("DELETE FROM searches"));
        q.exec(QStringLiteral("VACUUM"));
    }, std::move(callback));
}

void LocalCache::putDraft(const QString &key, const QJsonObject &json)
{
    run([this, key, json] {
        if (!open()) return;
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) return report(tr("A draft cannot be kept: %1").arg(q.lastError().text()));
        q.prepare(QStringLiteral("INSERT INTO drafts (key, data, saved_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at"));
        q.addBindValue(key);
        q.addBindValue(QJsonDocument(json).toJson(QJsonDocument::Compact));
        q.addBindValue(nowMs());
        const bool written = q.exec();
        const QString why = q.lastError().text();
        QSqlQuery end(db);
        if (!written || !end.exec(QStringLiteral("COMMIT"))) {
            end.exec(QStringLiteral("ROLLBACK"));
            report(tr("A draft cannot be kept: %1").arg(written ? end.lastError().text() : why));
        }
    });
}

void LocalCache::draft(const QString &key, const QObject *context, std::function<void(std::optional<Entry>)> callback)
{
    ask(context, [this, key]() -> std::optional<Entry> {
        if (!open()) return std::nullopt;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("SELECT data, saved_at FROM drafts WHERE key = ?"));
        q.addBindValue(key);
        if (!q.exec() || !q.next()) return std::nullopt;
        return Entry{QJsonDocument::fromJson(q.value(0).toByteArray()).object(), QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong())};
    }, std::move(callback));
}

void LocalCache::removeDraft(const QString &key)
{
    run([this, key] {
        if (!open()) return;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("DELETE FROM drafts WHERE key = ?"));
        q.addBindValue(key);
        q.exec();
    });
}

void LocalCache::flush()
{
    run([] {}).waitForFinished();
}

}  // namespace LoyaltyDesk::Models
