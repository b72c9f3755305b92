// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connector/EventLog.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Switchboard::Connector;

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringBufferKeepsNewest()
    {
        EventLog log(3);
        QSignalSpy spy(&log, &EventLog::messageAdded);
        for (int i = 1; i <= 5; ++i) {
            log.append(EventLogEntry::Level::Info, QStringLiteral("i1"), {}, {}, QStringLiteral("m%1").arg(i));
        }
        QCOMPARE(spy.count(), 5);
        const auto entries = log.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.first().id, qint64(3));
        QCOMPARE(entries.last().message, QStringLiteral("m5"));
        QCOMPARE(log.entries(4).size(), 1);
    }

    void appendFromAnotherThreadIsDeliveredOnOwnThread()
    {
        EventLog log;
        QSignalSpy spy(&log, &EventLog::messageAdded);
        QThread *const worker = QThread::create([&log] {
            log.append(EventLogEntry::Level::Error,
                       QStringLiteral("i1"),
                       QStringLiteral("c1"),
                       QStringLiteral("bot.timeout"),
                       QStringLiteral("The bot did not answer."));
        });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        QTRY_COMPARE(spy.count(), 1);
        const auto entry = spy.first().first().value<EventLogEntry>();
        QCOMPARE(entry.code, QStringLiteral("bot.timeout"));
        QCOMPARE(entry.conversationId, QStringLiteral("c1"));
        QCOMPARE(entry.level, EventLogEntry::Level::Error);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
