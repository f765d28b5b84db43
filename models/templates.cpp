#include "templates.h"

#include "core/liquid/template.h"

#include <QCoreApplication>

#include <algorithm>

namespace LoyaltyDesk::Models::Templates {

namespace {

void insertPath(QJsonObject &into, QStringList path, const QJsonValue &value) {
    const QString head = path.takeFirst();
    if (path.isEmpty()) {
        into.insert(head, value);
        return;
    }
    QJsonObject child = into.value(head).toObject();
    insertPath(child, path, value);
    into.insert(head, child);
}

QStringList distinct(QStringList list) {
    list.removeAll(QString());
    std::sort(list.begin(), list.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

}  // namespace

QJsonObject sampleData(const QJsonArray &variables) {
    QJsonObject data;
    for (const auto &v : variables) {
        const QJsonObject o = v.toObject();
        insertPath(data, o.value(QStringLiteral("path")).toString().split(QLatin1Char('.')),
                   o.value(QStringLiteral("example")));
    }
    return data;
}

QStringList folders(const QJsonArray &templates) {
    QStringList out;
    for (const auto &t : templates)
        out << t.toObject().value(QStringLiteral("folder")).toString().trimmed();
    return distinct(out);
}

QStringList tags(const QJsonArray &templates) {
    QStringList out;
    for (const auto &t : templates)
        for (const auto &tag : t.toObject().value(QStringLiteral("tags")).toArray())
            out << tag.toString();
    return distinct(out);
}

int typicalLimit(const QString &channel, const QString &part) {
    // Lock screens cut push titles near 50 and bodies near 150 characters; in-app
    // cards of the mobile SDKs hold about as much.
    if (channel == QLatin1String("push") || channel == QLatin1String("in_app")) {
        if (part == QLatin1String("title")) return 50;
        if (part == QLatin1String("body")) return 150;
        if (part == QLatin1String("button")) return 25;
    }
    if (channel == QLatin1String("email")) {
        if (part == QLatin1String("subject")) return 60;
        if (part == QLatin1String("preheader")) return 100;
    }
    return 0;
}

bool isMultiLine(const QString &channel, const QString &part) {
    if (channel == QLatin1String("email"))
        return part == QLatin1String("html") || part == QLatin1String("text");
    return part == QLatin1String("text") || part == QLatin1String("body");
}

QString liquidError(const QString &source) {
    auto parsed = Core::Liquid::Template::parse(source);
    if (parsed) return {};
    const auto d = Core::Liquid::diagnosticOf(parsed.error());
    if (!d) return parsed.error().message;
    return QCoreApplication::translate("LoyaltyDesk::Models::ApiClient", "line %1, column %2: %3")
        .arg(d->line)
        .arg(d->column)
        .arg(d->message);
}

}  // namespace LoyaltyDesk::Models::Templates
