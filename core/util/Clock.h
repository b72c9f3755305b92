// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace Switchboard
{

/**
 * Source of wall-clock and monotonic time. Everything in core/ that reasons about time takes a
 * Clock, so tests can use FakeClock (tests/support) and never sleep. The system clock is a
 * process-wide singleton owned by this file; it is thread-safe.
 */
class Clock
{
public:
    virtual ~Clock() = default;

    /** Milliseconds since the Unix epoch (UTC). */
    virtual qint64 nowMs() const = 0;
    /** Monotonic milliseconds, for durations and timeouts. */
    virtual qint64 monotonicMs() const = 0;

    QDateTime now() const
    {
        return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    }

    static Clock &system();
};

} // namespace Switchboard
