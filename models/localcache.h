#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <optional>

namespace LoyaltyDesk::Models {

// The app's own SQLite file in its data folder: the profiles and parts the user opened
// and the recent searches. All disk work runs on one worker thread that owns the
// connection (one connection per thread), so the GUI thread never waits on the disk.
// Answers arrive on the thread of the context object passed in.
class LocalCache final : public QObject {
    Q_OBJECT
public:
    struct Entry {
        QJsonObject json;
        QDateTime storedAt;
    };

    // An empty path uses loyaltydesk-cache.sqlite in the app data location.
    explicit LocalCache(const QString &filePath = {}, QObject *parent = nullptr);
    ~LocalCache() override;

    static QString defaultPath();
    QString path() const { return m_path; }

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    qint64 maxBytes() const { return m_maxBytes; }

    // JSON is written and read (parsed) on the worker thread.
    void put(const QString &key, const QJsonObject &json);
    void get(const QString &key, const QObject *context, std::function<void(std::optional<Entry>)> callback);
    void addRecentSearch(const QString &scope, const QString &text);
    void recentSearches(const QString &scope, int limit, const QObject *context, std::function<void(QStringList)> callback);
    void sizeBytes(const QObject *context, std::function<void(qint64)> callback);
    void clear(const QObject *context, std::function<void()> callback);
    // Unsaved edits (drafts), kept apart from the cache: never trimmed, never cleared
    // with it. Each write is one transaction; an app crash loses at most the write in flight.
    void putDraft(const QString &key, const QJsonObject &json);
    void draft(const QString &key, const QObject *context, std::function<void(std::optional<Entry>)> callback);
    void removeDraft(const QString &key);
    // Blocks until every queued write has reached the disk (tests, shutdown).
    void flush();

signals:
    void failed(const QString &message);

private:
    template <typename F>
    auto run(F &&f) -> QFuture<decltype(f())>;
    // Runs `work` on the worker thread and hands its result to `callback` on the GUI
    // thread, only while `context` lives.
    template <typename Work, typename Callback>
    void ask(const QObject *context, Work work, Callback callback);
    bool open();
    void trim();
    void report(const QString &message);

    QString m_path;
    QString m_connection;
    std::atomic<qint64> m_maxBytes{200LL * 1024 * 1024};
    QThreadPool m_pool;
    bool m_opened = false;  // touched on the worker thread only
    qint64 m_lastSearchAt = 0;  // likewise
};

}  // namespace LoyaltyDesk::Models
