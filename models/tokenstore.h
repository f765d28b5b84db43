#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace LoyaltyDesk::Models {

// Keeps session tokens in the system keychain (QtKeychain: Secret Service, KWallet,
// macOS Keychain, Windows Credential Store). When no keychain service runs (a bare X
// session, offscreen tests) it falls back to a file only the user can read in the
// app's config folder, and says so through usingFallback().
class TokenStore final : public QObject {
    Q_OBJECT
public:
    explicit TokenStore(const QString &service = QStringLiteral("LoyaltyDesk"), QObject *parent = nullptr);

    // `account` is "user@server".
    void save(const QString &account, const QString &token, const QObject *context, std::function<void()> done);
    void load(const QString &account, const QObject *context, std::function<void(QString)> callback);
    void remove(const QString &account);

    bool usingFallback() const { return m_fallback; }
    static QString fallbackPath();
    static constexpr int KeychainTimeoutMs = 3000;

private:
    void saveFallback(const QString &account, const QString &token);
    QString loadFallback(const QString &account) const;
    void removeFallback(const QString &account);

    QString m_service;
    bool m_fallback = false;
};

}  // namespace LoyaltyDesk::Models
