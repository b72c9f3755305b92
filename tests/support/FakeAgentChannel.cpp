// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeAgentChannel.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;
using namespace Switchboard::LivePerson;

namespace Switchboard::Test
{

FakeAgentChannel::FakeAgentChannel(QObject *parent)
    : AgentChannel(parent)
{
}

FakeAgentChannel::~FakeAgentChannel() = default;

ChannelType FakeAgentChannel::channelType() const
{
    return ChannelType::Messaging;
}

ChannelStatus FakeAgentChannel::status() const
{
    return m_status;
}

void FakeAgentChannel::start()
{
    ++m_startCount;
    setState(ChannelState::Connecting);
    if (m_startGoesOnline) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_status.state == ChannelState::Connecting) {
                    setState(ChannelState::Online);
                }
            },
            Qt::QueuedConnection);
    }
}

void FakeAgentChannel::stop()
{
    ++m_stopCount;
    if (m_status.state != ChannelState::Stopped) {
        setState(ChannelState::Stopped);
    }
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT stopped(); }, Qt::QueuedConnection);
}

QString FakeAgentChannel::agentId() const
{
    return m_agentId;
}

QString FakeAgentChannel::agentPid() const
{
    return m_agentPid;
}

QList<ConversationInfo> FakeAgentChannel::conversations() const
{
    return m_conversations.values();
}

QList<Skill> FakeAgentChannel::skills() const
{
    return m_skills;
}

void FakeAgentChannel::refreshSkills(CommandCompletion done)
{
    CommandResult result;
    result.code = 200;
    done.complete(result);
    Q_EMIT skillsChanged(m_skills);
}

void FakeAgentChannel::setResumeSequenceProvider(ResumeSequenceProvider provider)
{
    m_resumeProvider = std::move(provider);
}

