#pragma once

// What the segment screen suites share: a signed-in main window of a demo user, and
// segments made on the demo server through its API.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/localcache.h"
#include "models/repository.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <memory>

class QMessageBox;

namespace LoyaltyDesk::Models {
class PagedModel;
}
namespace LoyaltyDesk::Ui {
class SegmentsPage;
}

namespace LoyaltyDesk::Test {

struct SegmentDesk {
    QTemporaryDir dir;
    Models::ApiClient api;
    Models::LocalCache cache{dir.filePath(QStringLiteral("cache.sqlite"))};
    Models::Repository repository{&api, &cache};
    std::unique_ptr<Ui::MainWindow> window;  // null when sign-in failed

    explicit SegmentDesk(const QString &user);
    // Shows the Segments section (it loads then).
    Ui::SegmentsPage *segments() const;
};

// {"version": 1, "root": {"group": "and", "rules": [{field, op, value}]}}
QJsonObject rule(const QString &field, const QString &op, const QJsonValue &value);
// Saves a segment as the administrator and calculates it; its id, or 0.
qint64 createSegment(const QString &name, const QJsonObject &rule, const QJsonArray &tags = {},
                     int recalcMinutes = 360);
QJsonObject serverGet(const std::string &path);
QJsonArray serverItems(const std::string &path);
// Waits for the first page, then fetches the rest as a scrolling view would.
bool loadAll(Models::PagedModel *model);
// The message box `parent` shows, once it is there.
QMessageBox *messageBox(QWidget *parent, int timeoutMs = 5000);

}  // namespace LoyaltyDesk::Test
