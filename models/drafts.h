#pragma once

#include "localcache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace LoyaltyDesk::Models {

// Keeps the unsaved edits of one document (a template) in the LocalCache as the user
// types: every change is written after a short pause (and at once on flush()), so
// closing the app, a crash or a dead network never loses an edit. The key names the
// server, the user and the document, so drafts of different people never mix.
class Drafts final : public QObject {
    Q_OBJECT
public:
    struct Draft {
        QJsonObject document;    // what the editor holds
        qint64 baseVersion = 0;  // the server version the edits started from (0: new)
        QDateTime savedAt;
    };

    Drafts(LocalCache *cache, QString key, QObject *parent = nullptr);
    ~Drafts() override;

    // "templates|admin@http://host:port|42" (or "...|new-<uuid>" before the first save).
    static QString keyFor(const QString &user, const QString &server, const QString &kind,
                          const QString &id);

    QString key() const { return m_key; }
    // Moves the draft to another key (a new document got its id on the first save).
    void rekey(const QString &key);
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Remembers the current state; written to disk after the delay.
    void update(const QJsonObject &document, qint64 baseVersion);
    // Writes what is pending now (on close).
    void flush();
    // The document is on the server: the draft is no longer needed.
    void discard();
    bool hasPending() const { return m_pending; }

    void load(const QObject *context, std::function<void(std::optional<Draft>)> callback) const;

private:
    LocalCache *m_cache;
    QString m_key;
    QTimer m_timer;
    QJsonObject m_document;
    qint64 m_baseVersion = 0;
    bool m_pending = false;
};

}  // namespace LoyaltyDesk::Models
