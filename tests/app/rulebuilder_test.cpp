// The segment editor and its visual rule builder, driven like a user against the
// seeded demo server: pick fields in the popup, set operators and values, nest an OR
// group with a purchase aggregate, watch the live count, undo and redo step by step,
// move a condition by a drop, see inline validation, save, reopen. Also renders
// docs/screenshots/segment-editor.png.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/language.h"
#include "models/localcache.h"
#include "models/repository.h"
#include "ui/segmenteditor.h"
#include "widgets/rulebuilder.h"
#include "widgets/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <iostream>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;
using Widgets::RuleBuilder;
using Widgets::RulePath;

namespace {

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject root(const QJsonObject &rule) {
    return rule.value(QStringLiteral("root")).toObject();
}

QJsonObject nodeAt(const QJsonObject &rule, const RulePath &path) {
    QJsonObject n = root(rule);
    for (int i : path) n = n.value(QStringLiteral("rules")).toArray().at(i).toObject();
    return n;
}

// A signed-in client, cache and repository, as the workstation composes them.
struct Client {
    QTemporaryDir dir;
    Models::ApiClient api;
    Models::LocalCache cache{dir.filePath(QStringLiteral("cache.sqlite"))};
    Models::Repository repository{&api, &cache};

    Client(LT::TestServer &server, const QString &token, const QString &user) {
        api.setBaseUrl(QUrl(server.baseUrl()));
        api.setToken(token);
        repository.setUser(user);
    }
};

class SegmentEditorTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
        Models::Language::apply(QStringLiteral("en"));
        token = demoServer().login(QStringLiteral("marketer"), LT::TestServer::demoPassword());
        ASSERT_FALSE(token.isEmpty());
        client = std::make_unique<Client>(demoServer(), token, QStringLiteral("marketer"));
        editor = std::make_unique<Ui::SegmentEditor>(&client->repository);
        editor->resize(1280, 860);
        editor->show();
        QApplication::setActiveWindow(editor.get());
        ASSERT_TRUE(waitUntil([&] { return !builder()->catalog().fields().isEmpty(); }));
    }

    RuleBuilder *builder() const { return editor->builder(); }
    QJsonObject rule() const { return builder()->rule(); }

    template <typename T>
    T *in(const RulePath &path, const QString &name) const {
        QWidget *card = builder()->card(path);
        return card ? card->findChild<T *>(name, Qt::FindDirectChildrenOnly) : nullptr;
    }

    template <typename T>
    T *deep(const RulePath &path, const QString &name) const {
        QWidget *card = builder()->card(path);
        return card ? card->findChild<T *>(name) : nullptr;
    }

    // The field picker popup: typed into and confirmed with Enter.
    bool pickField(const QString &search) {
        if (!waitUntil([] { return QApplication::activePopupWidget() != nullptr; }, 5000))
            return false;
        QWidget *popup = QApplication::activePopupWidget();
        if (popup->objectName() != QLatin1String("fieldPopup")) return false;
        auto *edit = popup->findChild<QLineEdit *>(QStringLiteral("fieldSearch"));
        QTest::keyClicks(edit, search);
        QTest::keyClick(edit, Qt::Key_Return);
        return true;
    }

    // Chooses an item of a combo box with the arrow keys, as a user would.
    static bool choose(QComboBox *combo, const QString &data) {
        const int target = combo->findData(data);
        if (target < 0) return false;
        combo->setFocus();
        for (int i = 0; i < 50 && combo->currentIndex() != target; ++i)
            QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        return combo->currentIndex() == target;
    }

    // Key presses carrying any text (QTest::keyClicks takes Latin-1 only).
    static void type(QWidget *edit, const QString &text) {
        edit->setFocus();
        for (const QChar c : text) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QApplication::sendEvent(edit, &press);
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QApplication::sendEvent(edit, &release);
        }
    }

    static void typeInto(QWidget *edit, const QString &text) {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        type(edit, text);
    }

    qint64 serverCount(const QJsonObject &r) {
        const auto res = demoServer().post("/api/v1/segments/preview",
                                           compact({{QStringLiteral("rule"), r}}), token);
        EXPECT_EQ(res.status, 200) << res.body.toStdString();
        return res.json().value(QStringLiteral("count")).toInteger(-1);
    }

    QString token;
    std::unique_ptr<Client> client;
    std::unique_ptr<Ui::SegmentEditor> editor;
};

}  // namespace

