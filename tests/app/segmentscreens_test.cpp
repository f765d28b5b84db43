// The Segments, RFM and Audiences screens as users meet them, against the real demo
// server: what the lists show is what the server holds, and what the buttons do
// changes the server.
#include "segmentscreens.h"

#include "models/pagedmodel.h"
#include "ui/audiencespage.h"
#include "ui/customerspage.h"
#include "ui/memberslist.h"
#include "ui/rfmpage.h"
#include "ui/segmenteditor.h"
#include "ui/segmentspage.h"
#include "widgets/heatmap.h"
#include "widgets/pagedview.h"
#include "widgets/rulebuilder.h"
#include "widgets/searchbox.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

QString display(Models::PagedModel *model, int row, const QString &key) {
    const auto &columns = model->spec().columns;
    for (int c = 0; c < columns.size(); ++c)
        if (columns[c].key == key) return model->index(row, c).data().toString();
    return {};
}

int rowOf(Models::PagedModel *model, qint64 id) {
    for (int row = 0; row < model->itemCount(); ++row)
        if (model->item(row).value(QStringLiteral("id")).toInteger() == id) return row;
    return -1;
}

}  // namespace

TEST(SegmentScreens, TheListShowsTheServersSegmentsWithSizesAndMembers) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const qint64 women = LT::createSegment(
        QStringLiteral("Women who buy often"),
        LT::rule(QStringLiteral("gender"), QStringLiteral("eq"), QStringLiteral("female")));
    const qint64 regulars =
        LT::createSegment(QStringLiteral("Regulars"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 3));
    ASSERT_GT(women, 0);
    ASSERT_GT(regulars, 0);
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window) << "sign-in failed";
    EXPECT_TRUE(desk.window->sectionIds().contains(QStringLiteral("segments")));
    EXPECT_TRUE(desk.window->sectionIds().contains(QStringLiteral("rfm")));
    EXPECT_TRUE(desk.window->sectionIds().contains(QStringLiteral("audiences")));
    Ui::SegmentsPage *page = desk.segments();
    Models::PagedModel *model = page->segmentsModel();
    ASSERT_TRUE(LT::loadAll(model));

    const QJsonObject onServer = LT::serverGet("/api/v1/segments/" + std::to_string(regulars));
    const int row = rowOf(model, regulars);
    ASSERT_GE(row, 0);
    EXPECT_EQ(display(model, row, QStringLiteral("name")), QStringLiteral("Regulars"));
    EXPECT_EQ(display(model, row, QStringLiteral("size")),
              QLocale().toString(onServer.value(QStringLiteral("size")).toInteger()));
    EXPECT_GT(onServer.value(QStringLiteral("size")).toInteger(), 0);
    EXPECT_FALSE(display(model, row, QStringLiteral("metrics.share")).isEmpty());
    EXPECT_FALSE(display(model, row, QStringLiteral("last_calculated_at")).isEmpty());
    EXPECT_FALSE(display(model, row, QStringLiteral("last_duration_ms")).isEmpty());
    EXPECT_EQ(display(model, row, QStringLiteral("recalc_minutes")), QStringLiteral("every 6 h"));

    // Searching asks the server.
    page->searchBox()->setText(QStringLiteral("regul"));
    page->searchBox()->searchNow();
    ASSERT_TRUE(waitUntil([&] {
        return model->hasLoaded() && !model->isLoading() && model->itemCount() >= 1 &&
               rowOf(model, women) < 0;
    }));
    EXPECT_GE(rowOf(model, regulars), 0);

    // Selecting a segment pages its members below.
    ASSERT_TRUE(page->selectSegment(regulars));
    ASSERT_TRUE(LT::loadAll(page->members()->model()));
    EXPECT_EQ(page->members()->model()->itemCount(),
              onServer.value(QStringLiteral("size")).toInteger());
    EXPECT_TRUE(page->members()->title().contains(QStringLiteral("Regulars")));

    // Enter on a member opens the profile in Customers.
    QTreeView *members = page->members()->view()->view();
    members->setFocus();
    members->setCurrentIndex(members->model()->index(0, 0));
    QTest::keyClick(members, Qt::Key_Return);
    ASSERT_TRUE(
        waitUntil([&] { return desk.window->currentSection() == QStringLiteral("customers"); }));
    EXPECT_TRUE(desk.window->customersPage()->isProfileShown());
}

