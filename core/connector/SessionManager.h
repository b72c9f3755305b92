// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorSession.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace Switchboard::Connector
{

class EventLog;

/**
 * Creates, owns and orders the connector sessions of the running application, and owns the
 * operator event log they write to.
 *
 * Ownership: the manager owns every session added to it and deletes it on removeSession() or its
 * own destruction. Threads: lives on the thread that created it (the UI thread in the console);
 * sessions do their I/O on threads of their own. Observers (the UI's session list model) follow
 * sessionAdded / sessionAboutToBeRemoved / sessionRemoved, which bracket every change of the list.
 */
class SessionManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionManager)

public:
    explicit SessionManager(QObject *parent = nullptr);
    ~SessionManager() override;

    EventLog *eventLog() const;

    QList<ConnectorSession *> sessions() const;
    ConnectorSession *session(const QString &integrationId) const;

    /** Takes ownership of a session and announces it. A session with the same integration id is replaced. */
    void addSession(ConnectorSession *session);
    /** Stops, announces and deletes a session. */
    void removeSession(const QString &integrationId);

    void startAll();
    /** Stops every session; allStopped() follows once each has reported Stopped. */
    void stopAll();

Q_SIGNALS:
    void sessionAdded(Switchboard::Connector::ConnectorSession *session);
    void sessionAboutToBeRemoved(Switchboard::Connector::ConnectorSession *session);
    void sessionRemoved(const QString &integrationId);
    void allStopped();

private:
    void checkAllStopped();

    EventLog *m_eventLog;
    QList<ConnectorSession *> m_sessions;
    bool m_stopping = false;
};

} // namespace Switchboard::Connector
