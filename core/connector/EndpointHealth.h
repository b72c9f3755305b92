// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <array>
#include <cstdint>
#include <vector>

namespace Switchboard
{
class Clock;
}

namespace Switchboard::Connector
{

/**
 * Health of one bot endpoint: every bot call's latency and outcome class, rolled into latency
 * percentiles and error rates over the last minute, 15 minutes and 24 hours, and a state
 * (healthy / degraded / down) with hysteresis: it gets worse at once and better only after the
 * better condition has held for `recoverAfterMs`.
 *
 * Memory is bounded: calls are counted in log-scale latency histograms (±8 % resolution) per time
 * slot — 60 one-second slots, 15 one-minute slots, 288 five-minute slots — allocated only while
 * used. Not a QObject and not thread-safe: it belongs to one session and lives on its thread.
 * Time comes from the injected Clock.
 */
class EndpointHealth final
{
public:
    struct Thresholds
    {
        /** Error rate over the last minute from which the endpoint is degraded. */
        double degradedErrorRate = 0.05;
        /** Error rate over the last minute from which the endpoint is down. */
        double downErrorRate = 0.5;
        /** Failed calls in a row that make the endpoint down. */
        int downConsecutiveFailures = 3;
        /** p95 latency over the last minute from which the endpoint is degraded. */
        double degradedP95Ms = 5000;
        /** Fewer calls than this in the last minute say nothing about rates. */
        int minCalls = 5;
        /** How long a better condition must hold before the state improves. */
        qint64 recoverAfterMs = 30000;
    };

    explicit EndpointHealth(const Clock &clock);
    EndpointHealth(const Clock &clock, Thresholds thresholds);

    /** Records one bot call that ended now. */
    void record(double latencyMs, OutcomeClass outcome);
    /** Records the result of a state probe: anything but "online" makes the endpoint down at once. */
    void recordProbe(const QString &endpointState);

    HealthState state() const;
    QDateTime stateSince() const;
    bool isDown() const
    {
        return state() == HealthState::Down;
    }
    HealthSnapshot snapshot() const;
    int consecutiveFailures() const
    {
        return m_consecutiveFailures;
    }

    static constexpr int HistogramBuckets = 120;
    static int bucketFor(double latencyMs);
    static double bucketValue(int bucket);

private:
    struct Slot
    {
        qint64 startMs = -1;
        qint64 calls = 0;
        qint64 errors = 0;
        /** Calls at or above slowBucket(): what decides whether the p95 reaches degradedP95Ms. */
        qint64 slow = 0;
        std::vector<std::uint32_t> histogram; // allocated on first use
    };
    struct Ring
    {
        qint64 granularityMs;
        std::vector<Slot> slots;
    };

    void add(Ring &ring, qint64 nowMs, int bucket, bool error);
    LatencyWindow window(const Ring &ring, qint64 nowMs, qint64 spanMs) const;
    /**
     * Whether the last minute's p95 (as window() computes it) reaches degradedP95Ms, from the
     * minute's call count and its slow calls: rawState() runs on every call and every state()
     * check, so it adds up 60 slots' counters rather than merging their histograms.
     */
    struct MinuteCounts
    {
        qint64 calls = 0;
        qint64 errors = 0;
        qint64 slow = 0;
    };
    MinuteCounts minuteCounts(qint64 nowMs) const;
    HealthState rawState(qint64 nowMs) const;
    void evaluate(qint64 nowMs) const;

    const Clock &m_clock;
    Thresholds m_thresholds;
    /** The first histogram bucket whose value is at least degradedP95Ms (HistogramBuckets: none). */
    int m_slowBucket = HistogramBuckets;
    Ring m_seconds;
    Ring m_minutes;
    Ring m_fiveMinutes;
    int m_consecutiveFailures = 0;
    QString m_endpointState;
    bool m_anyEvidence = false;

    // Evaluated lazily (state() is const); hysteresis bookkeeping.
    mutable HealthState m_state = HealthState::Unknown;
    mutable qint64 m_stateSinceMs = 0;
    mutable HealthState m_pendingBetter = HealthState::Unknown;
    mutable qint64 m_pendingSinceMs = -1;
};

} // namespace Switchboard::Connector
