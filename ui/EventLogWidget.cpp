// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogWidget.h"

#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "Icons.h"
#include "connector/SessionManager.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace Switchboard
{

using namespace Connector;

EventLogWidget::EventLogWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(10000, this))
    , m_filter(new EventLogFilterModel(this))
    , m_levelCombo(new QComboBox(this))
    , m_integrationCombo(new QComboBox(this))
    , m_searchEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_copyAction(new QAction(Icons::icon(Icons::Icon::Copy), tr("&Copy"), this))
{
    setObjectName(QStringLiteral("eventLogWidget"));
    m_filter->setSourceModel(m_model);

    m_levelCombo->setObjectName(QStringLiteral("eventLogLevelFilter"));
    m_levelCombo->setAccessibleName(tr("Minimum level"));
    m_levelCombo->addItem(tr("All levels"), int(EventLogEntry::Level::Info));
    m_levelCombo->addItem(tr("Warnings and errors"), int(EventLogEntry::Level::Warning));
    m_levelCombo->addItem(tr("Errors only"), int(EventLogEntry::Level::Error));

    m_integrationCombo->setObjectName(QStringLiteral("eventLogIntegrationFilter"));
    m_integrationCombo->setAccessibleName(tr("Integration"));
    m_integrationCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_searchEdit->setObjectName(QStringLiteral("eventLogSearchEdit"));
    m_searchEdit->setAccessibleName(tr("Search the event log"));
    m_searchEdit->setPlaceholderText(tr("Search code, conversation or message"));
    m_searchEdit->setClearButtonEnabled(true);

    auto *copyButton = new QToolButton(this);
    copyButton->setObjectName(QStringLiteral("eventLogCopyButton"));
    copyButton->setDefaultAction(m_copyAction);
    m_copyAction->setObjectName(QStringLiteral("eventLogCopyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the selected rows as text"));

    m_view->setObjectName(QStringLiteral("eventLogView"));
    m_view->setAccessibleName(tr("Event log"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyAction);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(EventLogModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(EventLogModel::LevelColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(EventLogModel::IntegrationColumn, 140);
    m_view->setColumnWidth(EventLogModel::ConversationColumn, 140);
    m_view->setColumnWidth(EventLogModel::CodeColumn, 160);
    addAction(m_copyAction);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_levelCombo);
    filters->addWidget(m_integrationCombo);
    filters->addWidget(m_searchEdit, 1);
    filters->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, &EventLogWidget::applyFilters);
    connect(m_integrationCombo, &QComboBox::currentIndexChanged, this, &EventLogWidget::applyFilters);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &EventLogWidget::applyFilters);
    connect(m_copyAction, &QAction::triggered, this, &EventLogWidget::copySelection);

    // Follow new entries only while the operator is looking at the newest ones.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_view->setProperty("followTail", bar->value() >= bar->maximum() - 2);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("followTail").toBool()) {
            m_view->scrollToBottom();
        }
    });
    rebuildIntegrationFilter();
}

EventLogWidget::~EventLogWidget() = default;

void EventLogWidget::setSessionManager(SessionManager *manager)
{
    if (m_manager) {
        m_manager->disconnect(this);
    }
    m_manager = manager;
    m_model->setSessionManager(manager);
    if (m_manager) {
        connect(m_manager, &SessionManager::sessionAdded, this, &EventLogWidget::rebuildIntegrationFilter);
        connect(m_manager, &SessionManager::sessionRemoved, this, &EventLogWidget::rebuildIntegrationFilter);
    }
    rebuildIntegrationFilter();
    m_view->scrollToBottom();
}

EventLogModel *EventLogWidget::model() const
{
    return m_model;
}

EventLogFilterModel *EventLogWidget::filterModel() const
{
    return m_filter;
}

QTreeView *EventLogWidget::view() const
{
    return m_view;
}

void EventLogWidget::rebuildIntegrationFilter()
{
    const QString current = m_integrationCombo->currentData().toString();
    const QSignalBlocker blocker(m_integrationCombo);
    m_integrationCombo->clear();
    m_integrationCombo->addItem(tr("All integrations"), QString());
    if (m_manager) {
        // sessionRemoved arrives after the session is gone, so sessions() is already current.
        for (const ConnectorSession *session : m_manager->sessions()) {
            m_integrationCombo->addItem(session->name(), session->integrationId());
        }
    }
    const int index = m_integrationCombo->findData(current);
    m_integrationCombo->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty()) {
        applyFilters();
    }
}

void EventLogWidget::applyFilters()
{
    m_filter->setMinimumLevel(EventLogEntry::Level(m_levelCombo->currentData().toInt()));
    m_filter->setIntegrationId(m_integrationCombo->currentData().toString());
    m_filter->setSearchText(m_searchEdit->text());
}

QString EventLogWidget::selectedText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        rows.append(m_filter->mapToSource(index).row());
    }
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const int row : std::as_const(rows)) {
        lines.append(m_model->rowText(row));
    }
    return lines.join(QLatin1Char('\n'));
}

void EventLogWidget::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
    }
}

} // namespace Switchboard
