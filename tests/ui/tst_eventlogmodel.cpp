// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventLogWidget.h"
#include "FakeConnectorSession.h"
#include "connector/SessionManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;
using Level = EventLogEntry::Level;

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void showsExistingEntriesThenNewOnes()
    {
        SessionManager manager;
        manager.addSession(new FakeConnectorSession(QStringLiteral("int-1"), QStringLiteral("Support bot")));
        manager.eventLog()->append(
            Level::Info, QStringLiteral("int-1"), {}, QStringLiteral("session.online"), QStringLiteral("online"));
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSessionManager(&manager);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, EventLogModel::IntegrationColumn).data().toString(), QStringLiteral("Support bot"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        manager.eventLog()->append(Level::Error,
                                   QStringLiteral("int-1"),
                                   QStringLiteral("conv-7"),
                                   QStringLiteral("bot.timeout"),
                                   QStringLiteral("The bot did not answer."));
        QCOMPARE(model.rowCount(), 1); // buffered until the flush
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        const int row = 1;
        QCOMPARE(model.index(row, EventLogModel::LevelColumn).data().toString(), QStringLiteral("error"));
        QCOMPARE(model.index(row, EventLogModel::ConversationColumn).data().toString(), QStringLiteral("conv-7"));
        QCOMPARE(model.index(row, EventLogModel::CodeColumn).data().toString(), QStringLiteral("bot.timeout"));
        QCOMPARE(model.index(row, 0).data(EventLogModel::LevelRole).toInt(), int(Level::Error));
        QVERIFY(!model.index(row, EventLogModel::LevelColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString text = model.rowText(row);
        QVERIFY(text.contains(QStringLiteral("\terror\tSupport bot\tconv-7\tbot.timeout\tThe bot did not answer.")));
    }

    void aStormIsOneInsertPerFlush()
    {
        SessionManager manager;
        EventLogModel model(500);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSessionManager(&manager);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 2000; ++i) {
            manager.eventLog()->append(Level::Warning, {}, {}, QStringLiteral("x"), QStringLiteral("entry %1").arg(i));
        }
        QCOMPARE(model.pendingCount(), 2000);
        model.flushPending();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.rowCount(), 500); // bounded: the newest 500
        QCOMPARE(model.index(499, EventLogModel::MessageColumn).data().toString(), QStringLiteral("entry 1999"));
        QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), QStringLiteral("entry 1500"));

        for (int i = 0; i < 100; ++i) {
            manager.eventLog()->append(Level::Info, {}, {}, QStringLiteral("y"), QStringLiteral("more %1").arg(i));
        }
        QTRY_COMPARE(model.pendingCount(), 0);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(499, EventLogModel::MessageColumn).data().toString(), QStringLiteral("more 99"));
    }

    void filtersByLevelIntegrationAndText()
    {
        SessionManager manager;
        manager.addSession(new FakeConnectorSession(QStringLiteral("a"), QStringLiteral("Alpha")));
        manager.addSession(new FakeConnectorSession(QStringLiteral("b"), QStringLiteral("Beta")));
        EventLog *log = manager.eventLog();
        log->append(Level::Info, QStringLiteral("a"), {}, QStringLiteral("session.online"), QStringLiteral("up"));
        log->append(Level::Warning,
                    QStringLiteral("a"),
                    QStringLiteral("c1"),
                    QStringLiteral("bot.slow"),
                    QStringLiteral("slow"));
        log->append(Level::Error,
                    QStringLiteral("b"),
                    QStringLiteral("c2"),
                    QStringLiteral("bot.timeout"),
                    QStringLiteral("late"));
        EventLogModel model;
        model.setSessionManager(&manager);
        EventLogFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.setSourceModel(&model);
        const int base = model.rowCount();
        QVERIFY(base >= 3);
        filter.setMinimumLevel(Level::Warning);
        QCOMPARE(filter.rowCount(), 2);
        filter.setMinimumLevel(Level::Error);
        QCOMPARE(filter.rowCount(), 1);
        filter.setMinimumLevel(Level::Info);
        filter.setIntegrationId(QStringLiteral("b"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setIntegrationId(QString());
        filter.setSearchText(QStringLiteral("TIMEOUT"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(QStringLiteral("c1"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(QStringLiteral("Alpha"));
        QCOMPARE(filter.rowCount(), 2);
    }

    void widgetFiltersAndCopies()
    {
        SessionManager manager;
        manager.addSession(new FakeConnectorSession(QStringLiteral("a"), QStringLiteral("Alpha")));
        EventLogWidget widget;
        widget.setSessionManager(&manager);
        widget.resize(800, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        manager.eventLog()->append(Level::Error,
                                   QStringLiteral("a"),
                                   QStringLiteral("c9"),
                                   QStringLiteral("bot.http_5xx"),
                                   QStringLiteral("The bot answered 503."));
        manager.eventLog()->append(
            Level::Info, QStringLiteral("a"), {}, QStringLiteral("session.online"), QStringLiteral("Alpha is online."));
        QTRY_COMPARE(widget.model()->rowCount(), 2);

        auto *level = widget.findChild<QComboBox *>(QStringLiteral("eventLogLevelFilter"));
        auto *integration = widget.findChild<QComboBox *>(QStringLiteral("eventLogIntegrationFilter"));
        auto *search = widget.findChild<QLineEdit *>(QStringLiteral("eventLogSearchEdit"));
        auto *view = widget.findChild<QTreeView *>(QStringLiteral("eventLogView"));
        QVERIFY(level && integration && search && view);
        QCOMPARE(integration->count(), 2);
        level->setCurrentIndex(level->findData(int(Level::Error)));
        QCOMPARE(view->model()->rowCount(), 1);
        level->setCurrentIndex(0);
        QTest::keyClicks(search, QStringLiteral("503"));
        QCOMPARE(view->model()->rowCount(), 1);

        view->setFocus();
        view->selectAll();
        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("bot.http_5xx\tThe bot answered 503.")), qPrintable(copied));
        QVERIFY(!copied.contains(QStringLiteral("online")));
    }
};

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
