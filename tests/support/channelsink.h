#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace LoyaltyDesk::Test {

// tests/server/channel_sinks.py on a free loopback port: a real SMTP server
// (python3-aiosmtpd) or an HTTP JSON provider that keeps what it receives.
class ChannelSink final {
public:
    enum class Kind { Smtp, Http };
    // For SMTP, `auth` "user:password" makes the server require AUTH.
    explicit ChannelSink(Kind kind, const QString &auth = {});
    ~ChannelSink();
    ChannelSink(const ChannelSink &) = delete;
    ChannelSink &operator=(const ChannelSink &) = delete;

    int port() const { return m_port; }
    // The n-th message or request received (1-based), waiting up to 10 s for it.
    QJsonObject received(int n);
    int count() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

}  // namespace LoyaltyDesk::Test
