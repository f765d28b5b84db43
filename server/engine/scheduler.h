#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace LoyaltyDesk::Server {

class ServerContext;

// Runs background jobs on their own thread: segment recalculation when a segment's
// schedule is due, bonus points activating and expiring, and the daily RFM scoring.
class Scheduler final {
public:
    explicit Scheduler(ServerContext &ctx, int tickSeconds = 30);
    ~Scheduler();
    void start();
    void stop();
    // One pass of everything that is due; returns the number of jobs run.
    int tick();

private:
    ServerContext &m_ctx;
    int m_tickSeconds;
    qint64 m_lastRfm = 0;
    std::thread m_thread;
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

}  // namespace LoyaltyDesk::Server