TEST_F(SegmentEditorTest, BuildsANestedRuleByTheUiCountsUndoesRedoesMovesAndSaves) {
    QList<QJsonObject> steps{rule()};
    auto step = [&](const std::function<bool(const QJsonObject &)> &done) {
        const bool ok = waitUntil([&] { return done(rule()); }, 10000);
        steps << rule();
        return ok;
    };

    // 1. Gender is one of [female]: the field from the picker, the operator, checkboxes.
    QTest::mouseClick(in<QPushButton>({}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return root(rule()).value(QStringLiteral("rules")).toArray().size() == 1; }));
    steps << rule();
    ASSERT_TRUE(pickField(QStringLiteral("gender")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {0}).value(QStringLiteral("field")) == QStringLiteral("gender");
    }));
    ASSERT_TRUE(choose(in<QComboBox>({0}, QStringLiteral("operator")), QStringLiteral("in")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {0}).value(QStringLiteral("op")) == QStringLiteral("in");
    }));
    // "is female" became "is one of [female]"; tick "male" and untick it again.
    EXPECT_EQ(nodeAt(rule(), {0}).value(QStringLiteral("value")),
              QJsonArray{QStringLiteral("female")});
    for (const auto &want : {QJsonArray{QStringLiteral("female"), QStringLiteral("male")},
                             QJsonArray{QStringLiteral("female")}}) {
        auto *male = deep<QCheckBox>({0}, QStringLiteral("male"));
        ASSERT_NE(male, nullptr);
        QTest::mouseClick(male, Qt::LeftButton, {}, QPoint(6, male->height() / 2));
        ASSERT_TRUE(step([&](const QJsonObject &r) {
            return nodeAt(r, {0}).value(QStringLiteral("value")) == want;
        }));
    }

    // 2. City is "Москва", typed: one undo step for the whole word.
    QTest::mouseClick(in<QPushButton>({}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return root(r).value(QStringLiteral("rules")).toArray().size() == 2;
    }));
    ASSERT_TRUE(pickField(QStringLiteral("city")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {1}).value(QStringLiteral("field")) == QStringLiteral("city");
    }));
    const int before = builder()->undoStack()->count();
    type(deep<QLineEdit>({1}, QStringLiteral("textValue")), QStringLiteral("Москва"));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {1}).value(QStringLiteral("value")) == QStringLiteral("Москва");
    }));
    EXPECT_EQ(builder()->undoStack()->count(), before + 1);

    // 3. A nested OR group: purchases (count in the last 365 days) >= 2, or orders >= 5.
    QTest::mouseClick(in<QPushButton>({}, QStringLiteral("addGroup")), Qt::LeftButton);
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2}).value(QStringLiteral("group")) == QStringLiteral("or");
    }));
    QTest::mouseClick(in<QPushButton>({2}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2}).value(QStringLiteral("rules")).toArray().size() == 1;
    }));
    ASSERT_TRUE(pickField(QStringLiteral("purchases")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 0}).value(QStringLiteral("field")) == QStringLiteral("purchases");
    }));
    EXPECT_EQ(nodeAt(rule(), {2, 0})
                  .value(QStringLiteral("params"))
                  .toObject()
                  .value(QStringLiteral("aggregate")),
              QStringLiteral("count"));
    ASSERT_TRUE(choose(in<QComboBox>({2, 0}, QStringLiteral("operator")), QStringLiteral("gte")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 0}).value(QStringLiteral("op")) == QStringLiteral("gte");
    }));
    typeInto(deep<QSpinBox>({2, 0}, QStringLiteral("numberValue")), QStringLiteral("2"));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 0}).value(QStringLiteral("value")).toInt() == 2;
    }));
    auto *addParam = deep<QToolButton>({2, 0}, QStringLiteral("addParam"));
    ASSERT_NE(addParam, nullptr);
    QAction *window = addParam->menu()->findChild<QAction *>(QStringLiteral("window_days"));
    ASSERT_NE(window, nullptr);
    window->trigger();
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 0})
            .value(QStringLiteral("params"))
            .toObject()
            .contains(QStringLiteral("window_days"));
    }));
    QWidget *windowBox = deep<QWidget>({2, 0}, QStringLiteral("param_window_days"));
    ASSERT_NE(windowBox, nullptr);
    typeInto(windowBox->findChild<QSpinBox *>(), QStringLiteral("365"));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 0})
                   .value(QStringLiteral("params"))
                   .toObject()
                   .value(QStringLiteral("window_days"))
                   .toInt() == 365;
    }));
    QTest::mouseClick(in<QPushButton>({2}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2}).value(QStringLiteral("rules")).toArray().size() == 2;
    }));
    ASSERT_TRUE(pickField(QStringLiteral("orders")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 1}).value(QStringLiteral("field")) == QStringLiteral("orders_count");
    }));
    ASSERT_TRUE(choose(in<QComboBox>({2, 1}, QStringLiteral("operator")), QStringLiteral("gte")));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 1}).value(QStringLiteral("op")) == QStringLiteral("gte");
    }));
    typeInto(deep<QSpinBox>({2, 1}, QStringLiteral("numberValue")), QStringLiteral("5"));
    ASSERT_TRUE(step([](const QJsonObject &r) {
        return nodeAt(r, {2, 1}).value(QStringLiteral("value")).toInt() == 5;
    }));

    const QJsonObject expected =
        QJsonDocument::fromJson(R"({"version": 1, "root": {"group": "and", "rules": [
        {"field": "gender", "op": "in", "value": ["female"]},
        {"field": "city", "op": "eq", "value": "Москва"},
        {"group": "or", "rules": [
            {"field": "purchases", "op": "gte", "value": 2, "params": {"aggregate": "count", "window_days": 365}},
            {"field": "orders_count", "op": "gte", "value": 5}]}]}})")
            .object();
    EXPECT_EQ(rule(), expected) << compact(rule()).toStdString();
    EXPECT_TRUE(builder()->isValid());

    // The live count is the server's count for this rule.
    const qint64 expectedCount = serverCount(expected);
    ASSERT_GE(expectedCount, 0);
    EXPECT_TRUE(waitUntil([&] {
        return editor->liveCount() == expectedCount &&
               editor->countStatus().startsWith(QStringLiteral("Counted"));
    })) << editor->liveCount()
        << " vs " << expectedCount << " " << editor->countStatus().toStdString();
    EXPECT_EQ(editor->findChild<QLabel *>(QStringLiteral("liveCount"))->text(),
              QLocale().toString(expectedCount));

    // Undo walks back through every step, redo forward again.
    for (int i = int(steps.size()) - 2; i >= 0; --i) {
        if (steps.at(i) == steps.at(i + 1)) continue;
        ASSERT_TRUE(builder()->undoStack()->canUndo()) << i;
        QTest::keyClick(builder(), Qt::Key_Z, Qt::ControlModifier);
        ASSERT_EQ(rule(), steps.at(i)) << "step " << i << ": " << compact(rule()).toStdString();
    }
    EXPECT_FALSE(builder()->undoStack()->canUndo());
    EXPECT_TRUE(root(rule()).value(QStringLiteral("rules")).toArray().isEmpty());
    for (int i = 1; i < steps.size(); ++i) {
        if (steps.at(i) == steps.at(i - 1)) continue;
        QTest::keyClick(builder(), i % 2 ? Qt::Key_Y : Qt::Key_Z,
                        i % 2 ? Qt::ControlModifier : Qt::ControlModifier | Qt::ShiftModifier);
        ASSERT_EQ(rule(), steps.at(i)) << "step " << i;
    }
    EXPECT_EQ(rule(), expected);

    // Drop the city condition into the OR group, before its first condition.
    {
        QWidget *group = builder()->card({2});
        QWidget *first = builder()->card({2, 0});
        const QPoint at = first->mapTo(group, QPoint(10, 4));
        QMimeData mime;
        mime.setData(QStringLiteral("application/x-loyaltydesk-rule-node"), "1");
        QDragEnterEvent enter(at, Qt::MoveAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(group, &enter);
        ASSERT_TRUE(enter.isAccepted());
        QDragMoveEvent move(at, Qt::MoveAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(group, &move);
        QDropEvent drop(QPointF(at), Qt::MoveAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(group, &drop);
    }
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), {1, 0}).value(QStringLiteral("field")) == QStringLiteral("city");
    })) << compact(rule()).toStdString();
    EXPECT_EQ(root(rule()).value(QStringLiteral("rules")).toArray().size(), 2);
    EXPECT_EQ(nodeAt(rule(), {1}).value(QStringLiteral("rules")).toArray().size(), 3);
    QTest::keyClick(builder(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(rule(), expected);
    // The API moves across levels too, and refuses to put a group inside itself.
    EXPECT_FALSE(builder()->moveNode({2}, {2}, 0));
    ASSERT_TRUE(builder()->moveNode({2, 1}, {}, 0));
    EXPECT_EQ(nodeAt(rule(), {0}).value(QStringLiteral("field")), QStringLiteral("orders_count"));
    builder()->undoStack()->undo();
    EXPECT_EQ(rule(), expected);

    // An empty "contains" is marked on its card with core's message, and blocks saving.
    ASSERT_TRUE(choose(in<QComboBox>({1}, QStringLiteral("operator")), QStringLiteral("contains")));
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), {1}).value(QStringLiteral("op")) == QStringLiteral("contains");
    }));
    QLineEdit *city = deep<QLineEdit>({1}, QStringLiteral("textValue"));
    city->setFocus();
    city->selectAll();
    QTest::keyClick(city, Qt::Key_Delete);
    ASSERT_TRUE(
        waitUntil([&] { return nodeAt(rule(), {1}).value(QStringLiteral("value")) == QString(); }));
    auto *message = in<QLabel>({1}, QStringLiteral("validationMessage"));
    EXPECT_FALSE(message->isHidden());
    EXPECT_TRUE(message->text().contains(QStringLiteral("empty"))) << message->text().toStdString();
    EXPECT_TRUE(in<QLabel>({0}, QStringLiteral("validationMessage"))->isHidden());
    EXPECT_TRUE(builder()->card({1})->property("invalid").toBool());  // the red border
    EXPECT_FALSE(builder()->card({0})->property("invalid").toBool());
    EXPECT_FALSE(builder()->isValid());
    EXPECT_TRUE(waitUntil([&] { return editor->countStatus().contains(QStringLiteral("Fix")); }));
    QTest::keyClick(builder(), Qt::Key_Z, Qt::ControlModifier);  // the deleted text
    QTest::keyClick(builder(), Qt::Key_Z, Qt::ControlModifier);  // the operator
    ASSERT_EQ(rule(), expected);
    EXPECT_TRUE(in<QLabel>({1}, QStringLiteral("validationMessage"))->isHidden());

    // Save: Ctrl+S after naming it; the server has the rule.
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("segmentName")),
                     QStringLiteral("Moscow women who buy often"));
    auto *tags = editor->findChild<Widgets::TagEditor *>(QStringLiteral("segmentTags"));
    QTest::keyClicks(tags->input(), QStringLiteral("retention"));
    QTest::keyClick(tags->input(), Qt::Key_Return);
    EXPECT_TRUE(editor->isDirty());
    qint64 savedId = 0;
    QObject::connect(editor.get(), &Ui::SegmentEditor::saved, editor.get(),
                     [&](qint64 id) { savedId = id; });
    QTest::keyClick(editor->findChild<QLineEdit *>(QStringLiteral("segmentName")), Qt::Key_S,
                    Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return savedId > 0; })) << editor->message().toStdString();
    EXPECT_FALSE(editor->isDirty());
    const QJsonObject onServer =
        demoServer().get("/api/v1/segments/" + std::to_string(savedId), token).json();
    EXPECT_EQ(onServer.value(QStringLiteral("rule")).toObject(), expected)
        << compact(onServer).toStdString();
    EXPECT_EQ(onServer.value(QStringLiteral("name")).toString(),
              QStringLiteral("Moscow women who buy often"));
    EXPECT_EQ(onServer.value(QStringLiteral("tags")).toArray(),
              QJsonArray{QStringLiteral("retention")});

    // Reopen in a fresh editor: the same rule, shown on the same cards.
    Ui::SegmentEditor reopened(&client->repository);
    reopened.show();
    reopened.openSegment(savedId);
    ASSERT_TRUE(waitUntil(
        [&] { return reopened.segmentId() == savedId && reopened.builder()->rule() == expected; }));
    ASSERT_TRUE(waitUntil([&] { return !reopened.builder()->catalog().fields().isEmpty(); }));
    auto *field =
        reopened.builder()->card({2, 0})->findChild<QPushButton *>(QStringLiteral("fieldButton"));
    EXPECT_TRUE(field->text().startsWith(QStringLiteral("Purchases")))
        << field->text().toStdString();
    EXPECT_EQ(reopened.findChild<QLineEdit *>(QStringLiteral("segmentName"))->text(),
              QStringLiteral("Moscow women who buy often"));
    EXPECT_FALSE(reopened.isDirty());
    EXPECT_FALSE(reopened.builder()->undoStack()->canUndo());
}

