// The pieces under the channels, one by one: MIME encodings, link signing and
// rewriting, the JSON escaping of provider bodies, and the rate limiter's queue.
#include "channels/mime.h"
#include "channels/senders.h"
#include "channels/tracking.h"
#include "core/liquid/template.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <thread>
#include <vector>

using namespace LoyaltyDesk::Server::Channels;
namespace Liquid = LoyaltyDesk::Core::Liquid;

namespace {

// Decodes quoted-printable the way a mail client does (soft breaks joined).
QByteArray decodeQp(const QByteArray &qp)
{
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        if (qp[i] != '=') {
            out += qp[i];
            continue;
        }
        if (qp.mid(i + 1, 2) == "\r\n") {
            i += 2;
            continue;
        }
        out += char(qp.mid(i + 1, 2).toInt(nullptr, 16));
        i += 2;
    }
    return out;
}

}  // namespace

TEST(Mime, QuotedPrintableKeepsLinesShortAndRoundTrips)
{
    const QString text = QStringLiteral("Здравствуйте, Анна! 2+2=4 ") + QString(200, u'ж') + QStringLiteral("\n.starts with a dot\ntrailing space \nend");
    const QByteArray qp = quotedPrintable(text);
    for (const QByteArray &line : qp.split('\n')) EXPECT_LE(line.size(), 77) << line.constData();  // 76 + '\r'
    EXPECT_TRUE(qp.contains("2+2=3D4"));
    EXPECT_TRUE(qp.contains("\r\n=2Estarts with a dot"));
    EXPECT_TRUE(qp.contains("trailing space=20\r\n"));
    EXPECT_EQ(QString::fromUtf8(decodeQp(qp)), QString(text).replace(u'\n', QStringLiteral("\r\n")));
}

TEST(Mime, HeadersEncodeNonAsciiAndQuoteNames)
{
    EXPECT_EQ(encodeHeaderText(QStringLiteral("Plain subject")), QByteArray("Plain subject"));
    const QString subject = QStringLiteral("Анна, ваши 450 баллов сгорают через 7 дней — успейте потратить их в «Весне»");
    const QByteArray encoded = encodeHeaderText(subject);
    QByteArray decoded;
    for (const QByteArray &word : encoded.split('\n')) {
        const QByteArray w = word.trimmed();
        ASSERT_TRUE(w.startsWith("=?UTF-8?B?") && w.endsWith("?=")) << w.constData();
        EXPECT_LE(w.size(), 75);
        decoded += QByteArray::fromBase64(w.mid(10, w.size() - 12));
    }
    EXPECT_EQ(QString::fromUtf8(decoded), subject);  // no character split between words
    EXPECT_EQ(formatAddress({QStringLiteral("Shop \"Spring\""), QStringLiteral("news@shop.example")}), QByteArray("\"Shop \\\"Spring\\\"\" <news@shop.example>"));
    EXPECT_EQ(formatAddress({{}, QStringLiteral("news@shop.example")}), QByteArray("<news@shop.example>"));
    EXPECT_TRUE(formatAddress({QStringLiteral("Весна"), QStringLiteral("a@b.example")}).startsWith("=?UTF-8?B?"));
}

TEST(Tracking, SignedTokensRefuseTamperingAndOtherKeys)
{
    const LinkSigner signer(QByteArray(32, 'k'));
    const QString click = signer.sign({LinkKind::Click, 42, QStringLiteral("https://shop.example/a?x=1&y=2#frag")});
    const auto back = signer.verify(click);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->kind, LinkKind::Click);
    EXPECT_EQ(back->messageId, 42);
    EXPECT_EQ(back->url, QStringLiteral("https://shop.example/a?x=1&y=2#frag"));
    QString tampered = click;
    tampered[2] = tampered[2] == u'A' ? u'B' : u'A';
    EXPECT_FALSE(signer.verify(tampered).has_value());
    EXPECT_FALSE(LinkSigner(QByteArray(32, 'x')).verify(click).has_value()) << "another database's key";
    EXPECT_FALSE(signer.verify(QStringLiteral("garbage")).has_value());
    EXPECT_FALSE(signer.verify(QString()).has_value());
    const auto open = signer.verify(signer.sign({LinkKind::Open, 7, {}}));
    ASSERT_TRUE(open.has_value());
    EXPECT_EQ(open->kind, LinkKind::Open);
}

