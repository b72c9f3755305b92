// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusText.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace Switchboard::StatusText
{

using namespace Connector;

int secondsUntilReconnect(const SessionStatus &status, const QDateTime &now)
{
    if (status.state != SessionState::Reconnecting || !status.nextAttemptAt.isValid()) {
        return -1;
    }
    const qint64 ms = now.msecsTo(status.nextAttemptAt);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

namespace
{
// The local UTC offset at @p msecs. Converting to local time asks the C library, which checks the
// time zone file on every call; a view that formats thousands of times per second cannot afford
// that, so the offset is remembered per hour (zones change offset on the hour).
int localOffsetSeconds(qint64 msecs)
{
    thread_local QHash<qint64, int> cache;
    const qint64 hour = msecs >= 0 ? msecs / 3'600'000 : (msecs - 3'599'999) / 3'600'000;
    if (const auto it = cache.constFind(hour); it != cache.constEnd()) {
        return *it;
    }
    if (cache.size() > 4096) {
        cache.clear();
    }
    const int offset = QDateTime::fromMSecsSinceEpoch(hour * 3'600'000, Qt::LocalTime).offsetFromUtc();
    cache.insert(hour, offset);
    return offset;
}

QDateTime toLocal(const QDateTime &time)
{
    const qint64 msecs = time.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::OffsetFromUTC, localOffsetSeconds(msecs));
}
} // namespace

QString time(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime local = toLocal(time);
    const QLocale locale;
    if (local.date() == toLocal(now).date()) {
        return locale.toString(local.time(), QLocale::ShortFormat);
    }
    return locale.toString(local, QLocale::ShortFormat);
}

QString sessionState(const SessionStatus &status, const HealthSnapshot &health, const QDateTime &now)
{
    QString text;
    switch (status.state) {
    case SessionState::Stopped:
        text = QCoreApplication::translate("StatusText", "stopped");
        break;
    case SessionState::Resolving:
        text = QCoreApplication::translate("StatusText", "resolving LivePerson hosts…");
        break;
    case SessionState::LoggingIn:
        text = QCoreApplication::translate("StatusText", "logging in…");
        break;
    case SessionState::Connecting:
        text = QCoreApplication::translate("StatusText", "connecting…");
        break;
    case SessionState::Online:
        text = QCoreApplication::translate("StatusText", "online");
        break;
    case SessionState::Reconnecting: {
        const int seconds = secondsUntilReconnect(status, now);
        text = seconds > 0 ? QCoreApplication::translate("StatusText", "reconnecting in %1 s").arg(seconds)
                           : QCoreApplication::translate("StatusText", "reconnecting now…");
        break;
    }
    case SessionState::Kicked:
        text = status.since.isValid() ? QCoreApplication::translate("StatusText", "kicked by another login at %1")
                                            .arg(time(status.since, now))
                                      : QCoreApplication::translate("StatusText", "kicked by another login");
        break;
    case SessionState::Failed:
        text = QCoreApplication::translate("StatusText", "failed");
        break;
    }
    if (!status.reason.isEmpty() && status.state != SessionState::Online) {
        text = QCoreApplication::translate("StatusText", "%1: %2").arg(text, status.reason);
    }
    // The bot's health only matters while the session can deliver to it.
    if (status.state == SessionState::Online || status.state == SessionState::Reconnecting) {
        const QString since = time(health.stateSince, now);
        if (health.state == HealthState::Down) {
            text = since.isEmpty()
                       ? QCoreApplication::translate("StatusText", "%1 — bot endpoint down").arg(text)
                       : QCoreApplication::translate("StatusText", "%1 — bot endpoint down since %2").arg(text, since);
        } else if (health.state == HealthState::Degraded) {
            text =
                since.isEmpty()
                    ? QCoreApplication::translate("StatusText", "%1 — bot endpoint degraded").arg(text)
                    : QCoreApplication::translate("StatusText", "%1 — bot endpoint degraded since %2").arg(text, since);
        }
    }
    return text;
}

Icons::Icon stateIcon(SessionState state)
{
    switch (state) {
    case SessionState::Online:
        return Icons::Icon::StateOnline;
    case SessionState::Resolving:
    case SessionState::LoggingIn:
    case SessionState::Connecting:
    case SessionState::Reconnecting:
        return Icons::Icon::StateBusy;
    case SessionState::Kicked:
    case SessionState::Failed:
        return Icons::Icon::StateFailed;
    case SessionState::Stopped:
        break;
    }
    return Icons::Icon::StateStopped;
}

QString conversationStatus(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open:
        return QCoreApplication::translate("StatusText", "open");
    case ConversationStatus::Escalated:
        return QCoreApplication::translate("StatusText", "escalated");
    case ConversationStatus::Closed:
        return QCoreApplication::translate("StatusText", "closed");
    }
    return {};
}

QString transcriptRole(TranscriptRole role)
{
    switch (role) {
    case TranscriptRole::Consumer:
        return QCoreApplication::translate("StatusText", "Consumer");
    case TranscriptRole::Bot:
        return QCoreApplication::translate("StatusText", "Bot");
    case TranscriptRole::HumanAgent:
        return QCoreApplication::translate("StatusText", "Agent");
    case TranscriptRole::Private:
        return QCoreApplication::translate("StatusText", "Private note");
    case TranscriptRole::System:
        return QCoreApplication::translate("StatusText", "System");
    case TranscriptRole::Error:
        return QCoreApplication::translate("StatusText", "Error");
    case TranscriptRole::Escalation:
        return QCoreApplication::translate("StatusText", "Escalation");
    }
    return {};
}

QString outcomeName(OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Ok:
        return QCoreApplication::translate("StatusText", "ok");
    case OutcomeClass::Timeout:
        return QCoreApplication::translate("StatusText", "timeout");
    case OutcomeClass::ConnectError:
        return QCoreApplication::translate("StatusText", "connection error");
    case OutcomeClass::Http4xx:
        return QCoreApplication::translate("StatusText", "HTTP 4xx");
    case OutcomeClass::Http5xx:
        return QCoreApplication::translate("StatusText", "HTTP 5xx");
    case OutcomeClass::InvalidReply:
        return QCoreApplication::translate("StatusText", "invalid reply");
    }
    return {};
}

} // namespace Switchboard::StatusText
