// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomEndpointDemoBot.h"

#include "sandbox/SandboxLogging.h"
#include "sandbox/bots/AppJwtVerifier.h"
#include "sandbox/bots/BotHttpServer.h"
#include "sandbox/bots/DemoBotAnswers.h"
#include "util/JsonWriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

QByteArray compact(const QJsonObject &object)
{
    // QJsonDocument::toJson(Compact)'s bytes, without its per-string buffers (every answer goes through here).
    return JsonWriter::toJson(object);
}

QJsonObject eventAnswer(const DemoBotAnswers::Answer &answer)
{
    return QJsonObject{{"response"_L1, answer.items}, {"analytics"_L1, QJsonObject{{"intents"_L1, answer.intents}}}};
}

bool isContentEvent(const QString &type)
{
    return type == "TEXT"_L1 || type == "RICH_CONTENT"_L1 || type == "hosted-file"_L1;
}

QJsonArray routesJson(const QList<RoutingRule> &rules)
{
    QJsonArray routes;
    for (const RoutingRule &rule : rules) {
        routes.append(QJsonObject{{"keyword"_L1, rule.keyword}, {"skillName"_L1, rule.skillName}});
    }
    return routes;
}

QByteArray contractViolationBody(const QString &variant, const QString &humanSkill)
{
    const QJsonObject analytics{
        {"intents"_L1,
         QJsonArray{DemoBotAnswers::intent(u"contract-violation"_s, u"Injected contract violation"_s, 1.0)}}};
    const QJsonObject text = DemoBotAnswers::textItem(u"This answer breaks the Custom Endpoint contract."_s);
    QJsonObject body;
    if (variant == "unknown-type"_L1) {
        body = {{"response"_L1,
                 QJsonArray{text,
                            QJsonObject{{"type"_L1, "VIDEO"_L1},
                                        {"data"_L1, QJsonObject{{"url"_L1, "https://example.com/v.mp4"_L1}}}}}},
                {"analytics"_L1, analytics}};
    } else if (variant == "missing-analytics"_L1) {
        body = {{"response"_L1, QJsonArray{text}}};
    } else if (variant == "empty-response"_L1) {
        body = {{"response"_L1, QJsonArray{}}, {"analytics"_L1, analytics}};
    } else if (variant == "bad-delay"_L1) {
        body = {{"response"_L1,
                 QJsonArray{text,
                            QJsonObject{{"type"_L1, "DELAY"_L1}, {"data"_L1, QJsonObject{{"seconds"_L1, 0}}}},
                            DemoBotAnswers::textItem(u"after a zero delay"_s)}},
                {"analytics"_L1, analytics}};
    } else if (variant == "response-not-array"_L1) {
        body = {{"response"_L1, text}, {"analytics"_L1, analytics}};
    } else {
        // "two-actions": the docs allow ONE action per response (custom-endpoint-v1.md §4.2).
        body = {{"response"_L1,
                 QJsonArray{text,
                            DemoBotAnswers::actionItem(u"TRANSFER"_s, QJsonObject{{"skillName"_L1, humanSkill}}),
                            DemoBotAnswers::actionItem(u"CLOSE_CONVERSATION"_s)}},
                {"analytics"_L1, analytics}};
    }
    return compact(body);
}

} // namespace

CustomEndpointDemoBot::CustomEndpointDemoBot(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    if (m_config.environments.isEmpty()) {
        m_config.environments = {u"draft"_s};
    }
    m_prefix = m_config.basePath;
    while (m_prefix.endsWith(u'/')) {
        m_prefix.chop(1);
    }
    if (!m_prefix.isEmpty() && !m_prefix.startsWith(u'/')) {
        m_prefix.prepend(u'/');
    }
    for (const QString &environment : std::as_const(m_config.environments)) {
        m_states.insert(environment, State::Online);
    }
    if (m_config.routingRules.isEmpty()) {
        m_config.routingRules = RoutingBotAnswers::defaultRules(m_config.humanSkillName);
    }
    m_verifier = new AppJwtVerifier(
        AppJwtVerifier::Config{
            m_config.accountId, m_config.jwksUrl, m_config.staticPublicKeyPem, m_config.trustedCas, m_config.clock},
        this);
    m_server = std::make_unique<BotHttpServer>(
        [this](const BotHttpRequest &request, BotHttpResponder &&responder) {
            handleRequest(request, std::move(responder));
        },
        this);
    if (m_config.serverTls) {
        m_server->setTls(*m_config.serverTls);
    }
}

