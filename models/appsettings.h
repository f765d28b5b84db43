#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

namespace LoyaltyDesk::Models {

// The user's preferences, kept with QSettings. Secrets never go here (TokenStore).
class AppSettings final {
public:
    enum class Theme { System, Light, Dark };

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString lastUsername() const;
    void setLastUsername(const QString &username);
    QString language() const;  // "" = follow the system
    void setLanguage(const QString &code);
    int cacheLimitMb() const;
    void setCacheLimitMb(int megabytes);
    Theme theme() const;
    void setTheme(Theme theme);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);

    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8080")); }

private:
    mutable QSettings m_settings;
};

}  // namespace LoyaltyDesk::Models
