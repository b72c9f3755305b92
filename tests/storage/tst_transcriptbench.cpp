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
 * The transcript store at 1 000 000 messages: build time and the console's query times, printed
 * (speed targets are read from benchmark output, not asserted). The answers are checked.
 * SWITCHBOARD_BENCH_MESSAGES overrides the size for a quick local run.
 *
 * roundTrips(): the store's write cost per connector round trip (store thread CPU, printed; the
 * WAL bytes come from `perf stat -e syscalls:sys_enter_pwrite64 --filter 'count == 24'` around
 * `tst_transcriptbench roundTrips`, one 24-byte frame header per WAL page). The transcripts read
 * back are checked. SWITCHBOARD_BENCH_ROUND_TRIPS and SWITCHBOARD_BENCH_PER_COMMIT override the
 * size (10 000) and the round trips per commit (100: 1 000/s with the 100 ms commit interval).
 */
class TestTranscriptBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void millionMessages()
    {
        bool ok = false;
        int messages = qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_MESSAGES", &ok);
        if (!ok || messages <= 0) {
            messages = 1000000;
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString report;
        QTextStream out(&report);
        const Result<TranscriptBenchmarkResult> result = runTranscriptBenchmark(out, messages, dir.path());
        for (const QString &line : report.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            qInfo().noquote() << line;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->messageCount, qint64(messages));
        QVERIFY(result->fullTextSearch); // Debian's SQLite has FTS5
    }

    void roundTrips()
    {
        const auto setting = [](const char *name, int fallback) {
            bool ok = false;
            const int value = qEnvironmentVariableIntValue(name, &ok);
            return ok && value > 0 ? value : fallback;
        };
        const int roundTrips = setting("SWITCHBOARD_BENCH_ROUND_TRIPS", 10000);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString report;
        QTextStream out(&report);
        const Result<RoundTripBenchmarkResult> result =
            runRoundTripBenchmark(out, roundTrips, 200, setting("SWITCHBOARD_BENCH_PER_COMMIT", 100), dir.path());
        for (const QString &line : report.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            qInfo().noquote() << line;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->roundTrips, roundTrips);
        QVERIFY(result->storeCpuUsPerRoundTrip > 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptBench)
#include "tst_transcriptbench.moc"
