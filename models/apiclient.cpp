#include "apiclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtConcurrent/QtConcurrentRun>

namespace LoyaltyDesk::Models {

using Core::Error;
using Core::ErrorKind;
using Core::Result;
using Parsed = ApiClient::Parsed;

struct ApiClient::Call {
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QPointer<const QObject> context;
    JsonCallback callback;
    bool mayReauthenticate = true;
    bool retried = false;
};

namespace {

ErrorKind kindForStatus(int status)
{
    switch (status) {
    case 400:
    case 422: return ErrorKind::Validation;
    case 401: return ErrorKind::Unauthorized;
    case 403: return ErrorKind::Forbidden;
    case 404: return ErrorKind::NotFound;
    case 409: return ErrorKind::Conflict;
    case 429: return ErrorKind::TooMany;
    default: return ErrorKind::Server;
    }
}

ApiClient::Parsed parse(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    return ApiClient::Parsed{doc.object(), error.error == QJsonParseError::NoError && doc.isObject()};
}

}  // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(false);
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &ApiClient::probe);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    QUrl u = url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    u.setPath(path);
    m_baseUrl = u;
}

QString ApiClient::problemMessage(const QString &type)
{
    const QString name = type.section(QLatin1Char('/'), -1);
    if (name == QLatin1String("invalid-credentials")) return tr("The username or password is wrong.");
    if (name == QLatin1String("unauthorized")) return tr("Your session has ended. Please sign in again.");
    if (name == QLatin1String("forbidden")) return tr("You do not have the permission to do this. Ask an administrator.");
    if (name == QLatin1String("validation")) return tr("Some fields are not filled in correctly.");
    if (name == QLatin1String("not-found")) return tr("This record does not exist (any more).");
    if (name == QLatin1String("conflict")) return tr("This conflicts with another record.");
    if (name == QLatin1String("login-throttled")) return tr("Too many failed sign-in attempts. Wait a minute and try again.");
    if (name == QLatin1String("payload-too-large")) return tr("The data sent is too large for the server.");
    return {};
}

void ApiClient::login(const QString &username, const QString &password, const QObject *context,
                      std::function<void(Result<Session>)> callback)
{
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    send("POST", QStringLiteral("/api/v1/auth/login"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         [this, callback](Result<QJsonObject> r) {
             if (!r) return callback(r.error());
             auto s = Session::fromLoginJson(*r);
             if (s) m_token = s->token;
             callback(std::move(s));
         },
         false);
}

void ApiClient::me(const QObject *context, std::function<void(Result<Session>)> callback)
{
    const QString token = m_token;
    send("GET", QStringLiteral("/api/v1/me"), {}, {}, context,
         [token, callback](Result<QJsonObject> r) {
             if (!r) return callback(r.error());
             callback(Session::fromMeJson(token, *r));
         },
         false);
}

void ApiClient::logout()
{
    if (m_token.isEmpty()) return;
    send("POST", QStringLiteral("/api/v1/auth/logout"), {}, {}, this, [](Result<QJsonObject>) {}, false);
    m_token.clear();
}

void ApiClient::get(const QString &path, const QUrlQuery &query, const QObject *context, JsonCallback callback)
{
    send("GET", path, query, {}, context, std::move(callback));
}

void ApiClient::post(const QString &path, const QJsonObject &body, const QObject *context, JsonCallback callback)
{
    send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(callback));
}

void ApiClient::patch(const QString &path, const QJsonObject &body, const QObject *context, JsonCallback callback)
{
    send("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(callback));
}

void ApiClient::remove(const QString &path, const QObject *context, JsonCallback callback)
{
    send("DELETE", path, {}, {}, context, std::move(callback));
}

void ApiClient::postRaw(const QString &path, const QUrlQuery &query, const QByteArray &body, const QByteArray &contentType,
                        const QObject *context, JsonCallback callback)
{
    send("POST", path, query, body, context, std::move(callback), true, contentType);
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                     const QObject *context, JsonCallback callback, bool mayReauthenticate, const QByteArray &contentType)
{
    auto call = std::make_shared<Call>();
    call->verb = verb;
    call->path = path;
    call->query = query;
    call->body = body;
    call->contentType = contentType;
    call->context = context;
    call->callback = std::move(callback);
    call->mayReauthenticate = mayReauthenticate;
    m_pending++;
    emit pendingChanged(m_pending);
    start(call);
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query, const QByteArray &accept) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty()) url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("LoyaltyDesk/" + QCoreApplication::applicationVersion().toUtf8()));
    if (!m_token.isEmpty()) request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    return request;
}

