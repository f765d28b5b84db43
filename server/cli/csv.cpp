#include "commands.h"
#include "common.h"

#include "services/auth.h"
#include "services/csvio.h"

namespace LoyaltyDesk::Server::Cli {

namespace {

const char kFormats[] =
    "\nCSV: RFC 4180 (quotes, doubled quotes, line breaks inside quotes), UTF-8 with or without a "
    "BOM, the first row names the "
    "columns in any order; ',', ';' or tab between values (detected from the header unless "
    "--delimiter is given). See docs/csv.md.\n"
    "Customer columns (all optional; external_id, or the id of an existing customer, says which "
    "customer a row is):\n  ";
const char kReceiptsHelp[] =
    "\nReceipt columns, one row per line item; rows with the same external_id form one receipt "
    "whose receipt-level values come "
    "from its first row; purchased_at is ISO 8601, money is in kopecks:\n  ";

QString columnsHelp() {
    return QString::fromUtf8(kFormats) + CsvService::customerColumns().join(QStringLiteral(", ")) +
           QString::fromUtf8(kReceiptsHelp) +
           CsvService::receiptColumns().join(QStringLiteral(", ")) + u'\n';
}

bool readType(const QCommandLineParser &parser, QString *type) {
    *type = parser.value(QStringLiteral("type")).toLower();
    if (*type == QLatin1String("customers") || *type == QLatin1String("receipts")) {
        if (!parser.value(QStringLiteral("file")).isEmpty()) return true;
        err() << "Error: --file is required.\n";
    } else {
        err() << "Error: --type must be customers or receipts.\n";
    }
    err().flush();
    return false;
}

bool readDelimiter(const QCommandLineParser &parser, QChar *delimiter) {
    const QString d = parser.value(QStringLiteral("delimiter"));
    if (d.isEmpty()) return true;
    if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
        *delimiter = u'\t';
    else if (d == QLatin1String(",") || d == QLatin1String(";"))
        *delimiter = d.at(0);
    else {
        err() << "Error: --delimiter must be ',', ';' or tab.\n";
        err().flush();
        return false;
    }
    return true;
}

// An import into a new database needs what the first start creates: the built-in
// roles, the default brand and the first administrator.
bool bootstrapped(ServerContext &ctx) {
    auto generated = ctx.auth->bootstrap(qEnvironmentVariable("LOYALTYDESK_ADMIN_PASSWORD"));
    if (!generated) {
        err() << "Error: " << generated.error().message << "\n";
        err().flush();
        return false;
    }
    if (!generated->isEmpty())
        out() << "Created the user 'admin' with the password: " << *generated
              << " (shown only this once)\n";
    return true;
}

void addCommonOptions(QCommandLineParser &parser) {
    addDatabaseOptions(parser);
    parser.addOption(
        {QStringLiteral("type"), QStringLiteral("customers or receipts."), QStringLiteral("type")});
    parser.addOption(
        {QStringLiteral("file"), QStringLiteral("The CSV file."), QStringLiteral("path")});
    parser.addOption(
        {QStringLiteral("delimiter"),
         QStringLiteral("',', ';' or tab (import: detected when absent; export: ',')."),
         QStringLiteral("char")});
}

}  // namespace

int importCommand(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import customers or receipts from CSV. Re-importing the same file changes "
                       "nothing: customers are matched by "
                       "external_id (updated, or reported unchanged), receipts are ingested once "
                       "by their external_id. Each rejected "
                       "row goes to the report with its line number and the reason; the exit code "
                       "is 1 only when the file cannot be "
                       "read.") +
        columnsHelp());
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("report"),
         QStringLiteral(
             "Write rejected rows and warnings here (CSV: line, external_id, status, reason)."),
         QStringLiteral("path")});
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    CsvImportOptions options;
    if (!readType(parser, &options.type) || !readDelimiter(parser, &options.delimiter)) return 2;
    options.file = parser.value(QStringLiteral("file"));
    options.reportFile = parser.value(QStringLiteral("report"));
    auto ctx = openContext(parser);
    if (!ctx || !bootstrapped(*ctx)) return 1;
    auto summary = CsvService(*ctx).import(options);
    if (!summary) {
        err() << "Error: " << summary.error().message << "\n";
        err().flush();
        return 1;
    }
    out() << "Read " << summary->read << " rows (delimiter " << summary->delimiter << "): imported "
          << summary->imported << ", updated " << summary->updated << ", unchanged "
          << summary->unchanged << ", rejected " << summary->rejected << ", warnings "
          << summary->warnings
          << (options.type == QLatin1String("receipts") ? " (imported and unchanged count receipts)"
                                                        : "")
          << ".\n";
    if (summary->rejected + summary->warnings > 0)
        out() << (options.reportFile.isEmpty()
                      ? QStringLiteral("Give --report FILE to see which rows and why.")
                      : QStringLiteral("See %1 for the rows and the reasons.")
                            .arg(options.reportFile))
              << '\n';
    out().flush();
    return 0;
}

int exportCommand(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export customers or receipts to CSV, in the columns import reads.") +
        columnsHelp());
    addCommonOptions(parser);
    int code = 0;
    if (!parseArgs(parser, args, &code)) return code;
    QString type;
    QChar delimiter = u',';
    if (!readType(parser, &type) || !readDelimiter(parser, &delimiter)) return 2;
    auto ctx = openContext(parser);
    if (!ctx) return 1;
    auto rows = CsvService(*ctx).exportTo(type, parser.value(QStringLiteral("file")), delimiter);
    if (!rows) {
        err() << "Error: " << rows.error().message << "\n";
        err().flush();
        return 1;
    }
    out() << "Wrote " << *rows << " rows of " << type << " to "
          << parser.value(QStringLiteral("file")) << ".\n";
    out().flush();
    return 0;
}

}  // namespace LoyaltyDesk::Server::Cli