TEST(Tracking, RewritesWebLinksOnly)
{
    const QString html = QStringLiteral("<a href=\"https://a.example/?p=1&amp;q=2\">A</a><A class=x HREF='http://b.example'>B</A>"
                                        "<a href=\"mailto:x@y.example\">M</a><a href=\"#top\">T</a><a href=\"https://keep.example/u/1\">U</a>"
                                        "<img src=\"https://img.example/i.png\">");
    QStringList seen;
    const QString out = rewriteLinks(
        html, [&](const QString &url) -> QString { seen << url; return QStringLiteral("https://t.example/c/") + QString::number(seen.size()); },
        [](const QString &url) { return url.startsWith(QStringLiteral("https://keep.example")); });
    EXPECT_EQ(seen, (QStringList{QStringLiteral("https://a.example/?p=1&q=2"), QStringLiteral("http://b.example")}));
    EXPECT_TRUE(out.contains(QStringLiteral("<a href=\"https://t.example/c/1\">A</a>")));
    EXPECT_TRUE(out.contains(QStringLiteral("HREF='https://t.example/c/2'")));
    EXPECT_TRUE(out.contains(QStringLiteral("href=\"mailto:x@y.example\"")));
    EXPECT_TRUE(out.contains(QStringLiteral("href=\"#top\"")));
    EXPECT_TRUE(out.contains(QStringLiteral("https://keep.example/u/1")));
    EXPECT_TRUE(out.contains(QStringLiteral("src=\"https://img.example/i.png\"")));
    EXPECT_TRUE(addOpenPixel(QStringLiteral("<body>x</BODY>"), QStringLiteral("https://t/o/1")).endsWith(QStringLiteral("/></BODY>")));
    EXPECT_TRUE(addPreheader(QStringLiteral("<body class=\"a\">x"), QStringLiteral("<hi>")).startsWith(QStringLiteral("<body class=\"a\"><span")));
    EXPECT_TRUE(addPreheader(QStringLiteral("x"), QStringLiteral("<hi>")).contains(QStringLiteral("&lt;hi&gt;</span>x")));
}

TEST(ProviderBody, JsonEscapingKeepsTheBodyValid)
{
    auto t = Liquid::Template::parse(QStringLiteral("{\"text\": \"{{ text }}\", \"n\": {{ n }}}"));
    ASSERT_TRUE(t.ok());
    Liquid::RenderOptions options;
    options.escaping = Liquid::Escaping::Json;
    const QString nasty = QStringLiteral("He said \"hi\"\\ \n\ttab \u0001 ok");
    auto out = t->render(Liquid::Value::fromJson(QJsonObject{{QStringLiteral("text"), nasty}, {QStringLiteral("n"), 5}}), options);
    ASSERT_TRUE(out.ok());
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(out->text.toUtf8(), &err).object();
    ASSERT_EQ(err.error, QJsonParseError::NoError) << out->text.toStdString();
    EXPECT_EQ(o.value(QStringLiteral("text")).toString(), nasty);
    EXPECT_EQ(o.value(QStringLiteral("n")).toInt(), 5);
}

TEST(RateLimiter, LetsABurstThroughThenQueuesTheRest)
{
    RateLimiter limiter;
    // 20 per second: the first 20 go at once, the next 10 wait their turn.
    int waited = 0;
    for (int i = 0; i < 30; ++i) waited += limiter.acquire(QStringLiteral("sms"), 20) ? 1 : 0;
    EXPECT_GE(waited, 9);
    EXPECT_LE(waited, 10);
    // Channels have their own buckets; no limit never waits.
    EXPECT_FALSE(limiter.acquire(QStringLiteral("push"), 20));
    EXPECT_FALSE(limiter.acquire(QStringLiteral("email"), 0));
    // Shared by threads: of 8 concurrent senders on a fresh 4-per-second bucket, 4 wait.
    std::atomic<int> queued{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) threads.emplace_back([&] { queued += limiter.acquire(QStringLiteral("messenger"), 4) ? 1 : 0; });
    for (auto &t : threads) t.join();
    EXPECT_EQ(queued.load(), 4);
}
