// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace Switchboard::Connector
{
class ConnectorSession;
class SessionManager;
} // namespace Switchboard::Connector

namespace Switchboard
{

/**
 * The integrations of a SessionManager as a list: name, state icon and state in words. Rows
 * follow the manager's order; sessionAdded / sessionAboutToBeRemoved / sessionRemoved map to
 * one insert or remove bracket each, and a session's statusChanged/healthChanged to one
 * dataChanged of its row. The model does not own the manager or its sessions.
 */
class SessionListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionListModel)

public:
    enum Role
    {
        IntegrationIdRole = Qt::UserRole + 1,
        StateRole,
        SessionRole,
    };
    Q_ENUM(Role)

    explicit SessionListModel(QObject *parent = nullptr);
    ~SessionListModel() override;

    void setSessionManager(Connector::SessionManager *manager);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Connector::ConnectorSession *sessionAt(int row) const;
    int rowOf(const QString &integrationId) const;

private:
    void makeConnections();
    void severConnections();
    void connectSession(Connector::ConnectorSession *session);
    void handleSessionAdded(Connector::ConnectorSession *session);
    void handleSessionAboutToBeRemoved(Connector::ConnectorSession *session);
    void handleSessionRemoved(const QString &integrationId);
    void handleSessionChanged(Connector::ConnectorSession *session);

    QPointer<Connector::SessionManager> m_manager;
    QList<QPointer<Connector::ConnectorSession>> m_sessions;
    int m_removingRow = -1;
};

} // namespace Switchboard