TEST(SegmentScreens, DuplicateRecalculateAndDeleteChangeTheServer) {
    ASSERT_TRUE(demoServer().ok());
    const qint64 original =
        LT::createSegment(QStringLiteral("All buyers"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 1));
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    Ui::SegmentsPage *page = desk.segments();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_TRUE(page->selectSegment(original));
    for (const char *name : {"new", "duplicate", "recalculate", "delete", "export"})
        EXPECT_TRUE(page->action(QString::fromLatin1(name))->isEnabled()) << name;

    // Duplicate (Ctrl+D): the copy is on the server and selected in the list.
    const int before = LT::serverItems("/api/v1/segments?limit=500").size();
    page->segmentsView()->view()->setFocus();
    QTest::keyClick(page->segmentsView()->view(), Qt::Key_D, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        return page->statusText().startsWith(QStringLiteral("Duplicated"));
    })) << page->statusText().toStdString();
    EXPECT_EQ(LT::serverItems("/api/v1/segments?limit=500").size(), before + 1);
    ASSERT_TRUE(waitUntil([&] {
        return page->currentSegment().value(QStringLiteral("name")).toString() ==
               QStringLiteral("All buyers (copy)");
    }));
    const qint64 copy = page->currentSegment().value(QStringLiteral("id")).toInteger();
    EXPECT_NE(copy, original);

    // Recalculate: a new run on the server, and the list shows its size.
    const int runsBefore =
        LT::serverItems("/api/v1/segments/" + std::to_string(copy) + "/history?limit=500").size();
    page->action(QStringLiteral("recalculate"))->trigger();
    ASSERT_TRUE(waitUntil([&] {
        return page->statusText().startsWith(QStringLiteral("Recalculated"));
    })) << page->statusText().toStdString();
    EXPECT_EQ(
        LT::serverItems("/api/v1/segments/" + std::to_string(copy) + "/history?limit=500").size(),
        runsBefore + 1);
    const QJsonObject recalculated = LT::serverGet("/api/v1/segments/" + std::to_string(copy));
    ASSERT_TRUE(waitUntil([&] {
        return page->currentSegment().value(QStringLiteral("size")).toInteger() ==
                   recalculated.value(QStringLiteral("size")).toInteger() &&
               !page->currentSegment().value(QStringLiteral("last_calculated_at")).isNull();
    }));

    // Delete asks first; Cancel keeps it.
    page->action(QStringLiteral("delete"))->trigger();
    QMessageBox *confirm = LT::messageBox(page);
    ASSERT_TRUE(confirm);
    EXPECT_TRUE(confirm->text().contains(QStringLiteral("All buyers (copy)")));
    confirm->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    EXPECT_EQ(demoServer()
                  .get("/api/v1/segments/" + std::to_string(copy), LT::adminToken(demoServer()))
                  .status,
              200);
    // Delete, confirmed.
    page->action(QStringLiteral("delete"))->trigger();
    confirm = LT::messageBox(page);
    ASSERT_TRUE(confirm);
    confirm->button(QMessageBox::Yes)->click();
    ASSERT_TRUE(waitUntil([&] { return page->statusText().startsWith(QStringLiteral("Deleted")); }))
        << page->statusText().toStdString();
    EXPECT_EQ(demoServer()
                  .get("/api/v1/segments/" + std::to_string(copy), LT::adminToken(demoServer()))
                  .status,
              404);
    ASSERT_TRUE(waitUntil(
        [&] { return page->segmentsModel()->hasLoaded() && !page->segmentsModel()->isLoading(); }));
    EXPECT_LT(rowOf(page->segmentsModel(), copy), 0);

    // A segment another one uses stays, and the server says why.
    const qint64 user = LT::createSegment(
        QStringLiteral("Uses all buyers"),
        LT::rule(QStringLiteral("segment"), QStringLiteral("in"), QJsonArray{original}));
    ASSERT_GT(user, 0);
    page->reload();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_TRUE(page->selectSegment(original));
    page->action(QStringLiteral("delete"))->trigger();
    confirm = LT::messageBox(page);
    ASSERT_TRUE(confirm);
    confirm->button(QMessageBox::Yes)->click();
    ASSERT_TRUE(waitUntil([&] {
        return page->statusText().contains(QStringLiteral("was not deleted"));
    })) << page->statusText().toStdString();
    EXPECT_TRUE(page->statusText().contains(QStringLiteral("Uses all buyers")))
        << page->statusText().toStdString();
    QMessageBox *warning = LT::messageBox(page);
    ASSERT_TRUE(warning);
    EXPECT_TRUE(warning->text().contains(QStringLiteral("Uses all buyers")));
    warning->button(QMessageBox::Ok)->click();
    EXPECT_EQ(demoServer()
                  .get("/api/v1/segments/" + std::to_string(original), LT::adminToken(demoServer()))
                  .status,
              200);
}

