#pragma once

#include <QStringList>

namespace LoyaltyDesk::Server::Cli {

// Each takes its own argument list (args[0] is the command's name) and returns the
// exit code: 0 success, 1 failure, 2 bad usage.
int serveCommand(const QStringList &args);
int migrateCommand(const QStringList &args);
int createUserCommand(const QStringList &args);
int seedDemoCommand(const QStringList &args);
int importCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int renderCommand(const QStringList &args);

}  // namespace LoyaltyDesk::Server::Cli