TEST_F(SegmentEditorTest, SqlMetacharactersTypedAsValuesAreSavedAsPlainValues) {
    const QString hostile = QStringLiteral("x'; DROP TABLE customers; -- %_\\\"");
    QTest::mouseClick(in<QPushButton>({}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(pickField(QStringLiteral("city")));
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), {0}).value(QStringLiteral("field")) == QStringLiteral("city");
    }));
    ASSERT_TRUE(choose(in<QComboBox>({0}, QStringLiteral("operator")), QStringLiteral("in")));
    ASSERT_TRUE(waitUntil(
        [&] { return deep<Widgets::TagEditor>({0}, QStringLiteral("tagEditor")) != nullptr; }));
    auto *tags = deep<Widgets::TagEditor>({0}, QStringLiteral("tagEditor"));
    tags->input()->setFocus();
    type(tags->input(), QStringLiteral("Москва"));
    QTest::keyClick(tags->input(), Qt::Key_Return);
    ASSERT_TRUE(waitUntil(
        [&] { return nodeAt(rule(), {0}).value(QStringLiteral("value")).toArray().size() == 1; }));
    tags = deep<Widgets::TagEditor>({0}, QStringLiteral("tagEditor"));
    tags->input()->setText(hostile);  // keyClicks would turn ';' into a separator
    QTest::keyClick(tags->input(), Qt::Key_Return);
    ASSERT_TRUE(waitUntil(
        [&] { return nodeAt(rule(), {0}).value(QStringLiteral("value")).toArray().size() == 2; }));
    QTest::mouseClick(in<QPushButton>({}, QStringLiteral("addCondition")), Qt::LeftButton);
    ASSERT_TRUE(pickField(QStringLiteral("last name")));
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), {1}).value(QStringLiteral("field")) == QStringLiteral("last_name");
    }));
    QTest::keyClicks(deep<QLineEdit>({1}, QStringLiteral("textValue")),
                     QStringLiteral("O'Brien\" OR 1=1 --"));
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), {1}).value(QStringLiteral("value")) ==
               QStringLiteral("O'Brien\" OR 1=1 --");
    }));
    EXPECT_EQ(nodeAt(rule(), {0}).value(QStringLiteral("value")).toArray(),
              (QJsonArray{QStringLiteral("Москва"), hostile}));

    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("segmentName")),
                     QStringLiteral("Robert'); DROP TABLE segments;--"));
    qint64 savedId = 0;
    QObject::connect(editor.get(), &Ui::SegmentEditor::saved, editor.get(),
                     [&](qint64 id) { savedId = id; });
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveSegment")),
                      Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return savedId > 0; })) << editor->message().toStdString();
    const QJsonObject onServer =
        demoServer().get("/api/v1/segments/" + std::to_string(savedId), token).json();
    EXPECT_EQ(onServer.value(QStringLiteral("name")).toString(),
              QStringLiteral("Robert'); DROP TABLE segments;--"));
    EXPECT_EQ(onServer.value(QStringLiteral("rule")).toObject(), rule());
    // Matched as text: nobody lives in that "city", and every table is still there.
    EXPECT_EQ(serverCount(rule()), 0);
    const QJsonObject everyone{
        {QStringLiteral("version"), 1},
        {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                             {QStringLiteral("rules"), QJsonArray()}}}};
    EXPECT_EQ(serverCount(everyone), LT::DemoCustomers);
    EXPECT_EQ(demoServer().get("/api/v1/segments?limit=1", token).status, 200);
}

