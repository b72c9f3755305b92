// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateModel.h"

#include "SandboxLogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>
#include <algorithm>
#include <limits>

namespace Switchboard::Sandbox
{

QString channelName(Channel channel)
{
    return channel == Channel::Chat ? QStringLiteral("chat") : QStringLiteral("messaging");
}

QString channelType(Channel channel)
{
    return channel == Channel::Chat ? QStringLiteral("CHAT") : QStringLiteral("MESSAGING");
}

QString closeReasonName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::Agent:
        return QStringLiteral("AGENT");
    case CloseReason::Consumer:
        return QStringLiteral("CONSUMER");
    case CloseReason::System:
        break;
    }
    return QStringLiteral("SYSTEM");
}

const Dialog *Conversation::activeDialog() const
{
    for (const Dialog &d : dialogs) {
        if (d.state == QLatin1String("OPEN")) {
            return &d;
        }
    }
    return nullptr;
}

Dialog *Conversation::activeDialog()
{
    for (Dialog &d : dialogs) {
        if (d.state == QLatin1String("OPEN")) {
            return &d;
        }
    }
    return nullptr;
}

const Dialog *Conversation::dialog(const QString &dialogId) const
{
    for (const Dialog &d : dialogs) {
        if (d.id == dialogId) {
            return &d;
        }
    }
    return nullptr;
}

Dialog *Conversation::dialog(const QString &dialogId)
{
    for (Dialog &d : dialogs) {
        if (d.id == dialogId) {
            return &d;
        }
    }
    return nullptr;
}

QStringList Conversation::participantIds(const QString &role) const
{
    QStringList ids;
    for (const Participant &p : participants) {
        if (p.role == role) {
            ids.append(p.id);
        }
    }
    return ids;
}

const Participant *Conversation::participant(const QString &id) const
{
    for (const Participant &p : participants) {
        if (p.id == id) {
            return &p;
        }
    }
    return nullptr;
}

QString Conversation::assignedAgent() const
{
    return participantIds(Role::AssignedAgent).value(0);
}

namespace
{
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error fail(const QString &code, const QString &message)
{
    return Error{code, message};
}

const QStringList s_roles = {Role::AssignedAgent, Role::Manager, Role::Reader, Role::Controller};
} // namespace

StateModel::StateModel(const SandboxConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    for (const AgentConfig &a : std::as_const(config.agents)) {
        auto agent = std::make_shared<AgentUser>();
        agent->userId = a.userId;
        agent->pid = a.userPid;
        agent->loginName = a.loginName;
        agent->nickname = a.nickname;
        agent->skillIds = a.skillIds;
        agent->simulated = a.simulated;
        if (a.simulated) {
            agent->availability = QStringLiteral("ONLINE");
        }
        m_agents.insert(a.userId, agent);
        m_agentOrder.append(a.userId);
    }
}

StateModel::~StateModel() = default;

int StateModel::httpStatus(const Error &error)
{
    if (error.code == NotFound) {
        return 404;
    }
    if (error.code == Forbidden) {
        return 403;
    }
    if (error.code == Conflict) {
        return 409;
    }
    return 400;
}

void StateModel::setRingExpirationMs(int ms)
{
    m_config.ringExpirationMs = ms;
}

void StateModel::setChatRingExpirationMs(int ms)
{
    m_chatRingExpirationMs = ms;
}

// --- agents ------------------------------------------------------------------------------------

QList<const AgentUser *> StateModel::agents() const
{
    QList<const AgentUser *> list;
    for (const QString &id : m_agentOrder) {
        list.append(m_agents.value(id).get());
    }
    return list;
}

const AgentUser *StateModel::agent(const QString &userId) const
{
    const auto it = m_agents.constFind(userId);
    return it == m_agents.constEnd() ? nullptr : it->get();
}

AgentUser *StateModel::mutableAgent(const QString &userId)
{
    const auto it = m_agents.constFind(userId);
    return it == m_agents.constEnd() ? nullptr : it->get();
}

const AgentUser *StateModel::agentByLogin(const QString &loginName) const
{
    for (const auto &agent : m_agents) {
        if (agent->loginName == loginName) {
            return agent.get();
        }
    }
    return nullptr;
}

