#pragma once

#include "core/segments/rule.h"
#include "http/router.h"
#include "fold.h"
#include "paging.h"
#include "storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <memory>

namespace LoyaltyDesk::Server {

// Saved segments (rule, materialized members, metrics history, who entered and left),
// previews with a time limit and cancellation, RFM scoring, and target audiences.
class SegmentService final {
public:
    // `previewTimeLimitMs`: how long a preview may count when its request names no
    // `timeout_ms` (`serve --segment-time-limit-ms`).
    SegmentService(Database &db, MetricsFold &fold, qint64 previewTimeLimitMs);

    // The field catalog with the tiers and custom attributes that exist now.
    Result<Core::Segments::Catalog> catalog();
    Result<Core::Segments::Rule> parseRule(const QJsonValue &json, std::optional<qint64> savingSegment = std::nullopt);

    Result<QJsonObject> preview(const QJsonObject &body);
    Result<void> cancelPreview(const QString &requestId);

    Result<Page> list(const QString &search, const PageRequest &page);
    Result<QJsonObject> get(qint64 id);
    Result<QJsonObject> create(const Principal &who, const QJsonObject &body);
    Result<QJsonObject> update(const Principal &who, qint64 id, const QJsonObject &body);
    Result<void> remove(const Principal &who, qint64 id);
    Result<QJsonObject> duplicate(const Principal &who, qint64 id);
    // Materializes the members, records who entered and left, and the metrics.
    Result<QJsonObject> recalculate(qint64 id, const QString &reason);
    // Recalculates every segment whose schedule is due. Returns how many ran.
    int recalculateDue();
    Result<Page> members(qint64 id, const PageRequest &page);
    Result<Page> history(qint64 id, const PageRequest &page);
    Result<Page> changes(qint64 id, const QString &kind, const PageRequest &page);
    Result<QByteArray> exportMembers(const QString &table, const QString &column, qint64 id);

    // The product catalog for the rule builder's pickers: products whose name or SKU
    // contains `search`, and product categories with how many products each has.
    Result<Page> products(const QString &search, int limit);
    Result<Page> productCategories(const QString &search, int limit);

    // RFM.
    Result<QJsonObject> rfmSettings();
    Result<QJsonObject> updateRfmSettings(const Principal &who, const QJsonObject &body);
    Result<QJsonObject> recalculateRfm();
    Result<QJsonObject> rfmReport();
    // The scored customers of one recency x frequency cell ("4", "5") or of one group.
    Result<Page> rfmCustomers(const QString &r, const QString &f, const QString &group, const PageRequest &page);

    // Target audiences: static snapshots.
    Result<QJsonObject> createAudience(const Principal &who, const QJsonObject &body);
    Result<Page> audiences(const PageRequest &page);
    Result<QJsonObject> audience(qint64 id);
    Result<void> removeAudience(const Principal &who, qint64 id);
    Result<Page> audienceMembers(qint64 id, const PageRequest &page);

private:
    Result<QJsonObject> segmentIn(const QSqlDatabase &conn, qint64 id);
    Result<Page> memberPage(const QString &table, const QString &column, qint64 id, const PageRequest &page);
    // Customers (with phone, e-mail and totals) of `table` rows matching `where` (on m.).
    Result<Page> customerPage(const QString &table, const QString &where, const QVariantList &binds, const PageRequest &page);
    Result<QString> compileWhere(const Core::Segments::Rule &rule, QVariantList *binds, std::optional<qint64> saving = std::nullopt);
    Result<QJsonObject> readSegmentBody(const QJsonObject &body, bool creating, std::optional<qint64> id);

    // Folds new purchases into the metrics and balances that rules and reports read over
    // the whole base (fold.h).
    Result<void> upToDate();

    Database &m_db;
    MetricsFold &m_fold;
    qint64 m_previewTimeLimitMs;
    QMutex m_catalogLock;
    std::optional<Core::Segments::Catalog> m_catalog;
    qint64 m_catalogAt = 0;
    QMutex m_previewLock;
    struct Running {
        std::shared_ptr<std::atomic<bool>> cancelled;
        qint64 backendPid = 0;
    };
    QHash<QString, Running> m_previews;
    QMutex m_recalcLock;  // one recalculation at a time per process
};

}  // namespace LoyaltyDesk::Server
