// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxLogging.h"

Q_LOGGING_CATEGORY(lcSandbox, "switchboard.sandbox", QtInfoMsg)