TEST(SegmentScreens, ExportSavesTheMembersAsCsv) {
    ASSERT_TRUE(demoServer().ok());
    const qint64 id =
        LT::createSegment(QStringLiteral("Export me"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 4));
    const qint64 size = LT::serverGet("/api/v1/segments/" + std::to_string(id))
                            .value(QStringLiteral("size"))
                            .toInteger();
    ASSERT_GT(size, 0);
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    Ui::SegmentsPage *page = desk.segments();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_TRUE(page->selectSegment(id));
    const QString file = desk.dir.filePath(QStringLiteral("members.csv"));
    page->exportCurrentTo(file);
    ASSERT_TRUE(waitUntil([&] { return page->statusText().startsWith(QStringLiteral("Saved")); }))
        << page->statusText().toStdString();
    QFile csv(file);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    EXPECT_TRUE(text.startsWith("id,external_id,first_name"));
    EXPECT_EQ(text.count("\r\n"), size + 1);
}

TEST(SegmentScreens, WithoutSegmentsWriteTheWriteActionsAreOff) {
    ASSERT_TRUE(demoServer().ok());
    LT::createSegment(QStringLiteral("Seen by analysts"),
                      LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 2));
    LT::SegmentDesk desk(QStringLiteral("analyst"));
    ASSERT_TRUE(desk.window);
    Ui::SegmentsPage *page = desk.segments();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_GT(page->segmentsModel()->itemCount(), 0);
    ASSERT_FALSE(page->currentSegment().isEmpty());
    for (const char *name : {"new", "duplicate", "recalculate", "audience", "delete"}) {
        EXPECT_FALSE(page->action(QString::fromLatin1(name))->isEnabled()) << name;
        EXPECT_FALSE(page->action(QString::fromLatin1(name))->isVisible()) << name;
    }
    EXPECT_FALSE(
        page->action(QStringLiteral("export"))->isEnabled());  // no customers.export either
    EXPECT_TRUE(page->action(QStringLiteral("open"))->isEnabled());
    // Ctrl+D and Del do nothing.
    const int count = LT::serverItems("/api/v1/segments?limit=500").size();
    page->segmentsView()->view()->setFocus();
    QTest::keyClick(page->segmentsView()->view(), Qt::Key_D, Qt::ControlModifier);
    page->deleteCurrent();
    QTest::qWait(300);
    EXPECT_FALSE(LT::messageBox(page, 100));
    EXPECT_EQ(LT::serverItems("/api/v1/segments?limit=500").size(), count);

    // Open shows the rule and its count, view only: nothing to change, nothing to save.
    QTest::keyClick(page->segmentsView()->view(), Qt::Key_Return);
    Ui::SegmentsSection *section = desk.window->segmentsSection();
    ASSERT_TRUE(section->isEditorShown());
    Ui::SegmentEditor *editor = section->editor();
    ASSERT_TRUE(waitUntil([&] { return editor->segmentId() > 0 && !editor->builder()->rule().isEmpty(); }));
    EXPECT_TRUE(editor->isReadOnly());
    EXPECT_FALSE(editor->builder()->isEnabled());
    EXPECT_TRUE(editor->findChild<QLineEdit *>(QStringLiteral("segmentName"))->isReadOnly());
    EXPECT_FALSE(editor->findChild<QPushButton *>(QStringLiteral("saveSegment"))->isVisible());
    EXPECT_TRUE(waitUntil([&] { return editor->liveCount() >= 0 && !editor->countStatus().isEmpty(); }));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("closeSegment")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !section->isEditorShown(); }));

    desk.window->showSection(QStringLiteral("rfm"));
    EXPECT_FALSE(desk.window->rfmPage()->recalculateButton()->isEnabled());
    EXPECT_FALSE(desk.window->rfmPage()->settingsButton()->isVisible());
    desk.window->showSection(QStringLiteral("audiences"));
    EXPECT_FALSE(desk.window->audiencesPage()->action(QStringLiteral("new"))->isEnabled());
    EXPECT_FALSE(desk.window->audiencesPage()->action(QStringLiteral("delete"))->isEnabled());
    EXPECT_EQ(desk.window->audiencesPage()->createFromSegment(), nullptr);

    // An operator has no segment screens at all.
    LT::SegmentDesk operatorDesk(QStringLiteral("operator"));
    ASSERT_TRUE(operatorDesk.window);
    EXPECT_FALSE(operatorDesk.window->sectionIds().contains(QStringLiteral("segments")));
    EXPECT_EQ(operatorDesk.window->segmentsPage(), nullptr);
}

