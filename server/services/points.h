#pragma once

#include "storage/database.h"

namespace LoyaltyDesk::Server {

// Moves bonus points along their lives once their dates pass: pending accruals become
// active on their activation date (the account's pending balance moves to the active
// one), and what is left of an accrual on its expiry date burns (an "expiry" row in
// the ledger, taken off the active balance). What is left is found by replaying the
// account's ledger: points are spent from the accruals that expire first, as the
// programme's rules have it; points already spent never burn. Purchases not folded yet
// have no ledger rows: settling folds first (fold.h).
class MetricsFold;

class PointsService final {
public:
    PointsService(Database &db, MetricsFold &fold);

    struct Settled {
        int activated = 0;     // accruals that became active
        int expired = 0;       // accruals that expired
    };
    // Everything due by `now`, in transactions of at most a few thousand rows.
    Result<Settled> settle(qint64 now);

private:
    Result<int> activate(qint64 now, Settled &out);
    Result<int> expire(qint64 now, Settled &out);

    Database &m_db;
    MetricsFold &m_fold;
};

}  // namespace LoyaltyDesk::Server
