// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorLogging.h"

Q_LOGGING_CATEGORY(lcConnector, "switchboard.connector", QtInfoMsg)
