// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <algorithm>

namespace Switchboard::Bot
{

bool RetryPolicy::isRetryable(const HttpResponse &response)
{
    switch (response.error) {
    case HttpError::Timeout:
    case HttpError::Connect:
    case HttpError::Resolve:
    case HttpError::Proxy:
    case HttpError::Protocol:
        return true;
    case HttpError::Tls:
    case HttpError::TooLarge:
    case HttpError::Cancelled:
    case HttpError::Other:
        // A certificate or a size limit does not fix itself between attempts.
        return false;
    case HttpError::None:
        break;
    }
    return response.status == 429 || response.status >= 500;
}

int RetryPolicy::pauseBeforeRetry(int attempt, const HttpResponse &response) const
{
    int least = 0;
    if (response.status == 429) {
        least = minPauseAfter429Ms;
        if (response.retryAfterSeconds > 0) {
            least =
                int(std::min<qint64>(qint64(maxPauseMs), std::max<qint64>(least, response.retryAfterSeconds * 1000)));
        }
    }
    if (pauseOverride) {
        return std::max(0, pauseOverride(attempt, least));
    }
    const double base = double(backoffBaseMs) * std::max(1, attempt);
    const double spread = base * std::clamp(jitterFraction, 0.0, 1.0);
    const double jittered = base + (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * spread;
    return std::clamp(std::max(least, int(jittered)), 0, std::max(maxPauseMs, least));
}

HopOutcome classifyHop(const HttpResponse &response)
{
    switch (response.error) {
    case HttpError::Timeout:
        return HopOutcome::Timeout;
    case HttpError::Tls:
        return HopOutcome::TlsError;
    case HttpError::Connect:
    case HttpError::Resolve:
    case HttpError::Proxy:
    case HttpError::Protocol:
    case HttpError::Other:
        return HopOutcome::ConnectError;
    case HttpError::TooLarge:
        return HopOutcome::InvalidReply;
    case HttpError::Cancelled:
        return HopOutcome::Cancelled;
    case HttpError::None:
        break;
    }
    if (response.status == 429) {
        return HopOutcome::RateLimited;
    }
    if (response.status >= 500) {
        return HopOutcome::HttpServerError;
    }
    if (response.status >= 400) {
        return HopOutcome::HttpClientError;
    }
    return HopOutcome::Success;
}

} // namespace Switchboard::Bot