const AgentUser *StateModel::agentByAnyId(const QString &id) const
{
    const QString prefix = m_config.accountId + QLatin1Char('.');
    if (id.startsWith(prefix)) {
        return agent(id.mid(prefix.size()));
    }
    if (const AgentUser *byUserId = agent(id)) {
        return byUserId;
    }
    for (const auto &a : m_agents) {
        if (a->pid == id) {
            return a.get();
        }
    }
    return nullptr;
}

QString StateModel::oldId(const QString &userId) const
{
    return m_config.accountId + QLatin1Char('.') + userId;
}

void StateModel::setAgentAvailability(const QString &userId, const QString &availability)
{
    AgentUser *a = mutableAgent(userId);
    if (!a || a->availability == availability) {
        return;
    }
    a->availability = availability;
    Q_EMIT agentStateChanged(userId);
    scheduleRouting();
}

void StateModel::addRoutingSubscription(const QString &userId, int delta)
{
    AgentUser *a = mutableAgent(userId);
    if (!a) {
        return;
    }
    a->routingSubscriptions = std::max(0, a->routingSubscriptions + delta);
    if (a->routingSubscriptions == 0) {
        // Nobody can answer this agent's rings any more: give them to someone else.
        const QList<Ring> rings = waitingRings(userId);
        for (const Ring &r : rings) {
            if (r.channel == Channel::Messaging) {
                finishRing(r.id, RingState::Cancelled);
            }
        }
    }
    Q_EMIT agentStateChanged(userId);
    scheduleRouting();
}

void StateModel::setChatAvailable(const QString &userId, bool available)
{
    AgentUser *a = mutableAgent(userId);
    if (!a || a->chatAvailable == available) {
        return;
    }
    a->chatAvailable = available;
    if (!available) {
        // An agent that went Away cannot take its ringing chats: give them to someone else.
        const QList<Ring> rings = waitingRings(userId);
        for (const Ring &r : rings) {
            if (r.channel == Channel::Chat) {
                finishRing(r.id, RingState::Cancelled);
            }
        }
    }
    Q_EMIT agentStateChanged(userId);
    scheduleRouting();
}

bool StateModel::isRoutable(const AgentUser &agent, Channel channel) const
{
    if (agent.simulated) {
        return true;
    }
    if (channel == Channel::Chat) {
        return agent.chatAvailable;
    }
    return agent.availability == QLatin1String("ONLINE") && agent.routingSubscriptions > 0;
}

// --- consumers and conversations ---------------------------------------------------------------

Consumer StateModel::createConsumer(const QString &firstName, const QString &lastName)
{
    Consumer c;
    c.id = randomUuid();
    c.firstName = firstName.isEmpty() ? QStringLiteral("Consumer") : firstName;
    c.lastName = lastName.isEmpty() ? c.id.left(8) : lastName;
    c.createdMs = nowMs();
    m_consumers.insert(c.id, c);
    return c;
}

const Consumer *StateModel::consumer(const QString &consumerId) const
{
    const auto it = m_consumers.constFind(consumerId);
    return it == m_consumers.constEnd() ? nullptr : &*it;
}

Result<QString> StateModel::createConversation(const QString &consumerId,
                                               const QString &skillId,
                                               Channel channel,
                                               const QJsonObject &context)
{
    if (!consumer(consumerId)) {
        return fail(NotFound, tr("Unknown consumer \"%1\".").arg(consumerId));
    }
    if (!m_config.skill(skillId)) {
        return fail(NotFound, tr("Unknown skill \"%1\".").arg(skillId));
    }
    auto conversation = std::make_shared<Conversation>();
    Conversation &c = *conversation;
    c.id = randomUuid();
    c.consumerId = consumerId;
    c.skillId = skillId;
    c.channel = channel;
    c.startTs = nowMs();
    c.metaDataLastUpdateTs = c.startTs;
    c.context = context.isEmpty() ? QJsonObject{{QStringLiteral("type"), QStringLiteral("SharkContext")},
                                                {QStringLiteral("lang"), QStringLiteral("en-US")},
                                                {QStringLiteral("clientProperties"),
                                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("BROWSER")},
                                                             {QStringLiteral("appId"), QStringLiteral("sandbox")}}}}
                                  : context;
    c.participants.append(Participant{consumerId, false, Role::Consumer, QStringLiteral("ACTIVE")});
    Dialog main;
    main.id = c.id;
    main.type = QStringLiteral("MAIN");
    main.creationTs = c.startTs;
    main.metaDataLastUpdateTs = c.startTs;
    main.participants.append(Participant{consumerId, false, Role::Consumer, QStringLiteral("ACTIVE")});
    c.dialogs.append(main);
    m_conversations.insert(c.id, conversation);
    m_conversationOrder.append(c.id);
    m_dialogIndex.insert(c.id, c.id);
    ++m_stats.conversationsOpened;
    qCDebug(lcSandbox) << "conversation" << c.id << "opened on skill" << skillId << channelName(channel);
    notifyConversationChanged(c.id);
    queueRouting(c.id);
    return c.id;
}

