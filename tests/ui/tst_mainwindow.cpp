// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListModel.h"
#include "EscalationDialog.h"
#include "EventLogModel.h"
#include "EventLogWidget.h"
#include "FakeClock.h"
#include "FakeConnectorSession.h"
#include "HealthGraphWidget.h"
#include "HopInspector.h"
#include "MainWindow.h"
#include "SessionPanel.h"
#include "StatusText.h"
#include "TranscriptModel.h"
#include "TranscriptView.h"
#include "connector/SessionManager.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeClock;
using Switchboard::Test::FakeConnectorSession;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<MainWindow> m_window;

    FakeConnectorSession *addSession(const QString &id, const QString &name)
    {
        auto *session = new FakeConnectorSession(id, name);
        m_manager->addSession(session);
        return session;
    }

    void showWindow()
    {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    template <typename T> T *find(QObject *parent, const QString &name)
    {
        auto *object = parent->findChild<T *>(name);
        if (!object) {
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        }
        return object;
    }

    // Clicks a conversation row of the panel by id, as the operator would.
    static bool clickConversation(SessionPanel *panel, const QString &id)
    {
        QTreeView *view = panel->conversationView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 1);
            if (index.data().toString() == id) {
                view->scrollTo(index);
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
                return panel->selectedConversationId() == id;
            }
        }
        return false;
    }

    static QList<SkillInfo> skills()
    {
        return {{QStringLiteral("100"), QStringLiteral("Bot skill")},
                {QStringLiteral("200"), QStringLiteral("Human agents")},
                {QStringLiteral("300"), QStringLiteral("Billing")}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_clock = std::make_unique<FakeClock>(QDateTime::currentMSecsSinceEpoch());
        m_manager = std::make_unique<SessionManager>();
        m_window = std::make_unique<MainWindow>();
        m_window->setClock(m_clock.get());
    }

    void cleanup()
    {
        m_window.reset();
        m_manager.reset();
        m_clock.reset();
    }

    void emptyStateExplainsHowToStart()
    {
        m_window->setSessionManager(m_manager.get());
        showWindow();
        auto *emptyState = find<QWidget>(m_window.get(), QStringLiteral("emptyState"));
        QVERIFY(emptyState);
        QVERIFY(emptyState->isVisible());
        auto *text = find<QLabel>(m_window.get(), QStringLiteral("emptyStateText"));
        QVERIFY(text);
        QVERIFY(text->text().contains(QStringLiteral("sandbox")));
        QVERIFY(text->text().contains(QStringLiteral("integration")));
    }

    void buttonsAskForTheirActions()
    {
        showWindow();
        QSignalSpy addSpy(m_window.get(), &MainWindow::addIntegrationRequested);
        QSignalSpy sandboxSpy(m_window.get(), &MainWindow::sandboxRequested);
        auto *addButton = find<QPushButton>(m_window.get(), QStringLiteral("addIntegrationButton"));
        auto *sandboxButton = find<QPushButton>(m_window.get(), QStringLiteral("startSandboxButton"));
        QVERIFY(addButton && sandboxButton);
        QVERIFY(!addButton->accessibleName().isEmpty());
        QTest::mouseClick(addButton, Qt::LeftButton);
        QCOMPARE(addSpy.count(), 1);
        QCOMPARE(sandboxSpy.count(), 0);
        QTest::mouseClick(sandboxButton, Qt::LeftButton);
        QCOMPARE(sandboxSpy.count(), 1);
    }

    void panelsFollowSessions()
    {
        m_window->setSessionManager(m_manager.get());
        showWindow();
        auto *list = find<QListView>(m_window.get(), QStringLiteral("integrationList"));
        QVERIFY(list);
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        addSession(QStringLiteral("b"), QStringLiteral("Beta"));
        QVERIFY(find<QWidget>(m_window.get(), QStringLiteral("workspace"))->isVisible());
        QVERIFY(!find<QWidget>(m_window.get(), QStringLiteral("emptyState"))->isVisible());
        QCOMPARE(m_window->panels().size(), 2);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("Beta"));
        QVERIFY(m_window->currentPanel());
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("a"));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Alpha")));

        QPointer<SessionPanel> alpha = m_window->panel(QStringLiteral("a"));
        m_manager->removeSession(QStringLiteral("a"));
        QTRY_VERIFY(!alpha);
        QCOMPARE(m_window->panels().size(), 1);
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("b"));

        m_manager->removeSession(QStringLiteral("b"));
        QTRY_VERIFY(m_window->panels().isEmpty());
        QVERIFY(find<QWidget>(m_window.get(), QStringLiteral("emptyState"))->isVisible());
    }

    void panelsForSessionsThatExistedBefore()
    {
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        m_window->setSessionManager(m_manager.get());
        showWindow();
        QCOMPARE(m_window->panels().size(), 1);
        QVERIFY(m_window->currentPanel()->isVisible());
    }

    void keyboardSwitchesIntegrations()
    {
        m_window->setSessionManager(m_manager.get());
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        addSession(QStringLiteral("b"), QStringLiteral("Beta"));
        addSession(QStringLiteral("c"), QStringLiteral("Gamma"));
        showWindow();
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("a"));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("b"));
        QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("c"));
        QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("a"));
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("c"));
        QTest::keyClick(m_window.get(), Qt::Key_9, Qt::ControlModifier); // no 9th: nothing happens
        QCOMPARE(m_window->currentPanel()->integrationId(), QStringLiteral("c"));
        QVERIFY(m_window->currentPanel()->isVisible());
    }

    void headerFollowsStatus()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        auto *state = find<QLabel>(panel, QStringLiteral("sessionStateLabel"));
        auto *countdown = find<QTimer>(panel, QStringLiteral("reconnectCountdownTimer"));
        auto *start = find<QToolButton>(panel, QStringLiteral("startSessionButton"));
        auto *stop = find<QToolButton>(panel, QStringLiteral("stopSessionButton"));
        QVERIFY(state && countdown && start && stop);
        QCOMPARE(state->text(), QStringLiteral("stopped"));
        QVERIFY(start->isEnabled());
        QVERIFY(!stop->isEnabled());

        QTest::mouseClick(start, Qt::LeftButton);
        QCOMPARE(session->startCount(), 1);
        QTRY_COMPARE(state->text(), QStringLiteral("online"));
        QVERIFY(!start->isEnabled());
        QVERIFY(stop->isEnabled());
        QVERIFY(!countdown->isActive());

        SessionStatus reconnecting;
        reconnecting.state = SessionState::Reconnecting;
        reconnecting.nextAttemptAt = m_clock->now().addMSecs(8000);
        session->setStatus(reconnecting);
        QCOMPARE(state->text(), QStringLiteral("reconnecting in 8 s"));
        QVERIFY(countdown->isActive());
        m_clock->advance(3000);
        QTRY_COMPARE(state->text(), QStringLiteral("reconnecting in 5 s")); // the 1 s tick
        m_clock->advance(6000);
        QTRY_COMPARE(state->text(), QStringLiteral("reconnecting now…"));
        QVERIFY(!countdown->isActive());

        session->setState(SessionState::Online);
        HealthSnapshot health;
        health.state = HealthState::Down;
        health.stateSince = m_clock->now().addSecs(-120);
        session->setHealth(health);
        QCOMPARE(state->text(),
                 QStringLiteral("online — bot endpoint down since %1")
                     .arg(StatusText::time(health.stateSince, m_clock->now())));

        session->setState(SessionState::Kicked);
        QVERIFY(state->text().startsWith(QStringLiteral("kicked by another login")));
        QVERIFY(start->isEnabled());

        SessionCounters counters;
        counters.openConversations = 12;
        counters.messagesPerMinute = 340;
        counters.escalationsToday = 3;
        session->setCounters(counters);
        QCOMPARE(find<QLabel>(panel, QStringLiteral("openConversationsLabel"))->text(), QStringLiteral("open: 12"));
        QCOMPARE(find<QLabel>(panel, QStringLiteral("messagesPerMinuteLabel"))->text(), QStringLiteral("340 msg/min"));
        QCOMPARE(find<QLabel>(panel, QStringLiteral("escalationsTodayLabel"))->text(),
                 QStringLiteral("escalations today: 3"));

        // The integration list says it too.
        auto *list = find<QListView>(m_window.get(), QStringLiteral("integrationList"));
        QVERIFY(list->model()->index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("kicked")));
    }

    void messagesAppearInListAndTranscript()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        session->pushConversations({FakeConnectorSession::conversation(
                                        QStringLiteral("conv-1"), ConversationStatus::Open, QStringLiteral("Hello")),
                                    FakeConnectorSession::conversation(QStringLiteral("conv-2"),
                                                                       ConversationStatus::Open,
                                                                       QStringLiteral("Hi there"))});
        session->appendTranscript(
            {FakeConnectorSession::line(QStringLiteral("conv-1"), TranscriptRole::Consumer, QStringLiteral("Hello"))});
        QCOMPARE(panel->conversationView()->model()->rowCount(), 2);

        QVERIFY(clickConversation(panel, QStringLiteral("conv-1")));
        QCOMPARE(session->transcriptRequests().last(), QStringLiteral("conv-1"));
        QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 1);
        auto *title = find<QLabel>(panel, QStringLiteral("transcriptTitleLabel"));
        QVERIFY(title->text().contains(QStringLiteral("conv-1")));

        TranscriptEntry card = FakeConnectorSession::line(
            QStringLiteral("conv-1"), TranscriptRole::Bot, QStringLiteral("How can I help?"));
        card.content =
            QJsonObject{{QStringLiteral("quickReplies"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("quickReplies")},
                                     {QStringLiteral("replies"),
                                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                                                             {QStringLiteral("title"), QStringLiteral("Billing")}}}}}}};
        session->appendTranscript({card,
                                   FakeConnectorSession::line(
                                       QStringLiteral("conv-2"), TranscriptRole::Consumer, QStringLiteral("elsewhere")),
                                   FakeConnectorSession::line(
                                       QStringLiteral("conv-1"), TranscriptRole::Consumer, QStringLiteral("Billing"))});
        QCOMPARE(panel->transcriptView()->model()->rowCount(), 3);
        QCOMPARE(panel->transcriptView()->model()->index(2, 0).data().toString(), QStringLiteral("Billing"));
        // The newest line is in view.
        QTRY_VERIFY(panel->transcriptView()->viewport()->rect().intersects(
            panel->transcriptView()->visualRect(panel->transcriptView()->model()->index(2, 0))));
    }

    void filterAndSearchConversations()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        auto escalated = FakeConnectorSession::conversation(
            QStringLiteral("conv-2"), ConversationStatus::Escalated, QStringLiteral("refund please"));
        session->pushConversations(
            {FakeConnectorSession::conversation(QStringLiteral("conv-1")),
             escalated,
             FakeConnectorSession::conversation(QStringLiteral("conv-3"), ConversationStatus::Closed)});
        auto *status = find<QComboBox>(panel, QStringLiteral("conversationStatusFilter"));
        auto *search = find<QLineEdit>(panel, QStringLiteral("conversationSearchEdit"));
        QTreeView *view = panel->conversationView();
        QCOMPARE(view->model()->rowCount(), 3);
        status->setCurrentIndex(status->findText(QStringLiteral("Escalated")));
        QCOMPARE(view->model()->rowCount(), 1);
        status->setCurrentIndex(status->findText(QStringLiteral("All")));
        QTest::keyClicks(search, QStringLiteral("REFUND"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("conv-2"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("conv-3"));
        QCOMPARE(view->model()->rowCount(), 1);
    }

    void escalateOneConversationThroughTheDialog()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        session->setSkills(skills(), QStringLiteral("200"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        session->pushConversations({FakeConnectorSession::conversation(QStringLiteral("conv-1")),
                                    FakeConnectorSession::conversation(QStringLiteral("conv-2"))});
        QVERIFY(!panel->escalateAction()->isEnabled()); // nothing selected yet
        QVERIFY(clickConversation(panel, QStringLiteral("conv-2")));
        QTRY_VERIFY(!panel->transcriptModel()->isLoading());
        QVERIFY(panel->escalateAction()->isEnabled());

        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        EscalationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<EscalationDialog *>()) && dialog->isVisible());
        QVERIFY(dialog->isModal()); // window-modal through open(), not a nested event loop
        auto *skill = find<QComboBox>(dialog, QStringLiteral("escalationSkillCombo"));
        QCOMPARE(skill->count(), 3);
        QCOMPARE(skill->currentData().toString(), QStringLiteral("200")); // the fallback, preselected
        QVERIFY(skill->currentText().contains(QStringLiteral("Human agents")));
        QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("escalationReasonEdit")),
                         QStringLiteral("angry customer"));
        QTest::keyClicks(find<QPlainTextEdit>(dialog, QStringLiteral("escalationHandoffEdit")),
                         QStringLiteral("A colleague will take over."));
        QPointer<EscalationDialog> guard = dialog;
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("escalationOkButton")), Qt::LeftButton);

        QCOMPARE(session->escalations().size(), 1);
        const EscalationRequest request = session->escalations().first();
        QCOMPARE(request.conversationId, QStringLiteral("conv-2"));
        QCOMPARE(request.skillId, QStringLiteral("200"));
        QCOMPARE(request.reason, QStringLiteral("angry customer"));
        QCOMPARE(request.handoffText, QStringLiteral("A colleague will take over."));
        QTRY_VERIFY(!guard); // closed (and deleted) once the session reported success
        // The outcome is in the transcript and the list.
        QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 1);
        QCOMPARE(
            panel->transcriptView()->model()->index(0, 0).data(TranscriptModel::SenderRole).value<TranscriptRole>(),
            TranscriptRole::Escalation);
        QCOMPARE(panel->conversationModel()->conversationAt(1).status, ConversationStatus::Escalated);
        QVERIFY(!panel->escalateAction()->isEnabled());
    }

    void escalationFailureStaysInTheDialog()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        session->setSkills(skills(), QStringLiteral("300"));
        session->setEscalationFailure(
            QStringLiteral("LivePerson refused the transfer: skill 300 has no agents online"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        session->pushConversations({FakeConnectorSession::conversation(QStringLiteral("conv-1"))});
        QVERIFY(clickConversation(panel, QStringLiteral("conv-1")));
        panel->escalateAction()->trigger();
        EscalationDialog *dialog = m_window->findChild<EscalationDialog *>();
        QVERIFY(dialog);
        auto *ok = find<QPushButton>(dialog, QStringLiteral("escalationOkButton"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(!ok->isEnabled()); // busy
        auto *status = find<QLabel>(dialog, QStringLiteral("escalationStatusLabel"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("no agents online")));
        QVERIFY(dialog->isVisible());
        QVERIFY(ok->isEnabled()); // the operator may pick another skill and retry
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("escalationCancelButton")), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<EscalationDialog *>());
    }

    void bulkEscalation()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        session->setSkills(skills(), QStringLiteral("200"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        session->pushConversations(
            {FakeConnectorSession::conversation(QStringLiteral("conv-1")),
             FakeConnectorSession::conversation(QStringLiteral("conv-2")),
             FakeConnectorSession::conversation(QStringLiteral("conv-3")),
             FakeConnectorSession::conversation(QStringLiteral("conv-4"), ConversationStatus::Closed)});
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        EscalationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<EscalationDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->mode(), EscalationDialog::Mode::AllOpen);
        auto *ok = find<QPushButton>(dialog, QStringLiteral("escalationOkButton"));
        QCOMPARE(ok->text(), QStringLiteral("Escalate All (3)"));
        QVERIFY(session->bulkEscalations().isEmpty()); // nothing happens before the confirmation
        QPointer<EscalationDialog> guard = dialog;
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(session->bulkEscalations().size(), 1);
        QCOMPARE(session->bulkEscalations().first().skillId, QStringLiteral("200"));
        QTRY_VERIFY(!guard);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(panel->conversationModel()->conversationAt(row).status, ConversationStatus::Escalated);
        }
        QVERIFY(!panel->escalateAllAction()->isEnabled());
    }

    void eventLogShowsFailuresFiltersAndCopies()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        EventLogWidget *log = m_window->eventLogWidget();
        QVERIFY(log->isVisible());
        session->setState(SessionState::Online);
        session->setState(SessionState::Failed, QStringLiteral("login refused (401): check the password"));
        QTRY_COMPARE(log->model()->rowCount(), 2);
        const int last = log->model()->rowCount() - 1;
        QCOMPARE(log->model()->index(last, EventLogModel::CodeColumn).data().toString(),
                 QStringLiteral("session.failed"));
        QCOMPARE(log->model()->index(last, EventLogModel::IntegrationColumn).data().toString(),
                 QStringLiteral("Alpha"));
        QVERIFY(
            log->model()->index(last, EventLogModel::MessageColumn).data().toString().contains(QStringLiteral("401")));

        auto *level = find<QComboBox>(log, QStringLiteral("eventLogLevelFilter"));
        level->setCurrentIndex(level->findText(QStringLiteral("Warnings and errors")));
        QTreeView *view = log->view();
        QCOMPARE(view->model()->rowCount(), 1);
        view->setFocus();
        view->selectAll();
        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("session.failed")), qPrintable(copied));
        QVERIFY(!copied.contains(QStringLiteral("session.online")));
    }

    void alertsShowInABanner()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        auto *banner = find<QWidget>(panel, QStringLiteral("sessionAlertBanner"));
        QVERIFY(!banner->isVisible());
        session->raiseAlert(QStringLiteral("No fallback skill configured: nothing is escalated automatically."));
        QVERIFY(banner->isVisible());
        QVERIFY(find<QLabel>(panel, QStringLiteral("sessionAlertLabel"))->text().contains(QStringLiteral("fallback")));
        QTest::mouseClick(find<QToolButton>(panel, QStringLiteral("sessionAlertCloseButton")), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }

    void inspectorShowsTheHopsOfTheSelectedLine()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        SessionPanel *panel = m_window->currentPanel();
        session->pushConversations({FakeConnectorSession::conversation(QStringLiteral("conv-1"))});
        TranscriptEntry line = FakeConnectorSession::line(
            QStringLiteral("conv-1"), TranscriptRole::Consumer, QStringLiteral("Where is my parcel?"));
        line.deliveryId = QStringLiteral("d-42");
        session->appendTranscript({line});
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        session->setHops(
            QStringLiteral("d-42"),
            {HopSnapshot{QStringLiteral("d-42"),
                         QStringLiteral("lp_in"),
                         1,
                         t0,
                         0.4,
                         QStringLiteral("ok"),
                         QByteArrayLiteral("{\"type\":\"ContentEvent\",\"message\":\"Where is my parcel?\"}")},
             HopSnapshot{QStringLiteral("d-42"),
                         QStringLiteral("bot_out"),
                         1,
                         t0.addMSecs(2),
                         180.0,
                         QStringLiteral("ok"),
                         QByteArrayLiteral("{\"type\":\"TEXT\"}")}});
        QVERIFY(clickConversation(panel, QStringLiteral("conv-1")));
        QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 1);
        QListView *transcript = panel->transcriptView();
        QTest::mouseClick(transcript->viewport(),
                          Qt::LeftButton,
                          {},
                          transcript->visualRect(transcript->model()->index(0, 0)).center());
        QCOMPARE(session->hopRequests(), QStringList{QStringLiteral("d-42")});
        QTRY_VERIFY(panel->inspector()->rawText().contains(QStringLiteral("\"message\": \"Where is my parcel?\"")));
        auto *summary = find<QLabel>(panel->inspector(), QStringLiteral("hopSummaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("hops: 2")), qPrintable(summary->text()));
        auto *hops = find<QTreeView>(panel->inspector(), QStringLiteral("hopList"));
        QCOMPARE(hops->model()->rowCount(), 2);
        QCOMPARE(hops->model()->index(1, 0).data().toString(), QStringLiteral("connector → bot"));
    }

    void healthGraphInThePanel()
    {
        m_window->setSessionManager(m_manager.get());
        auto *session = addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        QList<HealthBucket> history;
        for (int i = 30; i > 0; --i) {
            HealthBucket bucket;
            bucket.startMs = m_clock->nowMs() - i * 60'000;
            bucket.calls = 10;
            bucket.p50Ms = 100;
            bucket.p95Ms = 300;
            bucket.p99Ms = 700;
            bucket.state = HealthState::Healthy;
            history.append(bucket);
        }
        session->setHealthHistory(history);
        showWindow();
        HealthGraphWidget *graph = m_window->currentPanel()->healthGraph();
        QTRY_COMPARE(graph->buckets().size(), 30);
        auto *range = find<QToolButton>(m_window->currentPanel(), QStringLiteral("healthRange5m"));
        QTest::mouseClick(range, Qt::LeftButton);
        QCOMPARE(graph->range(), HealthGraphWidget::Range::FiveMinutes);
        QTRY_COMPARE(graph->buckets().size(), 5);
        QCOMPARE(graph->windowToMs() - graph->windowFromMs(), 300'000);
    }

    void removeAsksFirst()
    {
        m_window->setSessionManager(m_manager.get());
        addSession(QStringLiteral("a"), QStringLiteral("Alpha"));
        showWindow();
        QSignalSpy removed(m_window.get(), &MainWindow::removeIntegrationRequested);
        find<QAction>(m_window.get(), QStringLiteral("removeIntegrationAction"))->trigger();
        QWidget *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QWidget *>(QStringLiteral("removeIntegrationConfirmation"))) &&
                    box->isVisible());
        QCOMPARE(removed.count(), 0);
        QTest::mouseClick(find<QPushButton>(box, QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), QStringLiteral("a"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
