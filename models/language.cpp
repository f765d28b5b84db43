#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace LoyaltyDesk::Models::Language {

namespace {

struct State {
    QString code = QStringLiteral("en");
    std::unique_ptr<QTranslator> app, qt;
};

State &state()
{
    static State s;
    return s;
}

}  // namespace

QStringList available() { return {QStringLiteral("en"), QStringLiteral("ru")}; }

QString current() { return state().code; }

QString nativeName(const QString &code)
{
    if (code == QLatin1String("ru")) return QStringLiteral("Русский");
    return QStringLiteral("English");
}

QString systemDefault()
{
    const QString name = QLocale::system().name().left(2);
    return available().contains(name) ? name : QStringLiteral("en");
}

bool apply(const QString &code)
{
    State &s = state();
    const QString wanted = available().contains(code) ? code : QStringLiteral("en");
    if (s.app) QCoreApplication::removeTranslator(s.app.get());
    if (s.qt) QCoreApplication::removeTranslator(s.qt.get());
    s.app.reset();
    s.qt.reset();
    // English carries the plural forms of the source texts ("1 day", "2 days").
    auto app = std::make_unique<QTranslator>();
    const bool ok = app->load(QStringLiteral(":/i18n/loyaltydesk_") + wanted + QStringLiteral(".qm"));
    if (ok) {
        QCoreApplication::installTranslator(app.get());
        s.app = std::move(app);
    }
    auto qt = std::make_unique<QTranslator>();
    if (wanted != QLatin1String("en") && qt->load(QStringLiteral("qtbase_") + wanted, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        s.qt = std::move(qt);
    }
    const QLocale locale(wanted == QLatin1String("ru") ? QLocale::Russian : QLocale::English,
                         wanted == QLatin1String("ru") ? QLocale::Russia : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    s.code = ok ? wanted : QStringLiteral("en");
    // Without a translator change nothing tells the widgets; send the event ourselves
    // so that locale-formatted numbers and dates follow too.
    if (!ok) {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    return ok;
}

}  // namespace LoyaltyDesk::Models::Language