const Conversation *StateModel::conversation(const QString &conversationId) const
{
    const auto it = m_conversations.constFind(conversationId);
    return it == m_conversations.constEnd() ? nullptr : it->get();
}

Conversation *StateModel::mutableConversation(const QString &id)
{
    const auto it = m_conversations.constFind(id);
    return it == m_conversations.constEnd() ? nullptr : it->get();
}

QString StateModel::conversationIdForDialog(const QString &dialogId) const
{
    return m_dialogIndex.value(dialogId);
}

QList<const Conversation *> StateModel::conversations() const
{
    QList<const Conversation *> list;
    list.reserve(m_conversationOrder.size());
    for (const QString &id : m_conversationOrder) {
        list.append(m_conversations.value(id).get());
    }
    return list;
}

QList<const Conversation *> StateModel::conversationsOf(const QString &userId) const
{
    QList<const Conversation *> list;
    for (const QString &id : m_conversationOrder) {
        const Conversation *c = m_conversations.value(id).get();
        if (c->isOpen() && c->participant(userId)) {
            list.append(c);
        }
    }
    return list;
}

int StateModel::openConversationCount() const
{
    return static_cast<int>(m_stats.conversationsOpened - m_stats.conversationsClosed);
}

void StateModel::touch(Conversation &conversation)
{
    conversation.metaDataLastUpdateTs = std::max(nowMs(), conversation.metaDataLastUpdateTs + 1);
}

Result<Message> StateModel::publish(const PublishRequest &request)
{
    Conversation *c = mutableConversation(request.conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(request.conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is closed.").arg(request.conversationId));
    }
    Dialog *dialog = request.dialogId.isEmpty() ? c->activeDialog() : c->dialog(request.dialogId);
    if (!dialog) {
        return fail(NotFound,
                    tr("Unknown dialog \"%1\" in conversation \"%2\".").arg(request.dialogId, request.conversationId));
    }
    if (dialog->state != QLatin1String("OPEN")) {
        return fail(BadRequest, tr("Dialog \"%1\" is closed.").arg(dialog->id));
    }
    const Participant *participant = c->participant(request.originatorId);
    if (!participant || participant->agent != request.fromAgent) {
        return fail(Forbidden,
                    request.fromAgent ? tr("Agent does not exist in conversation")
                                      : tr("The consumer does not belong to this conversation."));
    }
    if (participant->role == Role::Reader) {
        return fail(Forbidden, tr("A READER cannot publish in a conversation."));
    }
    const QString type = request.event.value(QStringLiteral("type")).toString();
    static const QStringList types = {QStringLiteral("ContentEvent"),
                                      QStringLiteral("RichContentEvent"),
                                      QStringLiteral("ChatStateEvent"),
                                      QStringLiteral("AcceptStatusEvent")};
    if (!types.contains(type)) {
        return fail(BadRequest,
                    tr("Unsupported event type \"%1\"; supported: %2.").arg(type, types.join(QStringLiteral(", "))));
    }
    if (request.audience != QLatin1String("ALL") && request.audience != QLatin1String("AGENTS_AND_MANAGERS")) {
        return fail(BadRequest,
                    tr("Unknown messageAudience \"%1\"; use ALL or AGENTS_AND_MANAGERS.").arg(request.audience));
    }
    Message m;
    m.conversationId = c->id;
    m.dialogId = dialog->id;
    m.originatorId = request.originatorId;
    m.fromAgent = request.fromAgent;
    m.role = participant->role;
    m.event = request.event;
    m.metadata = request.metadata;
    m.encodedMetadata = request.encodedMetadata;
    m.audience = request.audience;
    m.serverTimestamp = nowMs();
    if (type == QLatin1String("ChatStateEvent")) {
        // Typing indicators are distributed but never stored and carry no sequence.
        m.stored = false;
        m.sequence = 0;
        Q_EMIT messageAdded(c->id, m);
        return m;
    }
    m.sequence = c->nextSequence++;
    c->messages.append(m);
    if (type != QLatin1String("AcceptStatusEvent")) {
        if (request.fromAgent) {
            ++m_stats.agentMessages;
        } else {
            ++m_stats.consumerMessages;
        }
    }
    Q_EMIT messageAdded(c->id, m);
    return m;
}

Result<Message> StateModel::consumerText(const QString &conversationId, const QString &text, const QJsonArray &metadata)
{
    const Conversation *c = conversation(conversationId);
    PublishRequest request;
    request.conversationId = conversationId;
    request.originatorId = c ? c->consumerId : QString();
    request.fromAgent = false;
    request.event = QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                {QStringLiteral("message"), text}};
    request.metadata = metadata;
    return publish(request);
}

