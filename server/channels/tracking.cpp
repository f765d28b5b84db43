#include "tracking.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace LoyaltyDesk::Server::Channels {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray mac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256).left(20);
}

QString htmlEscape(const QString &s) { return s.toHtmlEscaped(); }

QString decodeEntities(QString s)
{
    s.replace(QStringLiteral("&amp;"), QStringLiteral("&")).replace(QStringLiteral("&#38;"), QStringLiteral("&"));
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\"")).replace(QStringLiteral("&#34;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    return s;
}

}  // namespace

QString LinkSigner::sign(const LinkPayload &p) const
{
    QByteArray data = QByteArray(1, char(p.kind)) + ':' + QByteArray::number(p.messageId);
    if (p.kind == LinkKind::Click) data += ':' + p.url.toUtf8();
    return QString::fromLatin1(data.toBase64(kB64) + '.' + mac(m_key, data).toBase64(kB64));
}

std::optional<LinkPayload> LinkSigner::verify(const QString &token) const
{
    const qsizetype dot = token.indexOf(u'.');
    if (dot <= 0 || token.size() > 8000) return std::nullopt;
    const auto dataResult = QByteArray::fromBase64Encoding(token.left(dot).toLatin1(), kB64 | QByteArray::AbortOnBase64DecodingErrors);
    const auto sigResult = QByteArray::fromBase64Encoding(token.mid(dot + 1).toLatin1(), kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!dataResult || !sigResult) return std::nullopt;
    const QByteArray *data = &dataResult.decoded, *sig = &sigResult.decoded;
    const QByteArray expected = mac(m_key, *data);
    // Constant-time comparison: the signature gives nothing away byte by byte.
    if (sig->size() != expected.size()) return std::nullopt;
    int diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) diff |= (*sig)[i] ^ expected[i];
    if (diff != 0) return std::nullopt;
    const QList<QByteArray> parts = data->split(':');
    if (parts.size() < 2 || parts[0].size() != 1) return std::nullopt;
    LinkPayload p;
    const char k = parts[0][0];
    if (k != 'o' && k != 'c' && k != 'u' && k != 'v') return std::nullopt;
    p.kind = LinkKind(k);
    bool ok = false;
    p.messageId = parts[1].toLongLong(&ok);
    if (!ok) return std::nullopt;
    if (p.kind == LinkKind::Click) p.url = QString::fromUtf8(data->mid(parts[0].size() + parts[1].size() + 2));
    return p;
}

QString rewriteLinks(const QString &html, const std::function<QString(const QString &)> &rewrite, const std::function<bool(const QString &)> &keep)
{
    static const QRegularExpression anchor(QStringLiteral("(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(.*?)\\2"),
                                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression web(QStringLiteral("^\\s*https?://"), QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype from = 0;
    auto it = anchor.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString url = decodeEntities(m.captured(3).trimmed());
        out += QStringView(html).mid(from, m.capturedStart() - from);
        if (web.match(url).hasMatch() && !keep(url))
            out += m.captured(1) + m.captured(2) + htmlEscape(rewrite(url)) + m.captured(2);
        else
            out += m.captured(0);
        from = m.capturedEnd();
    }
    out += QStringView(html).mid(from);
    return out;
}

QString addOpenPixel(const QString &html, const QString &pixelUrl)
{
    const QString img = QStringLiteral("<img src=\"%1\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\" />").arg(htmlEscape(pixelUrl));
    const qsizetype at = html.lastIndexOf(QStringLiteral("</body>"), -1, Qt::CaseInsensitive);
    if (at < 0) return html + img;
    return html.left(at) + img + html.mid(at);
}

QString addPreheader(const QString &html, const QString &preheader)
{
    if (preheader.trimmed().isEmpty()) return html;
    const QString span = QStringLiteral("<span style=\"display:none!important;visibility:hidden;opacity:0;color:transparent;height:0;width:0;"
                                        "max-height:0;max-width:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px\">%1</span>")
                             .arg(htmlEscape(preheader));
    static const QRegularExpression body(QStringLiteral("<body\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    const auto m = body.match(html);
    if (!m.hasMatch()) return span + html;
    return html.left(m.capturedEnd()) + span + html.mid(m.capturedEnd());
}

}  // namespace LoyaltyDesk::Server::Channels
