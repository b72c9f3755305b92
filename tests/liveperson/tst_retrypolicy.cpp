// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveperson/RetryPolicy.h"

#include <QTest>

using namespace std::chrono_literals;
using namespace Switchboard::LivePerson;
using std::chrono::milliseconds;

namespace
{
ApiError http(int status, milliseconds retryAfter = 0ms)
{
    ApiError error;
    error.kind = ApiErrorKind::Http;
    error.status = status;
    error.retryAfter = retryAfter;
    return error;
}
ApiError ofKind(ApiErrorKind kind)
{
    ApiError error;
    error.kind = kind;
    return error;
}
} // namespace

/** LivePerson's documented REST retry policy and the reconnect backoff, as pure computations. */
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noRetryOnClientErrors_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {400, 401, 403, 404, 409, 451}) {
            QTest::addRow("%d", status) << status;
        }
    }
    void noRetryOnClientErrors()
    {
        QFETCH(int, status);
        const RetryPolicy policy;
        QVERIFY(!policy.delayFor(RetryPolicy::Operation::Login, http(status), 1));
        QVERIFY(!policy.delayFor(RetryPolicy::Operation::Other, http(status), 1));
    }

    void noRetryOnTlsProtocolOrConfig()
    {
        const RetryPolicy policy;
        for (ApiErrorKind kind : {ApiErrorKind::Tls,
                                  ApiErrorKind::Protocol,
                                  ApiErrorKind::Config,
                                  ApiErrorKind::InvalidArgument,
                                  ApiErrorKind::Cancelled}) {
            QVERIFY(!policy.delayFor(RetryPolicy::Operation::Login, ofKind(kind), 1));
        }
    }

    void tooManyRequestsWaitsAtLeastFiveSecondsForLogin()
    {
        const RetryPolicy policy;
        for (int failures : {1, 2, 5, 20}) {
            QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(429), failures), milliseconds(5000));
            QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Other, http(429), failures), milliseconds(1000));
        }
        // The server may ask for longer, never for shorter.
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(429, 12s), 1), milliseconds(12000));
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(429, 1s), 1), milliseconds(5000));
    }

    void serverErrorsFollowTheDocumentedSchedule()
    {
        const RetryPolicy policy;
        const QList<milliseconds> expected{5s, 10s, 15s, 2min, 4min, 8min, 16min, 32min, 32min, 32min};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(503), i + 1), expected.at(i));
            QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Other, http(500), i + 1), expected.at(i));
        }
        // Connection errors count as server errors.
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Other, ofKind(ApiErrorKind::Network), 2), milliseconds(10s));
        // Huge failure counts do not overflow.
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Other, http(502), 100000), milliseconds(32min));
    }

    void scheduleIsConfigurable()
    {
        RetryPolicy::Options options;
        options.serverErrorSteps = {5ms, 10ms};
        options.longBackoffBase = 100ms;
        options.longBackoffCap = 250ms;
        const RetryPolicy policy(options);
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(500), 1), 5ms);
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(500), 2), 10ms);
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(500), 3), 100ms);
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(500), 4), 200ms);
        QCOMPARE(*policy.delayFor(RetryPolicy::Operation::Login, http(500), 5), 250ms);
    }

    void reconnectBackoffGrowsByAQuarterAndCaps()
    {
        const ReconnectBackoff backoff(ReconnectBackoff::Options{}, [] {
            return 0.5; // no jitter
        });
        QCOMPARE(backoff.delayFor(1), 5000ms);
        QCOMPARE(backoff.delayFor(2), 6250ms);
        QCOMPARE(backoff.delayFor(3), 7813ms);
        QCOMPARE(backoff.delayFor(10), milliseconds(37253));
        QCOMPARE(backoff.delayFor(30), 120000ms);
        QCOMPARE(backoff.delayFor(5000), 120000ms);
    }

    void reconnectBackoffIsJitteredWithinBounds()
    {
        double next = 0.0;
        const ReconnectBackoff backoff(ReconnectBackoff::Options{}, [&next] { return next; });
        next = 0.0;
        QCOMPARE(backoff.delayFor(1), 4000ms);
        next = 0.999999;
        QVERIFY(backoff.delayFor(1) <= 6000ms && backoff.delayFor(1) > 5990ms);

        const ReconnectBackoff real; // the process-wide random source
        for (int i = 0; i < 200; ++i) {
            const milliseconds delay = real.delayFor(1);
            QVERIFY(delay >= 4000ms && delay <= 6000ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