TEST(SegmentScreens, TheHeatMapShowsTheServersGridAndOpensItsCustomers) {
    ASSERT_TRUE(demoServer().ok());
    ASSERT_EQ(demoServer().post("/api/v1/rfm/recalculate", {}, LT::adminToken(demoServer())).status,
              200);
    const QJsonObject report = LT::serverGet("/api/v1/rfm");
    ASSERT_GT(report.value(QStringLiteral("scored")).toInteger(), 0);
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    desk.window->showSection(QStringLiteral("rfm"));
    Ui::RfmPage *page = desk.window->rfmPage();
    ASSERT_TRUE(waitUntil([&] { return page->isLoaded(); }));
    Widgets::HeatMap *map = page->heatMap();
    QHash<std::pair<int, int>, qint64> grid;
    for (const auto &v : report.value(QStringLiteral("grid")).toArray())
        grid.insert({v.toObject().value(QStringLiteral("r")).toInt(),
                     v.toObject().value(QStringLiteral("f")).toInt()},
                    v.toObject().value(QStringLiteral("count")).toInteger());
    qint64 shown = 0;
    for (int r = 1; r <= 5; ++r)
        for (int f = 1; f <= 5; ++f) {
            EXPECT_EQ(map->count(Ui::RfmPage::rowOf(r), f - 1), grid.value({r, f}))
                << r << ' ' << f;
            shown += map->count(Ui::RfmPage::rowOf(r), f - 1);
        }
    EXPECT_EQ(shown, report.value(QStringLiteral("scored")).toInteger());
    // The biggest cell, clicked, lists exactly its customers.
    std::pair<int, int> biggest{5, 5};
    for (auto it = grid.cbegin(); it != grid.cend(); ++it)
        if (it.value() > grid.value(biggest)) biggest = it.key();
    const int row = Ui::RfmPage::rowOf(biggest.first), column = biggest.second - 1;
    EXPECT_FALSE(map->cellToolTip(row, column).isEmpty());
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(row, column).center());
    Models::PagedModel *customers = page->members()->model();
    ASSERT_TRUE(LT::loadAll(customers));
    EXPECT_EQ(customers->itemCount(), grid.value(biggest));
    EXPECT_EQ(customers->filter().queryItemValue(QStringLiteral("r")),
              QString::number(biggest.first));

    // A bar of the group chart lists the group.
    auto *series =
        qobject_cast<QHorizontalBarSeries *>(page->sizesChart()->chart()->series().value(0));
    ASSERT_TRUE(series);
    QBarSet *set = series->barSets().value(0);
    ASSERT_TRUE(set);
    const int top = int(set->count()) - 1;  // champions, drawn on top
    emit set->clicked(top);
    ASSERT_TRUE(LT::loadAll(customers));
    qint64 champions = 0;
    for (const auto &g : report.value(QStringLiteral("groups")).toArray())
        if (g.toObject().value(QStringLiteral("group")).toString() == QStringLiteral("champions"))
            champions = g.toObject().value(QStringLiteral("count")).toInteger();
    EXPECT_EQ(customers->itemCount(), champions);
    EXPECT_EQ(qint64(set->at(top)), champions);
}

