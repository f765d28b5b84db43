#pragma once

#include "core/phone.h"
#include "http/router.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace LoyaltyDesk::Server {

class CardDirectory;
class MetricsFold;

// Batch ingest of receipts and events from cash registers and websites. Each record
// carries an external id; a repeated id is answered as already accepted and stored
// once. Records that fail validation are reported with their index and reasons; the
// rest of the batch is stored.
class IngestService final {
public:
    static constexpr int kMaxBatch = 5000;

    IngestService(Database &db, const Core::PhoneNormalizer &phones, MetricsFold &fold);
    ~IngestService();

    Result<QJsonObject> receipts(const Principal &who, const QJsonValue &body);
    Result<QJsonObject> events(const Principal &who, const QJsonValue &body);

private:
    Database &m_db;
    const Core::PhoneNormalizer &m_phones;
    MetricsFold &m_fold;
    std::unique_ptr<CardDirectory> m_cards;  // SQLite only (carddirectory.h)
};

}  // namespace LoyaltyDesk::Server