QList<Message> StateModel::messages(const QString &conversationId, const QString &dialogId, int fromSeq) const
{
    QList<Message> list;
    const Conversation *c = conversation(conversationId);
    if (!c) {
        return list;
    }
    for (const Message &m : c->messages) {
        if (m.sequence >= fromSeq && (dialogId.isEmpty() || m.dialogId == dialogId)) {
            list.append(m);
        }
    }
    return list;
}

// --- rings -------------------------------------------------------------------------------------

const Ring *StateModel::ring(const QString &ringId) const
{
    const auto it = m_rings.constFind(ringId);
    return it == m_rings.constEnd() ? nullptr : &*it;
}

QList<Ring> StateModel::waitingRings(const QString &userId) const
{
    QList<Ring> list;
    for (const Ring &r : m_rings) {
        if (r.agentUserId == userId && r.state == RingState::Waiting) {
            list.append(r);
        }
    }
    std::sort(list.begin(), list.end(), [](const Ring &a, const Ring &b) { return a.createdMs < b.createdMs; });
    return list;
}

Result<Success> StateModel::acceptRing(const QString &userId, const QString &ringId)
{
    const auto it = m_rings.find(ringId);
    if (it == m_rings.end()) {
        return fail(NotFound, tr("Unknown ring \"%1\".").arg(ringId));
    }
    if (it->agentUserId != userId) {
        return fail(Forbidden, tr("Ring \"%1\" was not offered to this agent.").arg(ringId));
    }
    if (it->state != RingState::Waiting) {
        return fail(BadRequest, tr("Ring \"%1\" is %2, not WAITING.").arg(ringId, it->state));
    }
    Conversation *c = mutableConversation(it->conversationId);
    if (!c || !c->isOpen() || !c->assignedAgent().isEmpty()) {
        finishRing(ringId, RingState::Cancelled);
        return fail(Conflict, tr("The conversation of ring \"%1\" is no longer waiting.").arg(ringId));
    }
    ++m_stats.ringsAccepted;
    const QString conversationId = c->id;
    c->suggestedAgentUserId.clear();
    c->rejectedBy.clear();
    c->lastExpiredAgent.clear();
    // Joining first, then announcing the ring state, matches the order the SDK sees on LivePerson:
    // the ExConversation UPSERT with the agent follows the ACCEPTED ring.
    finishRing(ringId, RingState::Accepted);
    c = mutableConversation(conversationId);
    c->participants.append(Participant{userId, true, Role::AssignedAgent, QStringLiteral("ACTIVE")});
    if (Dialog *d = c->activeDialog()) {
        d->participants.erase(std::remove_if(d->participants.begin(),
                                             d->participants.end(),
                                             [&userId](const Participant &p) {
                                                 return p.id == userId && p.state == QLatin1String("SUGGESTED");
                                             }),
                              d->participants.end());
        d->participants.append(Participant{userId, true, Role::AssignedAgent, QStringLiteral("ACTIVE")});
        d->metaDataLastUpdateTs = nowMs();
    }
    touch(*c);
    notifyConversationChanged(conversationId);
    return Success{};
}

