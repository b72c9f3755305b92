// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClock.h"
#include "FakeConnectorSession.h"
#include "HealthGraphWidget.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeClock;
using Switchboard::Test::FakeConnectorSession;

class TestHealthGraph : public QObject
{
    Q_OBJECT

private:
    static HealthBucket bucket(qint64 startMs, qint64 calls, double p50, double p95, double p99, HealthState state)
    {
        HealthBucket b;
        b.startMs = startMs;
        b.calls = calls;
        b.p50Ms = p50;
        b.p95Ms = p95;
        b.p99Ms = p99;
        b.state = state;
        b.outcomes[size_t(OutcomeClass::Ok)] = calls;
        return b;
    }

    // One bucket a minute over the last hour: healthy, then a degraded stretch with timeouts and 5xx.
    static QList<HealthBucket> lastHour(qint64 nowMs)
    {
        QList<HealthBucket> list;
        for (int i = 60; i > 0; --i) {
            const qint64 start = nowMs - i * 60'000;
            const bool bad = i <= 20 && i > 10;
            HealthBucket b = bucket(start,
                                    100,
                                    120,
                                    bad ? 2400 : 480,
                                    bad ? 5000 : 900,
                                    bad ? HealthState::Degraded : HealthState::Healthy);
            if (bad) {
                b.outcomes[size_t(OutcomeClass::Timeout)] = 7;
                b.outcomes[size_t(OutcomeClass::Http5xx)] = 3;
            }
            list.append(b);
        }
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void loadsHistoryWhenShownAndShowsBucketFigures()
    {
        FakeClock clock;
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        session.setHealthHistory(lastHour(clock.nowMs()));
        HealthGraphWidget graph;
        graph.setClock(&clock);
        graph.resize(800, 220);
        graph.setSession(&session);
        QCOMPARE(graph.range(), HealthGraphWidget::Range::OneHour);
        QSignalSpy changed(&graph, &HealthGraphWidget::dataChanged);
        graph.show();
        QVERIFY(QTest::qWaitForWindowExposed(&graph));
        QTRY_COMPARE(graph.buckets().size(), 60);
        QVERIFY(changed.count() >= 1);

        const auto requests = session.healthRequests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(requests.last().toMs, clock.nowMs());
        QCOMPARE(requests.last().toMs - requests.last().fromMs, 3'600'000);
        QVERIFY(requests.last().maxBuckets <= graph.width());
        QCOMPARE(graph.windowFromMs(), requests.last().fromMs);

        // Find the x of a degraded bucket (15 minutes ago) and read its tooltip.
        const qint64 target = clock.nowMs() - 15 * 60'000;
        int x = -1;
        for (int px = 0; px < graph.width(); ++px) {
            const int index = graph.bucketIndexAt(px);
            if (index >= 0 && graph.buckets().at(index).startMs == target) {
                x = px;
                break;
            }
        }
        QVERIFY(x >= 0);
        const QString tip = graph.toolTipForBucket(graph.bucketIndexAt(x));
        QVERIFY2(tip.contains(QStringLiteral("calls: 100")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("p50 120 ms · p95 2.4 s · p99 5 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("timeout 7")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("HTTP 5xx 3")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("degraded")), qPrintable(tip));
        // Left of the data (none there) nothing is under the cursor.
        QCOMPARE(graph.bucketIndexAt(0), -1);
    }

    void bandShowsTheStates()
    {
        FakeClock clock;
        HealthGraphWidget graph;
        graph.setClock(&clock);
        graph.resize(600, 200);
        QPalette palette = graph.palette();
        palette.setColor(QPalette::Base, Qt::white);
        graph.setPalette(palette);
        QList<HealthBucket> buckets;
        const qint64 from = clock.nowMs() - 600'000;
        for (int i = 0; i < 10; ++i) {
            buckets.append(
                bucket(from + i * 60'000, 10, 100, 200, 300, i < 5 ? HealthState::Healthy : HealthState::Down));
        }
        graph.setBuckets(from, clock.nowMs(), buckets);
        QImage image(graph.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        graph.paintGraph(&painter, image.rect());
        painter.end();
        // Sample just below the top of the plot, left (healthy) and right (down) of the middle.
        const int y = 40;
        const QColor healthy = image.pixelColor(graph.width() / 3, y);
        const QColor down = image.pixelColor(graph.width() * 5 / 6, y);
        QVERIFY(healthy.green() > healthy.red());
        QVERIFY(down.red() > down.green());
    }

    void liveNewsRefreshesAtMostOncePerSecond()
    {
        FakeClock clock;
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        HealthGraphWidget graph;
        graph.setClock(&clock);
        graph.setSession(&session);
        graph.show();
        QVERIFY(QTest::qWaitForWindowExposed(&graph));
        QTRY_VERIFY(!session.healthRequests().isEmpty());
        const qsizetype before = session.healthRequests().size();
        HealthSnapshot health;
        health.state = HealthState::Down;
        health.lastMinute.p95Ms = 9000;
        for (int i = 0; i < 50; ++i) {
            session.setHealth(health);
        }
        QTRY_COMPARE_WITH_TIMEOUT(session.healthRequests().size(), before + 1, 3000);
        QVERIFY(graph.accessibleDescription().contains(QStringLiteral("down")));
    }

    void staleAnswersAreIgnored()
    {
        FakeClock clock;
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        session.setAnswerRequests(false);
        HealthGraphWidget graph;
        graph.setClock(&clock);
        graph.setSession(&session);
        graph.refresh();
        const auto first = session.healthRequests().last();
        clock.advance(5000);
        graph.setRange(HealthGraphWidget::Range::FiveMinutes);
        const auto second = session.healthRequests().last();
        QCOMPARE(second.toMs - second.fromMs, 300'000);
        Q_EMIT session.healthHistoryLoaded(first.fromMs, first.toMs, lastHour(first.toMs));
        QVERIFY(graph.buckets().isEmpty());
        Q_EMIT session.healthHistoryLoaded(second.fromMs, second.toMs, lastHour(second.toMs).mid(55));
        QCOMPARE(graph.buckets().size(), 5);
    }
};

QTEST_MAIN(TestHealthGraph)
#include "tst_healthgraph.moc"
