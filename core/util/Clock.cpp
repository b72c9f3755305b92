// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Clock.h"

#include <QElapsedTimer>

namespace Switchboard
{

namespace
{
class SystemClock final : public Clock
{
public:
    SystemClock()
    {
        m_timer.start();
    }
    qint64 nowMs() const override
    {
        return QDateTime::currentMSecsSinceEpoch();
    }
    qint64 monotonicMs() const override
    {
        return m_timer.elapsed();
    }

private:
    QElapsedTimer m_timer;
};
} // namespace

Clock &Clock::system()
{
    static SystemClock clock;
    return clock;
}

} // namespace Switchboard
