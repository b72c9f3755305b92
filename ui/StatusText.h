// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Icons.h"
#include "connector/ConnectorTypes.h"

#include <QDateTime>
#include <QString>

/**
 * The words the console uses for states: one place, so the header, the integration list, the
 * tooltips and the tests agree. All strings are translated (context "StatusText").
 */
namespace Switchboard::StatusText
{

/**
 * A session's state in words, with the detail an operator acts on: "online", "reconnecting in
 * 8 s", "kicked by another login at 12:03", "online — bot endpoint down since 12:03", "failed:
 * <reason>". @p now is the current time (injected so the countdown is testable).
 */
QString
sessionState(const Connector::SessionStatus &status, const Connector::HealthSnapshot &health, const QDateTime &now);

/** Whole seconds until the next reconnect attempt (rounded up), or -1 when none is scheduled. */
int secondsUntilReconnect(const Connector::SessionStatus &status, const QDateTime &now);

/** A time as the operator reads it: local time, with the date only when it is not today. */
QString time(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTimeUtc());

Icons::Icon stateIcon(Connector::SessionState state);
QString conversationStatus(Connector::ConversationStatus status);
QString transcriptRole(Connector::TranscriptRole role);
QString outcomeName(Connector::OutcomeClass outcome);

} // namespace Switchboard::StatusText
