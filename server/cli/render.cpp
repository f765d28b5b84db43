#include "commands.h"
#include "common.h"

#include "core/json.h"
#include "core/liquid/template.h"

#include <QFile>

namespace LoyaltyDesk::Server::Cli {

namespace {

namespace Liquid = Core::Liquid;

bool readFile(const QString &path, QByteArray *contents)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "Error: cannot read " << path << ": " << f.errorString() << '\n';
        return false;
    }
    *contents = f.readAll();
    return true;
}

// "FILE:3:14: message", the form editors and CI logs link to.
QString located(const QString &file, const Core::Error &error)
{
    if (const auto d = Liquid::diagnosticOf(error))
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(d->line).arg(d->column).arg(d->message);
    return file + QStringLiteral(": ") + error.message;
}

}  // namespace

int renderCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render a Liquid message template with the data of a JSON file and print the result. Errors are printed "
        "as FILE:LINE:COLUMN: message and exit with 1. Without --strict, unknown variables and filters are "
        "warnings on stderr, as in a real send."));
    parser.addOption({QStringLiteral("template"), QStringLiteral("The Liquid template file (UTF-8)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("A JSON file with the object the template sees."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("strict"), QStringLiteral("Unknown variables and filters are errors (as in a test send).")});
    parser.addOption({QStringLiteral("html"), QStringLiteral("HTML e-mail: escape every {{ }} output unless it ends with | raw.")});
    parser.addOption({QStringLiteral("currency"), QStringLiteral("Currency of the money filter (default RUB)."), QStringLiteral("code"),
                      QStringLiteral("RUB")});
    parser.addOption({QStringLiteral("time-zone"), QStringLiteral("IANA time zone of the date filter (default UTC)."),
                      QStringLiteral("zone"), QStringLiteral("UTC")});
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    const QString templatePath = parser.value(QStringLiteral("template"));
    const QString dataPath = parser.value(QStringLiteral("data"));
    if (templatePath.isEmpty() || dataPath.isEmpty()) {
        err() << "Error: --template and --data are both required.\n";
        return 2;
    }
    Liquid::RenderOptions options;
    options.strict = parser.isSet(QStringLiteral("strict"));
    options.escaping = parser.isSet(QStringLiteral("html")) ? Liquid::Escaping::Html : Liquid::Escaping::Plain;
    options.currency = parser.value(QStringLiteral("currency"));
    options.timeZone = QTimeZone(parser.value(QStringLiteral("time-zone")).toUtf8());
    if (!options.timeZone.isValid()) {
        err() << "Error: unknown time zone " << parser.value(QStringLiteral("time-zone")) << ".\n";
        return 2;
    }

    QByteArray source, dataText;
    if (!readFile(templatePath, &source) || !readFile(dataPath, &dataText)) return 1;
    auto data = Core::Json::parseValue(dataText);
    if (!data) {
        err() << "Error: " << dataPath << ": " << data.error().message << '\n';
        return 1;
    }
    auto compiled = Liquid::Template::parse(QString::fromUtf8(source));
    if (!compiled) {
        err() << "Error: " << located(templatePath, compiled.error()) << '\n';
        return 1;
    }
    auto rendered = compiled->render(Liquid::Value::fromJson(*data), options);
    if (!rendered) {
        err() << "Error: " << located(templatePath, rendered.error()) << '\n';
        return 1;
    }
    for (const Liquid::Diagnostic &w : rendered->warnings)
        err() << "warning: " << templatePath << ':' << w.line << ':' << w.column << ": " << w.message << '\n';
    out() << rendered->text;
    out().flush();
    err().flush();
    return 0;
}

}  // namespace LoyaltyDesk::Server::Cli