Result<Success> StateModel::rejectRing(const QString &userId, const QString &ringId)
{
    const auto it = m_rings.constFind(ringId);
    if (it == m_rings.constEnd()) {
        return fail(NotFound, tr("Unknown ring \"%1\".").arg(ringId));
    }
    if (it->agentUserId != userId) {
        return fail(Forbidden, tr("Ring \"%1\" was not offered to this agent.").arg(ringId));
    }
    if (it->state != RingState::Waiting) {
        return fail(BadRequest, tr("Ring \"%1\" is %2, not WAITING.").arg(ringId, it->state));
    }
    if (Conversation *c = mutableConversation(it->conversationId)) {
        c->rejectedBy.insert(userId);
    }
    finishRing(ringId, RingState::Rejected);
    return Success{};
}

int StateModel::expireAllRings()
{
    QStringList ids;
    for (const Ring &r : std::as_const(m_rings)) {
        if (r.state == RingState::Waiting) {
            ids.append(r.id);
        }
    }
    for (const QString &id : std::as_const(ids)) {
        finishRing(id, RingState::Expired);
    }
    return static_cast<int>(ids.size());
}

void StateModel::finishRing(const QString &ringId, const QString &state)
{
    const auto it = m_rings.find(ringId);
    if (it == m_rings.end()) {
        return;
    }
    Ring ring = *it;
    m_rings.erase(it);
    if (QTimer *timer = m_ringTimers.take(ringId)) {
        timer->stop();
        timer->deleteLater();
    }
    ring.state = state;
    if (Conversation *c = mutableConversation(ring.conversationId)) {
        if (c->waitingRingId == ringId) {
            c->waitingRingId.clear();
        }
        if (state == RingState::Expired) {
            c->lastExpiredAgent = ring.agentUserId;
            ++m_stats.ringsExpired;
        }
        if (state != RingState::Accepted) {
            queueRouting(c->id);
        }
    }
    qCDebug(lcSandbox) << "ring" << ringId << state;
    Q_EMIT ringChanged(ring);
}

void StateModel::cancelWaitingRing(Conversation &conversation)
{
    if (!conversation.waitingRingId.isEmpty()) {
        finishRing(conversation.waitingRingId, RingState::Cancelled);
    }
}

// --- routing -----------------------------------------------------------------------------------

void StateModel::queueRouting(const QString &conversationId)
{
    if (!m_routingQueued.contains(conversationId)) {
        m_routingQueued.insert(conversationId);
        m_routingQueue.append(conversationId);
    }
    scheduleRouting();
}

void StateModel::scheduleRouting()
{
    if (m_routingScheduled) {
        return;
    }
    m_routingScheduled = true;
    // Coalesced: one routing pass per event-loop turn, after the current request has been answered.
    QTimer::singleShot(0, this, &StateModel::routePending);
}

bool StateModel::needsRouting(const Conversation &c) const
{
    return c.isOpen() && c.activeDialog() && c.assignedAgent().isEmpty() && c.waitingRingId.isEmpty();
}

QString StateModel::routingSkill(const Conversation &c) const
{
    const Dialog *d = c.activeDialog();
    if (d && d->type == QLatin1String("POST_SURVEY")) {
        const SkillConfig *skill = m_config.skill(c.skillId);
        if (skill && !skill->surveySkillId.isEmpty()) {
            return skill->surveySkillId;
        }
    }
    return c.skillId;
}

QHash<QString, int> StateModel::agentLoads() const
{
    QHash<QString, int> loads;
    for (const auto &c : m_conversations) {
        if (c->isOpen()) {
            const QString assigned = c->assignedAgent();
            if (!assigned.isEmpty()) {
                ++loads[assigned];
            }
        }
    }
    for (const Ring &r : m_rings) {
        if (r.state == RingState::Waiting) {
            ++loads[r.agentUserId];
        }
    }
    return loads;
}

AgentUser *StateModel::pickAgent(const Conversation &c, const QHash<QString, int> &loads)
{
    if (!c.suggestedAgentUserId.isEmpty()) {
        AgentUser *suggested = mutableAgent(c.suggestedAgentUserId);
        if (suggested && isRoutable(*suggested, c.channel)) {
            return suggested;
        }
    }
    const QString skill = routingSkill(c);
    QList<AgentUser *> candidates;
    for (const QString &id : std::as_const(m_agentOrder)) {
        AgentUser *a = m_agents.value(id).get();
        if (a->skillIds.contains(skill) && isRoutable(*a, c.channel)) {
            candidates.append(a);
        }
    }
    if (candidates.isEmpty()) {
        return nullptr;
    }
    // Agents that rejected this conversation are skipped while anyone else can take it.
    QList<AgentUser *> willing;
    for (AgentUser *a : std::as_const(candidates)) {
        if (!c.rejectedBy.contains(a->userId)) {
            willing.append(a);
        }
    }
    if (willing.isEmpty()) {
        willing = candidates;
    }
    // Least loaded first; the agent that let the last ring expire goes last; then least recently rung.
    AgentUser *best = nullptr;
    auto score = [&loads, &c](const AgentUser *a) {
        return std::make_tuple(a->userId == c.lastExpiredAgent ? 1 : 0, loads.value(a->userId), a->lastRingMs);
    };
    for (AgentUser *a : std::as_const(willing)) {
        if (!best || score(a) < score(best)) {
            best = a;
        }
    }
    return best;
}