CustomEndpointDemoBot::~CustomEndpointDemoBot() = default;

Result<quint16> CustomEndpointDemoBot::listen(const QHostAddress &address, quint16 port)
{
    if (const QString error = m_verifier->configurationError(); !error.isEmpty()) {
        return Result<quint16>::failure(u"sandbox.bot_config"_s, error);
    }
    static const QRegularExpression botIdPattern(u"^[A-Za-z0-9-]{1,36}$"_s);
    for (const QString &id : {m_config.botId, m_config.routingBotId, m_config.surveyBotId}) {
        if (!botIdPattern.match(id).hasMatch() && (id == m_config.botId || !id.isEmpty())) {
            return Result<quint16>::failure(
                u"sandbox.bot_config"_s, tr("The bot id \"%1\" must be 1 to 36 letters, digits or dashes.").arg(id));
        }
    }
    if (m_config.routingBotId == m_config.botId || m_config.surveyBotId == m_config.botId ||
        (!m_config.routingBotId.isEmpty() && m_config.routingBotId == m_config.surveyBotId)) {
        return Result<quint16>::failure(u"sandbox.bot_config"_s,
                                        tr("The demo, routing and survey bots need different bot ids."));
    }
    auto bound = m_server->listen(address, port);
    if (bound) {
        qCInfo(lcSandbox).noquote() << "Custom Endpoint demo bot listening on" << baseUrl().toString() << "bot"
                                    << m_config.botId;
    }
    return bound;
}

QUrl CustomEndpointDemoBot::baseUrl() const
{
    QUrl url = m_server->rootUrl();
    if (!url.isEmpty() && !m_prefix.isEmpty()) {
        url.setPath(m_prefix);
    }
    return url;
}

QUrl CustomEndpointDemoBot::controlUrl() const
{
    QUrl url = m_server->rootUrl();
    if (!url.isEmpty()) {
        url.setPath(u"/control"_s);
    }
    return url;
}

const CustomEndpointDemoBot::Config &CustomEndpointDemoBot::config() const
{
    return m_config;
}

void CustomEndpointDemoBot::setState(State state, const QString &environment)
{
    if (environment.isEmpty()) {
        for (auto it = m_states.begin(); it != m_states.end(); ++it) {
            it.value() = state;
        }
    } else if (m_states.contains(environment)) {
        m_states[environment] = state;
    }
}

CustomEndpointDemoBot::State CustomEndpointDemoBot::state(const QString &environment) const
{
    return m_states.value(environment.isEmpty() ? m_config.environments.constFirst() : environment, State::Offline);
}

QString CustomEndpointDemoBot::stateName(State state)
{
    switch (state) {
    case State::Online:
        return u"online"_s;
    case State::Offline:
        return u"offline"_s;
    case State::Error:
        return u"error"_s;
    case State::Maintenance:
        return u"maintenance"_s;
    }
    return u"error"_s;
}

void CustomEndpointDemoBot::setRoutingRules(const QList<RoutingRule> &rules)
{
    m_config.routingRules = rules;
}

QList<RoutingRule> CustomEndpointDemoBot::routingRules() const
{
    return m_config.routingRules;
}

void CustomEndpointDemoBot::setBehaviour(const DemoBotBehaviour &behaviour)
{
    m_behaviour = behaviour;
    m_faultAccumulator = 0;
    qCInfo(lcSandbox).noquote() << "Custom Endpoint demo bot behaviour:" << DemoBotBehaviour::modeName(behaviour.mode)
                                << "ratio" << behaviour.failRatio;
}

DemoBotBehaviour CustomEndpointDemoBot::behaviour() const
{
    return m_behaviour;
}

void CustomEndpointDemoBot::forgetConversations()
{
    m_conversations.clear();
}

QString CustomEndpointDemoBot::conversationKey(const QString &environment, const QString &conversationId) const
{
    return environment + u'/' + conversationId;
}

QString CustomEndpointDemoBot::conversationKey(const Route &route) const
{
    // The routing and survey bots meet the same LivePerson conversations as the demo bot: keys apart.
    const QString key = conversationKey(route.environment, route.conversationId);
    return route.persona == Persona::Demo ? key : route.botId + u':' + key;
}

