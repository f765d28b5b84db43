#include "core/customer.h"

#include <QDate>
#include <gtest/gtest.h>

using namespace LoyaltyDesk::Core;

TEST(CustomerChanges, DistinguishesAbsentFromCleared)
{
    auto c = CustomerChanges::fromJson(QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Анна")},
                                                   {QStringLiteral("middle_name"), QJsonValue::Null}});
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
    ASSERT_TRUE(c->firstName.has_value());
    EXPECT_EQ(**c->firstName, QStringLiteral("Анна"));
    ASSERT_TRUE(c->middleName.has_value());
    EXPECT_FALSE(c->middleName->has_value());
    EXPECT_FALSE(c->lastName.has_value());
    EXPECT_FALSE(c->isEmpty());
    // And back to JSON with the same meaning.
    const QJsonObject back = c->toJson();
    EXPECT_EQ(back.value(QStringLiteral("first_name")).toString(), QStringLiteral("Анна"));
    EXPECT_TRUE(back.value(QStringLiteral("middle_name")).isNull());
    EXPECT_FALSE(back.contains(QStringLiteral("last_name")));
}

TEST(CustomerChanges, ValidatesEachField)
{
    const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    auto c = CustomerChanges::fromJson(QJsonObject{
        {QStringLiteral("gender"), QStringLiteral("x")},
        {QStringLiteral("birth_date"), tomorrow},
        {QStringLiteral("time_zone"), QStringLiteral("Mars/Olympus")},
        {QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("nested"), QJsonObject{}}}},
        {QStringLiteral("subscriptions"), QJsonObject{{QStringLiteral("pigeon"), true}, {QStringLiteral("sms"), 1}}},
        {QStringLiteral("shoe_size"), 42},
    });
    ASSERT_FALSE(c.ok());
    QStringList fields;
    for (const auto &f : c.error().fields) fields << f.field;
    EXPECT_TRUE(fields.contains(QStringLiteral("gender")));
    EXPECT_TRUE(fields.contains(QStringLiteral("birth_date")));
    EXPECT_TRUE(fields.contains(QStringLiteral("time_zone")));
    EXPECT_TRUE(fields.contains(QStringLiteral("custom_attributes.nested")));
    EXPECT_TRUE(fields.contains(QStringLiteral("subscriptions.pigeon")));
    EXPECT_TRUE(fields.contains(QStringLiteral("subscriptions.sms")));
    EXPECT_TRUE(fields.contains(QStringLiteral("shoe_size")));
}

TEST(CustomerChanges, AcceptsAFullProfile)
{
    auto c = CustomerChanges::fromJson(QJsonObject{
        {QStringLiteral("last_name"), QStringLiteral("Smith")},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birth_date"), QStringLiteral("1990-05-17")},
        {QStringLiteral("time_zone"), QStringLiteral("Asia/Novosibirsk")},
        {QStringLiteral("preferred_categories"), QJsonArray{QStringLiteral("dairy"), QStringLiteral("bakery")}},
        {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Kate")}, {QStringLiteral("birth_date"), QStringLiteral("2015-01-01")}}}},
        {QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("vip"), true}, {QStringLiteral("shoe_size"), 38}}},
        {QStringLiteral("subscriptions"), QJsonObject{{QStringLiteral("email"), true}, {QStringLiteral("sms"), false}}},
    });
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
    EXPECT_EQ(c->preferredCategories->value(), (QStringList{QStringLiteral("dairy"), QStringLiteral("bakery")}));
    EXPECT_EQ(c->subscriptions->value(QStringLiteral("sms")).toBool(), false);
}

TEST(CustomerMetrics, FollowPurchases)
{
    CustomerMetrics m;
    EXPECT_EQ(m.averageOrderValue(), 0);
    EXPECT_FALSE(m.daysSinceLastPurchase(1000));
    m.addPurchase(10000, 86400 * 10);
    m.addPurchase(30000, 86400 * 5);  // an older receipt arriving late
    EXPECT_EQ(m.ordersCount, 2);
    EXPECT_EQ(m.revenue, 40000);
    EXPECT_EQ(m.averageOrderValue(), 20000);
    EXPECT_EQ(*m.firstPurchaseAt, 86400 * 5);
    EXPECT_EQ(*m.lastPurchaseAt, 86400 * 10);
    EXPECT_EQ(*m.daysSinceLastPurchase(86400 * 13 + 5), 3);
    const QJsonObject j = m.toJson(86400 * 13);
    EXPECT_EQ(j.value(QStringLiteral("average_order_value")).toInteger(), 20000);
    EXPECT_EQ(j.value(QStringLiteral("last_purchase_at")).toString(), QStringLiteral("1970-01-11T00:00:00Z"));
}
