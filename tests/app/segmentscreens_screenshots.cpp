// Renders the Segments, RFM and Audiences screens to docs/screenshots/{segments,rfm,
// audiences}.png with segments a marketer would keep and a few weeks of their history.
#include "segmentscreens.h"

#include "models/language.h"
#include "models/pagedmodel.h"
#include "ui/audiencespage.h"
#include "ui/memberslist.h"
#include "ui/rfmpage.h"
#include "ui/segmentspage.h"
#include "widgets/heatmap.h"
#include "widgets/pagedview.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

const QString Dir = QStringLiteral(LD_SCREENSHOT_DIR);

bool save(QWidget *widget, const QString &name) {
    return LT::saveScreenshot(widget, Dir, name);
}

// Earlier runs of a segment, one a day before today's, drifting towards today's size,
// as the scheduler would have recorded them.
void addHistory(qint64 id, int days, double drift) {
    const QJsonObject s = LT::serverGet("/api/v1/segments/" + std::to_string(id));
    const qint64 size = s.value(QStringLiteral("size")).toInteger();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QRandomGenerator random(quint32(id * 7919));
    for (int d = days; d >= 1; --d) {
        const double factor =
            1.0 - drift * double(d) / double(days) + (random.bounded(100) - 50) / 2500.0;
        const qint64 past = std::max<qint64>(0, qint64(double(size) * factor));
        const QString sql =
            QStringLiteral(
                "INSERT INTO segment_runs (segment_id, at, duration_ms, size, entered, left_count, "
                "revenue, orders, average_receipt, ltv, share, reason) "
                "VALUES (%1, %2, %3, %4, 0, 0, 0, 0, 0, 0, 0, 'schedule')")
                .arg(id)
                .arg(now - qint64(d) * 86400 - 3600)
                .arg(120 + random.bounded(400))
                .arg(past);
        EXPECT_EQ(demoServer().execSql(sql), QString());
    }
}

QJsonObject rule(const QJsonArray &conditions) {
    return QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                             {QStringLiteral("rules"), conditions}}}};
}

QJsonObject cond(const QString &field, const QString &op, const QJsonValue &value) {
    return QJsonObject{{QStringLiteral("field"), field},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("value"), value}};
}

}  // namespace

