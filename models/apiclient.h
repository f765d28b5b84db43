#pragma once

#include "core/result.h"
#include "session.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace LoyaltyDesk::Models {

// A file being saved from the server (a CSV export): progress while the body arrives,
// then `finished` with the bytes written or the error. cancel() stops it; `finished`
// then says so. The file is written on a worker thread.
class Download final : public QObject {
    Q_OBJECT
public:
    explicit Download(QObject *parent = nullptr) : QObject(parent) {}
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finished; }

signals:
    // `total` is -1 while the size is unknown.
    void progress(qint64 received, qint64 total);
    void finished(const LoyaltyDesk::Core::Result<qint64> &bytesWritten);

private:
    friend class ApiClient;
    void finish(const Core::Result<qint64> &result);
    QPointer<QNetworkReply> m_reply;
    bool m_cancelled = false;
    bool m_finished = false;
};

// The one client of the LoyaltyDesk REST API. Every call is asynchronous; answers come
// back as values on the GUI thread, big bodies are parsed on a worker thread. A 401 on
// a signed-in call asks the injected re-authenticator once and then retries the call.
class ApiClient final : public QObject {
    Q_OBJECT
public:
    using JsonCallback = std::function<void(Core::Result<QJsonObject>)>;
    // Asked on 401: show a sign-in prompt, then call `done(true)` once setToken() holds a
    // fresh token, or `done(false)` when the user gave up.
    using Reauthenticator = std::function<void(std::function<void(bool)> done)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setReauthenticator(Reauthenticator reauthenticator) { m_reauthenticator = std::move(reauthenticator); }

    bool isOnline() const { return m_online; }
    // Requests in flight; the status bar shows activity while it is above zero.
    int pendingCount() const { return m_pending; }

    // Callbacks run only while `context` lives.
    void login(const QString &username, const QString &password, const QObject *context,
               std::function<void(Core::Result<Session>)> callback);
    void me(const QObject *context, std::function<void(Core::Result<Session>)> callback);
    void logout();
    void get(const QString &path, const QUrlQuery &query, const QObject *context, JsonCallback callback);
    void post(const QString &path, const QJsonObject &body, const QObject *context, JsonCallback callback);
    void patch(const QString &path, const QJsonObject &body, const QObject *context, JsonCallback callback);
    void remove(const QString &path, const QObject *context, JsonCallback callback);
    // A body that is not JSON (an HTML file to import), sent with its own content type.
    void postRaw(const QString &path, const QUrlQuery &query, const QByteArray &body, const QByteArray &contentType,
                 const QObject *context, JsonCallback callback);
    // Saves the answer of GET `path` (a CSV, an exported template: `accept` says which) to
    // `filePath`; the Download belongs to `parent`.
    Download *download(const QString &path, const QString &filePath, QObject *parent,
                       const QByteArray &accept = QByteArrayLiteral("text/csv"));

    // Bodies larger than this are parsed off the GUI thread.
    static constexpr qsizetype OffThreadParseBytes = 32 * 1024;

    // The user-facing sentence for a problem type the server sends, or empty.
    static QString problemMessage(const QString &type);

    struct Parsed {
        QJsonObject object;
        bool ok = false;
    };

signals:
    void onlineChanged(bool online);
    void pendingChanged(int pending);

private:
    struct Call;
    void start(const std::shared_ptr<Call> &call);
    void finished(QNetworkReply *reply, const std::shared_ptr<Call> &call);
    QNetworkRequest request(const QString &path, const QUrlQuery &query, const QByteArray &accept) const;
    // The error an unsuccessful answer means, in the user's words.
    Core::Error problem(int status, const QByteArray &contentType, const Parsed &parsed) const;
    void complete(const std::shared_ptr<Call> &call, int status, const QByteArray &contentType, const Parsed &parsed, bool empty);
    void deliver(const std::shared_ptr<Call> &call, Core::Result<QJsonObject> result);
    void reauthenticate(const std::shared_ptr<Call> &call);
    void setOnline(bool online);
    void probe();
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
              const QObject *context, JsonCallback callback, bool mayReauthenticate = true,
              const QByteArray &contentType = QByteArrayLiteral("application/json"));

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
    bool m_online = true;
    int m_pending = 0;
    Reauthenticator m_reauthenticator;
    bool m_reauthenticating = false;
    QList<std::shared_ptr<Call>> m_waitingForLogin;
    QTimer m_probe;
    int m_probeDelayMs = 2000;
};

}  // namespace LoyaltyDesk::Models
