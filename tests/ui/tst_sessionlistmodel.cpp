// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The integration list model under QAbstractItemModelTester while sessions come, change and go.
#include "FakeConnectorSession.h"
#include "SessionListModel.h"
#include "connector/SessionManager.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;

class TestSessionListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<SessionListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    FakeConnectorSession *addSession(const QString &id, const QString &name)
    {
        auto *session = new FakeConnectorSession(id, name);
        m_manager->addSession(session);
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_manager = std::make_unique<SessionManager>();
        m_model = std::make_unique<SessionListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_manager.reset();
    }

    void followsAddAndRemoveWithOneBracketEach()
    {
        m_model->setSessionManager(m_manager.get());
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        addSession(QStringLiteral("b"), QStringLiteral("Beta"));
        addSession(QStringLiteral("c"), QStringLiteral("Gamma"));
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("Beta"));
        QCOMPARE(m_model->index(2, 0).data(SessionListModel::IntegrationIdRole).toString(), QStringLiteral("c"));
        QCOMPARE(m_model->rowOf(QStringLiteral("c")), 2);

        m_manager->removeSession(QStringLiteral("b"));
        QTRY_COMPARE(m_model->rowCount(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("b")), -1);
        QCOMPARE(m_model->rowOf(QStringLiteral("c")), 1);
        QCOMPARE(m_model->sessionAt(1)->integrationId(), QStringLiteral("c"));
        QCOMPARE(m_model->sessionAt(5), nullptr);
    }

    void statusAndHealthChangeOneRow()
    {
        m_model->setSessionManager(m_manager.get());
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        FakeConnectorSession *beta = addSession(QStringLiteral("b"), QStringLiteral("Beta"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        beta->setState(SessionState::Online);
        QTRY_VERIFY(changed.count() >= 1);
        for (const auto &arguments : changed) {
            QCOMPARE(arguments.at(0).toModelIndex().row(), 1);
            QCOMPARE(arguments.at(1).toModelIndex().row(), 1);
        }
        QCOMPARE(m_model->index(1, 0).data(SessionListModel::StateRole).value<SessionState>(), SessionState::Online);
        QVERIFY(!m_model->index(1, 0).data(Qt::DecorationRole).isNull());
        QVERIFY(!m_model->index(1, 0).data(Qt::ToolTipRole).toString().isEmpty());

        changed.clear();
        HealthSnapshot health;
        health.state = HealthState::Down;
        beta->setHealth(health);
        QTRY_VERIFY(changed.count() >= 1);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);
    }

    void switchingManagersResets()
    {
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setSessionManager(m_manager.get());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 1);

        SessionManager other;
        other.addSession(new FakeConnectorSession(QStringLiteral("x"), QStringLiteral("Other")));
        other.addSession(new FakeConnectorSession(QStringLiteral("y"), QStringLiteral("Other 2")));
        m_model->setSessionManager(&other);
        QCOMPARE(m_model->rowCount(), 2);
        // The old manager's signals no longer reach the model.
        addSession(QStringLiteral("b"), QStringLiteral("Beta"));
        QCOMPARE(m_model->rowCount(), 2);
        m_model->setSessionManager(nullptr);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void managerGoingAwayLeavesNoDanglingRows()
    {
        m_model->setSessionManager(m_manager.get());
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        QPointer<ConnectorSession> session = m_manager->session(QStringLiteral("a"));
        m_manager->removeSession(QStringLiteral("a"));
        QTRY_VERIFY(!session);
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
