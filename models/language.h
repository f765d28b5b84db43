#pragma once

#include <QString>
#include <QStringList>

namespace LoyaltyDesk::Models::Language {

// "en" or "ru". Installs (or removes) the app's and Qt's translators and sets the
// default locale, so numbers, money and dates follow the language. Widgets get a
// QEvent::LanguageChange and retranslate themselves.
bool apply(const QString &code);
QString current();
QStringList available();
// The language's own name: "English", "Русский".
QString nativeName(const QString &code);
// The system's language when it is one we have, else English.
QString systemDefault();

}  // namespace LoyaltyDesk::Models::Language
