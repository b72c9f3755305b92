// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Each sub-command of switchboard-cli parses its own arguments (arguments[0] is
// "switchboard-cli <command>") and returns the process exit code. They run inside the
// QCoreApplication that main() created.
namespace Switchboard::Cli
{
int runCommand(const QStringList &arguments);
int integrationCommand(const QStringList &arguments);
int sandboxCommand(const QStringList &arguments);
int benchCommand(const QStringList &arguments);
} // namespace Switchboard::Cli
