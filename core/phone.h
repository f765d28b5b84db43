#pragma once

#include <QString>

namespace LoyaltyDesk::Core {

// A phone number as typed, and what we could make of it.
struct PhoneInfo {
    QString raw;         // exactly what was given
    QString e164;        // "+79161234567"; empty when the number is not valid
    bool valid = false;
    QString type;        // mobile, fixed_line, fixed_line_or_mobile, toll_free, voip, ... or unknown
    QString region;      // ISO 3166 region of the number ("RU")
    QString location;    // offline geocoder's description ("Moscow"); may be empty for mobiles
    QString timeZone;    // IANA zone guessed from the location or the region; may be empty
    QString error;       // why it is not valid, in a sentence
};

// Normalizes phone numbers with libphonenumber. Thread-safe: libphonenumber's
// PhoneNumberUtil is a thread-safe singleton and the geocoder is used under a lock.
class PhoneNormalizer final {
public:
    explicit PhoneNormalizer(QString defaultRegion = QStringLiteral("RU"));

    PhoneInfo normalize(const QString &raw) const;
    // Only the E.164 form, or an empty string; cheaper (no geocoding).
    QString toE164(const QString &raw) const;
    // "+7 916 123-45-67": the international format for display.
    static QString formatInternational(const QString &e164);

    const QString &defaultRegion() const { return m_region; }

private:
    QString m_region;
};

}  // namespace LoyaltyDesk::Core
