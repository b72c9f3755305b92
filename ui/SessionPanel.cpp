// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionPanel.h"

#include "ConversationFilterModel.h"
#include "ConversationListModel.h"
#include "EscalationDialog.h"
#include "HealthGraphWidget.h"
#include "HopInspector.h"
#include "Icons.h"
#include "StatusText.h"
#include "TranscriptDelegate.h"
#include "TranscriptModel.h"
#include "TranscriptView.h"
#include "UiLogging.h"
#include "connector/ConnectorSession.h"
#include "util/Clock.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <array>
#include <tuple>

namespace Switchboard
{

using namespace Connector;

SessionPanel::SessionPanel(ConnectorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_clock(&Clock::system())
    , m_integrationId(session ? session->integrationId() : QString())
{
    setObjectName(QStringLiteral("sessionPanel"));
    setAccessibleName(tr("Integration %1").arg(session ? session->name() : QString()));

    m_conversationModel = new ConversationListModel(this);
    m_conversationFilter = new ConversationFilterModel(this);
    m_conversationFilter->setSourceModel(m_conversationModel);
    m_transcriptModel = new TranscriptModel(this);
    createActions();

    auto *mainSplitter = new QSplitter(Qt::Vertical, this);
    mainSplitter->setObjectName(QStringLiteral("panelSplitter"));
    auto *topSplitter = new QSplitter(Qt::Horizontal, mainSplitter);
    topSplitter->addWidget(buildConversationPane());
    topSplitter->addWidget(buildTranscriptPane());
    m_inspector = new HopInspector(topSplitter);
    m_inspector->setMinimumWidth(220);
    topSplitter->addWidget(m_inspector);
    topSplitter->setStretchFactor(0, 3);
    topSplitter->setStretchFactor(1, 4);
    topSplitter->setStretchFactor(2, 2);
    topSplitter->setChildrenCollapsible(false);
    // Initial proportions (list : transcript : inspector); the splitter scales them to the panel.
    topSplitter->setSizes({380, 560, 260});
    mainSplitter->addWidget(topSplitter);
    mainSplitter->addWidget(buildHealthPane());
    mainSplitter->setStretchFactor(0, 4);
    mainSplitter->setStretchFactor(1, 1);
    mainSplitter->setSizes({560, 170});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildHeader());
    layout->addWidget(m_alertBanner);
    layout->addWidget(mainSplitter, 1);

    m_countdownTimer = new QTimer(this);
    m_countdownTimer->setObjectName(QStringLiteral("reconnectCountdownTimer"));
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &SessionPanel::updateStatus);

    if (m_session) {
        m_conversationModel->setSession(m_session);
        m_transcriptModel->setSession(m_session);
        m_inspector->setSession(m_session);
        m_healthGraph->setSession(m_session);
        connect(m_session, &ConnectorSession::statusChanged, this, &SessionPanel::updateStatus);
        connect(m_session, &ConnectorSession::healthChanged, this, &SessionPanel::updateStatus);
        connect(m_session, &ConnectorSession::countersChanged, this, &SessionPanel::updateCounters);
        connect(m_session, &ConnectorSession::alertRaised, this, &SessionPanel::handleAlert);
        connect(m_session, &ConnectorSession::conversationsUpdated, this, &SessionPanel::updateActions);
    }
    updateStatus();
    updateCounters();
    updateActions();
}

SessionPanel::~SessionPanel() = default;

