// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "EventLogWidget.h"
#include "Icons.h"
#include "SandboxController.h"
#include "SandboxPanel.h"
#include "SessionListModel.h"
#include "SessionPanel.h"
#include "UiLogging.h"
#include "connector/SessionManager.h"
#include "util/Clock.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Switchboard
{

using namespace Connector;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_clock(&Clock::system())
    , m_stack(new QStackedWidget(this))
    , m_sessionList(new SessionListModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Switchboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")));
    resize(1280, 800);

    buildEmptyState();
    buildWorkspace();
    buildEventLogDock();
    buildMenus();
    setCentralWidget(m_stack);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("integrationCountLabel"));
    statusBar()->addPermanentWidget(m_countLabel);
    updateWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto *integrationMenu = menuBar()->addMenu(tr("&Integration"));
    auto *addAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Integration), tr("&Add Integration…"));
    addAction->setObjectName(QStringLiteral("addIntegrationAction"));
    addAction->setShortcut(QKeySequence::New);
    connect(addAction, &QAction::triggered, this, &MainWindow::addIntegrationRequested);

    m_editAction = integrationMenu->addAction(tr("&Edit Integration…"));
    m_editAction->setObjectName(QStringLiteral("editIntegrationAction"));
    connect(m_editAction, &QAction::triggered, this, [this] {
        if (SessionPanel *panel = currentPanel()) {
            Q_EMIT editIntegrationRequested(panel->integrationId());
        }
    });
    m_removeAction = integrationMenu->addAction(tr("&Remove Integration…"));
    m_removeAction->setObjectName(QStringLiteral("removeIntegrationAction"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::confirmRemoveCurrent);
    integrationMenu->addSeparator();
    m_startAllAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Start), tr("Start &All"));
    m_startAllAction->setObjectName(QStringLiteral("startAllAction"));
    connect(m_startAllAction, &QAction::triggered, this, [this] {
        if (m_manager) {
            m_manager->startAll();
        }
    });
    m_stopAllAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Stop), tr("St&op All"));
    m_stopAllAction->setObjectName(QStringLiteral("stopAllAction"));
    connect(m_stopAllAction, &QAction::triggered, this, [this] {
        if (m_manager) {
            m_manager->stopAll();
        }
    });
    integrationMenu->addSeparator();
    auto *importAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Import), tr("&Import…"));
    importAction->setObjectName(QStringLiteral("importIntegrationsAction"));
    connect(importAction, &QAction::triggered, this, &MainWindow::importIntegrationsRequested);
    auto *exportAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Export), tr("E&xport…"));
    exportAction->setObjectName(QStringLiteral("exportIntegrationsAction"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportIntegrationsRequested);
    integrationMenu->addSeparator();
    auto *sandboxAction = integrationMenu->addAction(Icons::icon(Icons::Icon::Sandbox), tr("Start &Sandbox"));
    sandboxAction->setObjectName(QStringLiteral("startSandboxAction"));
    connect(sandboxAction, &QAction::triggered, this, &MainWindow::sandboxRequested);
    integrationMenu->addSeparator();
    auto *quitAction = integrationMenu->addAction(tr("&Quit"));
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    auto *conversationMenu = menuBar()->addMenu(tr("&Conversation"));
    m_escalateAction = conversationMenu->addAction(Icons::icon(Icons::Icon::Escalate), tr("&Escalate…"));
    m_escalateAction->setObjectName(QStringLiteral("escalateAction"));
    m_escalateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_escalateAction, &QAction::triggered, this, [this] {
        if (SessionPanel *panel = currentPanel()) {
            panel->escalateSelected();
        }
    });
    m_escalateAllAction = conversationMenu->addAction(Icons::icon(Icons::Icon::EscalateAll), tr("Escalate &All Open…"));
    m_escalateAllAction->setObjectName(QStringLiteral("escalateAllAction"));
    m_escalateAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_escalateAllAction, &QAction::triggered, this, [this] {
        if (SessionPanel *panel = currentPanel()) {
            panel->escalateAllOpen();
        }
    });

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    m_nextAction = viewMenu->addAction(tr("&Next Integration"));
    m_nextAction->setObjectName(QStringLiteral("nextIntegrationAction"));
    m_nextAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    connect(m_nextAction, &QAction::triggered, this, [this] { stepIntegration(1); });
    m_previousAction = viewMenu->addAction(tr("&Previous Integration"));
    m_previousAction->setObjectName(QStringLiteral("previousIntegrationAction"));
    m_previousAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(m_previousAction, &QAction::triggered, this, [this] { stepIntegration(-1); });
    auto *gotoMenu = viewMenu->addMenu(tr("&Go to Integration"));
    for (int i = 0; i < 9; ++i) {
        auto *action = gotoMenu->addAction(tr("Integration %1").arg(i + 1));
        action->setObjectName(QStringLiteral("showIntegration%1Action").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { selectRow(i); });
        m_gotoActions.append(action);
    }
    viewMenu->addSeparator();
    QAction *logToggle = m_eventLogDock->toggleViewAction();
    logToggle->setObjectName(QStringLiteral("showEventLogAction"));
    logToggle->setIcon(Icons::icon(Icons::Icon::Log));
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    viewMenu->addAction(logToggle);
}