TEST(SegmentScreenshots, SegmentsRfmAndAudiences) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    ASSERT_TRUE(QDir().mkpath(Dir));
    Models::Language::apply(QStringLiteral("en"));
    const QString admin = LT::adminToken(demoServer());
    ASSERT_EQ(demoServer().post("/api/v1/rfm/recalculate", {}, admin).status, 200);

    struct Made {
        qint64 id;
        double drift;
    };
    QList<Made> made;
    const auto tags = [](std::initializer_list<const char *> list) {
        QJsonArray a;
        for (const char *t : list) a.append(QString::fromLatin1(t));
        return a;
    };
    made << Made{
        LT::createSegment(QStringLiteral("Regulars: 3+ orders"),
                          rule({cond(QStringLiteral("orders_count"), QStringLiteral("gte"), 3)}),
                          tags({"loyalty"}), 360),
        0.12};
    made << Made{
        LT::createSegment(
            QStringLiteral("Women with a purchase this year"),
            rule({cond(QStringLiteral("gender"), QStringLiteral("eq"), QStringLiteral("female")),
                  cond(QStringLiteral("days_since_last_purchase"), QStringLiteral("lte"), 365)}),
            tags({"demographics", "newsletter"}), 1440),
        0.05};
    made << Made{
        LT::createSegment(QStringLiteral("Big spenders: over 20 000 ₽"),
                          rule({cond(QStringLiteral("revenue"), QStringLiteral("gt"), 2000000)}),
                          tags({"vip"}), 60),
        0.2};
    made << Made{
        LT::createSegment(
            QStringLiteral("Lapsed: no purchase for 90 days"),
            rule({cond(QStringLiteral("days_since_last_purchase"), QStringLiteral("gt"), 90)}),
            tags({"win-back"}), 720),
        -0.18};
    made << Made{LT::createSegment(QStringLiteral("RFM champions"),
                                   rule({cond(QStringLiteral("rfm_group"), QStringLiteral("eq"),
                                              QStringLiteral("champions"))}),
                                   tags({"rfm", "vip"}), 1440),
                 0.08};
    made << Made{
        LT::createSegment(
            QStringLiteral("At risk and can't lose"),
            rule({cond(QStringLiteral("rfm_group"), QStringLiteral("in"),
                       QJsonArray{QStringLiteral("at_risk"), QStringLiteral("cant_lose")})}),
            tags({"rfm", "win-back"}), 1440),
        -0.1};
    made << Made{LT::createSegment(QStringLiteral("Birthday in the next 7 days"),
                                   rule({cond(QStringLiteral("birth_date"),
                                              QStringLiteral("anniversary_in_next_days"), 7)}),
                                   tags({"birthday", "trigger"}), 15),
                 0.0};
    for (const auto &m : made) {
        ASSERT_GT(m.id, 0);
        if (m.drift != 0.0) addHistory(m.id, 14, m.drift);
    }

    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    Ui::MainWindow *window = desk.window.get();

    Ui::SegmentsPage *segments = desk.segments();
    ASSERT_TRUE(LT::loadAll(segments->segmentsModel()));
    ASSERT_TRUE(segments->selectSegment(made[0].id));
    ASSERT_TRUE(waitUntil([&] {
        return segments->members()->model()->hasLoaded() &&
               !segments->members()->model()->isLoading();
    }));
    segments->segmentsView()->view()->setFocus();
    ASSERT_TRUE(save(window, QStringLiteral("segments")));

    window->showSection(QStringLiteral("rfm"));
    Ui::RfmPage *rfm = window->rfmPage();
    ASSERT_TRUE(waitUntil([&] { return rfm->isLoaded(); }));
    rfm->openCell(5, 5);
    ASSERT_TRUE(waitUntil([&] {
        return rfm->members()->model()->hasLoaded() && !rfm->members()->model()->isLoading();
    }));
    rfm->heatMap()->setFocus();
    ASSERT_TRUE(save(window, QStringLiteral("rfm")));

    for (const auto &[index, name] :
         {std::pair{1, "Women this year, spring newsletter"}, std::pair{3, "Win-back, November"}}) {
        const QJsonObject body{{QStringLiteral("name"), QString::fromUtf8(name)},
                               {QStringLiteral("segment_id"), made[index].id},
                               {QStringLiteral("tags"), QJsonArray{QStringLiteral("campaign")}}};
        ASSERT_EQ(
            demoServer().post("/api/v1/audiences", QJsonDocument(body).toJson(), admin).status,
            201);
    }
    window->showSection(QStringLiteral("audiences"));
    Ui::AudiencesPage *audiences = window->audiencesPage();
    ASSERT_TRUE(waitUntil([&] {
        return audiences->audiencesModel()->hasLoaded() &&
               !audiences->audiencesModel()->isLoading();
    }));
    ASSERT_TRUE(waitUntil([&] {
        return audiences->members()->model()->hasLoaded() &&
               !audiences->members()->model()->isLoading();
    }));
    audiences->audiencesView()->view()->setFocus();
    ASSERT_TRUE(save(window, QStringLiteral("audiences")));
    // The dialog that makes one.
    Ui::AudienceDialog *dialog = audiences->createFromSegment(made[4].id);
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(waitUntil([&] { return dialog->segmentsLoaded(); }));
    dialog->tagsEdit()->setText(QStringLiteral("vip, loyalty"));
    dialog->adjustSize();
    ASSERT_TRUE(save(dialog, QStringLiteral("audience-new")));
    dialog->reject();
}
