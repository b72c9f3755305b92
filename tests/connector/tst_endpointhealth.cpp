// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClock.h"
#include "connector/EndpointHealth.h"

#include <QRandomGenerator>
#include <QTest>

namespace Switchboard::Connector
{
// QTest finds this printer by argument-dependent lookup.
char *toString(HealthState state)
{
    return qstrdup(qPrintable(displayName(state)));
}
} // namespace Switchboard::Connector

using namespace Switchboard;
using namespace Switchboard::Connector;

class TestEndpointHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownUntilEvidence()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        QCOMPARE(health.state(), HealthState::Unknown);
        health.record(12, OutcomeClass::Ok);
        QCOMPARE(health.state(), HealthState::Healthy);
    }

    void percentilesWithinResolution()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        // 1..100 ms, one call each: p50 ≈ 50, p95 ≈ 95, p99 ≈ 99 (±8 % bucket resolution).
        for (int i = 1; i <= 100; ++i) {
            health.record(i, OutcomeClass::Ok);
            clock.advance(100);
        }
        const auto snapshot = health.snapshot();
        QCOMPARE(snapshot.lastMinute.calls, qint64(100));
        QVERIFY2(qAbs(snapshot.lastMinute.p50Ms - 50) <= 50 * 0.08, qPrintable(QString::number(snapshot.lastMinute.p50Ms)));
        QVERIFY2(qAbs(snapshot.lastMinute.p95Ms - 95) <= 95 * 0.08, qPrintable(QString::number(snapshot.lastMinute.p95Ms)));
        QVERIFY2(qAbs(snapshot.lastMinute.p99Ms - 99) <= 99 * 0.08, qPrintable(QString::number(snapshot.lastMinute.p99Ms)));
        QCOMPARE(snapshot.last24Hours.calls, qint64(100));
    }

    void windowsForget()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        for (int i = 0; i < 10; ++i) {
            health.record(5, OutcomeClass::Ok);
        }
        clock.advance(61 * 1000);
        auto snapshot = health.snapshot();
        QCOMPARE(snapshot.lastMinute.calls, qint64(0));
        QCOMPARE(snapshot.last15Minutes.calls, qint64(10));
        clock.advance(15 * 60 * 1000);
        snapshot = health.snapshot();
        QCOMPARE(snapshot.last15Minutes.calls, qint64(0));
        QCOMPARE(snapshot.last24Hours.calls, qint64(10));
        clock.advance(24 * 60 * 60 * 1000);
        QCOMPARE(health.snapshot().last24Hours.calls, qint64(0));
    }

    void consecutiveFailuresMakeItDown()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        health.record(5, OutcomeClass::Ok);
        health.record(60000, OutcomeClass::Timeout);
        QCOMPARE(health.state(), HealthState::Degraded);
        health.record(3, OutcomeClass::ConnectError);
        health.record(3, OutcomeClass::Http5xx);
        QCOMPARE(health.state(), HealthState::Down);
        QCOMPARE(health.consecutiveFailures(), 3);
    }

    void recoversOnlyAfterHysteresis()
    {
        Test::FakeClock clock;
        EndpointHealth::Thresholds thresholds;
        thresholds.recoverAfterMs = 30000;
        EndpointHealth health(clock, thresholds);
        for (int i = 0; i < 3; ++i) {
            health.record(1, OutcomeClass::Http5xx);
        }
        QCOMPARE(health.state(), HealthState::Down);
        // A good probe and good calls: the 1-minute error rate is still high.
        health.recordProbe(QStringLiteral("online"));
        for (int i = 0; i < 3; ++i) {
            health.record(1, OutcomeClass::Ok);
        }
        QCOMPARE(health.state(), HealthState::Down); // 3 errors of 6 = 50 %
        clock.advance(61 * 1000);
        health.record(1, OutcomeClass::Ok);
        QCOMPARE(health.state(), HealthState::Down); // better, but not for 30 s yet
        clock.advance(29 * 1000);
        QCOMPARE(health.state(), HealthState::Down);
        clock.advance(1000);
        QCOMPARE(health.state(), HealthState::Healthy);
    }

    void probeNotOnlineIsDownAtOnce()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        health.record(2, OutcomeClass::Ok);
        health.recordProbe(QStringLiteral("maintenance"));
        QCOMPARE(health.state(), HealthState::Down);
        QCOMPARE(health.snapshot().endpointState, QStringLiteral("maintenance"));
    }

    void slowIsDegraded()
    {
        Test::FakeClock clock;
        EndpointHealth health(clock);
        for (int i = 0; i < 20; ++i) {
            health.record(i < 18 ? 10 : 9000, OutcomeClass::Ok);
        }
        QCOMPARE(health.state(), HealthState::Degraded);
    }

    void slowP95DecidesAsThePercentile()
    {
        // The state's p95 check counts slow calls instead of merging histograms: it must agree with
        // the p95 the snapshot reports, whichever share of calls is slow and wherever the threshold is.
        QRandomGenerator random(11);
        for (int round = 0; round < 300; ++round) {
            Test::FakeClock clock;
            EndpointHealth::Thresholds thresholds;
            thresholds.degradedP95Ms = EndpointHealth::bucketValue(random.bounded(EndpointHealth::HistogramBuckets)) *
                                       (round % 3 == 0 ? 1.0 : 0.97);
            thresholds.recoverAfterMs = 0; // no hysteresis: the state follows the last minute
            EndpointHealth health(clock, thresholds);
            const int calls = 5 + random.bounded(60);
            const int slowShare = random.bounded(100);
            for (int i = 0; i < calls; ++i) {
                const bool slow = random.bounded(100) < slowShare;
                const double ms = slow ? thresholds.degradedP95Ms * (1 + random.bounded(3.0))
                                       : thresholds.degradedP95Ms * random.bounded(1.0);
                health.record(ms, OutcomeClass::Ok);
                if (random.bounded(4) == 0) {
                    clock.advance(random.bounded(2000));
                }
            }
            const HealthSnapshot snapshot = health.snapshot();
            const bool slowP95 = snapshot.lastMinute.calls >= thresholds.minCalls
                                 && snapshot.lastMinute.p95Ms >= thresholds.degradedP95Ms;
            QCOMPARE(health.state(), slowP95 ? HealthState::Degraded : HealthState::Healthy);
        }
    }

    void bucketsAreMonotonic()
    {
        int previous = -1;
        for (double ms = 0.01; ms < 200000; ms *= 1.3) {
            const int bucket = EndpointHealth::bucketFor(ms);
            QVERIFY(bucket >= previous);
            previous = bucket;
            if (ms > 0.1 && ms < 100000) {
                QVERIFY(qAbs(EndpointHealth::bucketValue(bucket) - ms) <= ms * 0.08);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEndpointHealth)
#include "tst_endpointhealth.moc"
