// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonObject>

namespace Switchboard::Cli
{

/** Parameters of `switchboard-cli bench --ceiling`. */
struct CeilingOptions
{
    /** Measured window per row, after a 300 ms warm-up. */
    double durationS = 3.0;
    /** Messages in flight on the one WebSocket. */
    int inFlight = 32;
};

/**
 * The raw loopback ceiling of this machine for the UMS leg, with no Switchboard code on the path:
 * a bare QWebSocket echo (one socket, inFlight 600-byte text frames — the size of a UMS
 * notification — in flight; wss:// with the sandbox's certificate authority, and ws://). Server
 * on its own QThread, client on the calling thread, both in this process, so the two share the
 * machine's cores as the sandbox and the connector do. (The bare HTTP round trip of the bot leg
 * is tests/bot/tst_bot_bench: libcurl against a plain epoll responder, docs/PERFORMANCE.md.)
 *
 * Runs the application's event loop until done; returns rows
 * {"rows":[{"name","roundTripsPerSecond","cpuMsPerRoundTrip","roundTrips"}…]}.
 */
Result<QJsonObject> runCeiling(const CeilingOptions &options);

/** Prints runCeiling()'s rows as a table on standard output. */
void printCeilingTable(const QJsonObject &ceiling);

} // namespace Switchboard::Cli
