// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StorageLogging.h"

Q_LOGGING_CATEGORY(lcStorage, "switchboard.storage", QtInfoMsg)
