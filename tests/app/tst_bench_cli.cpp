// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of `switchboard-cli bench --json` (label "bench"): a short run with a few consumers
// against its own sandbox process. Checks that every figure is there and sane (positive, ordered
// percentiles) — never how fast it was.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestBenchCli : public QObject
{
    Q_OBJECT

private:
    static QJsonObject runCli(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(QStringLiteral(SWITCHBOARD_CLI));
        process.setArguments(arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start();
        if (!finished.wait(120000)) {
            process.kill();
            qWarning("bench did not finish; stderr: %s", process.readAllStandardError().constData());
            return {};
        }
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 0) {
            qWarning("bench exited %d; stderr: %s", process.exitCode(), err.constData());
            return {};
        }
        const QJsonDocument document = QJsonDocument::fromJson(out.trimmed());
        if (!document.isObject()) {
            qWarning("bench printed no JSON object: %s", out.constData());
        }
        return document.object();
    }

    static void checkPercentiles(const QJsonObject &object, const char *name, bool withP95)
    {
        const QJsonObject p = object.value(QLatin1String(name)).toObject();
        QVERIFY2(!p.isEmpty(), name);
        const double p50 = p.value(QStringLiteral("p50")).toDouble(-1);
        const double p95 = p.value(QStringLiteral("p95")).toDouble(-1);
        const double p99 = p.value(QStringLiteral("p99")).toDouble(-1);
        QVERIFY2(p50 > 0, name);
        if (withP95) {
            QVERIFY2(p50 <= p95 && p95 <= p99, name);
        }
        QVERIFY2(p50 <= p99, name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void saturationRunReportsEveryFigure()
    {
        const QJsonObject r = runCli({QStringLiteral("bench"),
                                      QStringLiteral("--json"),
                                      QStringLiteral("--consumers"),
                                      QStringLiteral("5"),
                                      QStringLiteral("--messages"),
                                      QStringLiteral("20"),
                                      QStringLiteral("--open-conversations"),
                                      QStringLiteral("50")});
        QVERIFY(!r.isEmpty());
        QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("saturation"));
        QCOMPARE(r.value(QStringLiteral("messagesSent")).toInteger(), 100);
        QCOMPARE(r.value(QStringLiteral("roundTrips")).toInteger(), 100);
        QVERIFY(r.value(QStringLiteral("roundTripsPerSecond")).toDouble() > 0);
        checkPercentiles(r, "e2eLatencyMs", true);
        checkPercentiles(r, "connectorLatencyMs", true);
        const QJsonObject connector = r.value(QStringLiteral("connectorLatencyMs")).toObject();
        checkPercentiles(connector, "inbound", true);
        checkPercentiles(connector, "outbound", true);
        QCOMPARE(connector.value(QStringLiteral("inbound")).toObject().value(QStringLiteral("samples")).toInteger(),
                 100);
        // The connector's added time is part of the end-to-end time.
        QVERIFY(connector.value(QStringLiteral("p50")).toDouble() <=
                r.value(QStringLiteral("e2eLatencyMs")).toObject().value(QStringLiteral("p99")).toDouble());
        QVERIFY(r.value(QStringLiteral("connectorCpuSecondsPer1000")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("sandboxCpuSecondsPer1000")).toDouble() > 0);
        // The connector's CPU by thread: the session and the transcript store both worked, and
        // the parts do not add up to more than the process (schedstat and getrusage count the
        // same time; 10 % for their different clocks and the threads' ends of the window).
        const QJsonObject threads = r.value(QStringLiteral("connectorThreadCpuSecondsPer1000")).toObject();
        QVERIFY2(threads.value(QStringLiteral("session")).toDouble() > 0, QJsonDocument(threads).toJson().constData());
        QVERIFY2(threads.value(QStringLiteral("transcriptStore")).toDouble() > 0,
                 QJsonDocument(threads).toJson().constData());
        QVERIFY(threads.value(QStringLiteral("session")).toDouble() +
                    threads.value(QStringLiteral("transcriptStore")).toDouble() +
                    threads.value(QStringLiteral("other")).toDouble() <=
                r.value(QStringLiteral("connectorCpuSecondsPer1000")).toDouble() * 1.1);
        QVERIFY(r.value(QStringLiteral("peakRssMb")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("rss10kConversationsMb")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("rss10kConversationsAtFillEndMb")).toDouble() > 0);
        // The memory is read once the fill has settled, after the moment it completed.
        QVERIFY(r.value(QStringLiteral("fillSeconds")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("peakRssMb")).toDouble() >= r.value(QStringLiteral("idleRssMb")).toDouble());
        QVERIFY(r.value(QStringLiteral("openConversations")).toInt() >= 50);
    }

    void fixedRateRunKeepsTheRate()
    {
        const QJsonObject r = runCli({QStringLiteral("bench"),
                                      QStringLiteral("--json"),
                                      QStringLiteral("--rate"),
                                      QStringLiteral("200"),
                                      QStringLiteral("--duration"),
                                      QStringLiteral("1"),
                                      QStringLiteral("--consumers"),
                                      QStringLiteral("10"),
                                      QStringLiteral("--open-conversations"),
                                      QStringLiteral("0")});
        QVERIFY(!r.isEmpty());
        QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("rate"));
        QVERIFY(r.value(QStringLiteral("roundTrips")).toInteger() > 0);
        // A fixed-rate run never sends faster than asked (token bucket); generous bound, not a timing test.
        QVERIFY(r.value(QStringLiteral("roundTripsPerSecond")).toDouble() < 200 * 1.5);
        checkPercentiles(r, "e2eLatencyMs", true);
        checkPercentiles(r, "connectorLatencyMs", true);
        QVERIFY(!r.contains(QStringLiteral("rss10kConversationsMb")));
    }

    void badOptionIsRejected()
    {
        QProcess process;
        process.start(QStringLiteral(SWITCHBOARD_CLI),
                      {QStringLiteral("bench"), QStringLiteral("--rate"), QStringLiteral("fast")});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--rate"));
    }
};

QTEST_GUILESS_MAIN(TestBenchCli)
#include "tst_bench_cli.moc"
