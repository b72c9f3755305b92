// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/AgentChannel.h"

#include <QHash>

namespace Switchboard::Test
{

/**
 * An AgentChannel for unit tests of the connector and the UI: no network. The test drives the
 * LivePerson side (startConversation(), deliverMessage(), …) and inspects the commands the code
 * under test issued (commands()).
 *
 * By default start() goes Online at once (queued), every command succeeds (completion queued,
 * like the real channel), and a successful transfer/close is followed by the matching
 * conversationTransferred()/conversationClosed(), as the real server's notification would be.
 * setAutoComplete(false) keeps commands pending until completeCommand(); failNext() makes the
 * next command of a kind fail.
 */
class FakeAgentChannel final : public LivePerson::AgentChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeAgentChannel)

public:
    /** One command as the code under test issued it. Unused fields stay default. */
    struct Command
    {
        LivePerson::RequestId id = 0;
        /** "sendText", "sendRichContent", "sendTyping", "markRead", "transferToSkill",
         *  "transferToAgent", "closeConversation", "closeDialog" or "setTtr". */
        QString kind;
        QString conversationId;
        QString dialogId;
        QString text;
        QJsonObject card;
        LivePerson::PublishOptions options;
        bool typing = false;
        QList<qint64> sequences;
        QString skillId;
        QString agentUserId;
        QJsonArray metadata;
        LivePerson::TtrType ttrType = LivePerson::TtrType::Normal;
        int ttrSeconds = 0;
        bool completed = false;
    };

    explicit FakeAgentChannel(QObject *parent = nullptr);
    ~FakeAgentChannel() override;

    // AgentChannel
    LivePerson::ChannelType channelType() const override;
    LivePerson::ChannelStatus status() const override;
    void start() override;
    void stop() override;
    QString agentId() const override;
    QString agentPid() const override;
    QList<LivePerson::ConversationInfo> conversations() const override;
    QList<LivePerson::Skill> skills() const override;
    void refreshSkills(LivePerson::CommandCompletion done = {}) override;
    void setResumeSequenceProvider(LivePerson::ResumeSequenceProvider provider) override;
    LivePerson::RequestId sendText(const QString &conversationId,
                                   const QString &dialogId,
                                   const QString &text,
                                   const LivePerson::PublishOptions &options = {},
                                   LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId sendRichContent(const QString &conversationId,
                                          const QString &dialogId,
                                          const QJsonObject &card,
                                          const LivePerson::PublishOptions &options = {},
                                          LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId sendTyping(const QString &conversationId,
                                     const QString &dialogId,
                                     bool typing,
                                     LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId markRead(const QString &conversationId,
                                   const QString &dialogId,
                                   const QList<qint64> &sequences,
                                   LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId transferToSkill(const QString &conversationId,
                                          const QString &skillId,
                                          const QJsonArray &metadata = {},
                                          LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId transferToAgent(const QString &conversationId,
                                          const QString &agentUserId,
                                          const QString &skillId,
                                          const QJsonArray &metadata = {},
                                          LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId closeConversation(const QString &conversationId,
                                            LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId closeDialog(const QString &conversationId,
                                      const QString &dialogId,
                                      LivePerson::CommandCompletion done = {}) override;
    LivePerson::RequestId setTtr(const QString &conversationId,
                                 LivePerson::TtrType type,
                                 int seconds = 0,
                                 LivePerson::CommandCompletion done = {}) override;
    /** Answers from setOwnHistory() (messages after `afterSequence`); failNext("fetchOwnMessages") fails it. */
    void fetchOwnMessages(const QString &conversationId,
                          const QString &dialogId,
                          qint64 afterSequence,
                          LivePerson::OwnMessagesCompletion done) override;

    // Behaviour
    /** When false, start() stays in Connecting until setStatus(); default true (goes Online). */
    void setStartGoesOnline(bool online);
    /** When false, commands stay pending until completeCommand(); default true. */
    void setAutoComplete(bool autoComplete);
    /** When false, successful transfers/closes do not emit the follow-up signals; default true. */
    void setEmitFollowUps(bool emitFollowUps);
    /** The next command of `kind` (see Command::kind) fails with `error`. */
    void failNext(const QString &kind, const LivePerson::ApiError &error);
    void setSkills(const QList<LivePerson::Skill> &skills);
    void setAgentIds(const QString &agentId, const QString &agentPid);
    /** What LivePerson's history holds as this agent's own messages in a conversation. */
    void setOwnHistory(const QString &conversationId, const QList<LivePerson::ConversationMessage> &messages);

    // Inspection
    QList<Command> commands() const;
    QList<Command> commands(const QString &kind) const;
    /** The last command, or a default Command when none was issued. */
    Command lastCommand() const;
    int startCount() const;
    /** How many times fetchOwnMessages() was called. */
    int ownHistoryReads() const;
    int stopCount() const;
    LivePerson::ResumeSequenceProvider resumeSequenceProvider() const;
    /** Completes a pending command; a result without error is a success. Returns false if unknown. */
    bool completeCommand(LivePerson::RequestId id, const LivePerson::CommandResult &result = {});

    // Driving the LivePerson side (signals are emitted synchronously)
    void setStatus(const LivePerson::ChannelStatus &status);
    void setState(LivePerson::ChannelState state, const QString &reason = {});
    /** Adds an open conversation with a MAIN dialog and emits conversationStarted(). */
    LivePerson::ConversationInfo startConversation(const QString &conversationId,
                                                   const QString &consumerId = QStringLiteral("consumer-1"),
                                                   const QString &skillId = QStringLiteral("1001"));
    void startConversation(const LivePerson::ConversationInfo &conversation);
    /** Emits consumerMessage(); sequence -1 picks the dialog's next sequence. */
    LivePerson::ConversationMessage deliverMessage(const QString &conversationId,
                                                   const QString &text,
                                                   qint64 sequence = -1,
                                                   const QString &dialogId = {});
    void deliverMessage(const LivePerson::ConversationMessage &message);
    void closeRemotely(const QString &conversationId, const QString &reason = QStringLiteral("CONSUMER"));
    void transferRemotely(const QString &conversationId, const QString &newSkillId);
    void removeRemotely(const QString &conversationId);
    void changeDialog(const QString &conversationId, const LivePerson::DialogInfo &dialog);

private:
    LivePerson::RequestId record(Command command, LivePerson::CommandCompletion done);
    void finish(Command &command, const LivePerson::CommandResult &result);

    LivePerson::ChannelStatus m_status;
    QString m_agentId = QStringLiteral("12345678.100");
    QString m_agentPid = QStringLiteral("00000000-0000-4000-8000-000000000100");
    QList<LivePerson::Skill> m_skills;
    QHash<QString, LivePerson::ConversationInfo> m_conversations;
    QHash<QString, qint64> m_nextSequence;
    LivePerson::ResumeSequenceProvider m_resumeProvider;
    QList<Command> m_commands;
    QHash<LivePerson::RequestId, LivePerson::CommandCompletion> m_pending;
    QHash<QString, LivePerson::ApiError> m_failNext;
    QHash<QString, QList<LivePerson::ConversationMessage>> m_ownHistory;
    int m_ownHistoryReads = 0;
    LivePerson::RequestId m_nextId = 1;
    bool m_startGoesOnline = true;
    bool m_autoComplete = true;
    bool m_emitFollowUps = true;
    int m_startCount = 0;
    int m_stopCount = 0;
};

} // namespace Switchboard::Test