void SessionPanel::createActions()
{
    m_startAction = new QAction(Icons::icon(Icons::Icon::Start), tr("Start"), this);
    m_startAction->setObjectName(QStringLiteral("startSessionAction"));
    m_startAction->setToolTip(tr("Log in and start serving conversations"));
    m_stopAction = new QAction(Icons::icon(Icons::Icon::Stop), tr("Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopSessionAction"));
    m_stopAction->setToolTip(tr("Stop serving conversations and log out"));
    m_escalateAction = new QAction(Icons::icon(Icons::Icon::Escalate), tr("Escalate…"), this);
    m_escalateAction->setObjectName(QStringLiteral("panelEscalateAction"));
    m_escalateAction->setToolTip(tr("Transfer the selected conversation to a skill (Ctrl+E)"));
    m_escalateAllAction = new QAction(Icons::icon(Icons::Icon::EscalateAll), tr("Escalate All Open…"), this);
    m_escalateAllAction->setObjectName(QStringLiteral("panelEscalateAllAction"));
    m_escalateAllAction->setToolTip(tr("Transfer every open conversation to a skill (Ctrl+Shift+E)"));
    m_copyIdAction = new QAction(Icons::icon(Icons::Icon::Copy), tr("Copy Conversation Id"), this);
    m_copyIdAction->setObjectName(QStringLiteral("copyConversationIdAction"));

    connect(m_startAction, &QAction::triggered, this, [this] {
        if (m_session) {
            m_session->start();
        }
    });
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (m_session) {
            m_session->stop();
        }
    });
    connect(m_escalateAction, &QAction::triggered, this, &SessionPanel::escalateSelected);
    connect(m_escalateAllAction, &QAction::triggered, this, &SessionPanel::escalateAllOpen);
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        const QString id = selectedConversationId();
        if (!id.isEmpty()) {
            QGuiApplication::clipboard()->setText(id);
        }
    });
}