QJsonObject CustomEndpointDemoBot::stats() const
{
    const auto &auth = m_verifier->counters();
    QJsonObject authFailures;
    for (auto it = auth.failuresByCode.cbegin(); it != auth.failuresByCode.cend(); ++it) {
        authFailures.insert(it.key(), static_cast<qint64>(it.value()));
    }
    QJsonObject events;
    for (auto it = m_counters.eventsByType.cbegin(); it != m_counters.eventsByType.cend(); ++it) {
        events.insert(it.key(), static_cast<qint64>(it.value()));
    }
    QJsonObject states;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        states.insert(it.key(), stateName(it.value()));
    }
    const auto count = [this](Endpoint endpoint) {
        return static_cast<qint64>(m_counters.requests[static_cast<int>(endpoint)]);
    };
    return QJsonObject{{"requests"_L1,
                        QJsonObject{{"environments"_L1, count(Endpoint::Environments)},
                                    {"state"_L1, count(Endpoint::State)},
                                    {"putConversation"_L1, count(Endpoint::PutConversation)},
                                    {"postEvent"_L1, count(Endpoint::PostEvent)},
                                    {"control"_L1, count(Endpoint::Control)},
                                    {"other"_L1, count(Endpoint::Other)}}},
                       {"responses"_L1,
                        QJsonObject{{"2xx"_L1, static_cast<qint64>(m_counters.status2xx)},
                                    {"4xx"_L1, static_cast<qint64>(m_counters.status4xx)},
                                    {"5xx"_L1, static_cast<qint64>(m_counters.status5xx)}}},
                       {"auth"_L1,
                        QJsonObject{{"verified"_L1, static_cast<qint64>(auth.verified)},
                                    {"cacheHits"_L1, static_cast<qint64>(auth.cacheHits)},
                                    {"failures"_L1, static_cast<qint64>(auth.failures)},
                                    {"failuresByReason"_L1, authFailures},
                                    {"jwksFetches"_L1, static_cast<qint64>(auth.jwksFetches)},
                                    {"jwksFetchFailures"_L1, static_cast<qint64>(auth.jwksFetchFailures)},
                                    {"deprecatedScope"_L1, static_cast<qint64>(auth.deprecatedScope)}}},
                       {"events"_L1, events},
                       {"conversations"_L1, m_conversations.size()},
                       {"duplicateEvents"_L1, static_cast<qint64>(m_counters.duplicateEvents)},
                       {"eventsReceivedAgain"_L1, static_cast<qint64>(m_counters.eventsReceivedAgain)},
                       {"faultsInjected"_L1, static_cast<qint64>(m_counters.faultsInjected)},
                       {"heldRequests"_L1, static_cast<qint64>(m_held.size())},
                       {"contractWarnings"_L1, static_cast<qint64>(m_counters.contractWarnings)},
                       {"lastContractWarning"_L1, m_counters.lastContractWarning},
                       {"behaviour"_L1, m_behaviour.toJson()},
                       {"states"_L1, states}};
}

QJsonObject CustomEndpointDemoBot::conversationStats(const QString &conversationId, const QString &environment) const
{
    const QString key =
        conversationKey(environment.isEmpty() ? m_config.environments.constFirst() : environment, conversationId);
    const auto it = m_conversations.constFind(key);
    if (it == m_conversations.constEnd()) {
        return {};
    }
    return QJsonObject{{"conversationId"_L1, conversationId},
                       {"lastSequence"_L1, it->lastSequence},
                       {"events"_L1, static_cast<qint64>(it->events)},
                       {"duplicates"_L1, static_cast<qint64>(it->duplicates)},
                       {"sdes"_L1, it->sdes},
                       {"context"_L1, it->context}};
}

void CustomEndpointDemoBot::resetStats()
{
    m_counters = Counters{};
    m_verifier->resetCounters();
}

quint64 CustomEndpointDemoBot::duplicateEvents() const
{
    return m_counters.duplicateEvents;
}

QJsonObject CustomEndpointDemoBot::describe() const
{
    return QJsonObject{{"baseUrl"_L1, baseUrl().toString()},
                       {"botId"_L1, m_config.botId},
                       {"routingBotId"_L1, m_config.routingBotId},
                       {"surveyBotId"_L1, m_config.surveyBotId},
                       {"environment"_L1, m_config.environments.constFirst()},
                       {"environments"_L1, QJsonArray::fromStringList(m_config.environments)},
                       {"controlUrl"_L1, controlUrl().toString()}};
}

