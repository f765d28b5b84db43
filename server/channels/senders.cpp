#include "senders.h"

#include <curl/curl.h>

#include <QStringList>

#include <memory>
#include <thread>

namespace LoyaltyDesk::Server::Channels {

namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

struct Easy {
    Easy()
    {
        static CurlGlobal global;
        handle = curl_easy_init();
    }
    ~Easy()
    {
        if (list) curl_slist_free_all(list);
        if (headers) curl_slist_free_all(headers);
        curl_easy_cleanup(handle);
    }
    CURL *handle = nullptr;
    curl_slist *list = nullptr;
    curl_slist *headers = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    QStringList serverLines;  // SMTP replies, line by line
    QByteArray received;      // HTTP response body
};

struct Upload {
    const QByteArray *data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *u = static_cast<Upload *>(user);
    const size_t n = std::min<size_t>(size * count, size_t(u->data->size() - u->offset));
    memcpy(buffer, u->data->constData() + u->offset, n);
    u->offset += qsizetype(n);
    return n;
}

size_t collect(char *data, size_t size, size_t count, void *user)
{
    auto *e = static_cast<Easy *>(user);
    if (e->received.size() < 64 * 1024) e->received.append(data, qsizetype(size * count));
    return size * count;
}

int debugTrace(CURL *, curl_infotype type, char *data, size_t size, void *user)
{
    if (type != CURLINFO_HEADER_IN) return 0;
    auto *e = static_cast<Easy *>(user);
    const QString line = QString::fromUtf8(data, qsizetype(size)).trimmed();
    if (!line.isEmpty() && e->serverLines.size() < 200) e->serverLines.append(line);
    return 0;
}

// The server's last reply (all lines of a multi-line one) and its code.
// After a failure curl still says QUIT: the refusal is the last reply of 400 and up.
std::pair<QString, long> lastReply(const QStringList &lines, bool failed)
{
    if (lines.isEmpty()) return {};
    qsizetype last = lines.size() - 1;
    if (failed)
        for (qsizetype i = last; i >= 0; --i)
            if (lines[i].size() >= 3 && lines[i][0] >= u'4' && lines[i][0] <= u'5' && (lines[i].size() == 3 || lines[i][3] != u'-')) {
                last = i;
                break;
            }
    const QString code = lines[last].left(3);
    QStringList reply{lines[last]};
    for (qsizetype i = last - 1; i >= 0 && lines[i].startsWith(code + u'-'); --i) reply.prepend(lines[i]);
    bool ok = false;
    const long n = code.toLong(&ok);
    return {reply.join(u'\n'), ok ? n : 0};
}

void setupSmtp(Easy &e, const SmtpSettings &s)
{
    curl_easy_setopt(e.handle, CURLOPT_URL, s.url.toUtf8().constData());
    curl_easy_setopt(e.handle, CURLOPT_ERRORBUFFER, e.error);
    curl_easy_setopt(e.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e.handle, CURLOPT_CONNECTTIMEOUT_MS, long(s.timeoutMs));
    curl_easy_setopt(e.handle, CURLOPT_TIMEOUT_MS, long(s.timeoutMs) * 4);
    curl_easy_setopt(e.handle, CURLOPT_USE_SSL, s.security == QLatin1String("none") ? long(CURLUSESSL_NONE) : long(CURLUSESSL_ALL));
    if (!s.username.isEmpty()) {
        curl_easy_setopt(e.handle, CURLOPT_USERNAME, s.username.toUtf8().constData());
        curl_easy_setopt(e.handle, CURLOPT_PASSWORD, s.password.toUtf8().constData());
    }
    curl_easy_setopt(e.handle, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(e.handle, CURLOPT_DEBUGFUNCTION, debugTrace);
    curl_easy_setopt(e.handle, CURLOPT_DEBUGDATA, &e);
}

SendOutcome smtpOutcome(Easy &e, CURLcode rc)
{
    SendOutcome out;
    const auto [reply, code] = lastReply(e.serverLines, rc != CURLE_OK);
    out.code = code;
    out.ok = rc == CURLE_OK;
    out.response = reply.isEmpty() || (!out.ok && code < 400) ? QString::fromUtf8(e.error[0] ? e.error : curl_easy_strerror(rc)) : reply;
    // 5xx is the server's final word on this message (a refused login is about us, not
    // the address); 4xx and transport trouble may pass.
    out.permanent = !out.ok && code >= 500 && code < 600 && rc != CURLE_LOGIN_DENIED;
    return out;
}

}  // namespace

SendOutcome sendSmtp(const SmtpSettings &s, const QString &from, const QString &to, const QByteArray &message)
{
    Easy e;
    setupSmtp(e, s);
    curl_easy_setopt(e.handle, CURLOPT_MAIL_FROM, ("<" + from + ">").toUtf8().constData());
    e.list = curl_slist_append(e.list, ("<" + to + ">").toUtf8().constData());
    curl_easy_setopt(e.handle, CURLOPT_MAIL_RCPT, e.list);
    Upload upload{&message};
    curl_easy_setopt(e.handle, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(e.handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(e.handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(e.handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    return smtpOutcome(e, curl_easy_perform(e.handle));
}

SendOutcome checkSmtp(const SmtpSettings &s)
{
    Easy e;
    setupSmtp(e, s);
    curl_easy_setopt(e.handle, CURLOPT_CUSTOMREQUEST, "NOOP");
    curl_easy_setopt(e.handle, CURLOPT_NOBODY, 1L);
    return smtpOutcome(e, curl_easy_perform(e.handle));
}

SendOutcome sendHttp(const HttpProvider &p, const QByteArray &jsonBody)
{
    Easy e;
    curl_easy_setopt(e.handle, CURLOPT_URL, p.url.toUtf8().constData());
    curl_easy_setopt(e.handle, CURLOPT_ERRORBUFFER, e.error);
    curl_easy_setopt(e.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e.handle, CURLOPT_CONNECTTIMEOUT_MS, long(p.timeoutMs));
    curl_easy_setopt(e.handle, CURLOPT_TIMEOUT_MS, long(p.timeoutMs));
    curl_easy_setopt(e.handle, CURLOPT_CUSTOMREQUEST, p.method.toUtf8().constData());
    curl_easy_setopt(e.handle, CURLOPT_POSTFIELDS, jsonBody.constData());
    curl_easy_setopt(e.handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(jsonBody.size()));
    e.headers = curl_slist_append(e.headers, "Content-Type: application/json; charset=utf-8");
    e.headers = curl_slist_append(e.headers, "Accept: application/json");
    if (!p.authHeader.isEmpty()) e.headers = curl_slist_append(e.headers, p.authHeader.toUtf8().constData());
    curl_easy_setopt(e.handle, CURLOPT_HTTPHEADER, e.headers);
    curl_easy_setopt(e.handle, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e.handle, CURLOPT_WRITEDATA, &e);
    const CURLcode rc = curl_easy_perform(e.handle);
    SendOutcome out;
    if (rc != CURLE_OK) {
        out.response = QString::fromUtf8(e.error[0] ? e.error : curl_easy_strerror(rc));
        return out;
    }
    curl_easy_getinfo(e.handle, CURLINFO_RESPONSE_CODE, &out.code);
    out.response = QString::fromUtf8(e.received.left(4000));
    out.ok = p.successCodes.contains(int(out.code));
    out.permanent = !out.ok && p.permanentCodes.contains(int(out.code));
    if (out.response.isEmpty()) out.response = QStringLiteral("HTTP %1").arg(out.code);
    return out;
}

bool RateLimiter::acquire(const QString &channel, int perSecond)
{
    if (perSecond <= 0) return false;
    using Clock = std::chrono::steady_clock;
    std::chrono::duration<double> wait{0};
    {
        std::lock_guard lock(m_mutex);
        auto [it, fresh] = m_buckets.try_emplace(channel);
        Bucket &b = it->second;
        const auto now = Clock::now();
        if (fresh || b.rate != perSecond) {
            b.tokens = perSecond;
            b.rate = perSecond;
            b.refilled = now;
        }
        const double elapsed = std::chrono::duration<double>(now - b.refilled).count();
        b.tokens = std::min<double>(perSecond, b.tokens + elapsed * perSecond);
        b.refilled = now;
        // Take a token now; a negative balance is the queue of those waiting.
        b.tokens -= 1;
        if (b.tokens < 0) wait = std::chrono::duration<double>(-b.tokens / perSecond);
    }
    if (wait.count() <= 0) return false;
    std::this_thread::sleep_for(wait);
    return true;
}

}  // namespace LoyaltyDesk::Server::Channels
