#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace LoyaltyDesk::Server::Channels {

// What a tracking link stands for.
enum class LinkKind : char { Open = 'o', Click = 'c', Unsubscribe = 'u', View = 'v' };

struct LinkPayload {
    LinkKind kind = LinkKind::Open;
    qint64 messageId = 0;
    QString url;  // clicks only: where the link goes
};

// Signs and checks tracking tokens with HMAC-SHA256: base64url(payload).base64url(mac).
// The kind is part of what is signed, so an open token cannot unsubscribe.
class LinkSigner final {
public:
    explicit LinkSigner(QByteArray key) : m_key(std::move(key)) {}
    QString sign(const LinkPayload &payload) const;
    std::optional<LinkPayload> verify(const QString &token) const;

private:
    QByteArray m_key;
};

// Every http(s) href of an <a> goes through `rewrite` (the original URL, entities
// decoded); mailto:, anchors and links `keep` accepts stay as they are.
QString rewriteLinks(const QString &html, const std::function<QString(const QString &url)> &rewrite,
                     const std::function<bool(const QString &url)> &keep);
// A 1×1 image before </body> (or at the end).
QString addOpenPixel(const QString &html, const QString &pixelUrl);
// The preheader as hidden text at the top of the body: inbox previews show it.
QString addPreheader(const QString &html, const QString &preheader);

}  // namespace LoyaltyDesk::Server::Channels
