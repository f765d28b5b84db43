#pragma once

#include <QString>

namespace LoyaltyDesk::Core {

// Guesses a customer's IANA time zone from a city or region name (English or
// Russian, as people and libphonenumber's geocoder write them) or, failing that,
// from a country that has a single zone.
//
// Where the table comes from: the IANA tz database (zone1970.tab and the comments of
// its "europe" and "asia" files) for which zone each Russian region follows, and
// Russian Federal Law 107-FZ "On the calculation of time" (as amended in 2016–2020)
// for the region lists. Multi-zone countries other than Russia only resolve by city.
class TimeZones final {
public:
    // Best zone for a place description ("Ekaterinburg", "Москва", "Primorie territory")
    // with a fallback to the ISO region code ("RU", "BY"). Empty when unknown.
    static QString forPlace(const QString &place, const QString &regionCode = {});
    // Zone for a city alone; empty when unknown.
    static QString forCity(const QString &city);
    // Zone of a single-zone country, or the capital's zone for Russia; empty otherwise.
    static QString forCountry(const QString &regionCode);
};

}  // namespace LoyaltyDesk::Core
