// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HealthGraphWidget.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>

using namespace Switchboard;
using namespace Switchboard::Connector;

// Benchmark: 24 h of per-second buckets (86 400) painted into a QImage, cold (data just set, so
// the decimation runs) and warm (a repaint, e.g. for the hover line). Prints average and worst.
class BenchHealthGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void paintDayOfSecondBuckets()
    {
        constexpr int BucketCount = 86'400;
        constexpr int Rounds = 50;
        const qint64 to = 1'790'000'000'000;
        const qint64 from = to - qint64(BucketCount) * 1000;
        QRandomGenerator random(42);
        QList<HealthBucket> buckets;
        buckets.reserve(BucketCount);
        for (int i = 0; i < BucketCount; ++i) {
            HealthBucket b;
            b.startMs = from + qint64(i) * 1000;
            b.calls = 20 + random.bounded(20);
            b.p50Ms = 80 + random.bounded(40);
            b.p95Ms = b.p50Ms * 3 + random.bounded(200);
            b.p99Ms = b.p95Ms * 1.5 + random.bounded(400);
            const bool bad = (i / 3600) % 7 == 3;
            b.state = bad ? HealthState::Degraded : HealthState::Healthy;
            if (bad || random.bounded(100) == 0) {
                b.outcomes[size_t(OutcomeClass::Timeout)] = random.bounded(3);
                b.outcomes[size_t(OutcomeClass::Http5xx)] = random.bounded(2);
            }
            buckets.append(b);
        }

        HealthGraphWidget graph;
        graph.setRange(HealthGraphWidget::Range::Day);
        graph.resize(1600, 260);
        QImage image(graph.size(), QImage::Format_ARGB32_Premultiplied);

        auto measure = [&](bool cold) {
            QList<double> times;
            for (int i = 0; i < Rounds; ++i) {
                QElapsedTimer timer;
                timer.start();
                if (cold) {
                    graph.setBuckets(from, to, buckets);
                }
                QPainter painter(&image);
                graph.paintGraph(&painter, image.rect());
                painter.end();
                times.append(double(timer.nsecsElapsed()) / 1e6);
            }
            std::sort(times.begin(), times.end());
            double sum = 0;
            for (const double t : std::as_const(times)) {
                sum += t;
            }
            return std::pair{sum / double(times.size()), times.last()};
        };
        const auto [coldAverage, coldWorst] = measure(true);
        const auto [warmAverage, warmWorst] = measure(false);
        qInfo("health graph, %d buckets, %dx%d: cold paint (decimate + draw) avg %.2f ms, worst %.2f ms; "
              "repaint avg %.2f ms, worst %.2f ms",
              BucketCount,
              image.width(),
              image.height(),
              coldAverage,
              coldWorst,
              warmAverage,
              warmWorst);
        QCOMPARE(graph.buckets().size(), BucketCount);
        // The budget is 8 ms per repaint; leave room for a loaded CI machine on the cold path.
        QVERIFY2(warmAverage < 8.0, qPrintable(QStringLiteral("repaint average %1 ms").arg(warmAverage)));
        QVERIFY2(coldAverage < 40.0, qPrintable(QStringLiteral("cold paint average %1 ms").arg(coldAverage)));
    }
};

QTEST_MAIN(BenchHealthGraph)
#include "tst_healthgraphbench.moc"
