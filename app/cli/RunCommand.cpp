// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Switchboard::Cli
{

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "switchboard-cli run"));
    parser.addHelpOption();
    parser.process(arguments);
    std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("cli", "'%1' is not available in this build yet.").arg(QStringLiteral("run"))));
    return 3;
}

} // namespace Switchboard::Cli
