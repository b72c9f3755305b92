// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "switchboard.ui", QtInfoMsg)