void CustomEndpointDemoBot::answer(BotHttpResponder &responder, int status, const QByteArray &body)
{
    if (status < 300) {
        ++m_counters.status2xx;
    } else if (status < 500) {
        ++m_counters.status4xx;
    } else {
        ++m_counters.status5xx;
    }
    if (body.isEmpty()) {
        responder.sendEmpty(status);
    } else {
        responder.send(status, body);
    }
}

void CustomEndpointDemoBot::answerError(
    BotHttpResponder &responder, int status, const QString &name, const QString &message, const QString &errorData)
{
    QJsonObject body{{"name"_L1, name}, {"message"_L1, message}};
    if (!errorData.isEmpty()) {
        body.insert("errorData"_L1, errorData);
    }
    answer(responder, status, compact(body));
}

void CustomEndpointDemoBot::contractWarning(const QString &warning)
{
    ++m_counters.contractWarnings;
    m_counters.lastContractWarning = warning;
    qCDebug(lcSandbox).noquote() << "Custom Endpoint demo bot: contract warning:" << warning;
}

CustomEndpointDemoBot::Route CustomEndpointDemoBot::route(const BotHttpRequest &request) const
{
    Route result;
    QStringView path(request.path);
    if (!m_prefix.isEmpty()) {
        if (!path.startsWith(m_prefix)) {
            return result;
        }
        path = path.mid(m_prefix.size());
    }
    const auto segments = path.split(u'/');
    // segments[0] is the empty string before the leading slash.
    const qsizetype count = segments.size();
    if (count < 5 || !segments.at(0).isEmpty() || segments.at(1) != "v1"_L1 || segments.at(2) != "bots"_L1 ||
        segments.at(4) != "environments"_L1) {
        return result;
    }
    result.botId = segments.at(3).toString();
    if (!result.botId.isEmpty() && result.botId == m_config.routingBotId) {
        result.persona = Persona::Routing;
    } else if (!result.botId.isEmpty() && result.botId == m_config.surveyBotId) {
        result.persona = Persona::Survey;
    }
    using Method = BotHttpRequest::Method;
    if (count == 5 && request.method == Method::Get) {
        result.endpoint = Endpoint::Environments;
    } else if (count == 7 && segments.at(6) == "state"_L1 && request.method == Method::Get) {
        result.endpoint = Endpoint::State;
        result.environment = segments.at(5).toString();
    } else if (count == 8 && segments.at(6) == "conversations"_L1 && request.method == Method::Put) {
        result.endpoint = Endpoint::PutConversation;
        result.environment = segments.at(5).toString();
        result.conversationId = segments.at(7).toString();
    } else if (count == 9 && segments.at(6) == "conversations"_L1 && segments.at(8) == "events"_L1 &&
               request.method == Method::Post) {
        result.endpoint = Endpoint::PostEvent;
        result.environment = segments.at(5).toString();
        result.conversationId = segments.at(7).toString();
    }
    if (result.endpoint != Endpoint::Other && result.conversationId.isEmpty() &&
        (result.endpoint == Endpoint::PutConversation || result.endpoint == Endpoint::PostEvent)) {
        result.endpoint = Endpoint::Other;
    }
    return result;
}

void CustomEndpointDemoBot::handleRequest(const BotHttpRequest &request, BotHttpResponder &&responder)
{
    if (request.path == "/control"_L1 || request.path.startsWith("/control/"_L1)) {
        ++m_counters.requests[static_cast<int>(Endpoint::Control)];
        handleControl(request, responder);
        return;
    }
    const Route target = route(request);
    ++m_counters.requests[static_cast<int>(target.endpoint)];
    if (target.endpoint == Endpoint::Other) {
        answerError(responder,
                    404,
                    u"NotFoundError"_s,
                    tr("No Custom Endpoint v1 route for this method and path."),
                    request.path);
        return;
    }
    const QByteArray authorization = request.header("authorization");
    if (auto outcome = m_verifier->tryVerifyNow(authorization)) {
        if (outcome->ok()) {
            handleAuthorized(target, request, responder);
        } else {
            answerError(responder, outcome->status, outcome->name, outcome->message, outcome->reason);
        }
        return;
    }
    // The JWKS must be (re)fetched first: keep the request and answer when the keys are in.
    auto heldRequest = std::make_shared<BotHttpRequest>(request);
    auto heldResponder = std::make_shared<BotHttpResponder>(std::move(responder));
    m_verifier->verifyLater(
        authorization, this, [this, target, heldRequest, heldResponder](const AppJwtVerifier::Outcome &outcome) {
            if (outcome.ok()) {
                handleAuthorized(target, *heldRequest, *heldResponder);
            } else {
                answerError(*heldResponder, outcome.status, outcome.name, outcome.message, outcome.reason);
            }
        });
}