TEST_F(SegmentEditorTest, SkuAndCategoryFiltersSuggestFromTheProductCatalog) {
    const QJsonObject product = demoServer()
                                    .get("/api/v1/products?limit=1", token)
                                    .json()
                                    .value(QStringLiteral("items"))
                                    .toArray()
                                    .first()
                                    .toObject();
    const QString sku = product.value(QStringLiteral("sku")).toString();
    const QString category = product.value(QStringLiteral("category")).toString();
    ASSERT_FALSE(sku.isEmpty());
    const RulePath path = builder()->addCondition({}, QStringLiteral("purchases"));
    ASSERT_TRUE(
        waitUntil([&] { return deep<QToolButton>(path, QStringLiteral("addParam")) != nullptr; }));

    // Adds the filter from the "+ Filter" menu, types part of a value, picks the first suggestion.
    auto pick = [&](const QString &param, const QString &typed, const QString &expected) {
        QAction *add = deep<QToolButton>(path, QStringLiteral("addParam"))
                           ->menu()
                           ->findChild<QAction *>(param);
        if (!add) return ::testing::AssertionFailure() << "no filter " << param.toStdString();
        add->trigger();
        if (!waitUntil(
                [&] { return deep<QWidget>(path, QStringLiteral("param_") + param) != nullptr; }))
            return ::testing::AssertionFailure() << "the filter did not appear";
        auto *tags = deep<QWidget>(path, QStringLiteral("param_") + param)
                         ->findChild<Widgets::TagEditor *>();
        type(tags->input(), typed);
        QAbstractItemView *popup = nullptr;
        if (!waitUntil([&] {
                popup = tags->input()->completer() ? tags->input()->completer()->popup() : nullptr;
                return popup && popup->isVisible() && popup->model()->rowCount() > 0;
            }))
            return ::testing::AssertionFailure() << "no suggestions for " << typed.toStdString();
        const QString shown = popup->model()->index(0, 0).data().toString();
        popup->setCurrentIndex(popup->model()->index(0, 0));
        QTest::keyClick(popup, Qt::Key_Return);
        if (!waitUntil([&] {
                return nodeAt(rule(), path)
                           .value(QStringLiteral("params"))
                           .toObject()
                           .value(param) == QJsonArray{expected};
            }))
            return ::testing::AssertionFailure()
                   << compact(rule()).toStdString() << " after picking " << shown.toStdString();
        return ::testing::AssertionSuccess();
    };
    EXPECT_TRUE(pick(QStringLiteral("sku"), sku, sku));
    EXPECT_TRUE(pick(QStringLiteral("category"), category, category));
    EXPECT_TRUE(builder()->isValid());
    const QJsonObject params = nodeAt(rule(), path).value(QStringLiteral("params")).toObject();
    EXPECT_EQ(params.value(QStringLiteral("aggregate")), QStringLiteral("count"));
    // The server counts the picked filters as a buyer of that product.
    EXPECT_TRUE(waitUntil([&] {
        return editor->liveCount() == serverCount(rule()) &&
               editor->countStatus().startsWith(QStringLiteral("Counted"));
    }));
}

