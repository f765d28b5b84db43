#include "phone.h"

#include "timezones.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>

#include <QMutex>
#include <QMutexLocker>

#include <memory>

namespace LoyaltyDesk::Core {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

QString typeName(PhoneNumberUtil::PhoneNumberType t)
{
    switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return QStringLiteral("fixed_line");
    case PhoneNumberUtil::MOBILE: return QStringLiteral("mobile");
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return QStringLiteral("fixed_line_or_mobile");
    case PhoneNumberUtil::TOLL_FREE: return QStringLiteral("toll_free");
    case PhoneNumberUtil::PREMIUM_RATE: return QStringLiteral("premium_rate");
    case PhoneNumberUtil::SHARED_COST: return QStringLiteral("shared_cost");
    case PhoneNumberUtil::VOIP: return QStringLiteral("voip");
    case PhoneNumberUtil::PERSONAL_NUMBER: return QStringLiteral("personal_number");
    case PhoneNumberUtil::PAGER: return QStringLiteral("pager");
    case PhoneNumberUtil::UAN: return QStringLiteral("uan");
    case PhoneNumberUtil::VOICEMAIL: return QStringLiteral("voicemail");
    case PhoneNumberUtil::UNKNOWN: break;
    }
    return QStringLiteral("unknown");
}

QString parseError(PhoneNumberUtil::ErrorType e)
{
    switch (e) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return QStringLiteral("The country code is missing or unknown.");
    case PhoneNumberUtil::NOT_A_NUMBER: return QStringLiteral("This is not a phone number.");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return QStringLiteral("The phone number is too short.");
    case PhoneNumberUtil::TOO_LONG_NSN: return QStringLiteral("The phone number is too long.");
    default: return QStringLiteral("The phone number cannot be read.");
    }
}

// People type "8 916 ..." for Russian numbers: the trunk prefix 8 is handled by
// libphonenumber for region RU. Strip characters it does not expect (letters are kept,
// so "call me" is still reported as not a number).
bool parse(const QString &raw, const QString &region, PhoneNumber *out,
           PhoneNumberUtil::ErrorType *err)
{
    const auto *util = PhoneNumberUtil::GetInstance();
    const std::string text = raw.trimmed().toStdString();
    *err = util->Parse(text, region.toStdString(), out);
    return *err == PhoneNumberUtil::NO_PARSING_ERROR;
}

}  // namespace

PhoneNormalizer::PhoneNormalizer(QString defaultRegion) : m_region(std::move(defaultRegion)) {}

QString PhoneNormalizer::toE164(const QString &raw) const
{
    if (raw.trimmed().isEmpty() || raw.size() > 64) return {};
    PhoneNumber number;
    PhoneNumberUtil::ErrorType err;
    if (!parse(raw, m_region, &number, &err)) return {};
    const auto *util = PhoneNumberUtil::GetInstance();
    if (!util->IsValidNumber(number)) return {};
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

PhoneInfo PhoneNormalizer::normalize(const QString &raw) const
{
    static QMutex geocoderLock;
    static std::unique_ptr<i18n::phonenumbers::PhoneNumberOfflineGeocoder> geocoder;

    PhoneInfo info;
    info.raw = raw;
    if (raw.trimmed().isEmpty()) {
        info.error = QStringLiteral("The phone number is empty.");
        return info;
    }
    if (raw.size() > 64) {
        info.error = QStringLiteral("The phone number is too long.");
        return info;
    }
    PhoneNumber number;
    PhoneNumberUtil::ErrorType err;
    if (!parse(raw, m_region, &number, &err)) {
        info.error = parseError(err);
        return info;
    }
    const auto *util = PhoneNumberUtil::GetInstance();
    std::string regionCode;
    util->GetRegionCodeForNumber(number, &regionCode);
    info.region = QString::fromStdString(regionCode);
    if (!util->IsValidNumber(number)) {
        info.error = QStringLiteral("This is not a valid phone number for its country.");
        return info;
    }
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    info.e164 = QString::fromStdString(formatted);
    info.valid = true;
    info.type = typeName(util->GetNumberType(number));
    {
        QMutexLocker lock(&geocoderLock);
        if (!geocoder) geocoder = std::make_unique<i18n::phonenumbers::PhoneNumberOfflineGeocoder>();
        const icu::Locale english("en", "US");
        const std::string where = geocoder->GetDescriptionForValidNumber(number, english);
        info.location = QString::fromStdString(where);
    }
    info.timeZone = TimeZones::forPlace(info.location, info.region);
    return info;
}

QString PhoneNormalizer::formatInternational(const QString &e164)
{
    const auto *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

}  // namespace LoyaltyDesk::Core
