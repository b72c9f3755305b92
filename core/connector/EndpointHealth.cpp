// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EndpointHealth.h"

#include "util/Clock.h"

#include <algorithm>
#include <cmath>

namespace Switchboard::Connector
{

namespace
{
constexpr double s_minLatencyMs = 0.05;
constexpr double s_growth = 1.15;

int severity(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return 0;
    case HealthState::Healthy:
        return 1;
    case HealthState::Degraded:
        return 2;
    case HealthState::Down:
        return 3;
    }
    return 0;
}
} // namespace

EndpointHealth::EndpointHealth(const Clock &clock)
    : EndpointHealth(clock, Thresholds{})
{
}

EndpointHealth::EndpointHealth(const Clock &clock, Thresholds thresholds)
    : m_clock(clock)
    , m_thresholds(thresholds)
    , m_seconds{1000, std::vector<Slot>(60)}
    , m_minutes{60 * 1000, std::vector<Slot>(15)}
    , m_fiveMinutes{5 * 60 * 1000, std::vector<Slot>(288)}
    , m_stateSinceMs(clock.nowMs())
{
    while (m_slowBucket > 0 && bucketValue(m_slowBucket - 1) >= m_thresholds.degradedP95Ms) {
        --m_slowBucket;
    }
}

int EndpointHealth::bucketFor(double latencyMs)
{
    if (!(latencyMs > s_minLatencyMs)) {
        return 0;
    }
    const int bucket = int(std::log(latencyMs / s_minLatencyMs) / std::log(s_growth)) + 1;
    return std::clamp(bucket, 0, HistogramBuckets - 1);
}

double EndpointHealth::bucketValue(int bucket)
{
    if (bucket <= 0) {
        return s_minLatencyMs;
    }
    // Geometric middle of the bucket [min·g^(b-1), min·g^b).
    return s_minLatencyMs * std::pow(s_growth, double(bucket) - 0.5);
}

void EndpointHealth::add(Ring &ring, qint64 nowMs, int bucket, bool error)
{
    const qint64 start = nowMs - nowMs % ring.granularityMs;
    Slot &slot = ring.slots[size_t((start / ring.granularityMs) % qint64(ring.slots.size()))];
    if (slot.startMs != start) {
        slot.startMs = start;
        slot.calls = 0;
        slot.errors = 0;
        slot.slow = 0;
        slot.histogram.assign(HistogramBuckets, 0);
    }
    ++slot.calls;
    if (error) {
        ++slot.errors;
    }
    if (bucket >= m_slowBucket) {
        ++slot.slow;
    }
    ++slot.histogram[size_t(bucket)];
}

void EndpointHealth::record(double latencyMs, OutcomeClass outcome)
{
    const qint64 now = m_clock.nowMs();
    const bool error = outcome != OutcomeClass::Ok;
    const int bucket = bucketFor(latencyMs);
    add(m_seconds, now, bucket, error);
    add(m_minutes, now, bucket, error);
    add(m_fiveMinutes, now, bucket, error);
    m_consecutiveFailures = error ? m_consecutiveFailures + 1 : 0;
    m_anyEvidence = true;
    evaluate(now);
}

void EndpointHealth::recordProbe(const QString &endpointState)
{
    m_endpointState = endpointState;
    if (endpointState == QLatin1String("online")) {
        // A successful probe is evidence the endpoint answers again.
        m_consecutiveFailures = 0;
    }
    m_anyEvidence = true;
    evaluate(m_clock.nowMs());
}

LatencyWindow EndpointHealth::window(const Ring &ring, qint64 nowMs, qint64 spanMs) const
{
    LatencyWindow result;
    std::vector<std::uint64_t> merged(HistogramBuckets, 0);
    const qint64 oldest = nowMs - spanMs;
    for (const Slot &slot : ring.slots) {
        if (slot.startMs < 0 || slot.startMs + ring.granularityMs <= oldest || slot.startMs > nowMs) {
            continue;
        }
        result.calls += slot.calls;
        result.errors += slot.errors;
        for (int i = 0; i < HistogramBuckets; ++i) {
            merged[size_t(i)] += slot.histogram[size_t(i)];
        }
    }
    if (result.calls == 0) {
        return result;
    }
    const auto percentile = [&](double p) {
        const auto target = std::uint64_t(std::ceil(p * double(result.calls)));
        std::uint64_t seen = 0;
        for (int i = 0; i < HistogramBuckets; ++i) {
            seen += merged[size_t(i)];
            if (seen >= target) {
                return bucketValue(i);
            }
        }
        return bucketValue(HistogramBuckets - 1);
    };
    result.p50Ms = percentile(0.50);
    result.p95Ms = percentile(0.95);
    result.p99Ms = percentile(0.99);
    return result;
}