void StateModel::routePending()
{
    m_routingScheduled = false;
    QStringList keep;
    const QStringList queue = std::exchange(m_routingQueue, {});
    // Loads are computed once per pass and kept current as rings go out.
    QHash<QString, int> loads = queue.isEmpty() ? QHash<QString, int>() : agentLoads();
    for (const QString &id : queue) {
        Conversation *c = mutableConversation(id);
        if (!c || !needsRouting(*c)) {
            m_routingQueued.remove(id);
            continue;
        }
        AgentUser *agent = pickAgent(*c, loads);
        if (!agent) {
            keep.append(id);
            continue;
        }
        m_routingQueued.remove(id);
        ++loads[agent->userId];
        offerRing(*c, *agent);
    }
    // Conversations queued while offering rings (none expected) come after the ones still waiting.
    keep.append(m_routingQueue);
    m_routingQueue = keep;
}

void StateModel::offerRing(Conversation &c, AgentUser &agent)
{
    Ring ring;
    ring.createdMs = nowMs();
    ring.id = c.id + QLatin1Char('_') + m_config.accountId + QLatin1Char('_') + QString::number(ring.createdMs);
    while (m_rings.contains(ring.id)) {
        ring.id += QLatin1Char('x');
    }
    ring.conversationId = c.id;
    ring.consumerId = c.consumerId;
    ring.skillId = routingSkill(c);
    ring.agentUserId = agent.userId;
    ring.routingTaskId = randomUuid();
    ring.state = RingState::Waiting;
    ring.channel = c.channel;
    ring.expirationMs = c.channel == Channel::Chat ? m_chatRingExpirationMs : m_config.ringExpirationMs;
    ring.expiresAtMs = ring.createdMs + ring.expirationMs;
    agent.lastRingMs = ring.createdMs;
    c.waitingRingId = ring.id;
    m_rings.insert(ring.id, ring);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const QString ringId = ring.id;
    connect(timer, &QTimer::timeout, this, [this, ringId] { finishRing(ringId, RingState::Expired); });
    timer->start(ring.expirationMs);
    m_ringTimers.insert(ring.id, timer);
    ++m_stats.ringsOffered;
    qCDebug(lcSandbox) << "ring" << ring.id << "offered to" << agent.userId;
    Q_EMIT ringChanged(ring);
}

// --- participants and conversation fields ------------------------------------------------------

Result<QString> StateModel::addParticipant(const QString &conversationId, const QString &userId, const QString &role)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is closed.").arg(conversationId));
    }
    if (!agent(userId)) {
        return fail(NotFound, tr("Unknown agent \"%1\".").arg(userId));
    }
    if (!s_roles.contains(role)) {
        return fail(BadRequest,
                    tr("Unknown role \"%1\"; use one of %2.").arg(role, s_roles.join(QStringLiteral(", "))));
    }
    if (const Participant *existing = c->participant(userId)) {
        if (existing->role == role) {
            return QStringLiteral("OK Agent added successfully");
        }
        return fail(Conflict, tr("The agent is already a participant as %1.").arg(existing->role));
    }
    if (role == Role::AssignedAgent && !c->assignedAgent().isEmpty()) {
        return fail(Conflict, tr("The conversation already has an assigned agent."));
    }
    if (role == Role::AssignedAgent) {
        cancelWaitingRing(*c);
        c = mutableConversation(conversationId);
    }
    c->participants.append(Participant{userId, true, role, QStringLiteral("ACTIVE")});
    if (Dialog *d = c->activeDialog()) {
        d->participants.append(Participant{userId, true, role, QStringLiteral("ACTIVE")});
        d->metaDataLastUpdateTs = nowMs();
    }
    touch(*c);
    notifyConversationChanged(conversationId);
    return QStringLiteral("OK Agent added successfully");
}

