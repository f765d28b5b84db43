#include "email.h"

#include <QStringList>

#include <utility>

namespace LoyaltyDesk::Core {

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80) return c.isLetterOrNumber();  // internationalized local parts
    if (c.isLetterOrNumber()) return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

bool validLocal(const QString &local)
{
    if (local.isEmpty() || local.size() > 64) return false;
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(QStringLiteral("..")))
        return false;
    for (QChar c : local)
        if (c != u'.' && !isAtext(c)) return false;
    return true;
}

bool validDomain(const QString &domain)
{
    if (domain.size() > 253) return false;
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2) return false;
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63) return false;
        if (label.startsWith(u'-') || label.endsWith(u'-')) return false;
        for (QChar c : label)
            if (!(c.isLetterOrNumber() || c == u'-')) return false;
    }
    const QString &tld = labels.last();
    for (QChar c : tld)
        if (c.isDigit()) return false;
    return tld.size() >= 2;
}

}  // namespace

QString EmailNormalizer::providerFor(const QString &domain)
{
    static const std::pair<const char *, const char *> providers[] = {
        {"gmail.com", "gmail"},      {"googlemail.com", "gmail"},  {"yandex.ru", "yandex"},
        {"ya.ru", "yandex"},         {"yandex.com", "yandex"},     {"yandex.by", "yandex"},
        {"yandex.kz", "yandex"},     {"narod.ru", "yandex"},       {"mail.ru", "mail.ru"},
        {"inbox.ru", "mail.ru"},     {"list.ru", "mail.ru"},       {"bk.ru", "mail.ru"},
        {"internet.ru", "mail.ru"},  {"outlook.com", "outlook"},   {"hotmail.com", "outlook"},
        {"live.com", "outlook"},     {"msn.com", "outlook"},       {"yahoo.com", "yahoo"},
        {"icloud.com", "icloud"},    {"me.com", "icloud"},         {"mac.com", "icloud"},
        {"rambler.ru", "rambler"},   {"lenta.ru", "rambler"},      {"ro.ru", "rambler"},
        {"proton.me", "proton"},     {"protonmail.com", "proton"}, {"gmx.de", "gmx"},
        {"gmx.com", "gmx"},          {"aol.com", "aol"},           {"zoho.com", "zoho"},
    };
    for (const auto &[d, name] : providers)
        if (domain == QLatin1String(d)) return QString::fromLatin1(name);
    return {};
}

EmailInfo EmailNormalizer::normalize(const QString &raw)
{
    EmailInfo info;
    info.raw = raw;
    const QString text = raw.trimmed();
    if (text.isEmpty()) {
        info.error = QStringLiteral("The e-mail address is empty.");
        return info;
    }
    if (text.size() > 254) {
        info.error = QStringLiteral("The e-mail address is too long.");
        return info;
    }
    const qsizetype at = text.lastIndexOf(u'@');
    if (at <= 0 || at == text.size() - 1 || text.indexOf(u'@') != at) {
        info.error = QStringLiteral("An e-mail address needs exactly one @ with text on both sides.");
        return info;
    }
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1).toLower();
    if (!validLocal(local)) {
        info.error = QStringLiteral("The part before @ has characters an e-mail address cannot have.");
        return info;
    }
    if (!validDomain(domain)) {
        info.error = QStringLiteral("The domain after @ is not a valid domain name.");
        return info;
    }
    info.normalized = local + u'@' + domain;
    info.valid = true;
    info.provider = providerFor(domain);
    return info;
}

}  // namespace LoyaltyDesk::Core