void CustomEndpointDemoBot::handleAuthorized(const Route &target,
                                             const BotHttpRequest &request,
                                             BotHttpResponder &responder)
{
    if (target.botId != m_config.botId && target.persona == Persona::Demo) {
        const QString message = target.endpoint == Endpoint::Environments
                                    ? tr("No environments found for the bot.")
                                    : tr("Bot not found for the given environment.");
        answerError(responder, 404, u"NotFoundError"_s, message, target.botId);
        return;
    }
    if (target.endpoint == Endpoint::Environments) {
        answer(responder,
               200,
               QJsonDocument(QJsonArray::fromStringList(m_config.environments)).toJson(QJsonDocument::Compact));
        return;
    }
    if (!m_states.contains(target.environment)) {
        const QString message = target.endpoint == Endpoint::State ? tr("Bot has no state for this environment.")
                                                                   : tr("Bot not found for the given environment.");
        answerError(responder, 404, u"NotFoundError"_s, message, target.environment);
        return;
    }
    switch (target.endpoint) {
    case Endpoint::State: {
        const State current =
            m_behaviour.mode == DemoBotBehaviour::Mode::Offline ? State::Offline : m_states.value(target.environment);
        answer(
            responder, 200, compact(QJsonObject{{"state"_L1, stateName(current)}, {"version"_L1, m_config.version}}));
        return;
    }
    case Endpoint::PutConversation:
        handlePut(target, request, responder);
        return;
    case Endpoint::PostEvent:
        handleEvent(target, request, responder);
        return;
    default:
        answerError(responder, 404, u"NotFoundError"_s, tr("No Custom Endpoint v1 route for this method and path."));
        return;
    }
}

void CustomEndpointDemoBot::handlePut(const Route &target, const BotHttpRequest &request, BotHttpResponder &responder)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        answerError(responder, 400, u"BadRequestError"_s, tr("The conversation body is not a JSON object."));
        return;
    }
    const QJsonObject body = document.object();
    const QJsonValue contextValue = body.value("context"_L1);
    if (!contextValue.isObject()) {
        answerError(responder,
                    400,
                    u"BadRequestError"_s,
                    tr("\"context\" is required and must be an object (spec Conversation)."));
        return;
    }
    const QJsonObject context = contextValue.toObject();
    const QString type = context.value("type"_L1).toString();
    if (type != "MESSAGING"_L1 && type != "CHAT"_L1) {
        answerError(responder, 400, u"BadRequestError"_s, tr("\"context.type\" must be MESSAGING or CHAT."));
        return;
    }
    for (const auto field : {"skillId"_L1, "engagementId"_L1}) {
        const QJsonValue value = context.value(field);
        if (value.isString() && !value.toString().isEmpty()) {
            // The docs' example sends a string; the spec says number (custom-endpoint-v1.md §8).
            contractWarning(tr("context.%1 is a string; the spec says number").arg(QString(field)));
        } else if (value.isUndefined() && field == "engagementId"_L1) {
            // The spec marks engagementId required, but a messaging conversation that no campaign
            // engagement started has none: the bot is lenient and only notes it.
            contractWarning(tr("context.engagementId is missing; the spec marks it required"));
        } else if (!value.isDouble()) {
            answerError(responder,
                        400,
                        u"BadRequestError"_s,
                        tr("\"context.%1\" is required (spec ConversationContext).").arg(QString(field)));
            return;
        }
    }
    const QJsonValue sdes = body.value("sdes"_L1);
    if (!sdes.isUndefined() && !sdes.isObject()) {
        answerError(responder, 400, u"BadRequestError"_s, tr("\"sdes\" must be an object."));
        return;
    }
    const QString key = conversationKey(target);
    auto it = m_conversations.find(key);
    if (it != m_conversations.end()) {
        if (m_config.conflictOnRepeatedPut) {
            answerError(
                responder, 409, u"ConflictError"_s, tr("The conversation already exists."), target.conversationId);
            return;
        }
    } else {
        it = m_conversations.insert(key, Conversation{});
        Q_EMIT conversationCreated(target.conversationId);
    }
    it->sdes = sdes.toObject();
    it->context = context;
    answer(responder, 204, QByteArray());
}

