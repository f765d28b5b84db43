#include "timezones.h"

#include <QHash>

#include <algorithm>
#include <utility>
#include <vector>

namespace LoyaltyDesk::Core {

namespace {

struct Place {
    const char *key;  // lower-case, UTF-8; matched as a whole name or inside a longer one
    const char *zone;
};

// Keys are matched longest first, so "nizhny novgorod" wins over "novgorod".
constexpr Place kPlaces[] = {
    // UTC+2
    {"kaliningrad", "Europe/Kaliningrad"}, {"калининград", "Europe/Kaliningrad"},
    // UTC+3
    {"moscow", "Europe/Moscow"}, {"москва", "Europe/Moscow"}, {"московская", "Europe/Moscow"},
    {"st petersburg", "Europe/Moscow"}, {"saint petersburg", "Europe/Moscow"},
    {"st. petersburg", "Europe/Moscow"}, {"санкт-петербург", "Europe/Moscow"},
    {"leningrad", "Europe/Moscow"}, {"ленинградская", "Europe/Moscow"},
    {"nizhny novgorod", "Europe/Moscow"}, {"нижний новгород", "Europe/Moscow"},
    {"kazan", "Europe/Moscow"}, {"казань", "Europe/Moscow"}, {"tatarstan", "Europe/Moscow"},
    {"татарстан", "Europe/Moscow"}, {"rostov", "Europe/Moscow"}, {"ростов", "Europe/Moscow"},
    {"krasnodar", "Europe/Moscow"}, {"краснодар", "Europe/Moscow"}, {"sochi", "Europe/Moscow"},
    {"сочи", "Europe/Moscow"}, {"voronezh", "Europe/Moscow"}, {"воронеж", "Europe/Moscow"},
    {"yaroslavl", "Europe/Moscow"}, {"ярославль", "Europe/Moscow"}, {"tula", "Europe/Moscow"},
    {"тула", "Europe/Moscow"}, {"ryazan", "Europe/Moscow"}, {"рязань", "Europe/Moscow"},
    {"kursk", "Europe/Moscow"}, {"курск", "Europe/Moscow"}, {"belgorod", "Europe/Moscow"},
    {"белгород", "Europe/Moscow"}, {"bryansk", "Europe/Moscow"}, {"брянск", "Europe/Moscow"},
    {"smolensk", "Europe/Moscow"}, {"смоленск", "Europe/Moscow"}, {"tver", "Europe/Moscow"},
    {"тверь", "Europe/Moscow"}, {"kaluga", "Europe/Moscow"}, {"калуга", "Europe/Moscow"},
    {"ivanovo", "Europe/Moscow"}, {"иваново", "Europe/Moscow"}, {"lipetsk", "Europe/Moscow"},
    {"липецк", "Europe/Moscow"}, {"penza", "Europe/Moscow"}, {"пенза", "Europe/Moscow"},
    {"murmansk", "Europe/Moscow"}, {"мурманск", "Europe/Moscow"},
    {"arkhangelsk", "Europe/Moscow"}, {"архангельск", "Europe/Moscow"},
    {"vologda", "Europe/Moscow"}, {"вологда", "Europe/Moscow"}, {"kirov", "Europe/Kirov"},
    {"киров", "Europe/Kirov"}, {"cheboksary", "Europe/Moscow"}, {"чебоксары", "Europe/Moscow"},
    {"stavropol", "Europe/Moscow"}, {"ставрополь", "Europe/Moscow"},
    {"makhachkala", "Europe/Moscow"}, {"махачкала", "Europe/Moscow"},
    {"dagestan", "Europe/Moscow"}, {"petrozavodsk", "Europe/Moscow"},
    {"петрозаводск", "Europe/Moscow"}, {"volgograd", "Europe/Volgograd"},
    {"волгоград", "Europe/Volgograd"}, {"novgorod", "Europe/Moscow"},
    {"новгород", "Europe/Moscow"}, {"crimea", "Europe/Simferopol"},
    {"simferopol", "Europe/Simferopol"}, {"симферополь", "Europe/Simferopol"},
    // UTC+4
    {"samara", "Europe/Samara"}, {"самара", "Europe/Samara"}, {"самарская", "Europe/Samara"},
    {"tolyatti", "Europe/Samara"}, {"тольятти", "Europe/Samara"}, {"izhevsk", "Europe/Samara"},
    {"ижевск", "Europe/Samara"}, {"udmurt", "Europe/Samara"}, {"удмурт", "Europe/Samara"},
    {"ulyanovsk", "Europe/Ulyanovsk"}, {"ульяновск", "Europe/Ulyanovsk"},
    {"saratov", "Europe/Saratov"}, {"саратов", "Europe/Saratov"},
    {"astrakhan", "Europe/Astrakhan"}, {"астрахань", "Europe/Astrakhan"},
    // UTC+5
    {"ekaterinburg", "Asia/Yekaterinburg"}, {"yekaterinburg", "Asia/Yekaterinburg"},
    {"екатеринбург", "Asia/Yekaterinburg"}, {"sverdlovsk", "Asia/Yekaterinburg"},
    {"свердловская", "Asia/Yekaterinburg"}, {"chelyabinsk", "Asia/Yekaterinburg"},
    {"челябинск", "Asia/Yekaterinburg"}, {"perm", "Asia/Yekaterinburg"},
    {"пермь", "Asia/Yekaterinburg"}, {"пермский", "Asia/Yekaterinburg"},
    {"ufa", "Asia/Yekaterinburg"}, {"уфа", "Asia/Yekaterinburg"},
    {"bashkortostan", "Asia/Yekaterinburg"}, {"башкортостан", "Asia/Yekaterinburg"},
    {"tyumen", "Asia/Yekaterinburg"}, {"тюмень", "Asia/Yekaterinburg"},
    {"orenburg", "Asia/Yekaterinburg"}, {"оренбург", "Asia/Yekaterinburg"},
    {"kurgan", "Asia/Yekaterinburg"}, {"курган", "Asia/Yekaterinburg"},
    {"surgut", "Asia/Yekaterinburg"}, {"сургут", "Asia/Yekaterinburg"},
    {"khanty", "Asia/Yekaterinburg"}, {"ханты", "Asia/Yekaterinburg"},
    {"yamal", "Asia/Yekaterinburg"}, {"ямал", "Asia/Yekaterinburg"},
    // UTC+6
    {"omsk", "Asia/Omsk"}, {"омск", "Asia/Omsk"},
    // UTC+7
    {"novosibirsk", "Asia/Novosibirsk"}, {"новосибирск", "Asia/Novosibirsk"},
    {"barnaul", "Asia/Barnaul"}, {"барнаул", "Asia/Barnaul"}, {"altai", "Asia/Barnaul"},
    {"алтай", "Asia/Barnaul"}, {"tomsk", "Asia/Tomsk"}, {"томск", "Asia/Tomsk"},
    {"kemerovo", "Asia/Novokuznetsk"}, {"кемерово", "Asia/Novokuznetsk"},
    {"novokuznetsk", "Asia/Novokuznetsk"}, {"новокузнецк", "Asia/Novokuznetsk"},
    {"krasnoyarsk", "Asia/Krasnoyarsk"}, {"красноярск", "Asia/Krasnoyarsk"},
    {"khakassia", "Asia/Krasnoyarsk"}, {"хакасия", "Asia/Krasnoyarsk"},
    {"tuva", "Asia/Krasnoyarsk"}, {"тыва", "Asia/Krasnoyarsk"},
    // UTC+8
    {"irkutsk", "Asia/Irkutsk"}, {"иркутск", "Asia/Irkutsk"}, {"ulan-ude", "Asia/Irkutsk"},
    {"улан-удэ", "Asia/Irkutsk"}, {"buryatia", "Asia/Irkutsk"}, {"бурятия", "Asia/Irkutsk"},
    // UTC+9
    {"chita", "Asia/Chita"}, {"чита", "Asia/Chita"}, {"zabaykal", "Asia/Chita"},
    {"забайкаль", "Asia/Chita"}, {"yakutsk", "Asia/Yakutsk"}, {"якутск", "Asia/Yakutsk"},
    {"sakha", "Asia/Yakutsk"}, {"саха", "Asia/Yakutsk"}, {"blagoveshchensk", "Asia/Yakutsk"},
    {"благовещенск", "Asia/Yakutsk"}, {"amur", "Asia/Yakutsk"}, {"амурская", "Asia/Yakutsk"},
    // UTC+10
    {"vladivostok", "Asia/Vladivostok"}, {"владивосток", "Asia/Vladivostok"},
    {"primorie", "Asia/Vladivostok"}, {"primorsky", "Asia/Vladivostok"},
    {"приморский", "Asia/Vladivostok"}, {"khabarovsk", "Asia/Vladivostok"},
    {"хабаровск", "Asia/Vladivostok"}, {"birobidzhan", "Asia/Vladivostok"},
    {"биробиджан", "Asia/Vladivostok"},
    // UTC+11
    {"sakhalin", "Asia/Sakhalin"}, {"сахалин", "Asia/Sakhalin"}, {"magadan", "Asia/Magadan"},
    {"магадан", "Asia/Magadan"},
    // UTC+12
    {"kamchatka", "Asia/Kamchatka"}, {"камчат", "Asia/Kamchatka"},
    {"petropavlovsk", "Asia/Kamchatka"}, {"петропавловск", "Asia/Kamchatka"},
    {"chukotka", "Asia/Anadyr"}, {"чукотский", "Asia/Anadyr"}, {"anadyr", "Asia/Anadyr"},
    {"анадырь", "Asia/Anadyr"},
    // Neighbours and a few world cities customers come from
    {"minsk", "Europe/Minsk"}, {"минск", "Europe/Minsk"}, {"almaty", "Asia/Almaty"},
    {"алматы", "Asia/Almaty"}, {"astana", "Asia/Almaty"}, {"астана", "Asia/Almaty"},
    {"tashkent", "Asia/Tashkent"}, {"ташкент", "Asia/Tashkent"}, {"yerevan", "Asia/Yerevan"},
    {"ереван", "Asia/Yerevan"}, {"tbilisi", "Asia/Tbilisi"}, {"тбилиси", "Asia/Tbilisi"},
    {"baku", "Asia/Baku"}, {"баку", "Asia/Baku"}, {"bishkek", "Asia/Bishkek"},
    {"бишкек", "Asia/Bishkek"}, {"new york", "America/New_York"},
    {"los angeles", "America/Los_Angeles"}, {"chicago", "America/Chicago"},
    {"london", "Europe/London"}, {"berlin", "Europe/Berlin"}, {"paris", "Europe/Paris"},
    {"dubai", "Asia/Dubai"},
};

constexpr std::pair<const char *, const char *> kCountries[] = {
    {"RU", "Europe/Moscow"},   {"BY", "Europe/Minsk"},     {"KZ", "Asia/Almaty"},
    {"AM", "Asia/Yerevan"},    {"GE", "Asia/Tbilisi"},     {"AZ", "Asia/Baku"},
    {"UZ", "Asia/Tashkent"},   {"KG", "Asia/Bishkek"},     {"TJ", "Asia/Dushanbe"},
    {"MD", "Europe/Chisinau"}, {"UA", "Europe/Kiev"},      {"LV", "Europe/Riga"},
    {"LT", "Europe/Vilnius"},  {"EE", "Europe/Tallinn"},   {"FI", "Europe/Helsinki"},
    {"DE", "Europe/Berlin"},   {"GB", "Europe/London"},    {"FR", "Europe/Paris"},
    {"IT", "Europe/Rome"},     {"ES", "Europe/Madrid"},    {"PL", "Europe/Warsaw"},
    {"TR", "Europe/Istanbul"}, {"IL", "Asia/Jerusalem"},   {"AE", "Asia/Dubai"},
    {"CN", "Asia/Shanghai"},   {"IN", "Asia/Kolkata"},     {"JP", "Asia/Tokyo"},
    {"TH", "Asia/Bangkok"},    {"RS", "Europe/Belgrade"},  {"CZ", "Europe/Prague"},
};

struct Table {
    std::vector<std::pair<QString, QString>> byLength;  // longest key first
    QHash<QString, QString> exact;
    Table()
    {
        for (const auto &p : kPlaces) {
            const QString key = QString::fromUtf8(p.key);
            byLength.emplace_back(key, QString::fromLatin1(p.zone));
            exact.insert(key, QString::fromLatin1(p.zone));
        }
        std::stable_sort(byLength.begin(), byLength.end(),
                         [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    }
};

const Table &table()
{
    static const Table t;
    return t;
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

}  // namespace

QString TimeZones::forCity(const QString &city)
{
    const QString text = city.trimmed().toLower();
    if (text.isEmpty()) return {};
    const auto &t = table();
    if (auto it = t.exact.constFind(text); it != t.exact.cend()) return *it;
    // A key inside a longer description, at a word start ("Krasnoyarsk Territory",
    // "г. Санкт-Петербург"). Keys are prefixes of words, so "пермский" matches too.
    for (const auto &[key, zone] : t.byLength) {
        qsizetype from = 0;
        while ((from = text.indexOf(key, from)) >= 0) {
            if (from == 0 || !isWordChar(text.at(from - 1))) return zone;
            ++from;
        }
    }
    return {};
}

QString TimeZones::forCountry(const QString &regionCode)
{
    const QString code = regionCode.trimmed().toUpper();
    for (const auto &[c, zone] : kCountries)
        if (code == QLatin1String(c)) return QString::fromLatin1(zone);
    return {};
}

QString TimeZones::forPlace(const QString &place, const QString &regionCode)
{
    const QString zone = forCity(place);
    return zone.isEmpty() ? forCountry(regionCode) : zone;
}

}  // namespace LoyaltyDesk::Core
