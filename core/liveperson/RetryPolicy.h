// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"

#include <QList>
#include <chrono>
#include <functional>
#include <optional>

namespace Switchboard::LivePerson
{

/**
 * LivePerson's documented retry policy for REST calls (Login Service retry-policy page,
 * reference §2): no retry on a 4xx except 429; on 429 wait at least 5 s before a login and at
 * least 1 s before anything else (longer if the server's Retry-After says so); on a 5xx (and on
 * connection errors, which we treat alike) retry after 5, 10 and 15 s, then back off for
 * 2, 4, 8 … minutes up to a cap. TLS, protocol and configuration failures are not retried.
 *
 * A value type: copy it freely. Every delay is configurable so tests can shrink them; the
 * defaults are the documented ones.
 */
class RetryPolicy final
{
public:
    enum class Operation
    {
        Login, ///< the login call (429 → at least 5 s)
        Other, ///< CSDS, refresh, skills, logout (429 → at least 1 s)
    };

    struct Options
    {
        std::chrono::milliseconds loginTooManyRequests{5000};
        std::chrono::milliseconds tooManyRequests{1000};
        /** Delays before the 1st, 2nd, 3rd retry after a server error. */
        QList<std::chrono::milliseconds> serverErrorSteps{
            std::chrono::seconds(5), std::chrono::seconds(10), std::chrono::seconds(15)};
        /** First delay of the long backoff that follows, doubled for each further attempt. */
        std::chrono::milliseconds longBackoffBase{std::chrono::minutes(2)};
        std::chrono::milliseconds longBackoffCap{std::chrono::minutes(32)};
    };

    RetryPolicy() = default;
    explicit RetryPolicy(Options options);

    const Options &options() const
    {
        return m_options;
    }

    /**
     * The delay before retrying after `error`, given that this is the `failures`-th consecutive
     * failure (1 for the first); nullopt when the call must not be retried.
     */
    std::optional<std::chrono::milliseconds> delayFor(Operation operation, const ApiError &error, int failures) const;

    /** Whether `error` is worth a retry at all (a 5xx, 429 or a connection error). */
    static bool isRetryable(const ApiError &error);

private:
    Options m_options;
};

/**
 * Delays between reconnect attempts of the agent connection: the SDK README's suggestion
 * (reference §3.6): 5 s first, × 1.25 per attempt, jittered (±20 % by default) so a fleet does
 * not reconnect in lock-step, capped (2 min by default). Unlike the README it never gives up.
 * The random source is injectable for deterministic tests.
 */
class ReconnectBackoff final
{
public:
    struct Options
    {
        std::chrono::milliseconds initial{5000};
        double growth = 1.25;
        /** Each delay is multiplied by a uniform factor in [1 - jitter, 1 + jitter]. */
        double jitter = 0.2;
        std::chrono::milliseconds cap{std::chrono::minutes(2)};
    };
    /** Returns a uniform value in [0, 1). */
    using RandomSource = std::function<double()>;

    ReconnectBackoff();
    explicit ReconnectBackoff(Options options, RandomSource random = {});

    const Options &options() const
    {
        return m_options;
    }

    /** The delay before attempt number `attempt` (1 for the first reconnect). */
    std::chrono::milliseconds delayFor(int attempt) const;

private:
    Options m_options;
    RandomSource m_random;
};

} // namespace Switchboard::LivePerson
