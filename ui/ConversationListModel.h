// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{

/**
 * The conversations of one connector session, one row each, fed by the session's batched
 * conversationsUpdated() signal.
 *
 * Updates are coalesced per batch: new conversations are appended with one
 * beginInsertRows/endInsertRows; changed rows are announced with one dataChanged per row when few
 * changed, and with one dataChanged spanning the changed range when many did (so a tick that
 * touches thousands of rows costs one signal). Rows are never removed: closed conversations
 * stay, with status Closed, until the session is replaced.
 *
 * Does not own the session (QPointer); setSession() cuts the old connections and makes new ones.
 */
class ConversationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum Column
    {
        StatusColumn,
        IdColumn,
        ConsumerColumn,
        LastMessageColumn,
        MessagesColumn,
        StartedColumn,
        LastActivityColumn,
        SkillColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role
    {
        /** QString: the conversation id. */
        ConversationIdRole = Qt::UserRole + 1,
        /** Connector::ConversationStatus. */
        StatusRole,
        /** The raw value a column sorts by (QDateTime, int or QString). */
        SortRole,
        /** QString: everything the search field matches (id, consumer, skill, last text, cause). */
        SearchTextRole,
        /** QString: why the conversation was escalated, or empty. */
        EscalationCauseRole,
    };
    Q_ENUM(Role)

    /** At most this share of the rows is announced row by row; above it, one range signal. */
    static constexpr double PerRowSignalShare = 0.5;

    explicit ConversationListModel(QObject *parent = nullptr);
    ~ConversationListModel() override;

    void setSession(Connector::ConnectorSession *session);
    Connector::ConnectorSession *session() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The snapshot in @p row (an invalid, default snapshot when out of range). */
    Connector::ConversationSnapshot conversationAt(int row) const;
    int rowOf(const QString &conversationId) const;

    /** Applies one batch of new or changed conversations (the session's conversationsUpdated()). */
    void handleConversationsUpdated(const QList<Connector::ConversationSnapshot> &changed);
    /**
     * Rows of conversations the session dropped go, one removal per run of adjacent rows; the
     * kept conversation's row stays until another is kept (see setKeptConversation()).
     */
    void handleConversationsRemoved(const QStringList &conversationIds);
    /**
     * The conversation the operator is looking at: its row stays when the session drops it, so it
     * does not vanish (and the selection jump) under the reader; it goes once another is kept.
     */
    void setKeptConversation(const QString &conversationId);

private:
    void makeConnections();
    void severConnections();

    QPointer<Connector::ConnectorSession> m_session;
    QList<Connector::ConversationSnapshot> m_conversations;
    QHash<QString, int> m_rows;
    QString m_kept;
    /** The session dropped m_kept while it was kept: its row goes when it is kept no more. */
    bool m_keptDropped = false;
};

} // namespace Switchboard
