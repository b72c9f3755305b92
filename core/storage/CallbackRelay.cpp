// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CallbackRelay.h"

namespace Switchboard::Storage::Detail
{

RelayHandle CallbackRelay::makeRelay(QObject *context)
{
    auto *relay = new CallbackRelay;
    // Queued even within one thread: completions always arrive on a later event-loop turn, and
    // Qt removes the connection (and so the call) if the context is destroyed first.
    connect(
        relay,
        &CallbackRelay::posted,
        context,
        [](const std::function<void()> &call) {
            call();
        },
        Qt::QueuedConnection);
    // Queued events already posted to the context survive the relay's deletion.
    return RelayHandle(relay, [](CallbackRelay *r) {
        r->deleteLater();
    });
}

void CallbackRelay::post(std::function<void()> call)
{
    // Emitting is thread-safe; the queued connection copies the functor into the event.
    Q_EMIT posted(call);
}

} // namespace Switchboard::Storage::Detail
