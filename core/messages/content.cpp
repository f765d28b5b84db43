#include "content.h"

#include "core/json.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace LoyaltyDesk::Core::Messages {

const QStringList &channels()
{
    static const QStringList list = {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("in_app"),
                                     QStringLiteral("messenger")};
    return list;
}

QStringList partsOf(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return {QStringLiteral("subject"), QStringLiteral("preheader"), QStringLiteral("sender_name"), QStringLiteral("sender_email"),
                QStringLiteral("html"), QStringLiteral("text")};
    if (channel == QLatin1String("push"))
        return {QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("deep_link"), QStringLiteral("image")};
    if (channel == QLatin1String("in_app")) return {QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("button"), QStringLiteral("link")};
    return {QStringLiteral("text")};
}

QStringList storedPartsOf(const QString &channel)
{
    if (channel == QLatin1String("email")) return {QStringLiteral("design")};
    return {};
}

bool isHtmlPart(const QString &channel, const QString &part)
{
    return channel == QLatin1String("email") && part == QLatin1String("html");
}

Result<QJsonObject> validateContent(const QString &channel, const QJsonObject &content)
{
    Json::Reader r(content, QStringLiteral("content"));
    QJsonObject out;
    for (const QString &part : partsOf(channel)) {
        const bool big = part == QLatin1String("html") || (channel == QLatin1String("email") && part == QLatin1String("text"));
        const bool required = (channel == QLatin1String("email") && (part == QLatin1String("subject") || part == QLatin1String("html"))) ||
                              (channel != QLatin1String("email") && (part == QLatin1String("text") || part == QLatin1String("body")));
        const auto v = r.string(part, required, big ? 1 << 20 : (part == QLatin1String("text") ? 10000 : 1000));
        if (v) out.insert(part, *v);
    }
    if (storedPartsOf(channel).contains(QStringLiteral("design"))) {
        if (const auto design = r.string(QStringLiteral("design"), false, MaxDesignLength)) {
            if (!design->isEmpty() && !QJsonDocument::fromJson(design->toUtf8()).isObject())
                r.fail(QStringLiteral("design"), QStringLiteral("The editor's design is not a JSON object."));
            else
                out.insert(QStringLiteral("design"), *design);
        }
    }
    if (auto done = r.finish(); !done) return done.error();
    return out;
}

QString htmlToText(const QString &html)
{
    QString s = html;
    static const QRegularExpression dropped(QStringLiteral("<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(QStringLiteral("<!--.*?-->"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression links(QStringLiteral("<a\\b[^>]*href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>"),
                                          QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<br\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blocks(QStringLiteral("</?(p|div|tr|table|h[1-6]|li|ul|ol|section|header|footer)\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]+>"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\x{00A0}]+"));
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n\\s*\\n+"));
    s.remove(dropped);
    s.remove(comments);
    s.replace(QStringLiteral("\r"), QString());
    s.replace(QStringLiteral("\n"), QStringLiteral(" "));
    // "Text (https://...)" unless the text is the address itself.
    QString withLinks;
    qsizetype last = 0;
    auto it = links.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        withLinks += s.mid(last, m.capturedStart() - last);
        const QString href = m.captured(1);
        QString text = m.captured(2);
        text.remove(tags);
        text = text.simplified();
        withLinks += (text.isEmpty() || text == href) ? href : text + QStringLiteral(" (") + href + u')';
        last = m.capturedEnd();
    }
    withLinks += s.mid(last);
    s = withLinks;
    s.replace(breaks, QStringLiteral("\n"));
    s.replace(blocks, QStringLiteral("\n"));
    s.remove(tags);
    const std::pair<const char *, const char *> entities[] = {{"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                                              {"&#39;", "'"}, {"&apos;", "'"}, {"&laquo;", "«"}, {"&raquo;", "»"},
                                                              {"&mdash;", "—"}, {"&ndash;", "–"}, {"&hellip;", "…"}, {"&amp;", "&"}};
    for (const auto &[from, to] : entities) s.replace(QString::fromLatin1(from), QString::fromUtf8(to));
    s.replace(spaces, QStringLiteral(" "));
    QStringList lines = s.split(u'\n');
    for (auto &l : lines) l = l.trimmed();
    s = lines.join(u'\n');
    s.replace(blankLines, QStringLiteral("\n\n"));
    return s.trimmed();
}

}  // namespace LoyaltyDesk::Core::Messages
