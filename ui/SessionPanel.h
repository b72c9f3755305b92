// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QButtonGroup;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace Switchboard
{
class Clock;
}
namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{
class ConversationFilterModel;
class ConversationListModel;
class HealthGraphWidget;
class HopInspector;
class TranscriptDelegate;
class TranscriptModel;
class TranscriptView;

/**
 * The panel of one integration: a header with the session's state in words (with a live
 * reconnect countdown), start/stop, live counters and escalation buttons; an alert banner;
 * the conversation list (filter by status, search by text or id); the live transcript of the
 * selected conversation; the delivery inspector for the selected line; and the endpoint health
 * graph.
 *
 * The panel is the controller that joins one ConnectorSession to its views (KON's
 * SessionDisplayConnection role). It does not own the session (QPointer) and acts on it only
 * through its public commands. Dialogs it opens are window-modal and never block (open()).
 */
class SessionPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionPanel)

public:
    explicit SessionPanel(Connector::ConnectorSession *session, QWidget *parent = nullptr);
    ~SessionPanel() override;

    Connector::ConnectorSession *session() const;
    QString integrationId() const;

    /** Time source for the countdown and the graph (not owned). Defaults to Clock::system(). */
    void setClock(const Clock *clock);

    /** The state text in the header, as shown now. */
    QString stateText() const;
    QString selectedConversationId() const;
    void selectConversation(const QString &conversationId);

    /** Opens the escalation dialog for the selected conversation (if any). */
    void escalateSelected();
    /** Opens the escalation dialog for every open conversation. */
    void escalateAllOpen();

    QAction *escalateAction() const;
    QAction *escalateAllAction() const;

    ConversationListModel *conversationModel() const;
    ConversationFilterModel *conversationFilter() const;
    TranscriptModel *transcriptModel() const;
    QTreeView *conversationView() const;
    TranscriptView *transcriptView() const;
    HopInspector *inspector() const;
    HealthGraphWidget *healthGraph() const;

private:
    void createActions();
    QWidget *buildHeader();
    QWidget *buildConversationPane();
    QWidget *buildTranscriptPane();
    QWidget *buildHealthPane();
    void updateStatus();
    void updateCounters();
    void updateActions();
    void handleConversationSelected();
    void handleTranscriptLineSelected();
    void handleAlert(const QString &message);

    QPointer<Connector::ConnectorSession> m_session;
    const Clock *m_clock;
    QString m_integrationId;

    QLabel *m_nameLabel = nullptr;
    QLabel *m_stateIconLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_openLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_escalationsLabel = nullptr;
    QFrame *m_alertBanner = nullptr;
    QLabel *m_alertLabel = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_escalateAction = nullptr;
    QAction *m_escalateAllAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QTimer *m_countdownTimer = nullptr;

    ConversationListModel *m_conversationModel = nullptr;
    ConversationFilterModel *m_conversationFilter = nullptr;
    QComboBox *m_statusFilterCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTreeView *m_conversationView = nullptr;

    TranscriptModel *m_transcriptModel = nullptr;
    TranscriptDelegate *m_transcriptDelegate = nullptr;
    QLabel *m_transcriptTitle = nullptr;
    TranscriptView *m_transcriptView = nullptr;

    HopInspector *m_inspector = nullptr;
    HealthGraphWidget *m_healthGraph = nullptr;
    QButtonGroup *m_rangeGroup = nullptr;
};

} // namespace Switchboard
