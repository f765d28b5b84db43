#include "appsettings.h"

namespace LoyaltyDesk::Models {

QUrl AppSettings::serverUrl() const
{
    const QUrl url(m_settings.value(QStringLiteral("server/url")).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

void AppSettings::setServerUrl(const QUrl &url) { m_settings.setValue(QStringLiteral("server/url"), url.toString()); }

QString AppSettings::lastUsername() const { return m_settings.value(QStringLiteral("server/username")).toString(); }

void AppSettings::setLastUsername(const QString &username) { m_settings.setValue(QStringLiteral("server/username"), username); }

QString AppSettings::language() const { return m_settings.value(QStringLiteral("ui/language")).toString(); }

void AppSettings::setLanguage(const QString &code) { m_settings.setValue(QStringLiteral("ui/language"), code); }

int AppSettings::cacheLimitMb() const { return m_settings.value(QStringLiteral("cache/limit_mb"), 200).toInt(); }

void AppSettings::setCacheLimitMb(int megabytes) { m_settings.setValue(QStringLiteral("cache/limit_mb"), megabytes); }

AppSettings::Theme AppSettings::theme() const
{
    const QString t = m_settings.value(QStringLiteral("ui/theme")).toString();
    if (t == QLatin1String("light")) return Theme::Light;
    if (t == QLatin1String("dark")) return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    const char *names[] = {"system", "light", "dark"};
    m_settings.setValue(QStringLiteral("ui/theme"), QString::fromLatin1(names[int(theme)]));
}

QByteArray AppSettings::windowGeometry() const { return m_settings.value(QStringLiteral("ui/geometry")).toByteArray(); }

void AppSettings::setWindowGeometry(const QByteArray &geometry) { m_settings.setValue(QStringLiteral("ui/geometry"), geometry); }

}  // namespace LoyaltyDesk::Models