TEST_F(SegmentEditorTest, MemberOfSegmentListsTheSavedSegmentsToTick) {
    const QJsonObject women{
        {QStringLiteral("name"), QStringLiteral("Women (picker test)")},
        {QStringLiteral("rule"),
         QJsonDocument::fromJson(R"({"version": 1, "root": {"group": "and", "rules": [
             {"field": "gender", "op": "eq", "value": "female"}]}})")
             .object()}};
    const auto created = demoServer().post("/api/v1/segments", compact(women), token);
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    const RulePath path = builder()->addCondition({}, QStringLiteral("segment"));
    QCheckBox *box = nullptr;
    ASSERT_TRUE(waitUntil([&] {
        box = deep<QCheckBox>(path, QString::number(id));
        return box != nullptr;
    }));
    EXPECT_EQ(box->text(), QStringLiteral("Women (picker test)"));
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    ASSERT_TRUE(waitUntil([&] {
        return nodeAt(rule(), path).value(QStringLiteral("value")) == QJsonArray{id};
    })) << compact(rule()).toStdString();
    EXPECT_TRUE(builder()->isValid());
    // The same members as the referenced segment's own rule.
    EXPECT_EQ(serverCount(rule()), serverCount(women.value(QStringLiteral("rule")).toObject()));
    EXPECT_TRUE(waitUntil([&] { return editor->liveCount() == serverCount(rule()); }));
}

