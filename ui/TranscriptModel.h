// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <deque>

namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{

/**
 * The transcript of one conversation of one session, live: loaded with requestTranscript() /
 * transcriptLoaded(), then extended by the session's batched transcriptAppended() — each batch
 * is one beginInsertRows/endInsertRows, whatever its size. Lines that arrive while the load is
 * in flight are kept and merged (without duplicates) when it lands.
 *
 * Bounded: beyond capacity() lines (MaxRows by default) the oldest are dropped (one remove bracket per batch).
 *
 * `content` of a line (ContentRole) is read as json-pollock structured content: a layout element
 * (`{"type":"vertical"|"horizontal"|"carousel"|"text"|"image"|"button"|"map", …}`), optionally with a
 * `quickReplies` member, or an object with `quickReplies` only (quick replies on a text line).
 * TranscriptDelegate draws it.
 *
 * Does not own the session (QPointer).
 */
class TranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        /** Connector::TranscriptRole: who the line is from. */
        SenderRole,
        /** QDateTime (UTC). */
        TimeRole,
        /** QJsonObject: structured content or quick replies; empty for plain lines. */
        ContentRole,
        /** Catalogue code of an error or escalation (e.g. "bot.timeout"). */
        CodeRole,
        /** How to fix it (errors and escalations). */
        HintRole,
        /** The delivery the line belongs to (keys the hop inspector); may be empty. */
        DeliveryIdRole,
    };
    Q_ENUM(Role)

    /** Default bound of the lines kept (setCapacity() changes it). */
    static constexpr int MaxRows = 250000;

    explicit TranscriptModel(QObject *parent = nullptr);
    ~TranscriptModel() override;

    void setSession(Connector::ConnectorSession *session);
    /** Shows @p conversationId's transcript (empty: none) and asks the session to load it. */
    void setConversation(const QString &conversationId);
    QString conversationId() const;
    bool isLoading() const;
    int capacity() const;
    void setCapacity(int capacity);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Connector::TranscriptEntry &entryAt(int row) const;

    void handleTranscriptAppended(const QList<Connector::TranscriptEntry> &entries);
    void handleTranscriptLoaded(const QString &conversationId, const QList<Connector::TranscriptEntry> &entries);

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    void makeConnections();
    void severConnections();
    void clear();
    void trimToCapacity();
    void setLoading(bool loading);

    QPointer<Connector::ConnectorSession> m_session;
    QString m_conversationId;
    std::deque<Connector::TranscriptEntry> m_entries;
    QList<Connector::TranscriptEntry> m_pendingWhileLoading;
    bool m_loading = false;
    int m_capacity = MaxRows;
};

} // namespace Switchboard
