#include "core/messages/content.h"
#include "core/messages/sms.h"

#include <gtest/gtest.h>

using namespace LoyaltyDesk::Core::Messages;

TEST(Sms, CountsGsm7SeptetsAndSegments)
{
    EXPECT_EQ(countSms(QString()).segments, 0);
    const SmsCount one = countSms(QString(160, u'a'));
    EXPECT_EQ(one.encoding, QStringLiteral("gsm7"));
    EXPECT_EQ(one.segments, 1);
    EXPECT_EQ(one.remaining, 0);
    const SmsCount two = countSms(QString(161, u'a'));
    EXPECT_EQ(two.segments, 2);
    EXPECT_EQ(two.perSegment, 153);
    EXPECT_EQ(two.remaining, 306 - 161);
    // Extension characters take two septets.
    EXPECT_EQ(countSms(QStringLiteral("€[]")).units, 6);
    EXPECT_EQ(countSms(QString(80, u'€')).segments, 1);  // 160 septets
    EXPECT_EQ(countSms(QString(81, u'€')).segments, 2);
}

TEST(Sms, FallsBackToUcs2ForCyrillicAndEmoji)
{
    const SmsCount ru = countSms(QStringLiteral("Привет! У вас 450 баллов"));
    EXPECT_EQ(ru.encoding, QStringLiteral("ucs2"));
    EXPECT_EQ(ru.units, 24);
    EXPECT_EQ(ru.segments, 1);
    EXPECT_EQ(countSms(QString(70, QChar(0x0436))).segments, 1);
    EXPECT_EQ(countSms(QString(71, QChar(0x0436))).segments, 2);
    EXPECT_EQ(countSms(QString(134, QChar(0x0436))).segments, 2);
    EXPECT_EQ(countSms(QString(135, QChar(0x0436))).segments, 3);
    EXPECT_EQ(countSms(QStringLiteral("hi 😀")).encoding, QStringLiteral("ucs2"));
}

TEST(Content, ChecksPartsPerChannel)
{
    EXPECT_TRUE(validateContent(QStringLiteral("email"), {{QStringLiteral("subject"), QStringLiteral("Hi")}, {QStringLiteral("html"), QStringLiteral("<p>x</p>")}}).ok());
    auto missing = validateContent(QStringLiteral("email"), {{QStringLiteral("subject"), QStringLiteral("Hi")}});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().fields.at(0).field, QStringLiteral("content.html"));
    auto unknown = validateContent(QStringLiteral("sms"), {{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("html"), QStringLiteral("<b>")}});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().fields.at(0).field, QStringLiteral("content.html"));
    EXPECT_EQ(partsOf(QStringLiteral("push")), (QStringList{QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("deep_link"), QStringLiteral("image")}));
}

TEST(Content, TurnsHtmlIntoReadableText)
{
    const QString html = QStringLiteral(
        "<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Hello,&nbsp;Anna</h1>"
        "<p>Your points: <b>450</b><br>Expire soon</p><!-- tracking --><p><a href=\"https://shop.example/u\">Unsubscribe</a> · "
        "<a href=\"https://shop.example\">https://shop.example</a></p></body></html>");
    EXPECT_EQ(htmlToText(html), QStringLiteral("Hello, Anna\n\nYour points: 450\nExpire soon\n\nUnsubscribe (https://shop.example/u) · https://shop.example"));
}
