#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace LoyaltyDesk::Models {

namespace {

// Runs `finish` once: when the job ends or when the keychain does not answer in time.
template <typename Job>
void runJob(Job *job, QObject *owner, std::function<void(bool ok, Job *job)> finish)
{
    auto done = std::make_shared<bool>(false);
    auto once = [done, finish](bool ok, Job *j) {
        if (*done) return;
        *done = true;
        finish(ok, j);
    };
    QObject::connect(job, &QKeychain::Job::finished, owner, [once, job] {
        once(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound, job);
    });
    QTimer::singleShot(TokenStore::KeychainTimeoutMs, owner, [once] { once(false, nullptr); });
    job->setAutoDelete(true);
    job->start();
}

}  // namespace

TokenStore::TokenStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

QString TokenStore::fallbackPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/session-tokens.ini");
}

void TokenStore::saveFallback(const QString &account, const QString &token)
{
    const QString path = fallbackPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSettings s(path, QSettings::IniFormat);
        s.setValue(QStringLiteral("tokens/") + QString::fromLatin1(account.toUtf8().toBase64(QByteArray::Base64UrlEncoding)), token);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString TokenStore::loadFallback(const QString &account) const
{
    QSettings s(fallbackPath(), QSettings::IniFormat);
    return s.value(QStringLiteral("tokens/") + QString::fromLatin1(account.toUtf8().toBase64(QByteArray::Base64UrlEncoding))).toString();
}

void TokenStore::removeFallback(const QString &account)
{
    if (!QFileInfo::exists(fallbackPath())) return;
    QSettings s(fallbackPath(), QSettings::IniFormat);
    s.remove(QStringLiteral("tokens/") + QString::fromLatin1(account.toUtf8().toBase64(QByteArray::Base64UrlEncoding)));
}

void TokenStore::save(const QString &account, const QString &token, const QObject *context, std::function<void()> done)
{
    QPointer<const QObject> guard(context);
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account);
    job->setTextData(token);
    runJob<QKeychain::WritePasswordJob>(job, this, [this, account, token, guard, done](bool ok, QKeychain::WritePasswordJob *) {
        m_fallback = !ok;
        if (ok)
            removeFallback(account);
        else
            saveFallback(account, token);
        if (guard) done();
    });
}

void TokenStore::load(const QString &account, const QObject *context, std::function<void(QString)> callback)
{
    QPointer<const QObject> guard(context);
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account);
    runJob<QKeychain::ReadPasswordJob>(job, this, [this, account, guard, callback](bool ok, QKeychain::ReadPasswordJob *j) {
        QString token = ok && j ? j->textData() : QString();
        if (!ok) m_fallback = true;
        if (token.isEmpty()) token = loadFallback(account);
        if (guard) callback(token);
    });
}

void TokenStore::remove(const QString &account)
{
    removeFallback(account);
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account);
    runJob<QKeychain::DeletePasswordJob>(job, this, [](bool, QKeychain::DeletePasswordJob *) {});
}

}  // namespace LoyaltyDesk::Models