TEST(SegmentScreens, AnAudienceFromASegmentHasItsSizeAndPagesItsMembers) {
    ASSERT_TRUE(demoServer().ok());
    const qint64 segment =
        LT::createSegment(QStringLiteral("Spring newsletter"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 1));
    const qint64 size = LT::serverGet("/api/v1/segments/" + std::to_string(segment))
                            .value(QStringLiteral("size"))
                            .toInteger();
    ASSERT_GT(size, 50);  // more than one page of members
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    desk.window->showSection(QStringLiteral("audiences"));
    Ui::AudiencesPage *page = desk.window->audiencesPage();
    ASSERT_TRUE(waitUntil([&] { return page->audiencesModel()->hasLoaded(); }));
    page->audiencesView()->view()->setFocus();
    QTest::keyClick(page->audiencesView()->view(), Qt::Key_N, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return page->dialog() && page->dialog()->segmentsLoaded(); }));
    Ui::AudienceDialog *dialog = page->dialog();
    ASSERT_TRUE(dialog->selectSegment(segment));
    EXPECT_TRUE(dialog->nameEdit()->text().startsWith(QStringLiteral("Spring newsletter")));
    dialog->nameEdit()->setText(QStringLiteral("Spring newsletter, frozen"));
    dialog->tagsEdit()->setText(QStringLiteral("newsletter, spring"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    ASSERT_TRUE(waitUntil([&] { return page->statusText().startsWith(QStringLiteral("Created")); }))
        << page->statusText().toStdString();
    EXPECT_TRUE(waitUntil([&] { return !page->dialog(); }));

    QJsonObject created;
    for (const auto &v : LT::serverItems("/api/v1/audiences?limit=500"))
        if (v.toObject().value(QStringLiteral("name")).toString() ==
            QStringLiteral("Spring newsletter, frozen"))
            created = v.toObject();
    ASSERT_FALSE(created.isEmpty());
    EXPECT_EQ(created.value(QStringLiteral("size")).toInteger(), size);
    EXPECT_EQ(created.value(QStringLiteral("source_segment_id")).toInteger(), segment);
    EXPECT_EQ(created.value(QStringLiteral("tags")).toArray(),
              (QJsonArray{QStringLiteral("newsletter"), QStringLiteral("spring")}));

    // The new audience is selected, its row says where it came from, and its members page.
    ASSERT_TRUE(waitUntil([&] {
        return page->currentAudience().value(QStringLiteral("id")).toInteger() ==
               created.value(QStringLiteral("id")).toInteger();
    }));
    const int row = rowOf(page->audiencesModel(), created.value(QStringLiteral("id")).toInteger());
    EXPECT_EQ(display(page->audiencesModel(), row, QStringLiteral("source_segment_name")),
              QStringLiteral("Spring newsletter"));
    EXPECT_EQ(display(page->audiencesModel(), row, QStringLiteral("size")),
              QLocale().toString(size));
    Models::PagedModel *members = page->members()->model();
    QList<int> pages;
    QObject::connect(members, &Models::PagedModel::pageLoaded, members,
                     [&](int rows, bool) { pages << rows; });
    ASSERT_TRUE(LT::loadAll(members));
    EXPECT_EQ(members->itemCount(), size);
    EXPECT_GE(pages.size(), 2);

    // Export and delete.
    const QString file = desk.dir.filePath(QStringLiteral("audience.csv"));
    page->exportCurrentTo(file);
    ASSERT_TRUE(waitUntil([&] { return page->statusText().startsWith(QStringLiteral("Saved")); }))
        << page->statusText().toStdString();
    QFile csv(file);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    EXPECT_EQ(csv.readAll().count("\r\n"), size + 1);
    page->action(QStringLiteral("delete"))->trigger();
    QMessageBox *confirm = LT::messageBox(page);
    ASSERT_TRUE(confirm);
    confirm->button(QMessageBox::Yes)->click();
    ASSERT_TRUE(waitUntil([&] { return page->statusText().startsWith(QStringLiteral("Deleted")); }))
        << page->statusText().toStdString();
    EXPECT_EQ(demoServer()
                  .get("/api/v1/audiences/" +
                           std::to_string(created.value(QStringLiteral("id")).toInteger()),
                       LT::adminToken(demoServer()))
                  .status,
              404);
}

TEST(SegmentScreens, NewAndOpenShowTheEditorWhoseSavesTheListShows) {
    ASSERT_TRUE(demoServer().ok());
    const qint64 id =
        LT::createSegment(QStringLiteral("Edit me"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 5));
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    Ui::SegmentsPage *page = desk.segments();
    Ui::SegmentsSection *section = desk.window->segmentsSection();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_TRUE(page->selectSegment(id));

    // Enter opens the selected segment in the editor, in place of the list.
    QTreeView *list = page->segmentsView()->view();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_TRUE(section->isEditorShown());
    Ui::SegmentEditor *editor = section->editor();
    auto *name = editor->findChild<QLineEdit *>(QStringLiteral("segmentName"));
    ASSERT_TRUE(name);
    ASSERT_TRUE(waitUntil(
        [&] { return editor->segmentId() == id && name->text() == QStringLiteral("Edit me"); }));

    // Saved there, the list shows the new name.
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Edited in place"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveSegment")),
                      Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] {
        return page->currentSegment().value(QStringLiteral("name")).toString() ==
               QStringLiteral("Edited in place");
    })) << editor->message().toStdString();
    EXPECT_EQ(LT::serverGet("/api/v1/segments/" + std::to_string(id))
                  .value(QStringLiteral("name"))
                  .toString(),
              QStringLiteral("Edited in place"));

    // Close returns to the list; Ctrl+N opens an empty editor.
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("closeSegment")),
                      Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !section->isEditorShown(); }));
    QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier);
    ASSERT_TRUE(section->isEditorShown());
    EXPECT_EQ(editor->segmentId(), 0);
    EXPECT_TRUE(name->text().isEmpty());
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("closeSegment")),
                      Qt::LeftButton);
    EXPECT_TRUE(waitUntil([&] { return !section->isEditorShown(); }));
}

