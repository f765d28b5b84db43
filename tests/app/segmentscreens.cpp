#include "segmentscreens.h"

#include "models/pagedmodel.h"
#include "ui/segmentspage.h"

#include <QJsonDocument>
#include <QMessageBox>

#include <gtest/gtest.h>

namespace LoyaltyDesk::Test {

SegmentDesk::SegmentDesk(const QString &user) {
    api.setBaseUrl(QUrl(demoServer().baseUrl()));
    std::optional<Models::Session> session;
    // A fresh test server has answered the first sign-in with a 500 now and then.
    for (int attempt = 0; attempt < 3 && !session; ++attempt) {
        bool done = false;
        api.login(user, passwordOf(user), &api, [&](Core::Result<Models::Session> r) {
            done = true;
            if (r) session = *r;
        });
        waitUntil([&] { return done; });
    }
    if (!session) return;
    repository.setUser(user);
    window = std::make_unique<Ui::MainWindow>(&repository, *session);
    window->resize(1366, 860);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        ADD_FAILURE() << "the window did not become active";
}

Ui::SegmentsPage *SegmentDesk::segments() const {
    window->showSection(QStringLiteral("segments"));
    return window->segmentsPage();
}

QJsonObject rule(const QString &field, const QString &op, const QJsonValue &value) {
    return QJsonObject{{QStringLiteral("version"), 1},
                       {QStringLiteral("root"),
                        QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                    {QStringLiteral("rules"),
                                     QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                            {QStringLiteral("op"), op},
                                                            {QStringLiteral("value"), value}}}}}}};
}

qint64 createSegment(const QString &name, const QJsonObject &rule, const QJsonArray &tags,
                     int recalcMinutes) {
    TestServer &server = demoServer();
    const QString token = adminToken(server);
    const QJsonObject body{{QStringLiteral("name"), name},
                           {QStringLiteral("rule"), rule},
                           {QStringLiteral("tags"), tags},
                           {QStringLiteral("recalc_minutes"), recalcMinutes}};
    const HttpResult created = server.post("/api/v1/segments", QJsonDocument(body).toJson(), token);
    if (created.status != 201) {
        ADD_FAILURE() << created.body.toStdString();
        return 0;
    }
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    const HttpResult run =
        server.post("/api/v1/segments/" + std::to_string(id) + "/recalculate", {}, token);
    if (run.status != 200) ADD_FAILURE() << run.body.toStdString();
    return id;
}

QJsonObject serverGet(const std::string &path) {
    return demoServer().get(path, adminToken(demoServer())).json();
}

QJsonArray serverItems(const std::string &path) {
    return serverGet(path).value(QStringLiteral("items")).toArray();
}

bool loadAll(Models::PagedModel *model) {
    if (!waitUntil([&] { return model->hasLoaded() && !model->isLoading(); })) return false;
    while (model->canFetchMore({})) {
        model->fetchMore({});
        if (!waitUntil([&] { return !model->isLoading(); })) return false;
    }
    return model->errorMessage().isEmpty();
}

QMessageBox *messageBox(QWidget *parent, int timeoutMs) {
    QMessageBox *found = nullptr;
    waitUntil(
        [&] {
            for (auto *box : parent->findChildren<QMessageBox *>())
                if (box->isVisible()) found = box;
            return found != nullptr;
        },
        timeoutMs);
    return found;
}

}  // namespace LoyaltyDesk::Test