void StateModel::removeAgentEverywhere(Conversation &c, const QString &userId, const QString &role)
{
    c.participants.erase(std::remove_if(c.participants.begin(),
                                        c.participants.end(),
                                        [&](const Participant &p) { return p.id == userId && p.role == role; }),
                         c.participants.end());
    for (Dialog &d : c.dialogs) {
        if (d.state == QLatin1String("OPEN")) {
            d.participants.erase(std::remove_if(d.participants.begin(),
                                                d.participants.end(),
                                                [&](const Participant &p) { return p.id == userId && p.role == role; }),
                                 d.participants.end());
            d.metaDataLastUpdateTs = nowMs();
        }
    }
}

Result<QString> StateModel::removeParticipant(const QString &conversationId, const QString &userId, const QString &role)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is closed.").arg(conversationId));
    }
    const Participant *p = c->participant(userId);
    if (!p || p->role != role) {
        return fail(BadRequest, tr("Agent does not exist in conversation"));
    }
    removeAgentEverywhere(*c, userId, role);
    touch(*c);
    notifyConversationChanged(conversationId);
    if (role == Role::AssignedAgent) {
        queueRouting(conversationId);
    }
    return QStringLiteral("OK Agent removed successfully");
}

Result<QString> StateModel::suggestAgent(const QString &conversationId, const QString &userId)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is closed.").arg(conversationId));
    }
    if (!agent(userId)) {
        return fail(NotFound, tr("Unknown agent \"%1\".").arg(userId));
    }
    c->suggestedAgentUserId = userId;
    if (Dialog *d = c->activeDialog()) {
        d->participants.append(Participant{userId, true, Role::AssignedAgent, QStringLiteral("SUGGESTED")});
        d->metaDataLastUpdateTs = nowMs();
    }
    touch(*c);
    notifyConversationChanged(conversationId);
    queueRouting(conversationId);
    return QStringLiteral("OK Agent suggested successfully");
}

Result<QString> StateModel::transferToSkill(const QString &conversationId, const QString &skillId)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is closed.").arg(conversationId));
    }
    if (!m_config.skill(skillId)) {
        return fail(NotFound, tr("Unknown skill \"%1\".").arg(skillId));
    }
    if (c->skillId != skillId) {
        c->skillId = skillId;
        ++c->transfers;
        ++m_stats.transfers;
        c->rejectedBy.clear();
        c->lastExpiredAgent.clear();
        // A ring still waiting on the old skill is withdrawn; the conversation queues on the new one.
        cancelWaitingRing(*c);
        c = mutableConversation(conversationId);
    }
    touch(*c);
    notifyConversationChanged(conversationId);
    queueRouting(conversationId);
    return QStringLiteral("OK Skill updated successfully");
}

void StateModel::closeEverything(Conversation &c, CloseReason by)
{
    const qint64 now = nowMs();
    for (Dialog &d : c.dialogs) {
        if (d.state == QLatin1String("OPEN")) {
            d.state = QStringLiteral("CLOSE");
            d.endTs = now;
            d.closedBy = closeReasonName(by);
            d.closedCause = by == CloseReason::System ? QStringLiteral("Closed by the system")
                                                      : QStringLiteral("Closed by ") + closeReasonName(by).toLower();
            d.metaDataLastUpdateTs = now;
        }
    }
    c.state = QStringLiteral("CLOSE");
    c.closeReason = closeReasonName(by);
    c.endTs = now;
    c.suggestedAgentUserId.clear();
    ++m_stats.conversationsClosed;
}