void ApiClient::start(const std::shared_ptr<Call> &call)
{
    QNetworkRequest request = this->request(call->path, call->query, "application/json, application/problem+json");
    if (!call->body.isEmpty()) request.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, call->verb, call->body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call] { finished(reply, call); });
}

void Download::cancel()
{
    if (m_finished) return;
    m_cancelled = true;
    if (m_reply) m_reply->abort();
}

void Download::finish(const Result<qint64> &result)
{
    if (m_finished) return;
    m_finished = true;
    emit finished(result);
}

Download *ApiClient::download(const QString &path, const QString &filePath, QObject *parent, const QByteArray &accept)
{
    auto *download = new Download(parent);
    QNetworkReply *reply = m_nam->get(request(path, {}, accept + ", application/problem+json"));
    download->m_reply = reply;
    m_pending++;
    emit pendingChanged(m_pending);
    connect(reply, &QNetworkReply::downloadProgress, download, &Download::progress);
    connect(reply, &QNetworkReply::finished, this, [this, reply, download = QPointer<Download>(download), filePath] {
        reply->deleteLater();
        m_pending--;
        emit pendingChanged(m_pending);
        if (!download) return;
        if (download->isCancelled()) return download->finish(Error::make(ErrorKind::Internal, tr("The download was cancelled.")));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            setOnline(false);
            return download->finish(Error{ErrorKind::Network, tr("The server at %1 cannot be reached.").arg(m_baseUrl.toDisplayString(QUrl::RemoveUserInfo)), {}, 0, {}});
        }
        setOnline(true);
        const QByteArray body = reply->readAll();
        if (status != 200) {
            const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            return download->finish(problem(status, contentType, parse(body)));
        }
        QtConcurrent::run([body, filePath]() -> Result<qint64> {
            QSaveFile file(filePath);
            if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
                return Error::make(ErrorKind::Internal, ApiClient::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(filePath), file.errorString()));
            return qint64(body.size());
        }).then(download, [download](Result<qint64> written) {
            if (download) download->finish(written);
        });
    });
    return download;
}

void ApiClient::finished(QNetworkReply *reply, const std::shared_ptr<Call> &call)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        setOnline(false);
        const QString host = m_baseUrl.toDisplayString(QUrl::RemoveUserInfo);
        const QString why = reply->error() == QNetworkReply::OperationCanceledError
                                ? tr("The server at %1 did not answer in time.").arg(host)
                                : tr("The server at %1 cannot be reached.").arg(host);
        deliver(call, Error{ErrorKind::Network, why, {}, 0, {}});
        return;
    }
    setOnline(true);
    if (status == 401 && call->mayReauthenticate && !call->retried && m_reauthenticator) {
        reauthenticate(call);
        return;
    }
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QByteArray body = reply->readAll();
    const bool empty = body.isEmpty();
    if (body.size() < OffThreadParseBytes) {
        complete(call, status, contentType, parse(body), empty);
        return;
    }
    // Big answers (long receipt pages) are parsed on a worker thread.
    QtConcurrent::run([body] { return parse(body); }).then(this, [this, call, status, contentType](Parsed parsed) {
        complete(call, status, contentType, parsed, false);
    });
}

