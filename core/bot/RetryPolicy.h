// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "HttpClient.h"

#include <functional>

namespace Switchboard::Bot
{

/**
 * Timeout and retry rules of one integration. Defaults follow Third-Party Bots: 60 s per request,
 * 3 attempts in all, pauses of about 5 s and 10 s between them (±20 % jitter); a 429 waits at
 * least 1 s (longer if the bot sends Retry-After, up to maxPauseMs). Timeouts, connection errors,
 * 5xx and 429 are retried; other 4xx never are.
 */
struct RetryPolicy
{
    int timeoutMs = 60000;
    int maxAttempts = 3;
    /** The pause before attempt n+1 is backoffBaseMs × n, spread by ±jitterFraction. */
    int backoffBaseMs = 5000;
    double jitterFraction = 0.2;
    /** Least pause after a 429. */
    int minPauseAfter429Ms = 1000;
    int maxPauseMs = 60000;
    /**
     * Replaces the computed pause when set (tests pass short or zero pauses). Arguments: the
     * attempt that just failed (1-based) and the least pause the rules require.
     */
    std::function<int(int attempt, int leastMs)> pauseOverride;

    /** Whether this answer should be tried again (ignoring the attempt count). */
    static bool isRetryable(const HttpResponse &response);
    /** The pause before the next attempt, after `attempt` failed with `response`. */
    int pauseBeforeRetry(int attempt, const HttpResponse &response) const;
};

/** The outcome class of one HTTP answer (as the hop record reports it). */
HopOutcome classifyHop(const HttpResponse &response);

} // namespace Switchboard::Bot