TEST_F(SegmentEditorTest, ClosingWithUnsavedChangesAsksFirst) {
    builder()->addCondition({}, QStringLiteral("city"));
    ASSERT_TRUE(editor->isDirty());
    bool closed = false;
    QObject::connect(editor.get(), &Ui::SegmentEditor::closed, editor.get(),
                     [&] { closed = true; });
    auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(50, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr);
            EXPECT_EQ(box->objectName(), QStringLiteral("unsavedChanges"));
            QTest::mouseClick(box->button(button), Qt::LeftButton);
        });
    };
    answer(QMessageBox::Cancel);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("closeSegment")),
                      Qt::LeftButton);
    EXPECT_FALSE(closed);
    EXPECT_TRUE(editor->isDirty());
    answer(QMessageBox::Discard);
    EXPECT_TRUE(editor->requestClose());
    EXPECT_TRUE(closed);
    // Nothing unsaved: closes without asking.
    closed = false;
    editor->newSegment();
    EXPECT_TRUE(editor->requestClose());
    EXPECT_TRUE(closed);
}

TEST_F(SegmentEditorTest, InRussianTheCardsAndCoreMessagesAreRussian) {
    const QJsonObject broken =
        QJsonDocument::fromJson(R"({"version": 1, "root": {"group": "and", "rules": [
        {"field": "city", "op": "contains", "value": ""},
        {"field": "purchases", "op": "gte", "value": 1, "params": {"window_days": 0}}]}})")
            .object();
    builder()->setRule(broken);
    Models::Language::apply(QStringLiteral("ru"));
    ASSERT_TRUE(waitUntil([&] {
        return in<QPushButton>({}, QStringLiteral("addCondition"))->text() ==
               QStringLiteral("+ Условие");
    }));
    EXPECT_TRUE(in<QPushButton>({0}, QStringLiteral("fieldButton"))
                    ->text()
                    .startsWith(QStringLiteral("Город")));
    EXPECT_EQ(in<QLabel>({0}, QStringLiteral("validationMessage"))->text(),
              QStringLiteral("Не указан текст для поиска."));
    const QString purchases = in<QLabel>({1}, QStringLiteral("validationMessage"))->text();
    EXPECT_TRUE(purchases.contains(QStringLiteral("Нужно указать «Показатель».")))
        << purchases.toStdString();
    EXPECT_TRUE(purchases.contains(QStringLiteral("За последние N дней: Не меньше 1.")))
        << purchases.toStdString();
    EXPECT_EQ(editor->findChild<QPushButton *>(QStringLiteral("saveSegment"))->text(),
              QStringLiteral("&Сохранить"));
    Models::Language::apply(QStringLiteral("en"));
    EXPECT_TRUE(waitUntil([&] {
        return in<QLabel>({0}, QStringLiteral("validationMessage"))->text() ==
               QStringLiteral("The text to look for is empty.");
    }));
}

