// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QStackedWidget;

namespace Switchboard
{
class Clock;
}
namespace Switchboard::Connector
{
class ConnectorSession;
class SessionManager;
} // namespace Switchboard::Connector

namespace Switchboard
{
class EventLogWidget;
class SandboxController;
class SandboxPanel;
class SessionListModel;
class SessionPanel;

/**
 * The console's main window: the list of integrations beside one SessionPanel per integration,
 * the event log in a dock, and — in sandbox mode — the sandbox panel in another dock. Until an
 * integration exists it shows an empty state that explains the two ways to start: add an
 * integration, or start the sandbox.
 *
 * Driven by a SessionManager (setSessionManager): a panel appears on sessionAdded and goes on
 * sessionAboutToBeRemoved. Integrations are switched with the list, Ctrl+1…9 and
 * Ctrl+PgUp/PgDown. Conversation commands (Ctrl+E escalate, Ctrl+Shift+E escalate all open)
 * act on the current panel.
 *
 * The window does not own the manager, the sessions or the sandbox controller, and does no I/O.
 * Configuration commands (add, edit, remove, import, export, sandbox) are signals: the
 * application wires them to the integration store and the dialogs.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSessionManager(Connector::SessionManager *manager);
    Connector::SessionManager *sessionManager() const;

    /** Time source for the panels (not owned). Defaults to Clock::system(). */
    void setClock(const Clock *clock);

    /** Shows the sandbox panel (in a dock) driving @p controller; nullptr removes it. Not owned. */
    void setSandboxController(SandboxController *controller);

    QList<SessionPanel *> panels() const;
    SessionPanel *panel(const QString &integrationId) const;
    SessionPanel *currentPanel() const;
    /** Makes the panel of @p integrationId the current one. */
    void showIntegration(const QString &integrationId);
    EventLogWidget *eventLogWidget() const;

Q_SIGNALS:
    /** The operator asked to add an integration. */
    void addIntegrationRequested();
    /** The operator asked to edit the integration @p integrationId. */
    void editIntegrationRequested(const QString &integrationId);
    /** The operator confirmed removing the integration @p integrationId. */
    void removeIntegrationRequested(const QString &integrationId);
    /** The operator asked to import integrations from a file. */
    void importIntegrationsRequested();
    /** The operator asked to export the integrations to a file. */
    void exportIntegrationsRequested();
    /** The operator asked to start the built-in LivePerson sandbox. */
    void sandboxRequested();

private:
    void buildMenus();
    void buildEmptyState();
    void buildWorkspace();
    void buildEventLogDock();
    void handleSessionAdded(Connector::ConnectorSession *session);
    void handleSessionAboutToBeRemoved(Connector::ConnectorSession *session);
    void handleCurrentIntegrationChanged();
    void selectRow(int row);
    void stepIntegration(int delta);
    void confirmRemoveCurrent();
    void updateWindowState();
    void updateConversationActions();

    QPointer<Connector::SessionManager> m_manager;
    const Clock *m_clock = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyState = nullptr;
    QWidget *m_workspace = nullptr;
    QListView *m_integrationList = nullptr;
    QStackedWidget *m_panelStack = nullptr;
    SessionListModel *m_sessionList = nullptr;
    QHash<QString, SessionPanel *> m_panels;
    QDockWidget *m_eventLogDock = nullptr;
    EventLogWidget *m_eventLog = nullptr;
    QDockWidget *m_sandboxDock = nullptr;
    QPointer<SandboxPanel> m_sandboxPanel;
    QLabel *m_countLabel = nullptr;

    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_startAllAction = nullptr;
    QAction *m_stopAllAction = nullptr;
    QAction *m_escalateAction = nullptr;
    QAction *m_escalateAllAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QList<QAction *> m_gotoActions;
};

} // namespace Switchboard
