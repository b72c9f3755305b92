// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionListModel.h"

#include "Icons.h"
#include "StatusText.h"
#include "connector/SessionManager.h"

namespace Switchboard
{

using namespace Connector;

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

SessionListModel::~SessionListModel() = default;

void SessionListModel::setSessionManager(SessionManager *manager)
{
    if (m_manager == manager) {
        return;
    }
    beginResetModel();
    severConnections();
    m_manager = manager;
    m_sessions.clear();
    if (m_manager) {
        for (ConnectorSession *session : m_manager->sessions()) {
            m_sessions.append(session);
        }
        makeConnections();
    }
    endResetModel();
}

void SessionListModel::makeConnections()
{
    connect(m_manager, &SessionManager::sessionAdded, this, &SessionListModel::handleSessionAdded);
    connect(
        m_manager, &SessionManager::sessionAboutToBeRemoved, this, &SessionListModel::handleSessionAboutToBeRemoved);
    connect(m_manager, &SessionManager::sessionRemoved, this, &SessionListModel::handleSessionRemoved);
    for (const auto &session : std::as_const(m_sessions)) {
        connectSession(session);
    }
}

void SessionListModel::severConnections()
{
    if (m_manager) {
        m_manager->disconnect(this);
    }
    for (const auto &session : std::as_const(m_sessions)) {
        if (session) {
            session->disconnect(this);
        }
    }
}

void SessionListModel::connectSession(ConnectorSession *session)
{
    connect(session, &ConnectorSession::statusChanged, this, [this, session] { handleSessionChanged(session); });
    connect(session, &ConnectorSession::healthChanged, this, [this, session] { handleSessionChanged(session); });
}

void SessionListModel::handleSessionAdded(ConnectorSession *session)
{
    const int row = int(m_sessions.size());
    beginInsertRows(QModelIndex(), row, row);
    m_sessions.append(session);
    endInsertRows();
    connectSession(session);
}

void SessionListModel::handleSessionAboutToBeRemoved(ConnectorSession *session)
{
    const int row = int(m_sessions.indexOf(session));
    if (row < 0) {
        return;
    }
    // The manager stops the session before deleting it; its last status must not reach a row
    // that is being removed.
    session->disconnect(this);
    beginRemoveRows(QModelIndex(), row, row);
    m_removingRow = row;
}

void SessionListModel::handleSessionRemoved(const QString &)
{
    if (m_removingRow < 0) {
        return;
    }
    m_sessions.removeAt(m_removingRow);
    m_removingRow = -1;
    endRemoveRows();
}

void SessionListModel::handleSessionChanged(ConnectorSession *session)
{
    const int row = int(m_sessions.indexOf(session));
    if (row >= 0 && row != m_removingRow) {
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, StateRole});
    }
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    ConnectorSession *const session = m_sessions.at(index.row());
    if (!session) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return session->name();
    case Qt::DecorationRole:
        return Icons::icon(StatusText::stateIcon(session->status().state));
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(
            session->name(),
            StatusText::sessionState(session->status(), session->health(), QDateTime::currentDateTimeUtc()));
    case Qt::AccessibleDescriptionRole:
        return StatusText::sessionState(session->status(), session->health(), QDateTime::currentDateTimeUtc());
    case IntegrationIdRole:
        return session->integrationId();
    case StateRole:
        return QVariant::fromValue(session->status().state);
    case SessionRole:
        return QVariant::fromValue(session);
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IntegrationIdRole, "integrationId");
    names.insert(StateRole, "state");
    names.insert(SessionRole, "session");
    return names;
}

ConnectorSession *SessionListModel::sessionAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row).data() : nullptr;
}

int SessionListModel::rowOf(const QString &integrationId) const
{
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions.at(row) && m_sessions.at(row)->integrationId() == integrationId) {
            return row;
        }
    }
    return -1;
}

} // namespace Switchboard
