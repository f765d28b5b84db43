#include "core/json.h"

#include <gtest/gtest.h>

using namespace LoyaltyDesk::Core;

TEST(Json, TimesRoundTripInUtc)
{
    EXPECT_EQ(Json::isoUtc(0), QStringLiteral("1970-01-01T00:00:00Z"));
    EXPECT_EQ(Json::parseTime(QStringLiteral("2025-03-01T10:15:00Z")), 1740824100);
    EXPECT_EQ(Json::parseTime(QStringLiteral("2025-03-01T13:15:00+03:00")), 1740824100);
    EXPECT_EQ(Json::parseTime(QStringLiteral("2025-03-01T10:15:00")), 1740824100);  // no zone: UTC, never local
    EXPECT_EQ(Json::parseTime(QStringLiteral("2025-03-01")), 1740787200);
    EXPECT_FALSE(Json::parseTime(QStringLiteral("yesterday")));
    EXPECT_FALSE(Json::parseTime(QStringLiteral("2025-02-30")));
    EXPECT_TRUE(Json::isDate(QStringLiteral("2024-02-29")));
    EXPECT_FALSE(Json::isDate(QStringLiteral("2023-02-29")));
    EXPECT_FALSE(Json::isDate(QStringLiteral("2023-2-9")));
}

TEST(JsonReader, CollectsEveryProblemWithItsField)
{
    const QJsonObject o{{QStringLiteral("name"), 5}, {QStringLiteral("count"), 1.5}, {QStringLiteral("extra"), true}};
    Json::Reader r(o, QStringLiteral("item"));
    r.string(QStringLiteral("name"));
    r.integer(QStringLiteral("count"));
    r.string(QStringLiteral("missing"), true);
    auto result = r.finish();
    ASSERT_FALSE(result.ok());
    const auto &fields = result.error().fields;
    ASSERT_EQ(fields.size(), 4);
    EXPECT_EQ(fields[0].field, QStringLiteral("item.name"));
    EXPECT_EQ(fields[1].field, QStringLiteral("item.count"));
    EXPECT_EQ(fields[2].field, QStringLiteral("item.missing"));
    EXPECT_EQ(fields[3].field, QStringLiteral("item.extra"));
    EXPECT_EQ(fields[3].message, QStringLiteral("Unknown field."));
    EXPECT_EQ(result.error().kind, ErrorKind::Validation);
}

// A field counts as known once it is asked for, whatever its value (null too) and however
// often: asking one field twice must not let another pass unasked.
TEST(JsonReader, EveryFieldNotAskedForIsUnknownHoweverOftenOthersWereAsked)
{
    const QJsonObject o{{QStringLiteral("a"), 1},
                        {QStringLiteral("b"), QJsonValue::Null},
                        {QStringLiteral("c"), QStringLiteral("x")},
                        {QStringLiteral("d"), true}};
    Json::Reader r(o);
    EXPECT_EQ(r.integer(QStringLiteral("a")), 1);
    EXPECT_EQ(r.integer(QStringLiteral("a")), 1);
    EXPECT_EQ(r.string(QStringLiteral("a")), std::nullopt);  // asked a third time, as text
    EXPECT_EQ(r.integer(QStringLiteral("b")), std::nullopt);
    EXPECT_EQ(r.boolean(QStringLiteral("absent")), std::nullopt);
    EXPECT_EQ(r.boolean(QStringLiteral("absent")), std::nullopt);
    auto result = r.finish();
    ASSERT_FALSE(result.ok());
    QStringList fields;
    for (const auto &f : result.error().fields) fields << f.field + u' ' + f.message;
    EXPECT_EQ(fields, (QStringList{QStringLiteral("a Must be a string."), QStringLiteral("c Unknown field."),
                                   QStringLiteral("d Unknown field.")}));

    const QJsonObject two{{QStringLiteral("x"), QStringLiteral("1")}, {QStringLiteral("y"), QStringLiteral("2")}};
    Json::Reader twice(two);
    EXPECT_EQ(twice.string(QStringLiteral("x")), QStringLiteral("1"));
    EXPECT_EQ(twice.string(QStringLiteral("x")), QStringLiteral("1"));
    auto unknown = twice.finish();
    ASSERT_FALSE(unknown.ok());
    ASSERT_EQ(unknown.error().fields.size(), 1);
    EXPECT_EQ(unknown.error().fields[0].field, QStringLiteral("y"));
    EXPECT_EQ(twice.string(QStringLiteral("y")), QStringLiteral("2"));

    Json::Reader all(two);
    all.string(QStringLiteral("y"));
    all.string(QStringLiteral("x"));
    EXPECT_TRUE(all.finish().ok());
}

TEST(JsonReader, ChecksRangesLengthsAndChoices)
{
    const QJsonObject o{{QStringLiteral("n"), 11}, {QStringLiteral("s"), QStringLiteral("abcdef")}, {QStringLiteral("c"), QStringLiteral("x")}};
    Json::Reader r(o);
    EXPECT_FALSE(r.integer(QStringLiteral("n"), false, 0, 10));
    EXPECT_FALSE(r.string(QStringLiteral("s"), false, 5));
    EXPECT_FALSE(r.oneOf(QStringLiteral("c"), {QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_EQ(r.finish().error().fields.size(), 3);
}

TEST(Json, ParsesBodiesWithClearErrors)
{
    EXPECT_FALSE(Json::parseObject("{\"a\": ").ok());
    EXPECT_TRUE(Json::parseObject("{\"a\": 1}").ok());
    auto notObject = Json::parseObject("[1, 2]");
    ASSERT_FALSE(notObject.ok());
    EXPECT_TRUE(notObject.error().message.contains(QStringLiteral("object")));
    EXPECT_TRUE(Json::parseObject("").error().message.contains(QStringLiteral("empty")));
}