void CustomEndpointDemoBot::handleEvent(const Route &target, const BotHttpRequest &request, BotHttpResponder &responder)
{
    const QString key = conversationKey(target);
    const auto conversation = m_conversations.find(key);
    if (conversation == m_conversations.end()) {
        answerError(
            responder, 404, u"NotFoundError"_s, tr("no conversation found for the given bot."), target.conversationId);
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        answerError(responder, 400, u"BadRequestError"_s, tr("The event body is not a JSON object."));
        return;
    }
    const QJsonObject body = document.object();
    const QString type = body.value("type"_L1).toString();
    const QJsonObject data = body.value("data"_L1).toObject();
    const QJsonValue lpEventValue = body.value("context"_L1).toObject().value("lpEvent"_L1);
    if (!lpEventValue.isObject()) {
        answerError(responder,
                    400,
                    u"BadRequestError"_s,
                    tr("\"context.lpEvent\" is required and must be an object (spec ChangeContext)."));
        return;
    }
    const QJsonObject lpEvent = lpEventValue.toObject();
    if (const QJsonValue source = body.value("source"_L1);
        !source.isUndefined() && source != "CONSUMER"_L1 && source != "CONVERSATION"_L1) {
        contractWarning(tr("unknown source \"%1\"").arg(source.toString()));
    }
    const QString lpConversationId = lpEvent.value("conversationId"_L1).toString();
    if (!lpConversationId.isEmpty() && lpConversationId != target.conversationId) {
        contractWarning(tr("lpEvent.conversationId differs from the path's conversation id"));
    }

    DemoBotAnswers::Options options;
    options.humanSkillName = m_config.humanSkillName;
    options.cardImageUrl = m_config.cardImageUrl;
    options.conversationId = target.conversationId;
    options.clickedExternalId = DemoBotAnswers::externalId(lpEvent.value("metadata"_L1).toArray());
    DemoBotAnswers::Answer reply;
    if (target.persona != Persona::Demo) {
        const std::optional<DemoBotAnswers::Answer> answer =
            personaAnswer(target, type, data, conversation->events == 0);
        if (!answer) {
            answerError(responder, 400, u"BadRequestError"_s, tr("Unsupported event type \"%1\".").arg(type));
            return;
        }
        reply = *answer;
    } else if (type == "TEXT"_L1) {
        const QJsonValue message = data.value("message"_L1);
        if (!message.isString()) {
            answerError(responder, 400, u"BadRequestError"_s, tr("A TEXT event needs \"data.message\" (a string)."));
            return;
        }
        reply = DemoBotAnswers::forText(message.toString(), options);
    } else if (type == "RICH_CONTENT"_L1) {
        reply = DemoBotAnswers::richContent(options);
    } else if (type == "hosted-file"_L1) {
        reply = DemoBotAnswers::hostedFile(data.value("fileType"_L1).toString(), options);
    } else if (type == "START"_L1) {
        reply = DemoBotAnswers::welcome(lpEvent.value("lastConsumerMessage"_L1).toString(), options);
    } else if (type == "CLOSE_CONVERSATION"_L1) {
        reply = DemoBotAnswers::survey(options);
    } else if (type == "CONVERSATION"_L1) {
        const QString name = data.value("name"_L1).toString();
        if (name == "STARTED"_L1) {
            reply = DemoBotAnswers::welcome(QString(), options);
        } else {
            reply.intents = {
                DemoBotAnswers::intent(u"conversation-"_s + name.toLower(), u"Conversation state change"_s, 1.0)};
        }
    } else {
        answerError(responder, 400, u"BadRequestError"_s, tr("Unsupported event type \"%1\".").arg(type));
        return;
    }

    ++m_counters.eventsByType[type];
    ++conversation->events;
    qint64 sequence = -1;
    if (const QJsonValue sequenceValue = lpEvent.value("sequence"_L1); sequenceValue.isDouble()) {
        sequence = static_cast<qint64>(sequenceValue.toDouble());
        conversation->lastSequence = std::max(conversation->lastSequence, sequence);
    }
    Q_EMIT eventReceived(target.conversationId, type, sequence);
    const bool tracked = sequence >= 0 && isContentEvent(type);
    if (tracked) {
        const auto seen = conversation->sequences.constFind(sequence);
        if (seen != conversation->sequences.constEnd()) {
            ++m_counters.eventsReceivedAgain;
            if (*seen) {
                ++m_counters.duplicateEvents;
                ++conversation->duplicates;
                qCDebug(lcSandbox) << "Custom Endpoint demo bot: duplicate event" << target.conversationId << sequence;
                Q_EMIT duplicateEventDetected(target.conversationId, sequence);
            }
        } else {
            conversation->sequences.insert(sequence, false);
        }
    }

    using Mode = DemoBotBehaviour::Mode;
    const Mode mode = m_behaviour.mode;
    const bool faulted = mode != Mode::Normal && mode != Mode::Offline && mode != Mode::BadCallbackToken &&
                         m_behaviour.takeFault(m_faultAccumulator);
    if (faulted) {
        ++m_counters.faultsInjected;
        if (mode != Mode::Slow) {
            injectFault(responder);
            return;
        }
        // Slow is the normal answer, later; a timer, never a blocking wait.
        auto held = std::make_shared<BotHttpResponder>(std::move(responder));
        QTimer::singleShot(
            m_behaviour.delayMs, this, [this, held, body = compact(eventAnswer(reply)), key, sequence, tracked] {
                if (!held->isPending()) {
                    return;
                }
                answer(*held, 200, body);
                if (tracked) {
                    markAnswered(key, sequence);
                }
            });
        return;
    }
    answer(responder, 200, compact(eventAnswer(reply)));
    if (tracked) {
        markAnswered(key, sequence);
    }
}

