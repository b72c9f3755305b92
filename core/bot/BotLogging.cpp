// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotLogging.h"

Q_LOGGING_CATEGORY(lcBot, "switchboard.bot", QtInfoMsg)
