// The item models over the real server, each watched by QAbstractItemModelTester.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/format.h"
#include "models/localcache.h"
#include "models/pagedmodel.h"
#include "models/profile.h"
#include "models/repository.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLocale>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

class ModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
        api.setBaseUrl(QUrl(demoServer().baseUrl()));
        api.setToken(LT::adminToken(demoServer()));
        repository.setUser(QStringLiteral("admin"));
    }

    std::unique_ptr<Models::PagedModel> model(Models::PartSpec spec, const QString &path)
    {
        auto m = std::make_unique<Models::PagedModel>(&repository, std::move(spec));
        m->setPath(path);
        testers.push_back(std::make_unique<QAbstractItemModelTester>(m.get(), QAbstractItemModelTester::FailureReportingMode::Fatal));
        return m;
    }

    static bool loaded(Models::PagedModel &m) { return waitUntil([&] { return m.hasLoaded() && !m.isLoading(); }); }

    QTemporaryDir dir;
    Models::ApiClient api;
    Models::LocalCache cache{dir.filePath(QStringLiteral("cache.sqlite"))};
    Models::Repository repository{&api, &cache};
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

}  // namespace

TEST_F(ModelTest, SearchPagesWithFetchMore)
{
    auto m = model(Models::Parts::search(), QStringLiteral("/api/v1/customers"));
    m->setPageSize(40);
    QList<int> pages;
    QObject::connect(m.get(), &Models::PagedModel::pageLoaded, m.get(), [&](int rows, bool) { pages << rows; });
    m->reload();
    ASSERT_TRUE(waitUntil([&] { return !pages.isEmpty(); }));
    EXPECT_EQ(pages.first(), 40);
    EXPECT_GE(m->rowCount(), 40);
    // The views (and the model tester) ask for more until the server has no next page.
    while (m->canFetchMore({}) || m->isLoading()) {
        m->fetchMore({});
        EXPECT_FALSE(m->canFetchMore({}));  // one page at a time
        ASSERT_TRUE(waitUntil([&] { return !m->isLoading(); }));
    }
    EXPECT_EQ(m->rowCount(), LT::DemoCustomers);
    EXPECT_EQ(pages.size(), (LT::DemoCustomers + 39) / 40);
    EXPECT_EQ(m->columnCount(), Models::Parts::search().columns.size());
    EXPECT_GT(m->index(0, 0).data(Models::PagedModel::IdRole).toLongLong(), 0);
    EXPECT_FALSE(m->index(0, 0).data().toString().isEmpty());
    EXPECT_EQ(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
}

TEST_F(ModelTest, SearchFindsAPhoneTypedInAnotherFormat)
{
    const auto customer = LT::demoCustomer();
    ASSERT_GT(customer.id, 0);
    auto m = model(Models::Parts::search(), QStringLiteral("/api/v1/customers"));
    m->setFilter(QUrlQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(LT::localPhoneFormat(customer.phoneE164)))));
    m->reload();
    ASSERT_TRUE(loaded(*m));
    bool found = false;
    for (int r = 0; r < m->rowCount(); ++r) found |= m->index(r, 0).data(Models::PagedModel::IdRole).toLongLong() == customer.id;
    EXPECT_TRUE(found);
}

TEST_F(ModelTest, ReceiptsAreATreeWithTheirLines)
{
    const auto customer = LT::demoCustomer();
    auto m = model(Models::Parts::receipts(), QStringLiteral("/api/v1/customers/%1/receipts").arg(customer.id));
    m->reload();
    ASSERT_TRUE(loaded(*m));
    ASSERT_GT(m->rowCount(), 0);
    const QModelIndex receipt = m->index(0, 0);
    ASSERT_TRUE(m->hasChildren(receipt));
    const QModelIndex line = m->index(0, 0, receipt);
    EXPECT_EQ(line.parent(), receipt);
    EXPECT_TRUE(line.data(Models::PagedModel::IsChildRole).toBool());
    EXPECT_FALSE(line.data().toString().isEmpty());
    EXPECT_FALSE(m->index(0, 4).data().toString().isEmpty());  // total
    EXPECT_EQ(m->index(0, 4).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, Qt::AlignRight);
}

TEST_F(ModelTest, EveryProfilePartLoads)
{
    const auto customer = LT::demoCustomer();
    for (const auto &spec : {Models::Parts::cards(), Models::Parts::accounts(), Models::Parts::ledger(), Models::Parts::events(),
                             Models::Parts::messages(), Models::Parts::coupons(), Models::Parts::support(), Models::Parts::audit()}) {
        auto m = model(spec, QStringLiteral("/api/v1/customers/%1/%2").arg(customer.id).arg(spec.part));
        m->reload();
        ASSERT_TRUE(loaded(*m)) << spec.part.toStdString();
        EXPECT_TRUE(m->errorMessage().isEmpty()) << spec.part.toStdString() << ": " << m->errorMessage().toStdString();
        m->retranslate();
    }
}

TEST_F(ModelTest, FilterNarrowsReceiptsAndFailuresAreReported)
{
    const auto customer = LT::demoCustomer();
    auto m = model(Models::Parts::receipts(), QStringLiteral("/api/v1/customers/%1/receipts").arg(customer.id));
    m->setFilter(QUrlQuery(QStringLiteral("from=2999-01-01")));
    m->reload();
    ASSERT_TRUE(loaded(*m));
    EXPECT_EQ(m->rowCount(), 0);
    EXPECT_TRUE(m->errorMessage().isEmpty());
    m->setFilter(QUrlQuery(QStringLiteral("from=yesterday")));
    m->reload();
    ASSERT_TRUE(loaded(*m));
    EXPECT_FALSE(m->errorMessage().isEmpty());
    EXPECT_FALSE(m->canFetchMore({}));
}