void MainWindow::buildEmptyState()
{
    m_emptyState = new QWidget(m_stack);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto *layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(1);

    auto *title = new QLabel(tr("<h2>No bot integrations yet</h2>"), m_emptyState);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *text = new QLabel(tr("An integration connects one bot to LivePerson: Switchboard logs in as the bot's "
                               "agent user, forwards each consumer message to the bot's endpoint, posts the "
                               "replies back and escalates to a fallback skill when the bot fails.\n\n"
                               "Add an integration for your LivePerson account, or start the sandbox to watch "
                               "a demo bot answer simulated consumers without an account."),
                            m_emptyState);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *addButton = new QPushButton(tr("Add Integration…"), m_emptyState);
    addButton->setObjectName(QStringLiteral("addIntegrationButton"));
    addButton->setAccessibleName(tr("Add integration"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addIntegrationRequested);
    buttons->addWidget(addButton);
    auto *sandboxButton = new QPushButton(tr("Start Sandbox"), m_emptyState);
    sandboxButton->setObjectName(QStringLiteral("startSandboxButton"));
    sandboxButton->setAccessibleName(tr("Start the LivePerson sandbox"));
    connect(sandboxButton, &QPushButton::clicked, this, &MainWindow::sandboxRequested);
    buttons->addWidget(sandboxButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);

    m_stack->addWidget(m_emptyState);
}

void MainWindow::buildWorkspace()
{
    m_workspace = new QWidget(m_stack);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    auto *splitter = new QSplitter(Qt::Horizontal, m_workspace);

    m_integrationList = new QListView(splitter);
    m_integrationList->setObjectName(QStringLiteral("integrationList"));
    m_integrationList->setAccessibleName(tr("Integrations"));
    m_integrationList->setModel(m_sessionList);
    m_integrationList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_integrationList->setUniformItemSizes(true);
    m_integrationList->setIconSize(QSize(16, 16));
    // Names elide rather than scroll sideways ("Sandbox demo bot (chat)" and longer).
    m_integrationList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_integrationList->setTextElideMode(Qt::ElideMiddle);
    m_integrationList->setMinimumWidth(160);
    m_integrationList->setMaximumWidth(320);

    m_panelStack = new QStackedWidget(splitter);
    m_panelStack->setObjectName(QStringLiteral("panelStack"));
    splitter->addWidget(m_integrationList);
    splitter->addWidget(m_panelStack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({210, 1000});

    auto *layout = new QVBoxLayout(m_workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    m_stack->addWidget(m_workspace);

    connect(m_integrationList->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &MainWindow::handleCurrentIntegrationChanged);
    connect(m_sessionList, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateWindowState);
    connect(m_sessionList, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateWindowState);
    connect(m_sessionList, &QAbstractItemModel::modelReset, this, &MainWindow::updateWindowState);
}

void MainWindow::buildEventLogDock()
{
    m_eventLogDock = new QDockWidget(tr("Event Log"), this);
    m_eventLogDock->setObjectName(QStringLiteral("eventLogDock"));
    m_eventLog = new EventLogWidget(m_eventLogDock);
    m_eventLogDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventLogDock);
    // The log is a strip under the panels, not half the window.
    resizeDocks({m_eventLogDock}, {170}, Qt::Vertical);
}

void MainWindow::setSessionManager(SessionManager *manager)
{
    if (m_manager == manager) {
        return;
    }
    if (m_manager) {
        m_manager->disconnect(this);
    }
    for (SessionPanel *panel : std::as_const(m_panels)) {
        m_panelStack->removeWidget(panel);
        panel->deleteLater();
    }
    m_panels.clear();
    m_manager = manager;
    m_sessionList->setSessionManager(manager);
    m_eventLog->setSessionManager(manager);
    if (m_manager) {
        for (ConnectorSession *session : m_manager->sessions()) {
            handleSessionAdded(session);
        }
        connect(m_manager, &SessionManager::sessionAdded, this, &MainWindow::handleSessionAdded);
        connect(m_manager, &SessionManager::sessionAboutToBeRemoved, this, &MainWindow::handleSessionAboutToBeRemoved);
    }
    updateWindowState();
}

SessionManager *MainWindow::sessionManager() const
{
    return m_manager;
}

void MainWindow::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    for (SessionPanel *panel : std::as_const(m_panels)) {
        panel->setClock(m_clock);
    }
}

void MainWindow::setSandboxController(SandboxController *controller)
{
    if (!controller) {
        if (m_sandboxDock) {
            removeDockWidget(m_sandboxDock);
            m_sandboxDock->deleteLater();
            m_sandboxDock = nullptr;
        }
        return;
    }
    if (!m_sandboxDock) {
        m_sandboxDock = new QDockWidget(tr("Sandbox"), this);
        m_sandboxDock->setObjectName(QStringLiteral("sandboxDock"));
        addDockWidget(Qt::RightDockWidgetArea, m_sandboxDock);
        resizeDocks({m_sandboxDock}, {340}, Qt::Horizontal);
    }
    m_sandboxPanel = new SandboxPanel(controller, m_sandboxDock);
    m_sandboxDock->setWidget(m_sandboxPanel);
    m_sandboxDock->show();
}

void MainWindow::handleSessionAdded(ConnectorSession *session)
{
    if (!session || m_panels.contains(session->integrationId())) {
        return;
    }
    auto *panel = new SessionPanel(session, m_panelStack);
    panel->setObjectName(QStringLiteral("sessionPanel_%1").arg(session->integrationId()));
    panel->setClock(m_clock);
    m_panels.insert(session->integrationId(), panel);
    // The window's Ctrl+E / Ctrl+Shift+E mirror the current panel's escalation actions.
    connect(panel->escalateAction(), &QAction::changed, this, &MainWindow::updateConversationActions);
    connect(panel->escalateAllAction(), &QAction::changed, this, &MainWindow::updateConversationActions);
    m_panelStack->addWidget(panel);
    qCDebug(lcUi) << "panel added" << session->integrationId();
    if (!m_integrationList->currentIndex().isValid()) {
        showIntegration(session->integrationId());
    }
    // The list may have made this row current before its panel existed.
    handleCurrentIntegrationChanged();
}

void MainWindow::handleSessionAboutToBeRemoved(ConnectorSession *session)
{
    SessionPanel *panel = m_panels.take(session->integrationId());
    if (!panel) {
        return;
    }
    m_panelStack->removeWidget(panel);
    // Later, not now: the removal may have been started from inside this panel.
    panel->hide();
    panel->deleteLater();
    qCDebug(lcUi) << "panel removed" << session->integrationId();
}

QList<SessionPanel *> MainWindow::panels() const
{
    QList<SessionPanel *> result;
    for (int row = 0; row < m_sessionList->rowCount(); ++row) {
        if (const ConnectorSession *session = m_sessionList->sessionAt(row)) {
            if (SessionPanel *panel = m_panels.value(session->integrationId())) {
                result.append(panel);
            }
        }
    }
    return result;
}

SessionPanel *MainWindow::panel(const QString &integrationId) const
{
    return m_panels.value(integrationId);
}

SessionPanel *MainWindow::currentPanel() const
{
    return qobject_cast<SessionPanel *>(m_panelStack->currentWidget());
}

EventLogWidget *MainWindow::eventLogWidget() const
{
    return m_eventLog;
}

void MainWindow::showIntegration(const QString &integrationId)
{
    selectRow(m_sessionList->rowOf(integrationId));
}

void MainWindow::selectRow(int row)
{
    if (row < 0 || row >= m_sessionList->rowCount()) {
        return;
    }
    m_integrationList->setCurrentIndex(m_sessionList->index(row));
}

void MainWindow::stepIntegration(int delta)
{
    const int count = m_sessionList->rowCount();
    if (count == 0) {
        return;
    }
    const int current = std::max(0, m_integrationList->currentIndex().row());
    selectRow(((current + delta) % count + count) % count);
}

void MainWindow::handleCurrentIntegrationChanged()
{
    const ConnectorSession *session = m_sessionList->sessionAt(m_integrationList->currentIndex().row());
    SessionPanel *panel = session ? m_panels.value(session->integrationId()) : nullptr;
    if (panel) {
        m_panelStack->setCurrentWidget(panel);
    }
    updateWindowState();
}

void MainWindow::updateWindowState()
{
    const int count = m_sessionList->rowCount();
    m_stack->setCurrentWidget(count > 0 ? m_workspace : m_emptyState);
    if (count > 0 && !m_integrationList->currentIndex().isValid()) {
        // The current integration was removed: keep a panel in view.
        m_integrationList->setCurrentIndex(m_sessionList->index(0));
    }
    SessionPanel *panel = currentPanel();
    const ConnectorSession *session = panel ? panel->session() : nullptr;
    setWindowTitle(session ? tr("%1 — Switchboard").arg(session->name()) : tr("Switchboard"));
    m_countLabel->setText(count == 0 ? tr("No integrations configured") : tr("Integrations: %1").arg(count));
    m_editAction->setEnabled(session != nullptr);
    m_removeAction->setEnabled(session != nullptr);
    m_startAllAction->setEnabled(count > 0);
    m_stopAllAction->setEnabled(count > 0);
    updateConversationActions();
    m_nextAction->setEnabled(count > 1);
    m_previousAction->setEnabled(count > 1);
    for (int i = 0; i < m_gotoActions.size(); ++i) {
        m_gotoActions.at(i)->setEnabled(i < count);
        const ConnectorSession *s = m_sessionList->sessionAt(i);
        m_gotoActions.at(i)->setText(s ? tr("&%1 %2").arg(i + 1).arg(s->name()) : tr("Integration %1").arg(i + 1));
    }
}

void MainWindow::updateConversationActions()
{
    const SessionPanel *panel = currentPanel();
    m_escalateAction->setEnabled(panel && panel->escalateAction()->isEnabled());
    m_escalateAllAction->setEnabled(panel && panel->escalateAllAction()->isEnabled());
}

void MainWindow::confirmRemoveCurrent()
{
    const SessionPanel *panel = currentPanel();
    const ConnectorSession *session = panel ? panel->session() : nullptr;
    if (!session) {
        return;
    }
    const QString id = session->integrationId();
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Remove Integration"),
                                tr("Remove the integration “%1”? Its session stops, and its configuration and "
                                   "keychain entries are deleted. Transcripts stay.")
                                    .arg(session->name()),
                                QMessageBox::NoButton,
                                this);
    box->setObjectName(QStringLiteral("removeIntegrationConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton *button) {
        if (button == remove) {
            Q_EMIT removeIntegrationRequested(id);
        }
    });
    box->open();
}

} // namespace Switchboard
