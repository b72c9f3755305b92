// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusText.h"

#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Connector;

class TestStatusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("nextAttemptInMs");
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("expected");

        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
        const QString since = StatusText::time(now.addSecs(-300), now);
        QTest::newRow("online") << int(SessionState::Online) << QString() << qint64(0) << int(HealthState::Healthy)
                                << QStringLiteral("online");
        QTest::newRow("stopped") << int(SessionState::Stopped) << QString() << qint64(0) << int(HealthState::Unknown)
                                 << QStringLiteral("stopped");
        QTest::newRow("reconnecting in 8 s") << int(SessionState::Reconnecting) << QString() << qint64(7200)
                                             << int(HealthState::Unknown) << QStringLiteral("reconnecting in 8 s");
        QTest::newRow("reconnecting now") << int(SessionState::Reconnecting) << QString() << qint64(-5)
                                          << int(HealthState::Unknown) << QStringLiteral("reconnecting now…");
        QTest::newRow("reconnecting with reason")
            << int(SessionState::Reconnecting) << QStringLiteral("socket closed (1006)") << qint64(3000)
            << int(HealthState::Unknown) << QStringLiteral("reconnecting in 3 s: socket closed (1006)");
        QTest::newRow("failed") << int(SessionState::Failed) << QStringLiteral("login refused (401)") << qint64(0)
                                << int(HealthState::Unknown) << QStringLiteral("failed: login refused (401)");
        QTest::newRow("bot down") << int(SessionState::Online) << QString() << qint64(0) << int(HealthState::Down)
                                  << QStringLiteral("online — bot endpoint down since %1").arg(since);
        QTest::newRow("bot degraded") << int(SessionState::Online) << QString() << qint64(0)
                                      << int(HealthState::Degraded)
                                      << QStringLiteral("online — bot endpoint degraded since %1").arg(since);
        QTest::newRow("bot down while stopped is not mentioned") << int(SessionState::Stopped) << QString() << qint64(0)
                                                                 << int(HealthState::Down) << QStringLiteral("stopped");
    }

    void sessionState()
    {
        QFETCH(int, state);
        QFETCH(QString, reason);
        QFETCH(qint64, nextAttemptInMs);
        QFETCH(int, health);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
        SessionStatus status;
        status.state = SessionState(state);
        status.reason = reason;
        if (nextAttemptInMs != 0) {
            status.nextAttemptAt = now.addMSecs(nextAttemptInMs);
        }
        HealthSnapshot snapshot;
        snapshot.state = HealthState(health);
        snapshot.stateSince = now.addSecs(-300);
        QCOMPARE(StatusText::sessionState(status, snapshot, now), expected);
    }

    void kickedSaysWhen()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
        SessionStatus status;
        status.state = SessionState::Kicked;
        status.since = now.addSecs(-60);
        QCOMPARE(StatusText::sessionState(status, {}, now),
                 QStringLiteral("kicked by another login at %1").arg(StatusText::time(status.since, now)));
    }

    void countdownRoundsUp()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
        SessionStatus status;
        status.state = SessionState::Reconnecting;
        QCOMPARE(StatusText::secondsUntilReconnect(status, now), -1);
        status.nextAttemptAt = now.addMSecs(8000);
        QCOMPARE(StatusText::secondsUntilReconnect(status, now), 8);
        QCOMPARE(StatusText::secondsUntilReconnect(status, now.addMSecs(1)), 8);
        QCOMPARE(StatusText::secondsUntilReconnect(status, now.addMSecs(1000)), 7);
        QCOMPARE(StatusText::secondsUntilReconnect(status, now.addMSecs(9000)), 0);
        status.state = SessionState::Online;
        QCOMPARE(StatusText::secondsUntilReconnect(status, now), -1);
    }

    void timeShowsTheDateOnlyWhenNotToday()
    {
        const QDateTime now(QDate::currentDate(), QTime(12, 0));
        QVERIFY(!StatusText::time(now.addSecs(-10), now).contains(QString::number(now.date().year())));
        const QString older = StatusText::time(now.addDays(-400), now);
        QVERIFY(older.size() > StatusText::time(now, now).size());
        QVERIFY(StatusText::time(QDateTime(), now).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusText)
#include "tst_statustext.moc"