TEST_F(ModelTest, StaticItemsAndCancel)
{
    auto m = model(Models::Parts::contacts(), {});
    m->setItems(QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("phone")}, {QStringLiteral("value"), QStringLiteral("+79161234567")},
                                       {QStringLiteral("confirmed"), true}}});
    EXPECT_EQ(m->rowCount(), 1);
    EXPECT_EQ(m->index(0, 1).data().toString(), QStringLiteral("+79161234567"));
    EXPECT_EQ(m->index(0, 4).data().toString(), QStringLiteral("yes"));
    EXPECT_FALSE(m->canFetchMore({}));

    auto s = model(Models::Parts::search(), QStringLiteral("/api/v1/customers"));
    s->reload();
    EXPECT_TRUE(s->isLoading());
    s->cancel();
    EXPECT_FALSE(s->isLoading());
    QTest::qWait(300);
    EXPECT_EQ(s->rowCount(), 0);  // the late answer is dropped
}

TEST(Format, MoneyDatesAndNamesFollowTheLocale)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(Models::Format::money(123456), QStringLiteral("₽1,234.56"));
    EXPECT_EQ(Models::Format::points(-1250), QStringLiteral("-1,250"));
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    EXPECT_TRUE(Models::Format::money(123456).contains(QStringLiteral("234,56")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(Models::Format::personName(QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Anna")},
                                                     {QStringLiteral("last_name"), QStringLiteral("Ivanova")}}),
              QStringLiteral("Ivanova Anna"));
    const QDateTime noonUtc(QDate(2025, 1, 15), QTime(12, 0), Qt::UTC);
    EXPECT_TRUE(Models::Format::localTime(QStringLiteral("Asia/Yekaterinburg"), noonUtc).startsWith(QStringLiteral("5:00")));
    EXPECT_TRUE(Models::Format::localTime(QStringLiteral("Not/AZone")).isEmpty());
    const QDateTime now = QDateTime::currentDateTime();  // one clock reading: no race at a minute's edge
    EXPECT_EQ(Models::Format::age(now.addSecs(-600), now), QStringLiteral("10 minute(s) ago"));
}

TEST(Profile, ReadsTheHeaderAndHidesAMissingRfm)
{
    const QJsonObject json{
        {QStringLiteral("id"), 5},
        {QStringLiteral("first_name"), QStringLiteral("Anna")},
        {QStringLiteral("tier"), QJsonObject{{QStringLiteral("code"), QStringLiteral("gold")}, {QStringLiteral("name"), QStringLiteral("Gold")}}},
        {QStringLiteral("balance"), QJsonObject{{QStringLiteral("active"), 15000}, {QStringLiteral("pending"), 500}}},
        {QStringLiteral("contacts"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("phone")},
                                                            {QStringLiteral("value"), QStringLiteral("+79160000000")},
                                                            {QStringLiteral("confirmed"), true}},
                                                QJsonObject{{QStringLiteral("kind"), QStringLiteral("email")},
                                                            {QStringLiteral("value"), QStringLiteral("a@b.ru")},
                                                            {QStringLiteral("confirmed"), false}}}}};
    auto p = Models::CustomerProfile::fromJson(json);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->tierName, QStringLiteral("Gold"));
    EXPECT_EQ(p->activeBalance, 15000);
    EXPECT_FALSE(p->rfm.has_value());
    ASSERT_EQ(p->confirmedContacts().size(), 1);
    EXPECT_EQ(p->confirmedContacts().first().kind, QStringLiteral("phone"));
    EXPECT_FALSE(Models::CustomerProfile::fromJson(QJsonObject{}).ok());
}

TEST(Profile, PurchasesByMonthSumCompletedReceipts)
{
    const QJsonArray receipts{
        QJsonObject{{QStringLiteral("purchased_at"), QStringLiteral("2025-03-10T10:00:00Z")}, {QStringLiteral("total"), 1000}, {QStringLiteral("status"), QStringLiteral("completed")}},
        QJsonObject{{QStringLiteral("purchased_at"), QStringLiteral("2025-03-20T10:00:00Z")}, {QStringLiteral("total"), 500}, {QStringLiteral("status"), QStringLiteral("completed")}},
        QJsonObject{{QStringLiteral("purchased_at"), QStringLiteral("2025-03-21T10:00:00Z")}, {QStringLiteral("total"), 9999}, {QStringLiteral("status"), QStringLiteral("cancelled")}},
        QJsonObject{{QStringLiteral("purchased_at"), QStringLiteral("2024-01-01T10:00:00Z")}, {QStringLiteral("total"), 700}}};
    const auto months = Models::purchasesByMonth(receipts, QDate(2025, 4, 15), 12);
    ASSERT_EQ(months.size(), 12);
    EXPECT_EQ(months.last().month, QDate(2025, 4, 1));
    EXPECT_EQ(months[10].month, QDate(2025, 3, 1));
    EXPECT_EQ(months[10].total, 1500);
    EXPECT_EQ(months[10].count, 2);
}