std::optional<DemoBotAnswers::Answer> CustomEndpointDemoBot::personaAnswer(const Route &target,
                                                                          const QString &type,
                                                                          const QJsonObject &data,
                                                                          bool firstEvent) const
{
    const bool started = type == "START"_L1 || (type == "CONVERSATION"_L1 && data.value("name"_L1) == "STARTED"_L1);
    const QString text = type == "TEXT"_L1 ? data.value("message"_L1).toString() : QString();
    const bool content = type == "TEXT"_L1 || type == "RICH_CONTENT"_L1 || type == "hosted-file"_L1;
    if (target.persona == Persona::Routing) {
        const RoutingBotAnswers::Options options{m_config.routingRules, target.conversationId};
        if (started) {
            return RoutingBotAnswers::welcome(options);
        }
        if (content) {
            return RoutingBotAnswers::forText(text, options, firstEvent);
        }
    } else {
        if (started) {
            return SurveyBotAnswers::start();
        }
        if (content) {
            return SurveyBotAnswers::forText(text);
        }
    }
    if (type == "CLOSE_CONVERSATION"_L1 || type == "CONVERSATION"_L1) {
        // Lifecycle news: nothing to say (an empty response is allowed for these events).
        DemoBotAnswers::Answer answer;
        answer.intents = {DemoBotAnswers::intent(u"conversation-"_s + (type == "CONVERSATION"_L1
                                                                          ? data.value("name"_L1).toString().toLower()
                                                                          : u"closed"_s),
                                                 u"Conversation state change"_s,
                                                 1.0)};
        return answer;
    }
    return std::nullopt;
}

void CustomEndpointDemoBot::markAnswered(const QString &key, qint64 sequence)
{
    if (key.isEmpty()) {
        return;
    }
    const auto conversation = m_conversations.find(key);
    if (conversation != m_conversations.end()) {
        conversation->sequences.insert(sequence, true);
    }
}

void CustomEndpointDemoBot::injectFault(BotHttpResponder &responder)
{
    using Mode = DemoBotBehaviour::Mode;
    switch (m_behaviour.mode) {
    case Mode::Fail5xx:
        answerError(responder,
                    m_behaviour.status,
                    m_behaviour.status == 503 ? u"ServiceUnavailableError"_s : u"InternalServerError"_s,
                    tr("Injected fault: the demo bot fails this call."));
        return;
    case Mode::Malformed:
        answer(responder, 200, QByteArrayLiteral("{\"response\":[{\"type\":\"TEXT\",\"data\":{\"message\":\"trunc"));
        return;
    case Mode::Timeout:
        // Never answered: kept until the client gives up and closes the connection.
        std::erase_if(m_held, [](const auto &held) { return !held->isPending(); });
        m_held.push_back(std::make_shared<BotHttpResponder>(std::move(responder)));
        return;
    case Mode::ContractViolation:
        answer(responder, 200, contractViolationBody(m_behaviour.violation, m_config.humanSkillName));
        return;
    case Mode::Oversize: {
        QByteArray body;
        body.reserve(m_behaviour.oversizeBytes + 160);
        body += R"({"response":[{"type":"TEXT","data":{"message":")";
        body += QByteArray(std::max<qint64>(0, m_behaviour.oversizeBytes - 150), 'x');
        body +=
            R"("}}],"analytics":{"intents":[{"id":"oversize","description":"Injected oversize answer","confidenceScore":1}]}})";
        answer(responder, 200, body);
        return;
    }
    case Mode::Normal:
    case Mode::Slow:
    case Mode::Offline:
    case Mode::BadCallbackToken:
        break;
    }
}