Result<QString> StateModel::closeDialog(const QString &conversationId, const QString &dialogId, CloseReason by)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    Dialog *d = c->dialog(dialogId);
    if (!d) {
        return fail(NotFound, tr("Unknown dialog \"%1\" in conversation \"%2\".").arg(dialogId, conversationId));
    }
    if (d->state != QLatin1String("OPEN")) {
        return fail(BadRequest, tr("Dialog \"%1\" is already closed.").arg(dialogId));
    }
    cancelWaitingRing(*c);
    c = mutableConversation(conversationId);
    d = c->dialog(dialogId);
    const qint64 now = nowMs();
    d->state = QStringLiteral("CLOSE");
    d->endTs = now;
    d->closedBy = closeReasonName(by);
    d->closedCause = QStringLiteral("Dialog closed by ") + closeReasonName(by).toLower();
    d->metaDataLastUpdateTs = now;
    const SkillConfig *skill = m_config.skill(c->skillId);
    const bool startSurvey = d->type == QLatin1String("MAIN") && skill && !skill->surveySkillId.isEmpty();
    // Agents of the closed dialog leave the conversation: the next dialog is routed on its own.
    const QList<Participant> agents = c->participants;
    for (const Participant &p : agents) {
        if (p.agent) {
            removeAgentEverywhere(*c, p.id, p.role);
        }
    }
    if (startSurvey) {
        Dialog survey;
        survey.id = randomToken(9);
        survey.type = QStringLiteral("POST_SURVEY");
        survey.creationTs = now;
        survey.metaDataLastUpdateTs = now;
        survey.participants.append(Participant{c->consumerId, false, Role::Consumer, QStringLiteral("ACTIVE")});
        m_dialogIndex.insert(survey.id, c->id);
        c->dialogs.append(survey);
    } else if (!c->activeDialog()) {
        closeEverything(*c, by);
    }
    touch(*c);
    notifyConversationChanged(conversationId);
    if (c->isOpen()) {
        queueRouting(conversationId);
    }
    return QStringLiteral("OK Dialog closed successfully");
}

Result<QString> StateModel::closeConversation(const QString &conversationId, CloseReason by)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    if (!c->isOpen()) {
        return fail(BadRequest, tr("Conversation \"%1\" is already closed.").arg(conversationId));
    }
    cancelWaitingRing(*c);
    c = mutableConversation(conversationId);
    closeEverything(*c, by);
    touch(*c);
    qCDebug(lcSandbox) << "conversation" << conversationId << "closed by" << closeReasonName(by);
    notifyConversationChanged(conversationId);
    return QStringLiteral("OK Conversation closed successfully");
}

void StateModel::recordFieldUpdate(const QString &conversationId, const QStringList &fields, const QJsonArray &metadata)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return;
    }
    constexpr qsizetype maxKept = 50;
    if (c->fieldUpdates.size() >= maxKept) {
        c->fieldUpdates.removeFirst();
    }
    c->fieldUpdates.append(QJsonObject{{QStringLiteral("time"), nowMs()},
                                       {QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
                                       {QStringLiteral("metadata"), metadata}});
}

Result<QString> StateModel::setTtr(const QString &conversationId, const QString &ttrType, int value)
{
    Conversation *c = mutableConversation(conversationId);
    if (!c) {
        return fail(NotFound, tr("Unknown conversation \"%1\".").arg(conversationId));
    }
    static const QStringList types = {
        QStringLiteral("CUSTOM"), QStringLiteral("NORMAL"), QStringLiteral("PRIORITIZED"), QStringLiteral("URGENT")};
    if (!types.contains(ttrType)) {
        return fail(BadRequest,
                    tr("Unknown ttrType \"%1\"; use one of %2.").arg(ttrType, types.join(QStringLiteral(", "))));
    }
    static const QHash<QString, int> defaults = {
        {QStringLiteral("NORMAL"), 3600}, {QStringLiteral("PRIORITIZED"), 600}, {QStringLiteral("URGENT"), 300}};
    c->ttrType = ttrType;
    c->ttrValue = ttrType == QLatin1String("CUSTOM") ? value : defaults.value(ttrType, value);
    touch(*c);
    notifyConversationChanged(conversationId);
    return QStringLiteral("OK TTR updated successfully");
}

} // namespace Switchboard::Sandbox

namespace Switchboard::Sandbox
{

void StateModel::beginChangeBatch()
{
    ++m_batchDepth;
}

void StateModel::endChangeBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0) {
        const QStringList changed = std::exchange(m_batchedChanges, {});
        for (const QString &conversationId : changed) {
            Q_EMIT conversationChanged(conversationId);
        }
    }
}

void StateModel::notifyConversationChanged(const QString &conversationId)
{
    if (m_batchDepth > 0) {
        if (!m_batchedChanges.contains(conversationId)) {
            m_batchedChanges.append(conversationId);
        }
        return;
    }
    Q_EMIT conversationChanged(conversationId);
}

} // namespace Switchboard::Sandbox