TEST_F(SegmentEditorTest, TheLargestRuleLoadsAndEditsInReasonableTime) {
    // 300 conditions (core's limit) in 30 nested groups of 10.
    QJsonArray groups;
    for (int g = 0; g < 30; ++g) {
        QJsonArray rules;
        for (int i = 0; i < 10; ++i)
            rules.append(QJsonObject{
                {QStringLiteral("field"),
                 i % 2 ? QStringLiteral("city") : QStringLiteral("orders_count")},
                {QStringLiteral("op"), i % 2 ? QStringLiteral("eq") : QStringLiteral("gte")},
                {QStringLiteral("value"),
                 i % 2 ? QJsonValue(QStringLiteral("Казань")) : QJsonValue(i)}});
        groups.append(QJsonObject{{QStringLiteral("group"), QStringLiteral("or")},
                                  {QStringLiteral("rules"), rules}});
    }
    const QJsonObject big{
        {QStringLiteral("version"), 1},
        {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                             {QStringLiteral("rules"), groups}}}};
    QElapsedTimer timer;
    timer.start();
    builder()->setRule(big);
    QApplication::processEvents();
    const qint64 loadMs = timer.elapsed();
    EXPECT_TRUE(builder()->isValid());
    EXPECT_NE(builder()->card({29, 9}), nullptr);
    timer.restart();
    builder()->setOperator({29, 9}, QStringLiteral("neq"));  // rebuilds every card
    QApplication::processEvents();
    const qint64 editMs = timer.elapsed();
    timer.restart();
    auto *edit = deep<QLineEdit>({29, 9}, QStringLiteral("textValue"));
    type(edit, QStringLiteral("ь"));  // typing validates, without rebuilding
    const qint64 keyMs = timer.elapsed();
    EXPECT_EQ(nodeAt(rule(), {29, 9}).value(QStringLiteral("value")), QStringLiteral("Казаньь"));
    RecordProperty("load_ms", int(loadMs));
    RecordProperty("structural_edit_ms", int(editMs));
    RecordProperty("keystroke_ms", int(keyMs));
    std::cout << "300 conditions: load " << loadMs << " ms, structural edit " << editMs
              << " ms, keystroke " << keyMs << " ms\n";
    EXPECT_LT(keyMs, 250);
    EXPECT_LT(editMs, 3000);
}

TEST(SegmentEditorOffline, TheCountSaysWhenTheServerIsGone) {
    LT::TestServer server;  // its own, since this test stops it
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    Client client(server, LT::adminToken(server), QStringLiteral("admin"));
    Ui::SegmentEditor editor(&client.repository);
    editor.show();
    ASSERT_TRUE(waitUntil([&] { return !editor.builder()->catalog().fields().isEmpty(); }));
    editor.builder()->addCondition({}, QStringLiteral("has_email"));
    ASSERT_TRUE(waitUntil([&] {
        return editor.liveCount() == 0 &&
               editor.countStatus().startsWith(QStringLiteral("Counted"));
    })) << editor.countStatus().toStdString();
    server.stop();
    editor.builder()->setOperator({0}, QStringLiteral("is_false"));
    EXPECT_TRUE(waitUntil([&] {
        return editor.countStatus().startsWith(QStringLiteral("Offline"));
    })) << editor.countStatus().toStdString();
    // Saving says so too.
    editor.findChild<QLineEdit *>(QStringLiteral("segmentName"))
        ->setText(QStringLiteral("No e-mail"));
    editor.save();
    EXPECT_TRUE(waitUntil([&] { return editor.message().startsWith(QStringLiteral("Offline")); }))
        << editor.message().toStdString();
}