QWidget *SessionPanel::buildHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("sessionHeader"));

    m_nameLabel = new QLabel(m_session ? m_session->name() : QString(), header);
    m_nameLabel->setObjectName(QStringLiteral("sessionNameLabel"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_nameLabel->setFont(nameFont);

    m_stateIconLabel = new QLabel(header);
    m_stateIconLabel->setObjectName(QStringLiteral("sessionStateIcon"));
    m_stateLabel = new QLabel(header);
    m_stateLabel->setObjectName(QStringLiteral("sessionStateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setAccessibleName(tr("Session state"));

    m_openLabel = new QLabel(header);
    m_openLabel->setObjectName(QStringLiteral("openConversationsLabel"));
    m_rateLabel = new QLabel(header);
    m_rateLabel->setObjectName(QStringLiteral("messagesPerMinuteLabel"));
    m_escalationsLabel = new QLabel(header);
    m_escalationsLabel->setObjectName(QStringLiteral("escalationsTodayLabel"));

    auto makeButton = [header](QAction *action, const QString &objectName) {
        auto *button = new QToolButton(header);
        button->setObjectName(objectName);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        return button;
    };

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_nameLabel);
    layout->addSpacing(12);
    layout->addWidget(m_stateIconLabel);
    layout->addWidget(m_stateLabel, 1);
    for (QLabel *label : {m_openLabel, m_rateLabel, m_escalationsLabel}) {
        layout->addWidget(label);
        layout->addSpacing(8);
    }
    layout->addWidget(makeButton(m_startAction, QStringLiteral("startSessionButton")));
    layout->addWidget(makeButton(m_stopAction, QStringLiteral("stopSessionButton")));
    layout->addWidget(makeButton(m_escalateAction, QStringLiteral("escalateButton")));
    layout->addWidget(makeButton(m_escalateAllAction, QStringLiteral("escalateAllButton")));

    // The alert banner sits under the header; built here so it exists before the layout uses it.
    m_alertBanner = new QFrame(this);
    m_alertBanner->setObjectName(QStringLiteral("sessionAlertBanner"));
    m_alertBanner->setFrameShape(QFrame::StyledPanel);
    m_alertBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_alertBanner->palette();
    const QColor base = bannerPalette.color(QPalette::Window);
    const QColor amber(240, 180, 0);
    bannerPalette.setColor(QPalette::Window,
                           QColor::fromRgbF(float(base.redF() * 0.8 + amber.redF() * 0.2),
                                            float(base.greenF() * 0.8 + amber.greenF() * 0.2),
                                            float(base.blueF() * 0.8 + amber.blueF() * 0.2)));
    m_alertBanner->setPalette(bannerPalette);
    auto *alertIcon = new QLabel(m_alertBanner);
    alertIcon->setPixmap(Icons::icon(Icons::Icon::Warning).pixmap(QSize(16, 16), devicePixelRatioF()));
    m_alertLabel = new QLabel(m_alertBanner);
    m_alertLabel->setObjectName(QStringLiteral("sessionAlertLabel"));
    m_alertLabel->setWordWrap(true);
    m_alertLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(m_alertBanner);
    close->setObjectName(QStringLiteral("sessionAlertCloseButton"));
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAccessibleName(tr("Dismiss the alert"));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, m_alertBanner, &QWidget::hide);
    auto *bannerLayout = new QHBoxLayout(m_alertBanner);
    bannerLayout->setContentsMargins(6, 4, 4, 4);
    bannerLayout->addWidget(alertIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_alertLabel, 1);
    bannerLayout->addWidget(close, 0, Qt::AlignTop);
    m_alertBanner->hide();
    return header;
}

QWidget *SessionPanel::buildConversationPane()
{
    auto *pane = new QWidget(this);
    m_statusFilterCombo = new QComboBox(pane);
    m_statusFilterCombo->setObjectName(QStringLiteral("conversationStatusFilter"));
    m_statusFilterCombo->setAccessibleName(tr("Show conversations"));
    m_statusFilterCombo->addItem(tr("All"), QVariant::fromValue(ConversationFilterModel::StatusFilter::All));
    m_statusFilterCombo->addItem(tr("Open"), QVariant::fromValue(ConversationFilterModel::StatusFilter::Open));
    m_statusFilterCombo->addItem(tr("Escalated"),
                                 QVariant::fromValue(ConversationFilterModel::StatusFilter::Escalated));
    m_statusFilterCombo->addItem(tr("Closed"), QVariant::fromValue(ConversationFilterModel::StatusFilter::Closed));

    m_searchEdit = new QLineEdit(pane);
    m_searchEdit->setObjectName(QStringLiteral("conversationSearchEdit"));
    m_searchEdit->setAccessibleName(tr("Search conversations"));
    m_searchEdit->setPlaceholderText(tr("Search text or id"));
    m_searchEdit->setClearButtonEnabled(true);

    m_conversationView = new QTreeView(pane);
    m_conversationView->setMinimumWidth(260);
    m_conversationView->setObjectName(QStringLiteral("conversationView"));
    m_conversationView->setAccessibleName(tr("Conversations"));
    m_conversationView->setModel(m_conversationFilter);
    m_conversationView->setRootIsDecorated(false);
    m_conversationView->setUniformRowHeights(true);
    m_conversationView->setAllColumnsShowFocus(true);
    m_conversationView->setSortingEnabled(true);
    m_conversationView->sortByColumn(ConversationListModel::StartedColumn, Qt::DescendingOrder);
    m_conversationView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conversationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conversationView->header()->setSectionResizeMode(ConversationListModel::StatusColumn,
                                                       QHeaderView::ResizeToContents);
    m_conversationView->setColumnWidth(ConversationListModel::IdColumn, 120);
    m_conversationView->setColumnWidth(ConversationListModel::LastMessageColumn, 200);
    m_conversationView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_conversationView->addAction(m_escalateAction);
    m_conversationView->addAction(m_escalateAllAction);
    m_conversationView->addAction(m_copyIdAction);

    connect(m_statusFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_conversationFilter->setStatusFilter(
            m_statusFilterCombo->currentData().value<ConversationFilterModel::StatusFilter>());
    });
    connect(m_searchEdit, &QLineEdit::textChanged, m_conversationFilter, &ConversationFilterModel::setSearchText);
    connect(m_conversationView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &SessionPanel::handleConversationSelected);
    connect(m_conversationFilter, &QAbstractItemModel::modelReset, this, &SessionPanel::handleConversationSelected);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusFilterCombo);
    filters->addWidget(m_searchEdit, 1);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_conversationView, 1);
    return pane;
}

QWidget *SessionPanel::buildTranscriptPane()
{
    auto *pane = new QWidget(this);
    m_transcriptTitle = new QLabel(pane);
    m_transcriptTitle->setObjectName(QStringLiteral("transcriptTitleLabel"));
    m_transcriptTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Two ids in the title must not widen the pane: wrap at the separators instead.
    m_transcriptTitle->setWordWrap(true);

    m_transcriptDelegate = new TranscriptDelegate(this);
    m_transcriptView = new TranscriptView(pane);
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));
    m_transcriptView->setAccessibleName(tr("Transcript"));
    m_transcriptView->setModel(m_transcriptModel);
    m_transcriptView->setItemDelegate(m_transcriptDelegate);
    m_transcriptView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcriptView->setMouseTracking(true);

    connect(m_transcriptView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &SessionPanel::handleTranscriptLineSelected);
    connect(m_transcriptModel, &TranscriptModel::loadingChanged, this, [this](bool loading) {
        if (loading) {
            m_transcriptTitle->setText(tr("Loading conversation %1…").arg(m_transcriptModel->conversationId()));
        } else {
            handleConversationSelected();
        }
    });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_transcriptTitle);
    layout->addWidget(m_transcriptView, 1);
    return pane;
}

