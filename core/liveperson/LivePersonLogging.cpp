// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePersonLogging.h"

Q_LOGGING_CATEGORY(lcLivePerson, "switchboard.liveperson", QtInfoMsg)
