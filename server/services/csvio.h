#pragma once

#include "storage/database.h"

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace LoyaltyDesk::Server {

class ServerContext;

namespace Csv {

// One record of a CSV file and the line it starts on (1-based).
struct Record {
    QStringList fields;
    qint64 line = 0;
    QString error;  // set when the record cannot be read (an unterminated quote)
};

// RFC 4180 reader: quoted fields with doubled quotes and embedded line breaks, CRLF or
// LF line ends, an optional UTF-8 byte order mark, and ',', ';' or tab as the
// delimiter (detected from the header line unless given). A quote left open at the
// end of the file spoils only the record it opens: reading resumes on the next line.
class Reader final {
public:
    explicit Reader(const QByteArray &data, QChar delimiter = QChar());
    bool next(Record &record);
    QChar delimiter() const { return m_delimiter; }

private:
    QString m_text;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    QChar m_delimiter;
};

// One field, quoted when it has to be.
QString field(const QString &value, QChar delimiter = u',');
// One record with a CRLF line end, as RFC 4180 writes it.
QString line(const QStringList &values, QChar delimiter = u',');

}  // namespace Csv

struct CsvImportOptions {
    QString type;  // customers | receipts
    QString file;
    QString reportFile;  // empty = no report file
    QChar delimiter;     // null = detect
};

struct CsvImportSummary {
    qint64 read = 0, imported = 0, updated = 0, unchanged = 0, rejected = 0, warnings = 0;
    QString delimiter;
};

// Customers and receipts in and out of CSV files. Imports are idempotent: customers by
// external_id (an existing one is updated, or reported unchanged), receipts through
// IngestService by their external_id. Every rejected row goes to the report with its
// line number and the reason; values stored but flagged (a phone that cannot be
// normalized) are reported as warnings.
class CsvService final {
public:
    explicit CsvService(ServerContext &ctx);

    static const QStringList &customerColumns();
    static const QStringList &receiptColumns();

    // An error only when the file cannot be read or the report cannot be written.
    Result<CsvImportSummary> import(const CsvImportOptions &options);
    // Returns the number of data rows written.
    Result<qint64> exportTo(const QString &type, const QString &file, QChar delimiter = u',');

private:
    ServerContext &m_ctx;
};

}  // namespace LoyaltyDesk::Server