RequestId FakeAgentChannel::sendText(const QString &conversationId,
                                     const QString &dialogId,
                                     const QString &text,
                                     const PublishOptions &options,
                                     CommandCompletion done)
{
    Command command;
    command.kind = u"sendText"_s;
    command.conversationId = conversationId;
    command.dialogId = dialogId;
    command.text = text;
    command.options = options;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::sendRichContent(const QString &conversationId,
                                            const QString &dialogId,
                                            const QJsonObject &card,
                                            const PublishOptions &options,
                                            CommandCompletion done)
{
    Command command;
    command.kind = u"sendRichContent"_s;
    command.conversationId = conversationId;
    command.dialogId = dialogId;
    command.card = card;
    command.options = options;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::sendTyping(const QString &conversationId,
                                       const QString &dialogId,
                                       bool typing,
                                       CommandCompletion done)
{
    Command command;
    command.kind = u"sendTyping"_s;
    command.conversationId = conversationId;
    command.dialogId = dialogId;
    command.typing = typing;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::markRead(const QString &conversationId,
                                     const QString &dialogId,
                                     const QList<qint64> &sequences,
                                     CommandCompletion done)
{
    Command command;
    command.kind = u"markRead"_s;
    command.conversationId = conversationId;
    command.dialogId = dialogId;
    command.sequences = sequences;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::transferToSkill(const QString &conversationId,
                                            const QString &skillId,
                                            const QJsonArray &metadata,
                                            CommandCompletion done)
{
    Command command;
    command.kind = u"transferToSkill"_s;
    command.conversationId = conversationId;
    command.skillId = skillId;
    command.metadata = metadata;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::transferToAgent(const QString &conversationId,
                                            const QString &agentUserId,
                                            const QString &skillId,
                                            const QJsonArray &metadata,
                                            CommandCompletion done)
{
    Command command;
    command.kind = u"transferToAgent"_s;
    command.conversationId = conversationId;
    command.agentUserId = agentUserId;
    command.skillId = skillId;
    command.metadata = metadata;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::closeConversation(const QString &conversationId, CommandCompletion done)
{
    Command command;
    command.kind = u"closeConversation"_s;
    command.conversationId = conversationId;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::closeDialog(const QString &conversationId, const QString &dialogId, CommandCompletion done)
{
    Command command;
    command.kind = u"closeDialog"_s;
    command.conversationId = conversationId;
    command.dialogId = dialogId;
    return record(command, std::move(done));
}

RequestId FakeAgentChannel::setTtr(const QString &conversationId, TtrType type, int seconds, CommandCompletion done)
{
    Command command;
    command.kind = u"setTtr"_s;
    command.conversationId = conversationId;
    command.ttrType = type;
    command.ttrSeconds = seconds;
    return record(command, std::move(done));
}

void FakeAgentChannel::setStartGoesOnline(bool online)
{
    m_startGoesOnline = online;
}

void FakeAgentChannel::setAutoComplete(bool autoComplete)
{
    m_autoComplete = autoComplete;
}

void FakeAgentChannel::setEmitFollowUps(bool emitFollowUps)
{
    m_emitFollowUps = emitFollowUps;
}

void FakeAgentChannel::fetchOwnMessages(const QString &conversationId,
                                        const QString &dialogId,
                                        qint64 afterSequence,
                                        OwnMessagesCompletion done)
{
    Q_UNUSED(dialogId)
    ++m_ownHistoryReads;
    OwnMessages result;
    if (m_failNext.contains(u"fetchOwnMessages"_s)) {
        result.error = m_failNext.take(u"fetchOwnMessages"_s);
    } else if (m_status.state != ChannelState::Online) {
        result.error = ApiError::make(ApiErrorKind::NotConnected, u"not online"_s);
    } else {
        for (const ConversationMessage &message : m_ownHistory.value(conversationId)) {
            if (message.sequence > afterSequence) {
                result.messages.append(message);
            }
        }
    }
    done.complete(result);
}

void FakeAgentChannel::setOwnHistory(const QString &conversationId, const QList<ConversationMessage> &messages)
{
    m_ownHistory.insert(conversationId, messages);
}

int FakeAgentChannel::ownHistoryReads() const
{
    return m_ownHistoryReads;
}

void FakeAgentChannel::failNext(const QString &kind, const ApiError &error)
{
    m_failNext.insert(kind, error);
}

void FakeAgentChannel::setSkills(const QList<Skill> &skills)
{
    m_skills = skills;
    Q_EMIT skillsChanged(m_skills);
}

void FakeAgentChannel::setAgentIds(const QString &agentId, const QString &agentPid)
{
    m_agentId = agentId;
    m_agentPid = agentPid;
}

QList<FakeAgentChannel::Command> FakeAgentChannel::commands() const
{
    return m_commands;
}

QList<FakeAgentChannel::Command> FakeAgentChannel::commands(const QString &kind) const
{
    QList<Command> out;
    for (const Command &command : m_commands) {
        if (command.kind == kind) {
            out.append(command);
        }
    }
    return out;
}

FakeAgentChannel::Command FakeAgentChannel::lastCommand() const
{
    return m_commands.isEmpty() ? Command{} : m_commands.constLast();
}

int FakeAgentChannel::startCount() const
{
    return m_startCount;
}

int FakeAgentChannel::stopCount() const
{
    return m_stopCount;
}

ResumeSequenceProvider FakeAgentChannel::resumeSequenceProvider() const
{
    return m_resumeProvider;
}

bool FakeAgentChannel::completeCommand(RequestId id, const CommandResult &result)
{
    for (Command &command : m_commands) {
        if (command.id == id && !command.completed) {
            finish(command, result);
            return true;
        }
    }
    return false;
}

void FakeAgentChannel::setStatus(const ChannelStatus &status)
{
    m_status = status;
    Q_EMIT stateChanged(m_status);
}

void FakeAgentChannel::setState(ChannelState state, const QString &reason)
{
    ChannelStatus status;
    status.state = state;
    status.reason = reason;
    setStatus(status);
}

ConversationInfo
FakeAgentChannel::startConversation(const QString &conversationId, const QString &consumerId, const QString &skillId)
{
    ConversationInfo info;
    info.conversationId = conversationId;
    info.consumerId = consumerId;
    info.skillId = skillId;
    info.botAssigned = true;
    info.state = u"OPEN"_s;
    DialogInfo main;
    main.dialogId = conversationId;
    main.dialogType = u"MAIN"_s;
    main.state = u"OPEN"_s;
    main.channelType = u"MESSAGING"_s;
    info.dialogs.append(main);
    startConversation(info);
    return info;
}

void FakeAgentChannel::startConversation(const ConversationInfo &conversation)
{
    m_conversations.insert(conversation.conversationId, conversation);
    Q_EMIT conversationStarted(conversation);
}

ConversationMessage FakeAgentChannel::deliverMessage(const QString &conversationId,
                                                     const QString &text,
                                                     qint64 sequence,
                                                     const QString &dialogId)
{
    ConversationMessage message;
    message.conversationId = conversationId;
    message.dialogId = dialogId.isEmpty() ? conversationId : dialogId;
    qint64 &next = m_nextSequence[message.dialogId];
    message.sequence = sequence >= 0 ? sequence : next;
    next = std::max(next, message.sequence + 1);
    message.originatorId = m_conversations.value(conversationId).consumerId;
    message.originatorRole = u"CONSUMER"_s;
    message.kind = MessageKind::Text;
    message.text = text;
    deliverMessage(message);
    return message;
}

void FakeAgentChannel::deliverMessage(const ConversationMessage &message)
{
    Q_EMIT consumerMessage(message);
}

void FakeAgentChannel::closeRemotely(const QString &conversationId, const QString &reason)
{
    m_conversations.remove(conversationId);
    Q_EMIT conversationClosed(conversationId, reason);
}

void FakeAgentChannel::transferRemotely(const QString &conversationId, const QString &newSkillId)
{
    m_conversations.remove(conversationId);
    Q_EMIT conversationTransferred(conversationId, newSkillId);
}

void FakeAgentChannel::removeRemotely(const QString &conversationId)
{
    m_conversations.remove(conversationId);
    Q_EMIT removedFromConversation(conversationId);
}

void FakeAgentChannel::changeDialog(const QString &conversationId, const DialogInfo &dialog)
{
    auto it = m_conversations.find(conversationId);
    if (it != m_conversations.end()) {
        bool replaced = false;
        for (DialogInfo &existing : it->dialogs) {
            if (existing.dialogId == dialog.dialogId) {
                existing = dialog;
                replaced = true;
            }
        }
        if (!replaced) {
            it->dialogs.append(dialog);
        }
    }
    Q_EMIT dialogChanged(conversationId, dialog);
}

RequestId FakeAgentChannel::record(Command command, CommandCompletion done)
{
    command.id = m_nextId++;
    m_commands.append(command);
    m_pending.insert(command.id, std::move(done));
    Command &stored = m_commands.last();
    if (m_status.state != ChannelState::Online) {
        ApiError error;
        error.kind = ApiErrorKind::NotConnected;
        error.message = u"The channel is not online."_s;
        CommandResult result;
        result.error = error;
        finish(stored, result);
    } else if (m_failNext.contains(command.kind)) {
        CommandResult result;
        result.error = m_failNext.take(command.kind);
        finish(stored, result);
    } else if (m_autoComplete) {
        CommandResult result;
        result.code = 200;
        if (command.kind == QLatin1String("sendText") || command.kind == QLatin1String("sendRichContent")) {
            qint64 &next = m_nextSequence[command.dialogId];
            result.body = QJsonObject{{u"sequence"_s, next++}};
        }
        finish(stored, result);
    }
    return stored.id;
}

void FakeAgentChannel::finish(Command &command, const CommandResult &result)
{
    command.completed = true;
    CommandResult completed = result;
    completed.requestId = command.id;
    if (completed.ok() && completed.code == 0) {
        completed.code = 200;
    }
    m_pending.take(command.id).complete(completed);
    if (!completed.ok() || !m_emitFollowUps) {
        return;
    }
    const QString conversationId = command.conversationId;
    if (command.kind == QLatin1String("transferToSkill") || command.kind == QLatin1String("transferToAgent")) {
        const QString skillId = command.skillId;
        QMetaObject::invokeMethod(
            this, [this, conversationId, skillId] { transferRemotely(conversationId, skillId); }, Qt::QueuedConnection);
    } else if (command.kind == QLatin1String("closeConversation")) {
        QMetaObject::invokeMethod(
            this, [this, conversationId] { closeRemotely(conversationId, u"AGENT"_s); }, Qt::QueuedConnection);
    }
}

} // namespace Switchboard::Test
