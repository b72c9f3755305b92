// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace
{
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &);
};

constexpr Command s_commands[] = {
    {"run", "Run all enabled integrations headless (or the sandbox demo with --sandbox).", &Switchboard::Cli::runCommand},
    {"integration", "Add, edit, list, remove or test integrations.", &Switchboard::Cli::integrationCommand},
    {"sandbox", "Run the LivePerson emulator alone and print its endpoints as one JSON line.",
     &Switchboard::Cli::sandboxCommand},
    {"bench", "Measure round trips, latency, CPU and memory against the sandbox.", &Switchboard::Cli::benchCommand},
};

QString usage()
{
    QString text;
    QTextStream out(&text);
    out << QCoreApplication::translate("cli", "Usage: switchboard-cli <command> [options]") << "\n\n"
        << QCoreApplication::translate("cli", "Headless Switchboard: connects custom bots to LivePerson.") << "\n\n"
        << QCoreApplication::translate("cli", "Commands:") << "\n";
    for (const auto &command : s_commands) {
        out << QStringLiteral("  %1 %2\n").arg(QLatin1String(command.name), -12).arg(QLatin1String(command.summary));
    }
    out << "\n"
        << QCoreApplication::translate("cli", "Options:") << "\n"
        << QStringLiteral("  -h, --help     %1\n").arg(QCoreApplication::translate("cli", "Show this help."))
        << QStringLiteral("  -v, --version  %1\n").arg(QCoreApplication::translate("cli", "Show the version."))
        << "\n"
        << QCoreApplication::translate("cli", "Run 'switchboard-cli <command> --help' for a command's options.") << "\n";
    return text;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Switchboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("help")) {
        std::fputs(qPrintable(usage()), first.isEmpty() ? stderr : stdout);
        return first.isEmpty() ? 2 : 0;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        std::printf("switchboard-cli %s\n", SWITCHBOARD_VERSION);
        return 0;
    }
    for (const auto &command : s_commands) {
        if (first == QLatin1String(command.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(QStringLiteral("switchboard-cli %1").arg(first));
            return command.run(rest);
        }
    }
    std::fprintf(stderr, "%s\n\n%s",
                 qPrintable(QCoreApplication::translate("cli", "Unknown command '%1'.").arg(first)),
                 qPrintable(usage()));
    return 2;
}
