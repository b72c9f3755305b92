// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/TranscriptBenchmark.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Switchboard;
using namespace Switchboard::Storage;

/**
 * The transcript store's write cost per connector round trip (store thread CPU; the WAL bytes
 * come from `perf stat -e syscalls:sys_enter_pwrite64 --filter 'count == 24'` around this test,
 * one 24-byte frame header per WAL page). Printed, not asserted; the transcripts read back are
 * checked. SWITCHBOARD_BENCH_ROUND_TRIPS and SWITCHBOARD_BENCH_PER_COMMIT override the size
 * (10 000) and the round trips per commit (50: 1 000/s with the 50 ms commit interval).
 */
class TestTranscriptRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void roundTrips()
    {
        bool ok = false;
        int roundTrips = qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_ROUND_TRIPS", &ok);
        if (!ok || roundTrips <= 0) {
            roundTrips = 10000;
        }
        int perCommit = qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_PER_COMMIT", &ok);
        if (!ok || perCommit <= 0) {
            perCommit = 50;
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString report;
        QTextStream out(&report);
        const Result<RoundTripBenchmarkResult> result = runRoundTripBenchmark(out, roundTrips, 200, perCommit, dir.path());
        for (const QString &line : report.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            qInfo().noquote() << line;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->roundTrips, roundTrips);
        QVERIFY(result->storeCpuUsPerRoundTrip > 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptRoundTrip)
#include "tst_transcriptroundtrip.moc"
