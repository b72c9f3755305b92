// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationFilterModel.h"
#include "ConversationListModel.h"
#include "FakeConnectorSession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;

class TestConversationListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeConnectorSession> m_session;
    std::unique_ptr<ConversationListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    static QList<ConversationSnapshot> conversations(int first, int count)
    {
        QList<ConversationSnapshot> list;
        for (int i = first; i < first + count; ++i) {
            list.append(FakeConnectorSession::conversation(
                QStringLiteral("conv-%1").arg(i), ConversationStatus::Open, QStringLiteral("hello %1").arg(i)));
        }
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_session = std::make_unique<FakeConnectorSession>(QStringLiteral("int-1"), QStringLiteral("Support bot"));
        m_model = std::make_unique<ConversationListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setSession(m_session.get());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_session.reset();
    }

    void startsWithTheSessionsConversations()
    {
        m_session->pushConversations(conversations(0, 3));
        ConversationListModel other;
        QAbstractItemModelTester tester(&other, QAbstractItemModelTester::FailureReportingMode::Fatal);
        other.setSession(m_session.get());
        QCOMPARE(other.rowCount(), 3);
        QCOMPARE(other.index(1, ConversationListModel::IdColumn).data().toString(), QStringLiteral("conv-1"));
    }

    void newConversationsAreOneInsertPerBatch()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_session->pushConversations(conversations(0, 50));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 49);
        QCOMPARE(m_model->rowCount(), 50);

        m_session->pushConversations(conversations(50, 5));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 50);
        QCOMPARE(inserted.last().at(2).toInt(), 54);
    }

    void fewChangesAreOneSignalPerRow()
    {
        m_session->pushConversations(conversations(0, 10));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

        auto batch = conversations(2, 1) + conversations(7, 1);
        batch[0].messageCount = 5;
        batch[1].status = ConversationStatus::Escalated;
        m_session->pushConversations(batch);

        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), ConversationListModel::ColumnCount - 1);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 7);
        QCOMPARE(m_model->index(2, ConversationListModel::MessagesColumn).data().toInt(), 5);
        QCOMPARE(m_model->index(7, 0).data(ConversationListModel::StatusRole).value<ConversationStatus>(),
                 ConversationStatus::Escalated);
    }

    void manyChangesAreOneRangeSignal()
    {
        m_session->pushConversations(conversations(0, 100));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        auto batch = conversations(10, 80);
        for (auto &conversation : batch) {
            conversation.messageCount = 9;
        }
        m_session->pushConversations(batch);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 10);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 89);
        QCOMPARE(m_model->index(89, ConversationListModel::MessagesColumn).data().toInt(), 9);
    }

    void mixedBatchUpdatesAndInserts()
    {
        m_session->pushConversations(conversations(0, 4));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        // The same new conversation twice in one batch is one row, with the later values.
        auto late = conversations(9, 1).first();
        late.lastText = QStringLiteral("second");
        m_session->pushConversations(conversations(1, 1) + conversations(9, 1) + QList{late} + conversations(10, 1));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), 6);
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-9")), 4);
        QCOMPARE(m_model->conversationAt(4).lastText, QStringLiteral("second"));
    }

    void droppedConversationsLeaveOneRemovalPerRun()
    {
        m_session->pushConversations(conversations(0, 10));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        // Rows 2-4 and 8 (out of order, one unknown id): two runs, removed bottom up.
        m_session->removeConversations({QStringLiteral("conv-4"), QStringLiteral("conv-8"), QStringLiteral("conv-2"),
                                        QStringLiteral("conv-3"), QStringLiteral("nobody")});
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 8);
        QCOMPARE(removed.at(0).at(2).toInt(), 8);
        QCOMPARE(removed.at(1).at(1).toInt(), 2);
        QCOMPARE(removed.at(1).at(2).toInt(), 4);
        QCOMPARE(m_model->rowCount(), 6);
        const QStringList left{QStringLiteral("conv-0"), QStringLiteral("conv-1"), QStringLiteral("conv-5"),
                               QStringLiteral("conv-6"), QStringLiteral("conv-7"), QStringLiteral("conv-9")};
        for (int row = 0; row < left.size(); ++row) {
            QCOMPARE(m_model->conversationAt(row).id, left.at(row));
            QCOMPARE(m_model->rowOf(left.at(row)), row);
        }
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-3")), -1);
        // Later updates land on the right rows; a dropped conversation that comes back is a new row.
        auto batch = conversations(9, 1) + conversations(3, 1);
        batch[0].messageCount = 4;
        m_session->pushConversations(batch);
        QCOMPARE(m_model->index(5, ConversationListModel::MessagesColumn).data().toInt(), 4);
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-3")), 6);
        QCOMPARE(m_model->rowCount(), 7);
    }

    void keptConversationStaysUntilAnotherIsKept()
    {
        m_session->pushConversations(conversations(0, 5));
        m_model->setKeptConversation(QStringLiteral("conv-2"));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_session->removeConversations({QStringLiteral("conv-1"), QStringLiteral("conv-2"), QStringLiteral("conv-3")});
        // conv-1 and conv-3 go (two runs); conv-2, the one being read, stays.
        QCOMPARE(removed.count(), 2);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-2")), 1);
        // Another conversation is read: conv-2 goes now.
        m_model->setKeptConversation(QStringLiteral("conv-4"));
        QCOMPARE(removed.count(), 3);
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-2")), -1);
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-4")), 1);
        // A kept conversation the session lists again (updated after the drop) stays when unkept.
        m_session->removeConversations({QStringLiteral("conv-4")});
        m_session->pushConversations(conversations(4, 1));
        m_model->setKeptConversation(QString());
        QCOMPARE(m_model->rowOf(QStringLiteral("conv-4")), 1);
        QCOMPARE(removed.count(), 3);
    }

    void conversationWithoutIdIsIgnored()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        ConversationSnapshot nameless;
        m_session->pushConversations({nameless});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void destroyedSessionEmptiesTheModel()
    {
        m_session->pushConversations(conversations(0, 3));
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_session.reset();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->session());
    }

    void switchingSessionsCutsTheOldConnections()
    {
        FakeConnectorSession second(QStringLiteral("int-2"), QStringLiteral("Sales bot"));
        second.pushConversations(conversations(100, 2));
        m_model->setSession(&second);
        QCOMPARE(m_model->rowCount(), 2);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_session->pushConversations(conversations(0, 5));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->rowCount(), 2);
    }

    void displayAndRoles()
    {
        auto conversation = conversations(0, 1).first();
        conversation.lastText = QStringLiteral("line one\nline two");
        conversation.status = ConversationStatus::Escalated;
        conversation.escalationCause = QStringLiteral("bot.timeout");
        conversation.messageCount = 12;
        m_session->pushConversations({conversation});
        const QModelIndex status = m_model->index(0, ConversationListModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("escalated"));
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("bot.timeout")));
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(m_model->index(0, ConversationListModel::LastMessageColumn).data().toString(),
                 QStringLiteral("line one line two"));
        QCOMPARE(m_model->index(0, ConversationListModel::MessagesColumn).data(ConversationListModel::SortRole).toInt(),
                 12);
        QCOMPARE(m_model->headerData(ConversationListModel::IdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Conversation"));
    }

    void filterByStatusAndSearch()
    {
        ConversationFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.setSourceModel(m_model.get());
        auto batch = conversations(0, 6);
        batch[1].status = ConversationStatus::Escalated;
        batch[2].status = ConversationStatus::Closed;
        batch[3].lastText = QStringLiteral("I want a REFUND");
        batch[4].consumerId = QStringLiteral("alice-42");
        m_session->pushConversations(batch);
        QCOMPARE(filter.rowCount(), 6);

        filter.setStatusFilter(ConversationFilterModel::StatusFilter::Open);
        QCOMPARE(filter.rowCount(), 4);
        filter.setStatusFilter(ConversationFilterModel::StatusFilter::Escalated);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, ConversationListModel::IdColumn).data().toString(), QStringLiteral("conv-1"));
        filter.setStatusFilter(ConversationFilterModel::StatusFilter::Closed);
        QCOMPARE(filter.rowCount(), 1);

        filter.setStatusFilter(ConversationFilterModel::StatusFilter::All);
        filter.setSearchText(QStringLiteral("refund"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, ConversationListModel::IdColumn).data().toString(), QStringLiteral("conv-3"));
        filter.setSearchText(QStringLiteral("ALICE"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(QStringLiteral("conv-5"));
        QCOMPARE(filter.rowCount(), 1);

        // Live: a conversation that starts to match appears without touching the filter.
        filter.setSearchText(QStringLiteral("refund"));
        auto changed = batch[5];
        changed.lastText = QStringLiteral("refund please");
        m_session->pushConversations({changed});
        QCOMPARE(filter.rowCount(), 2);
    }

    void sortsNumbersAsNumbers()
    {
        ConversationFilterModel filter;
        filter.setSourceModel(m_model.get());
        auto batch = conversations(0, 3);
        batch[0].messageCount = 9;
        batch[1].messageCount = 10;
        batch[2].messageCount = 100;
        m_session->pushConversations(batch);
        filter.sort(ConversationListModel::MessagesColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, ConversationListModel::MessagesColumn).data().toInt(), 100);
        QCOMPARE(filter.index(2, ConversationListModel::MessagesColumn).data().toInt(), 9);
    }
};

QTEST_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
