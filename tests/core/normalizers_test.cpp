#include "core/email.h"
#include "core/phone.h"
#include "core/timezones.h"

#include <gtest/gtest.h>

using namespace LoyaltyDesk::Core;

TEST(PhoneNormalizer, ReadsTheFormatsPeopleType)
{
    PhoneNormalizer phones(QStringLiteral("RU"));
    for (const char *raw : {"+7 916 123-45-67", "8 (916) 123-45-67", "89161234567", "9161234567", "+7(916)1234567", " 7 916 123 45 67 "})
        EXPECT_EQ(phones.toE164(QString::fromLatin1(raw)), QStringLiteral("+79161234567")) << raw;
}

TEST(PhoneNormalizer, DescribesValidNumbers)
{
    PhoneNormalizer phones;
    const PhoneInfo mobile = phones.normalize(QStringLiteral("8 916 123 45 67"));
    EXPECT_TRUE(mobile.valid);
    EXPECT_EQ(mobile.type, QStringLiteral("mobile"));
    EXPECT_EQ(mobile.region, QStringLiteral("RU"));
    EXPECT_EQ(mobile.timeZone, QStringLiteral("Europe/Moscow"));  // country default for a mobile

    const PhoneInfo fixed = phones.normalize(QStringLiteral("+7 343 212-34-56"));
    EXPECT_TRUE(fixed.valid);
    EXPECT_EQ(fixed.type, QStringLiteral("fixed_line"));
    EXPECT_EQ(fixed.location, QStringLiteral("Ekaterinburg"));
    EXPECT_EQ(fixed.timeZone, QStringLiteral("Asia/Yekaterinburg"));

    const PhoneInfo vladivostok = phones.normalize(QStringLiteral("+7 423 212-34-56"));
    EXPECT_EQ(vladivostok.timeZone, QStringLiteral("Asia/Vladivostok"));

    const PhoneInfo minsk = phones.normalize(QStringLiteral("+375 29 123-45-67"));
    EXPECT_TRUE(minsk.valid);
    EXPECT_EQ(minsk.region, QStringLiteral("BY"));
    EXPECT_EQ(minsk.timeZone, QStringLiteral("Europe/Minsk"));
}

TEST(PhoneNormalizer, KeepsTheRawValueAndExplainsInvalidOnes)
{
    PhoneNormalizer phones;
    for (const char *raw : {"12", "call me", "+7 916 123", "8 000 000 00 00 00 00", ""}) {
        const PhoneInfo p = phones.normalize(QString::fromLatin1(raw));
        EXPECT_FALSE(p.valid) << raw;
        EXPECT_TRUE(p.e164.isEmpty()) << raw;
        EXPECT_EQ(p.raw, QString::fromLatin1(raw));
        EXPECT_FALSE(p.error.isEmpty()) << raw;
    }
    EXPECT_TRUE(phones.toE164(QString(100, u'9')).isEmpty());
}

TEST(PhoneNormalizer, UsesTheConfiguredDefaultRegion)
{
    PhoneNormalizer by(QStringLiteral("BY"));
    EXPECT_EQ(by.toE164(QStringLiteral("029 123-45-67")), QStringLiteral("+375291234567"));
    EXPECT_EQ(PhoneNormalizer::formatInternational(QStringLiteral("+79161234567")), QStringLiteral("+7 916 123-45-67"));
}

TEST(EmailNormalizer, LowerCasesTheDomainOnly)
{
    const EmailInfo e = EmailNormalizer::normalize(QStringLiteral("  Ivan.Petrov@Yandex.RU "));
    EXPECT_TRUE(e.valid);
    EXPECT_EQ(e.normalized, QStringLiteral("Ivan.Petrov@yandex.ru"));
    EXPECT_EQ(e.provider, QStringLiteral("yandex"));
    EXPECT_EQ(e.raw, QStringLiteral("  Ivan.Petrov@Yandex.RU "));
}

TEST(EmailNormalizer, RecognizesProviders)
{
    EXPECT_EQ(EmailNormalizer::normalize(QStringLiteral("a@gmail.com")).provider, QStringLiteral("gmail"));
    EXPECT_EQ(EmailNormalizer::normalize(QStringLiteral("a@inbox.ru")).provider, QStringLiteral("mail.ru"));
    EXPECT_EQ(EmailNormalizer::normalize(QStringLiteral("a@hotmail.com")).provider, QStringLiteral("outlook"));
    EXPECT_EQ(EmailNormalizer::normalize(QStringLiteral("a@shop.example")).provider, QString());
}

TEST(EmailNormalizer, RejectsBrokenAddresses)
{
    for (const char *raw : {"", "plain", "@example.com", "a@", "a@@b.com", "a b@example.com", "a..b@example.com", ".a@example.com",
                            "a@example", "a@-example.com", "a@example.c0m", "a@exa_mple.com", "a@example..com"}) {
        const EmailInfo e = EmailNormalizer::normalize(QString::fromLatin1(raw));
        EXPECT_FALSE(e.valid) << raw;
        EXPECT_FALSE(e.error.isEmpty()) << raw;
    }
    EXPECT_FALSE(EmailNormalizer::normalize(QString(70, u'a') + QStringLiteral("@example.com")).valid);
}

TEST(TimeZones, FindsCitiesInEitherLanguageAndRegions)
{
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Москва")), QStringLiteral("Europe/Moscow"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("г. Санкт-Петербург")), QStringLiteral("Europe/Moscow"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Новосибирск")), QStringLiteral("Asia/Novosibirsk"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Krasnoyarsk Territory")), QStringLiteral("Asia/Krasnoyarsk"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Nizhny Novgorod")), QStringLiteral("Europe/Moscow"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Южно-Сахалинск")), QStringLiteral("Asia/Sakhalin"));
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Tomsk")), QStringLiteral("Asia/Tomsk"));  // not Omsk
    EXPECT_EQ(TimeZones::forCity(QStringLiteral("Atlantis")), QString());
    EXPECT_EQ(TimeZones::forPlace(QStringLiteral("Atlantis"), QStringLiteral("KZ")), QStringLiteral("Asia/Almaty"));
    EXPECT_EQ(TimeZones::forPlace({}, QStringLiteral("US")), QString());  // several zones: unknown without a city
}
