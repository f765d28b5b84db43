#pragma once

#include <QString>

namespace LoyaltyDesk::Core {

struct EmailInfo {
    QString raw;
    QString normalized;  // trimmed, domain lower-cased; empty when not valid
    bool valid = false;
    QString provider;    // "gmail", "yandex", "mail.ru", "outlook", ... or empty
    QString error;
};

// Syntax check after RFC 5321/5322's practical subset (dot-atom local part, LDH
// domain labels with a dot), lower-cased domain, known providers recognized.
class EmailNormalizer final {
public:
    static EmailInfo normalize(const QString &raw);
    static QString providerFor(const QString &domain);
};

}  // namespace LoyaltyDesk::Core
