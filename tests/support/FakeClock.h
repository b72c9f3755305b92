// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Clock.h"

namespace Switchboard::Test
{

/** A Clock that moves only when the test says so. */
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'790'000'000'000)
        : m_nowMs(startMs)
    {
    }
    qint64 nowMs() const override
    {
        return m_nowMs;
    }
    qint64 monotonicMs() const override
    {
        return m_nowMs - m_startMs;
    }
    void advance(qint64 ms)
    {
        m_nowMs += ms;
    }

private:
    qint64 m_nowMs;
    const qint64 m_startMs = m_nowMs;
};

} // namespace Switchboard::Test