QWidget *SessionPanel::buildHealthPane()
{
    auto *pane = new QWidget(this);
    auto *title = new QLabel(tr("Bot endpoint health"), pane);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_healthGraph = new HealthGraphWidget(pane);
    m_healthGraph->setMinimumHeight(110);
    m_rangeGroup = new QButtonGroup(pane);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch(1);
    const std::array<std::tuple<HealthGraphWidget::Range, QString, QString>, 3> ranges{
        {{HealthGraphWidget::Range::FiveMinutes, tr("5 min"), QStringLiteral("healthRange5m")},
         {HealthGraphWidget::Range::OneHour, tr("1 h"), QStringLiteral("healthRange1h")},
         {HealthGraphWidget::Range::Day, tr("24 h"), QStringLiteral("healthRange24h")}}};
    for (const auto &[range, label, name] : ranges) {
        auto *button = new QToolButton(pane);
        button->setObjectName(name);
        button->setText(label);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(range == m_healthGraph->range());
        button->setAccessibleName(tr("Show the last %1").arg(label));
        m_rangeGroup->addButton(button, int(range));
        buttons->addWidget(button);
    }
    connect(m_rangeGroup, &QButtonGroup::idClicked, this, [this](int id) {
        m_healthGraph->setRange(HealthGraphWidget::Range(id));
    });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_healthGraph, 1);
    return pane;
}

ConnectorSession *SessionPanel::session() const
{
    return m_session;
}

QString SessionPanel::integrationId() const
{
    return m_integrationId;
}

void SessionPanel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    m_healthGraph->setClock(m_clock);
    updateStatus();
}

QString SessionPanel::stateText() const
{
    return m_stateLabel->text();
}

void SessionPanel::updateStatus()
{
    if (!m_session) {
        m_stateLabel->setText(tr("removed"));
        m_countdownTimer->stop();
        return;
    }
    const SessionStatus status = m_session->status();
    const QString text = StatusText::sessionState(status, m_session->health(), m_clock->now());
    m_stateLabel->setText(text);
    m_stateLabel->setAccessibleDescription(text);
    m_stateIconLabel->setPixmap(
        Icons::icon(StatusText::stateIcon(status.state)).pixmap(QSize(16, 16), devicePixelRatioF()));
    // The countdown is the only thing that changes by itself; tick only while there is one.
    const bool counting = StatusText::secondsUntilReconnect(status, m_clock->now()) > 0;
    if (counting && !m_countdownTimer->isActive()) {
        m_countdownTimer->start();
    } else if (!counting && m_countdownTimer->isActive()) {
        m_countdownTimer->stop();
    }
    updateActions();
}

void SessionPanel::updateCounters()
{
    if (!m_session) {
        return;
    }
    const SessionCounters counters = m_session->counters();
    const QLocale locale;
    m_openLabel->setText(tr("open: %1").arg(locale.toString(counters.openConversations)));
    m_openLabel->setToolTip(
        tr("Conversations open: %1 · escalated: %2")
            .arg(locale.toString(counters.openConversations), locale.toString(counters.escalatedConversations)));
    m_rateLabel->setText(tr("%1 msg/min").arg(locale.toString(counters.messagesPerMinute, 'f', 0)));
    m_rateLabel->setToolTip(tr("Consumer messages %1, bot replies %2, bot failures %3")
                                .arg(locale.toString(counters.consumerMessages),
                                     locale.toString(counters.botReplies),
                                     locale.toString(counters.botFailures)));
    m_escalationsLabel->setText(tr("escalations today: %1").arg(locale.toString(counters.escalationsToday)));
}

