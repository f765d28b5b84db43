#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace LoyaltyDesk::Server::Channels {

struct MailAddress {
    QString name;   // display name, any script
    QString email;
};

// One e-mail as it goes over SMTP.
struct MailMessage {
    MailAddress from;
    QString to;
    QString replyTo;
    QString subject;
    QString text;  // text/plain part
    QString html;  // text/html part
    QString messageId;  // without angle brackets
    QDateTime date;
    QString listUnsubscribeUrl;     // https://…/u/token (one-click, RFC 8058)
    QString listUnsubscribeMailto;  // optional mailto: address
};

// An RFC 5322 / RFC 2045 message: multipart/alternative with text/plain then
// text/html, UTF-8 quoted-printable bodies, RFC 2047 encoded subject and names,
// CRLF line ends.
QByteArray buildMime(const MailMessage &message);

// RFC 2047 "B" encoded words for non-ASCII header text (folded at 75 characters);
// plain ASCII stays as is.
QByteArray encodeHeaderText(const QString &text);
// "Name" <address> with the name encoded or quoted as needed.
QByteArray formatAddress(const MailAddress &address);
// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line breaks.
QByteArray quotedPrintable(const QString &text);

}  // namespace LoyaltyDesk::Server::Channels
