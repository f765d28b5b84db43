#pragma once

#include "context.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

namespace LoyaltyDesk::Server::Cli {

// Options every command that touches the database shares.
void addDatabaseOptions(QCommandLineParser &parser);
// Parses, answers --help, and reports bad usage. Returns false when the command should
// stop, with the exit code in *exitCode.
bool parseArgs(QCommandLineParser &parser, const QStringList &args, int *exitCode);
// Opens and migrates the database named by --db. Prints the error and returns null
// on failure.
std::unique_ptr<ServerContext> openContext(const QCommandLineParser &parser, ServerOptions options = {});

QTextStream &out();
QTextStream &err();

}  // namespace LoyaltyDesk::Server::Cli
