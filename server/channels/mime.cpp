#include "mime.h"

#include <QLocale>
#include <QRandomGenerator>

namespace LoyaltyDesk::Server::Channels {

namespace {

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) return false;
    return true;
}

// Cuts UTF-8 into pieces of at most `max` bytes without splitting a character.
QList<QByteArray> utf8Chunks(const QByteArray &utf8, int max)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    while (from < utf8.size()) {
        qsizetype end = std::min(from + max, utf8.size());
        while (end < utf8.size() && end > from && (uchar(utf8[end]) & 0xC0) == 0x80) --end;
        out.append(utf8.mid(from, end - from));
        from = end;
    }
    return out;
}

QByteArray boundary()
{
    return "=_ld_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + QByteArray::number(QRandomGenerator::global()->generate(), 16);
}

}  // namespace

QByteArray encodeHeaderText(const QString &text)
{
    if (isPlainAscii(text)) return text.toLatin1();
    // 39 bytes of UTF-8 are 52 characters of base64: with "Subject: " a line stays under 78.
    QList<QByteArray> words;
    for (const QByteArray &chunk : utf8Chunks(text.toUtf8(), 39)) words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    return words.join("\r\n ");
}

QByteArray formatAddress(const MailAddress &address)
{
    const QByteArray email = "<" + address.email.toLatin1() + ">";
    if (address.name.trimmed().isEmpty()) return email;
    if (isPlainAscii(address.name)) {
        QString quoted = address.name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        return "\"" + quoted.toLatin1() + "\" " + email;
    }
    return encodeHeaderText(address.name) + " " + email;
}

QByteArray quotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QList<QByteArray> lines = normalized.toUtf8().split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines[l];
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const uchar c = uchar(line[i]);
            const bool last = i == line.size() - 1;
            const bool literal = (c >= 33 && c <= 126 && c != '=' && !(c == '.' && column == 0)) || ((c == ' ' || c == '\t') && !last);
            const QByteArray piece = literal ? QByteArray(1, char(c)) : QByteArray("=") + hex[c >> 4] + hex[c & 15];
            // Soft line break so no line passes 76 characters.
            if (column + piece.size() > 75) {
                out += "=\r\n";
                column = 0;
            }
            out += piece;
            column += int(piece.size());
        }
        if (l + 1 < lines.size()) out += "\r\n";
    }
    return out;
}

QByteArray buildMime(const MailMessage &m)
{
    const QByteArray b = boundary();
    QByteArray out;
    auto header = [&out](const char *name, const QByteArray &value) { out += QByteArray(name) + ": " + value + "\r\n"; };
    header("From", formatAddress(m.from));
    header("To", "<" + m.to.toLatin1() + ">");
    if (!m.replyTo.isEmpty()) header("Reply-To", "<" + m.replyTo.toLatin1() + ">");
    header("Subject", encodeHeaderText(m.subject));
    header("Date", QLocale::c().toString(m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000")).toLatin1());
    header("Message-ID", "<" + m.messageId.toLatin1() + ">");
    if (!m.listUnsubscribeUrl.isEmpty()) {
        QByteArray value = "<" + m.listUnsubscribeUrl.toLatin1() + ">";
        if (!m.listUnsubscribeMailto.isEmpty()) value += ",\r\n <mailto:" + m.listUnsubscribeMailto.toLatin1() + ">";
        header("List-Unsubscribe", value);
        header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    header("MIME-Version", "1.0");
    header("Content-Type", "multipart/alternative;\r\n boundary=\"" + b + "\"");
    out += "\r\nThis is a multi-part message in MIME format.\r\n";
    auto part = [&](const char *type, const QString &body) {
        out += "\r\n--" + b + "\r\n";
        out += QByteArray("Content-Type: ") + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += quotedPrintable(body);
    };
    part("text/plain", m.text);
    part("text/html", m.html);
    out += "\r\n--" + b + "--\r\n";
    return out;
}

}  // namespace LoyaltyDesk::Server::Channels