TEST(SegmentEditorTimeLimit, ACountStoppedByTheServersLimitSaysSoNotThatItFailed) {
    // A server of its own whose counts may run for 1 ms only (serve --segment-time-limit-ms).
    LT::TestServer::Options o;
    o.seedCustomers = 400;
    o.serveArgs = {QStringLiteral("--no-scheduler"), QStringLiteral("--segment-time-limit-ms"),
                   QStringLiteral("1")};
    LT::TestServer server(o);
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    Models::Language::apply(QStringLiteral("en"));
    Client client(server, server.login(QStringLiteral("marketer"), LT::TestServer::demoPassword()),
                  QStringLiteral("marketer"));
    Ui::SegmentEditor editor(&client.repository);
    editor.resize(1280, 860);
    editor.show();
    ASSERT_TRUE(waitUntil([&] { return !editor.builder()->catalog().fields().isEmpty(); }));
    // Purchases of a product, e-mails not opened, site visits: more than 1 ms of work.
    editor.builder()->setRule(QJsonDocument::fromJson(R"({"version": 1, "root": {"group": "or", "rules": [
        {"field": "purchases", "op": "gte", "value": 1, "params": {"aggregate": "count", "product": "a"}},
        {"field": "not_opened_last", "op": "is_false", "params": {"n": 2}},
        {"field": "site_visit", "op": "gte", "value": 0, "params": {"section": "x"}}]}})")
                                  .object());
    ASSERT_TRUE(editor.builder()->isValid());
    EXPECT_TRUE(waitUntil([&] { return editor.countStatus().startsWith(QStringLiteral("Counting took")); }))
        << editor.countStatus().toStdString();
    EXPECT_EQ(editor.countStatus(),
              QStringLiteral("Counting took too long and was stopped. Narrow the rule (a shorter time "
                             "window, fewer nested groups) and try again."));
    EXPECT_FALSE(editor.countStatus().contains(QStringLiteral("failed")));
}

TEST_F(SegmentEditorTest, ScreenshotOfANestedRuleWithItsLiveCount) {
    Widgets::Theme::apply(Models::AppSettings::Theme::Light);
    const QString dir = QStringLiteral(LD_SCREENSHOT_DIR);
    ASSERT_TRUE(QDir().mkpath(dir));
    const QJsonObject realistic =
        QJsonDocument::fromJson(R"({"version": 1, "root": {"group": "and", "rules": [
        {"field": "gender", "op": "in", "value": ["female"]},
        {"field": "age", "op": "between", "value": [25, 45]},
        {"field": "subscribed", "op": "is_true", "params": {"channel": "email"}},
        {"group": "or", "rules": [
            {"field": "purchases", "op": "gte", "value": 2, "params": {"aggregate": "count", "window_days": 180}},
            {"field": "average_order_value", "op": "gte", "value": 150000},
            {"field": "rfm_group", "op": "in", "value": ["champions", "loyal"]}]},
        {"group": "and", "not": true, "rules": [
            {"field": "last_purchase_at", "op": "in_last_days", "value": 7}]}]}})")
            .object();
    editor->findChild<QLineEdit *>(QStringLiteral("segmentName"))
        ->setText(QStringLiteral("Engaged women 25–45"));
    editor->findChild<Widgets::TagEditor *>(QStringLiteral("segmentTags"))
        ->setValues({QStringLiteral("email"), QStringLiteral("retention")});
    builder()->setRule(realistic);
    editor->countNow();
    const qint64 expected = serverCount(realistic);
    ASSERT_TRUE(waitUntil([&] {
        return editor->liveCount() == expected &&
               editor->countStatus().startsWith(QStringLiteral("Counted"));
    }));
    EXPECT_TRUE(builder()->isValid());
    editor->resize(1320, 900);
    QApplication::processEvents();
    QTest::qWait(200);
    const QPixmap pixmap = editor->grab();
    ASSERT_FALSE(pixmap.isNull());
    ASSERT_TRUE(pixmap.save(dir + QStringLiteral("/segment-editor.png")));

    // The field picker over the editor, searching "purchase" (a popup is its own window).
    QWidget *popup = builder()->openFieldPicker({3, 0});
    ASSERT_NE(popup, nullptr);
    type(popup->findChild<QLineEdit *>(QStringLiteral("fieldSearch")), QStringLiteral("purchase"));
    QApplication::processEvents();
    QTest::qWait(150);
    QPixmap composed = editor->grab();
    {
        QPainter painter(&composed);
        const QPoint at = popup->mapToGlobal(QPoint(0, 0)) - editor->mapToGlobal(QPoint(0, 0));
        painter.setPen(QColor(0, 0, 0, 40));
        painter.drawRect(QRect(at, popup->size()).adjusted(-1, -1, 0, 0));
        painter.drawPixmap(at, popup->grab());
    }
    ASSERT_TRUE(composed.save(dir + QStringLiteral("/segment-field-picker.png")));
    popup->close();

    // In Russian.
    Models::Language::apply(QStringLiteral("ru"));
    ASSERT_TRUE(waitUntil([&] {
        return in<QPushButton>({}, QStringLiteral("addCondition"))->text() ==
               QStringLiteral("+ Условие");
    }));
    editor->countNow();
    ASSERT_TRUE(waitUntil([&] {
        return editor->liveCount() == expected &&
               editor->countStatus().startsWith(QStringLiteral("Подсчитано"));
    }));
    QTest::qWait(150);
    const QPixmap russian = editor->grab();
    Models::Language::apply(QStringLiteral("en"));
    ASSERT_TRUE(russian.save(dir + QStringLiteral("/segment-editor-ru.png")));
}