EndpointHealth::MinuteCounts EndpointHealth::minuteCounts(qint64 nowMs) const
{
    // The slots window(m_seconds, nowMs, 60 s) merges.
    MinuteCounts counts;
    const qint64 oldest = nowMs - 60 * 1000;
    for (const Slot &slot : m_seconds.slots) {
        if (slot.startMs < 0 || slot.startMs + m_seconds.granularityMs <= oldest || slot.startMs > nowMs) {
            continue;
        }
        counts.calls += slot.calls;
        counts.errors += slot.errors;
        counts.slow += slot.slow;
    }
    return counts;
}

HealthState EndpointHealth::rawState(qint64 nowMs) const
{
    if (!m_endpointState.isEmpty() && m_endpointState != QLatin1String("online")) {
        return HealthState::Down;
    }
    if (m_consecutiveFailures >= m_thresholds.downConsecutiveFailures) {
        return HealthState::Down;
    }
    const MinuteCounts counts = minuteCounts(nowMs);
    LatencyWindow minute;
    minute.calls = counts.calls;
    minute.errors = counts.errors;
    if (minute.calls >= m_thresholds.minCalls) {
        if (minute.errorRate() >= m_thresholds.downErrorRate) {
            return HealthState::Down;
        }
        // window()'s p95 is the value of the first bucket where the running count reaches
        // ceil(0.95 · calls); it is at least degradedP95Ms exactly when the calls below
        // m_slowBucket fall short of that count.
        const auto p95Rank = qint64(std::ceil(0.95 * double(minute.calls)));
        const bool slowP95 = minute.calls - counts.slow < p95Rank;
        if (minute.errorRate() >= m_thresholds.degradedErrorRate || slowP95) {
            return HealthState::Degraded;
        }
    } else if (m_consecutiveFailures > 0) {
        return HealthState::Degraded;
    }
    return m_anyEvidence ? HealthState::Healthy : HealthState::Unknown;
}

void EndpointHealth::evaluate(qint64 nowMs) const
{
    const HealthState raw = rawState(nowMs);
    if (raw == m_state) {
        m_pendingSinceMs = -1;
        return;
    }
    const bool worse = severity(raw) > severity(m_state) || m_state == HealthState::Unknown;
    if (worse) {
        m_state = raw;
        m_stateSinceMs = nowMs;
        m_pendingSinceMs = -1;
        return;
    }
    // Better: only after it has held for recoverAfterMs (hysteresis).
    if (m_pendingSinceMs < 0 || m_pendingBetter != raw) {
        m_pendingBetter = raw;
        m_pendingSinceMs = nowMs;
    }
    if (nowMs - m_pendingSinceMs >= m_thresholds.recoverAfterMs) {
        m_state = raw;
        m_stateSinceMs = nowMs;
        m_pendingSinceMs = -1;
    }
}

HealthState EndpointHealth::state() const
{
    evaluate(m_clock.nowMs());
    return m_state;
}

QDateTime EndpointHealth::stateSince() const
{
    evaluate(m_clock.nowMs());
    return QDateTime::fromMSecsSinceEpoch(m_stateSinceMs, Qt::UTC);
}

HealthSnapshot EndpointHealth::snapshot() const
{
    const qint64 now = m_clock.nowMs();
    evaluate(now);
    HealthSnapshot snapshot;
    snapshot.state = m_state;
    snapshot.stateSince = QDateTime::fromMSecsSinceEpoch(m_stateSinceMs, Qt::UTC);
    snapshot.endpointState = m_endpointState;
    snapshot.lastMinute = window(m_seconds, now, 60 * 1000);
    snapshot.last15Minutes = window(m_minutes, now, 15 * 60 * 1000);
    snapshot.last24Hours = window(m_fiveMinutes, now, 24 * 60 * 60 * 1000);
    return snapshot;
}

} // namespace Switchboard::Connector