void ApiClient::complete(const std::shared_ptr<Call> &call, int status, const QByteArray &contentType, const Parsed &p, bool empty)
{
    const bool json = contentType.startsWith("application/json");
    if (status >= 200 && status < 300) {
        if (status == 204 || empty) return deliver(call, QJsonObject{});
        if (!json || !p.ok)
            return deliver(call, Error{ErrorKind::Http, tr("The server sent an answer this version of LoyaltyDesk does not understand."), {}, status, {}});
        return deliver(call, p.object);
    }
    deliver(call, problem(status, contentType, p));
}

Error ApiClient::problem(int status, const QByteArray &contentType, const Parsed &p) const
{
    const bool json = contentType.startsWith("application/json") || contentType.startsWith("application/problem+json");
    Error error{kindForStatus(status), {}, {}, status, {}};
    if (p.ok && json) {
        error.type = p.object.value(QStringLiteral("type")).toString();
        const QString detail = p.object.value(QStringLiteral("detail")).toString();
        const QString known = problemMessage(error.type);
        // Validation and conflict details name the field or value at fault: keep them.
        const bool specific = error.kind == ErrorKind::Validation || error.kind == ErrorKind::Conflict;
        error.message = known.isEmpty() ? detail : (specific && !detail.isEmpty() ? detail : known);
        for (const auto &v : p.object.value(QStringLiteral("errors")).toArray()) {
            const QJsonObject e = v.toObject();
            const QString message = e.value(QStringLiteral("message")).toString();
            // Template errors name a part and a position instead of a field.
            if (!e.contains(QStringLiteral("field")) && e.contains(QStringLiteral("part"))) {
                const int line = e.value(QStringLiteral("line")).toInt(), column = e.value(QStringLiteral("column")).toInt();
                error.fields.append({QStringLiteral("content.") + e.value(QStringLiteral("part")).toString(),
                                     line > 0 ? tr("line %1, column %2: %3").arg(line).arg(column).arg(message) : message});
                continue;
            }
            error.fields.append({e.value(QStringLiteral("field")).toString(), message});
        }
        // What an outside provider answered (a failed send) travels as the field "response".
        if (const QJsonValue response = p.object.value(QStringLiteral("response")); !response.isUndefined() && !response.isNull())
            error.fields.append({QStringLiteral("response"), response.isString() ? response.toString()
                                                                                  : QString::fromUtf8(QJsonDocument(response.toObject()).toJson(QJsonDocument::Indented))});
    }
    if (error.message.isEmpty()) {
        error.kind = ErrorKind::Http;
        error.message = tr("The server answered with HTTP status %1.").arg(status);
    }
    return error;
}

void ApiClient::deliver(const std::shared_ptr<Call> &call, Result<QJsonObject> result)
{
    m_pending--;
    emit pendingChanged(m_pending);
    if (call->context) call->callback(std::move(result));
}

void ApiClient::reauthenticate(const std::shared_ptr<Call> &call)
{
    call->retried = true;
    m_waitingForLogin.append(call);
    if (m_reauthenticating) return;  // one prompt for every call that met the 401
    m_reauthenticating = true;
    m_reauthenticator([this](bool ok) {
        m_reauthenticating = false;
        const auto waiting = std::exchange(m_waitingForLogin, {});
        for (const auto &c : waiting) {
            if (ok) {
                start(c);
            } else {
                deliver(c, Error{ErrorKind::Unauthorized, problemMessage(QStringLiteral("unauthorized")), {}, 401, QStringLiteral("unauthorized")});
            }
        }
    });
}

void ApiClient::setOnline(bool online)
{
    if (online) {
        m_probe.stop();
        m_probeDelayMs = 2000;
    } else if (!m_probe.isActive()) {
        m_probe.start(m_probeDelayMs);
    }
    if (m_online == online) return;
    m_online = online;
    emit onlineChanged(online);
}

void ApiClient::probe()
{
    // Reconnects by itself: a cheap health check, backing off up to 30 seconds.
    m_probeDelayMs = std::min(m_probeDelayMs * 2, 30000);
    send("GET", QStringLiteral("/healthz"), {}, {}, this, [](Result<QJsonObject>) {}, false);
}

}  // namespace LoyaltyDesk::Models
