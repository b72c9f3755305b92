// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace Switchboard::Storage::Detail
{

class CallbackRelay;
/** Shared owner of a relay; the last owner releases it (deleteLater, from any thread). */
using RelayHandle = std::shared_ptr<CallbackRelay>;

/**
 * Carries one completion callback to the thread of a caller's context object, safely even when
 * the work finished on another thread and the context may be destroyed meanwhile.
 *
 * Internal to storage/. Make one with makeRelay() in the calling thread while the context is
 * known to be alive: the relay connects itself to the context with a queued connection, so Qt
 * drops the call if the context is gone by then. post() may be called from any thread.
 */
class CallbackRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackRelay)

public:
    /** A relay bound to @p context; the function passed to post() runs in the context's thread. */
    static RelayHandle makeRelay(QObject *context);

    /** Runs @p call in the context's thread on a later event-loop turn, if the context still lives. */
    void post(std::function<void()> call);

Q_SIGNALS:
    void posted(const std::function<void()> &call);

private:
    CallbackRelay() = default;
};

} // namespace Switchboard::Storage::Detail
