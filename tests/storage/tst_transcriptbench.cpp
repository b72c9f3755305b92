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
};

QTEST_GUILESS_MAIN(TestTranscriptBench)
#include "tst_transcriptbench.moc"
