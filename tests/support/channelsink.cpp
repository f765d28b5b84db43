#include "channelsink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

namespace LoyaltyDesk::Test {

ChannelSink::ChannelSink(Kind kind, const QString &auth)
{
    QStringList args{QStringLiteral(LD_CHANNEL_SINKS), kind == Kind::Smtp ? QStringLiteral("smtp") : QStringLiteral("http"), m_dir.path()};
    if (!auth.isEmpty()) args << QStringLiteral("--auth") << auth;
    // Debian's interpreter: python3-aiosmtpd is installed for it.
    m_process.setProgram(QStringLiteral("/usr/bin/python3"));
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (!out.contains('\n') && t.elapsed() < 15000 && m_process.waitForReadyRead(500)) out += m_process.readAll();
    const auto m = QRegularExpression(QStringLiteral("PORT (\\d+)")).match(QString::fromLatin1(out));
    if (m.hasMatch()) m_port = m.captured(1).toInt();
}

ChannelSink::~ChannelSink()
{
    m_process.kill();
    m_process.waitForFinished(3000);
}

QJsonObject ChannelSink::received(int n)
{
    const QString path = m_dir.filePath(QStringLiteral("%1.json").arg(n, 3, 10, QLatin1Char('0')));
    QElapsedTimer t;
    t.start();
    while (!QFile::exists(path) && t.elapsed() < 10000) QThread::msleep(20);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int ChannelSink::count() const { return int(QDir(m_dir.path()).entryList({QStringLiteral("*.json")}).size()); }

}  // namespace LoyaltyDesk::Test