void CustomEndpointDemoBot::handleControl(const BotHttpRequest &request, BotHttpResponder &responder)
{
    using Method = BotHttpRequest::Method;
    const QString &path = request.path;
    if (path == "/control/behaviour"_L1 && request.method == Method::Get) {
        answer(responder, 200, compact(m_behaviour.toJson()));
    } else if (path == "/control/behaviour"_L1 && request.method == Method::Post) {
        const auto parsed = DemoBotBehaviour::fromJson(QJsonDocument::fromJson(request.body).object());
        if (!parsed) {
            answerError(responder, 400, u"BadRequestError"_s, parsed.error().message);
            return;
        }
        setBehaviour(parsed.value());
        answer(responder, 200, compact(m_behaviour.toJson()));
    } else if (path == "/control/stats"_L1 && request.method == Method::Get) {
        const QString conversationId = request.query.queryItemValue(u"conversationId"_s, QUrl::FullyDecoded);
        if (conversationId.isEmpty()) {
            answer(responder, 200, compact(stats()));
            return;
        }
        const QJsonObject conversation =
            conversationStats(conversationId, request.query.queryItemValue(u"environment"_s, QUrl::FullyDecoded));
        if (conversation.isEmpty()) {
            answerError(responder, 404, u"NotFoundError"_s, tr("Unknown conversation."), conversationId);
        } else {
            answer(responder, 200, compact(conversation));
        }
    } else if (path == "/control/state"_L1 && request.method == Method::Post) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString name = body.value("state"_L1).toString();
        const QString environment = body.value("environment"_L1).toString();
        std::optional<State> state;
        for (State candidate : {State::Online, State::Offline, State::Error, State::Maintenance}) {
            if (stateName(candidate) == name) {
                state = candidate;
            }
        }
        if (!state) {
            answerError(
                responder, 400, u"BadRequestError"_s, tr("\"state\" must be online, offline, error or maintenance."));
            return;
        }
        if (!environment.isEmpty() && !m_states.contains(environment)) {
            answerError(responder, 404, u"NotFoundError"_s, tr("Unknown environment."), environment);
            return;
        }
        setState(*state, environment);
        answer(responder, 200, compact(QJsonObject{{"environment"_L1, environment}, {"state"_L1, name}}));
    } else if (path == "/control/routes"_L1 && request.method == Method::Get) {
        answer(responder, 200, QJsonDocument(routesJson(m_config.routingRules)).toJson(QJsonDocument::Compact));
    } else if (path == "/control/routes"_L1 && request.method == Method::Post) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        QList<RoutingRule> rules;
        for (const QJsonValue &value : document.array()) {
            const QJsonObject route = value.toObject();
            const QString keyword = route.value("keyword"_L1).toString().toLower();
            const QString skillName = route.value("skillName"_L1).toString();
            if (keyword.isEmpty() || skillName.isEmpty()) {
                rules.clear();
                break;
            }
            rules.append(RoutingRule{keyword, skillName});
        }
        if (!document.isArray() || rules.isEmpty()) {
            answerError(responder,
                        400,
                        u"BadRequestError"_s,
                        tr("Send a non-empty array of {\"keyword\", \"skillName\"} routes."));
            return;
        }
        setRoutingRules(rules);
        answer(responder, 200, QJsonDocument(routesJson(m_config.routingRules)).toJson(QJsonDocument::Compact));
    } else if (path == "/control/forget-conversations"_L1 && request.method == Method::Post) {
        const qsizetype forgotten = m_conversations.size();
        forgetConversations();
        answer(responder, 200, compact(QJsonObject{{"forgotten"_L1, forgotten}}));
    } else if (path == "/control/reset-stats"_L1 && request.method == Method::Post) {
        resetStats();
        answer(responder, 204, QByteArray());
    } else {
        answerError(responder, 404, u"NotFoundError"_s, tr("Unknown control endpoint."), path);
    }
}

} // namespace Switchboard::Sandbox
