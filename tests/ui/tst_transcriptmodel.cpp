// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeConnectorSession.h"
#include "TranscriptModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;

class TestTranscriptModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeConnectorSession> m_session;
    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    static QList<TranscriptEntry>
    lines(const QString &conversation, int count, const QString &prefix = QStringLiteral("m"))
    {
        QList<TranscriptEntry> list;
        for (int i = 0; i < count; ++i) {
            list.append(FakeConnectorSession::line(conversation,
                                                   i % 2 ? TranscriptRole::Bot : TranscriptRole::Consumer,
                                                   QStringLiteral("%1 %2").arg(prefix).arg(i)));
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
        m_model = std::make_unique<TranscriptModel>();
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

    void loadsTheSelectedConversation()
    {
        m_session->appendTranscript(lines(QStringLiteral("c1"), 5));
        m_session->appendTranscript(lines(QStringLiteral("c2"), 3));
        QSignalSpy loading(m_model.get(), &TranscriptModel::loadingChanged);
        m_model->setConversation(QStringLiteral("c1"));
        QCOMPARE(m_session->transcriptRequests(), QStringList{QStringLiteral("c1")});
        QVERIFY(m_model->isLoading());
        QCOMPARE(m_model->rowCount(), 0);
        QTRY_VERIFY(!m_model->isLoading());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->index(4).data().toString(), QStringLiteral("m 4"));
    }

    void linesDuringTheLoadAreMergedOnce()
    {
        m_session->appendTranscript(lines(QStringLiteral("c1"), 3));
        m_model->setConversation(QStringLiteral("c1"));
        // Arrives before the (queued) load answer: it is part of the answer and must not show twice.
        m_session->appendTranscript(lines(QStringLiteral("c1"), 2, QStringLiteral("late")));
        QCOMPARE(m_model->rowCount(), 0);
        QTRY_VERIFY(!m_model->isLoading());
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->index(4).data().toString(), QStringLiteral("late 1"));
    }

    void appendedBatchIsOneInsert()
    {
        m_model->setConversation(QStringLiteral("c1"));
        QTRY_VERIFY(!m_model->isLoading());
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_session->appendTranscript(lines(QStringLiteral("c1"), 500) + lines(QStringLiteral("c2"), 500));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 499);
        m_session->appendTranscript(lines(QStringLiteral("c2"), 10));
        QCOMPARE(inserted.count(), 1);
    }

    void rolesCarryTheLine()
    {
        m_model->setConversation(QStringLiteral("c1"));
        QTRY_VERIFY(!m_model->isLoading());
        TranscriptEntry error = FakeConnectorSession::line(
            QStringLiteral("c1"), TranscriptRole::Error, QStringLiteral("The bot did not answer in 60 s."));
        error.code = QStringLiteral("bot.timeout");
        error.hint = QStringLiteral("Raise the timeout or make the bot faster.");
        error.deliveryId = QStringLiteral("d-1");
        error.content = QJsonObject{{QStringLiteral("type"), QStringLiteral("vertical")}};
        m_session->appendTranscript({error});
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(TranscriptModel::SenderRole).value<TranscriptRole>(), TranscriptRole::Error);
        QCOMPARE(index.data(TranscriptModel::CodeRole).toString(), QStringLiteral("bot.timeout"));
        QCOMPARE(index.data(TranscriptModel::HintRole).toString(), error.hint);
        QCOMPARE(index.data(TranscriptModel::DeliveryIdRole).toString(), QStringLiteral("d-1"));
        QCOMPARE(index.data(TranscriptModel::ContentRole).toJsonObject(), error.content);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("bot.timeout")));
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Error")));
        QVERIFY(index.data(TranscriptModel::EntryIdRole).toLongLong() > 0);
    }

    void switchingConversationResets()
    {
        m_session->appendTranscript(lines(QStringLiteral("c1"), 4));
        m_session->appendTranscript(lines(QStringLiteral("c2"), 2));
        m_model->setConversation(QStringLiteral("c1"));
        QTRY_COMPARE(m_model->rowCount(), 4);
        m_model->setConversation(QStringLiteral("c2"));
        QCOMPARE(m_model->rowCount(), 0);
        QTRY_COMPARE(m_model->rowCount(), 2);
        m_model->setConversation(QString());
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->isLoading());
    }

    void staleLoadIsIgnored()
    {
        m_session->appendTranscript(lines(QStringLiteral("c1"), 4));
        m_session->setAnswerRequests(false);
        m_model->setConversation(QStringLiteral("c2"));
        // An answer for a conversation no longer shown changes nothing.
        Q_EMIT m_session->transcriptLoaded(QStringLiteral("c1"), lines(QStringLiteral("c1"), 4));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->isLoading());
    }

    void capacityDropsTheOldest()
    {
        m_model->setCapacity(100);
        m_model->setConversation(QStringLiteral("c1"));
        QTRY_VERIFY(!m_model->isLoading());
        m_session->appendTranscript(lines(QStringLiteral("c1"), 80));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_session->appendTranscript(lines(QStringLiteral("c1"), 50, QStringLiteral("new")));
        QCOMPARE(m_model->rowCount(), 100);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(2).toInt(), 29);
        QCOMPARE(m_model->index(99).data().toString(), QStringLiteral("new 49"));
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("m 30"));
    }

    void destroyedSessionEmptiesTheModel()
    {
        m_session->appendTranscript(lines(QStringLiteral("c1"), 4));
        m_model->setConversation(QStringLiteral("c1"));
        QTRY_COMPARE(m_model->rowCount(), 4);
        m_session.reset();
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->conversationId().isEmpty());
    }
};

QTEST_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
