// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace Switchboard::LivePerson
{

using std::chrono::milliseconds;

RetryPolicy::RetryPolicy(Options options)
    : m_options(std::move(options))
{
}

bool RetryPolicy::isRetryable(const ApiError &error)
{
    switch (error.kind) {
    case ApiErrorKind::Network:
    case ApiErrorKind::Timeout:
        return true;
    case ApiErrorKind::Http:
        return error.status == 429 || (error.status >= 500 && error.status <= 599);
    case ApiErrorKind::Tls:
    case ApiErrorKind::Protocol:
    case ApiErrorKind::NotConnected:
    case ApiErrorKind::Cancelled:
    case ApiErrorKind::InvalidArgument:
    case ApiErrorKind::Config:
        return false;
    }
    return false;
}

std::optional<milliseconds> RetryPolicy::delayFor(Operation operation, const ApiError &error, int failures) const
{
    if (!isRetryable(error)) {
        return std::nullopt;
    }
    failures = std::max(failures, 1);
    if (error.kind == ApiErrorKind::Http && error.status == 429) {
        const milliseconds floor =
            operation == Operation::Login ? m_options.loginTooManyRequests : m_options.tooManyRequests;
        return std::max(floor, error.retryAfter);
    }
    milliseconds delay;
    const int steps = static_cast<int>(m_options.serverErrorSteps.size());
    if (failures <= steps) {
        delay = m_options.serverErrorSteps.at(failures - 1);
    } else {
        // 2, 4, 8 … minutes; the exponent is bounded before shifting so it cannot overflow.
        const int exponent = std::min(failures - steps - 1, 30);
        const double scaled = static_cast<double>(m_options.longBackoffBase.count()) * std::pow(2.0, exponent);
        delay =
            milliseconds(static_cast<qint64>(std::min(scaled, static_cast<double>(m_options.longBackoffCap.count()))));
    }
    return std::max(delay, error.retryAfter);
}

ReconnectBackoff::ReconnectBackoff()
    : ReconnectBackoff(Options{})
{
}

ReconnectBackoff::ReconnectBackoff(Options options, RandomSource random)
    : m_options(options)
    , m_random(std::move(random))
{
    if (!m_random) {
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
    }
}

milliseconds ReconnectBackoff::delayFor(int attempt) const
{
    attempt = std::clamp(attempt, 1, 1000);
    const double base =
        static_cast<double>(m_options.initial.count()) * std::pow(std::max(m_options.growth, 1.0), attempt - 1);
    const double capped = std::min(base, static_cast<double>(m_options.cap.count()));
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    const double factor = 1.0 + jitter * (2.0 * std::clamp(m_random(), 0.0, 1.0) - 1.0);
    return milliseconds(std::max<qint64>(0, static_cast<qint64>(std::llround(capped * factor))));
}

} // namespace Switchboard::LivePerson
