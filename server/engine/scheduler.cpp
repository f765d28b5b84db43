#include "scheduler.h"

#include "context.h"
#include "services/fold.h"
#include "services/points.h"
#include "services/segments.h"

#include <QDateTime>
#include <QDebug>

namespace LoyaltyDesk::Server {

namespace {
constexpr qint64 kRfmEverySeconds = 24 * 3600;
}

Scheduler::Scheduler(ServerContext &ctx, int tickSeconds) : m_ctx(ctx), m_tickSeconds(tickSeconds) {}

Scheduler::~Scheduler() { stop(); }

void Scheduler::start()
{
    m_thread = std::thread([this] {
        // The first pass waits a tick, so start-up (and a test's first requests) run alone.
        std::unique_lock lock(m_lock);
        while (!m_wake.wait_for(lock, std::chrono::seconds(m_tickSeconds), [this] { return m_stopping; })) {
            lock.unlock();
            tick();
            lock.lock();
        }
    });
}

void Scheduler::stop()
{
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

int Scheduler::tick()
{
    int ran = 0;
    // Purchases that came in since ingest last folded (it folds only while batches come).
    if (auto folded = m_ctx.fold->run(); !folded)
        qWarning().noquote() << "Folding purchases into the metrics failed:" << folded.error().message;
    else if (*folded)
        ++ran;
    ran += m_ctx.segments->recalculateDue();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (auto settled = m_ctx.points->settle(now); !settled)
        qWarning().noquote() << "Settling bonus points failed:" << settled.error().message;
    else if (settled->activated || settled->expired)
        ++ran;
    // Daily, counted from the last scoring stored, so restarts do not rescore.
    if (m_lastRfm == 0) {
        auto report = m_ctx.segments->rfmReport();
        const QString at = report ? report->value(QStringLiteral("computed_at")).toString() : QString();
        m_lastRfm = at.isEmpty() ? 1 : QDateTime::fromString(at, Qt::ISODate).toSecsSinceEpoch();
    }
    if (now - m_lastRfm >= kRfmEverySeconds) {
        m_lastRfm = now;
        auto rfm = m_ctx.segments->recalculateRfm();
        if (rfm) ++ran;
        else qWarning().noquote() << "RFM scoring failed:" << rfm.error().message;
    }
    return ran;
}

}  // namespace LoyaltyDesk::Server