TEST(SegmentScreens, RfmSettingsAreCheckedSavedAndScoredWith) {
    ASSERT_TRUE(demoServer().ok());
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    desk.window->showSection(QStringLiteral("rfm"));
    Ui::RfmPage *page = desk.window->rfmPage();
    ASSERT_TRUE(waitUntil([&] { return page->isLoaded(); }));
    page->editSettings();
    QPointer<Ui::RfmSettingsDialog> dialog =
        page->findChild<Ui::RfmSettingsDialog *>();  // deletes itself on close
    ASSERT_TRUE(dialog);
    auto edit = [&](const char *name) {
        return dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
    };
    auto *scoring = dialog->findChild<QComboBox *>(QStringLiteral("rfmScoring"));
    scoring->setCurrentIndex(scoring->findData(QStringLiteral("thresholds")));
    ASSERT_TRUE(edit("rfmRecency")->isEnabled());
    dialog->findChild<QSpinBox *>(QStringLiteral("rfmWindow"))->setValue(180);

    // Boundaries that do not increase are refused with the server's words, and nothing changes.
    edit("rfmRecency")->setText(QStringLiteral("30, 20, 180, 365"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("rfmError"));
    ASSERT_TRUE(waitUntil([&] { return error->isVisible(); }));
    EXPECT_TRUE(error->text().contains(QStringLiteral("increasing")))
        << error->text().toStdString();
    EXPECT_EQ(LT::serverGet("/api/v1/rfm")
                  .value(QStringLiteral("settings"))
                  .toObject()
                  .value(QStringLiteral("scoring"))
                  .toString(),
              QStringLiteral("quintiles"));

    // Good ones are saved (roubles as kopecks); asked to, the page scores with them.
    edit("rfmRecency")->setText(QStringLiteral("30, 90, 120, 150"));
    edit("rfmFrequency")->setText(QStringLiteral("2, 3, 5, 8"));
    edit("rfmMonetary")->setText(QStringLiteral("1000, 3000, 10000, 30000"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    ASSERT_TRUE(waitUntil([&] { return !dialog || !dialog->isVisible(); }))
        << (dialog ? error->text().toStdString() : std::string());
    const QJsonObject settings =
        LT::serverGet("/api/v1/rfm").value(QStringLiteral("settings")).toObject();
    EXPECT_EQ(settings.value(QStringLiteral("scoring")).toString(), QStringLiteral("thresholds"));
    EXPECT_EQ(settings.value(QStringLiteral("window_days")).toInt(), 180);
    EXPECT_EQ(settings.value(QStringLiteral("thresholds"))
                  .toObject()
                  .value(QStringLiteral("monetary"))
                  .toArray(),
              (QJsonArray{100000, 300000, 1000000, 3000000}));
    QMessageBox *ask = LT::messageBox(page);
    ASSERT_TRUE(ask);
    ask->button(QMessageBox::Yes)->click();
    ASSERT_TRUE(waitUntil([&] {
        return page->report()
                   .value(QStringLiteral("settings"))
                   .toObject()
                   .value(QStringLiteral("scoring"))
                   .toString() == QStringLiteral("thresholds");
    }));
    const QJsonObject report = LT::serverGet("/api/v1/rfm");
    EXPECT_EQ(page->report().value(QStringLiteral("grid")), report.value(QStringLiteral("grid")));
    for (const auto &v : report.value(QStringLiteral("grid")).toArray()) {
        const QJsonObject c = v.toObject();
        EXPECT_EQ(page->heatMap()->count(Ui::RfmPage::rowOf(c.value(QStringLiteral("r")).toInt()),
                                         c.value(QStringLiteral("f")).toInt() - 1),
                  c.value(QStringLiteral("count")).toInteger());
    }

    // Back to quintiles for the other tests.
    QJsonObject quintiles = settings;
    quintiles.insert(QStringLiteral("scoring"), QStringLiteral("quintiles"));
    quintiles.insert(QStringLiteral("window_days"), 365);
    EXPECT_EQ(demoServer()
                  .patch("/api/v1/rfm/settings", QJsonDocument(quintiles).toJson(),
                         LT::adminToken(demoServer()))
                  .status,
              200);
    EXPECT_EQ(demoServer().post("/api/v1/rfm/recalculate", {}, LT::adminToken(demoServer())).status,
              200);
}

TEST(SegmentScreens, NewAudienceFromTheSegmentsListPicksThatSegment) {
    ASSERT_TRUE(demoServer().ok());
    const qint64 id =
        LT::createSegment(QStringLiteral("Freeze me"),
                          LT::rule(QStringLiteral("orders_count"), QStringLiteral("gte"), 2));
    LT::SegmentDesk desk(QStringLiteral("marketer"));
    ASSERT_TRUE(desk.window);
    Ui::SegmentsPage *page = desk.segments();
    ASSERT_TRUE(LT::loadAll(page->segmentsModel()));
    ASSERT_TRUE(page->selectSegment(id));
    ASSERT_TRUE(page->action(QStringLiteral("audience"))->isEnabled());
    page->action(QStringLiteral("audience"))->trigger();
    EXPECT_EQ(desk.window->currentSection(), QStringLiteral("audiences"));
    Ui::AudiencesPage *audiences = desk.window->audiencesPage();
    ASSERT_TRUE(
        waitUntil([&] { return audiences->dialog() && audiences->dialog()->segmentsLoaded(); }));
    EXPECT_EQ(audiences->dialog()->segmentBox()->currentData().toLongLong(), id);
    EXPECT_TRUE(audiences->dialog()->nameEdit()->text().startsWith(QStringLiteral("Freeze me")));
    audiences->dialog()->reject();
}