void SessionPanel::updateActions()
{
    const SessionState state = m_session ? m_session->status().state : SessionState::Stopped;
    const bool stopped =
        state == SessionState::Stopped || state == SessionState::Failed || state == SessionState::Kicked;
    m_startAction->setEnabled(m_session && stopped);
    m_stopAction->setEnabled(m_session && !stopped);

    const int row = m_conversationModel->rowOf(selectedConversationId());
    const bool escalatable =
        m_session && row >= 0 && m_conversationModel->conversationAt(row).status == ConversationStatus::Open;
    m_escalateAction->setEnabled(escalatable);
    m_copyIdAction->setEnabled(row >= 0);
    bool anyOpen = false;
    for (int r = 0; r < m_conversationModel->rowCount() && !anyOpen; ++r) {
        anyOpen = m_conversationModel->conversationAt(r).status == ConversationStatus::Open;
    }
    m_escalateAllAction->setEnabled(m_session && anyOpen);
}

QString SessionPanel::selectedConversationId() const
{
    const QModelIndex current = m_conversationView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ConversationListModel::ConversationIdRole).toString() : QString();
}

void SessionPanel::selectConversation(const QString &conversationId)
{
    const int sourceRow = m_conversationModel->rowOf(conversationId);
    if (sourceRow < 0) {
        return;
    }
    const QModelIndex index = m_conversationFilter->mapFromSource(m_conversationModel->index(sourceRow, 0));
    if (index.isValid()) {
        m_conversationView->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_conversationView->scrollTo(index);
    }
}

void SessionPanel::handleConversationSelected()
{
    const QString id = selectedConversationId();
    // The conversation being read stays listed when the session drops it (finished long enough).
    m_conversationModel->setKeptConversation(id);
    if (id != m_transcriptModel->conversationId()) {
        m_transcriptModel->setConversation(id);
        m_inspector->showDelivery(QString());
    }
    if (id.isEmpty()) {
        m_transcriptTitle->setText(tr("Select a conversation to follow its transcript."));
    } else if (!m_transcriptModel->isLoading()) {
        const ConversationSnapshot conversation = m_conversationModel->conversationAt(m_conversationModel->rowOf(id));
        m_transcriptTitle->setText(
            tr("Conversation %1 · consumer %2 · %3")
                .arg(id, conversation.consumerId, StatusText::conversationStatus(conversation.status)));
    }
    updateActions();
}

void SessionPanel::handleTranscriptLineSelected()
{
    const QModelIndex current = m_transcriptView->selectionModel()->currentIndex();
    m_inspector->showDelivery(current.isValid() ? current.data(TranscriptModel::DeliveryIdRole).toString() : QString());
}

void SessionPanel::handleAlert(const QString &message)
{
    m_alertLabel->setText(message);
    m_alertBanner->show();
}

void SessionPanel::escalateSelected()
{
    const QString id = selectedConversationId();
    if (!m_session || id.isEmpty() || !m_escalateAction->isEnabled()) {
        return;
    }
    auto *dialog = new EscalationDialog(m_session, EscalationDialog::Mode::OneConversation, id, this);
    dialog->open();
}

void SessionPanel::escalateAllOpen()
{
    if (!m_session || !m_escalateAllAction->isEnabled()) {
        return;
    }
    auto *dialog = new EscalationDialog(m_session, EscalationDialog::Mode::AllOpen, QString(), this);
    dialog->open();
}

QAction *SessionPanel::escalateAction() const
{
    return m_escalateAction;
}

QAction *SessionPanel::escalateAllAction() const
{
    return m_escalateAllAction;
}

ConversationListModel *SessionPanel::conversationModel() const
{
    return m_conversationModel;
}

ConversationFilterModel *SessionPanel::conversationFilter() const
{
    return m_conversationFilter;
}

TranscriptModel *SessionPanel::transcriptModel() const
{
    return m_transcriptModel;
}

QTreeView *SessionPanel::conversationView() const
{
    return m_conversationView;
}

TranscriptView *SessionPanel::transcriptView() const
{
    return m_transcriptView;
}

HopInspector *SessionPanel::inspector() const
{
    return m_inspector;
}

HealthGraphWidget *SessionPanel::healthGraph() const
{
    return m_healthGraph;
}

} // namespace Switchboard
