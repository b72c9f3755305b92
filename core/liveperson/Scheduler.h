// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <chrono>
#include <functional>

namespace Switchboard::LivePerson
{

/**
 * Runs delayed one-shot work: every retry and reconnect delay of the LivePerson clients goes
 * through a Scheduler, so a test can record the delays a policy computed and fire them at once
 * instead of waiting. (Fixed keep-alive intervals are plain QTimers with configurable periods.)
 *
 * Ownership: the returned handle is a QObject child of `owner`; deleting it cancels the call,
 * and so does destroying the owner. The callback runs on the owner's thread. The default
 * instance, system(), uses a single-shot QTimer and is stateless (safe from any thread).
 */
class Scheduler
{
public:
    virtual ~Scheduler() = default;

    /** Calls `callback` once after `delay`; returns the handle that cancels it when deleted. */
    virtual QObject *schedule(std::chrono::milliseconds delay, QObject *owner, std::function<void()> callback) = 0;

    static Scheduler &system();
};

} // namespace Switchboard::LivePerson
