// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/bots/DemoBotBehaviour.h"
#include "sandbox/bots/RoutingBotAnswers.h"
#include "util/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Switchboard::Sandbox
{

class AppJwtVerifier;
class BotHttpResponder;
class BotHttpServer;
struct BotHttpRequest;

/**
 * A third-party bot that serves LivePerson's Custom Endpoint v1 contract (custom-endpoint-v1.md), written
 * without any connector code so that the connector is tested against the contract, not against itself.
 *
 * Endpoints under baseUrl() (+ Config::basePath):
 * - `GET /v1/bots/{botId}/environments` → `["draft", …]`
 * - `GET /v1/bots/{botId}/environments/{env}/state` → `{"state","version"}`
 * - `PUT …/conversations/{convId}` stores SDES and context → 204 (409 on a repeat if configured)
 * - `POST …/conversations/{convId}/events` → 200 `{"response":[…],"analytics":{"intents":[…]}}`; 404 for a
 *   conversation never PUT (or forgotten), so the connector's "404 → re-create once" path can be tested.
 * Every request needs a valid App JWT (AppJwtVerifier); errors are `{"name","message"[,"errorData"]}` like
 * the reference service. Answers: DemoBotAnswers.
 *
 * Three bots share the server, told apart by the `{botId}` of the path (describe() names them):
 * Config::botId is the demo bot above; Config::routingBotId is the routing ("controller") bot
 * (RoutingBotAnswers: greets, transfers by skill name); Config::surveyBotId is the post-conversation survey
 * bot (SurveyBotAnswers: asks for a rating on the survey start, closes the survey on an answer).
 *
 * The control API (no auth; loopback sandbox only) sits at the root, outside basePath:
 * `GET|POST /control/behaviour` (DemoBotBehaviour JSON), `GET /control/stats[?conversationId=…]`,
 * `POST /control/state {"environment","state"}`, `GET|POST /control/routes` (the routing bot's
 * `[{"keyword","skillName"}]`), `POST /control/forget-conversations`,
 * `POST /control/reset-stats`.
 *
 * Faults (DemoBotBehaviour) apply to bot calls (E4, `POST …/events`) only; `offline` turns E2's state to
 * "offline". Duplicate detection: a content event (TEXT, RICH_CONTENT, hosted-file) whose
 * (conversationId, lpEvent.sequence) the bot already answered with a well-formed 200 counts as a duplicate;
 * a re-delivery after a faulted or unanswered call does not (it counts in "eventsReceivedAgain").
 *
 * Lives in the thread that created it (it may be moved to a worker thread before listen()); its methods
 * are not thread-safe, so call them from that thread (QMetaObject::invokeMethod from elsewhere).
 */
class CustomEndpointDemoBot final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomEndpointDemoBot)

public:
    enum class State
    {
        Online,
        Offline,
        Error,
        Maintenance
    };

    struct Config
    {
        /** The account (site) id the App JWT's `aud` must name; empty = not checked. */
        QString accountId;
        QString botId = QStringLiteral("switchboard-demo-bot");
        QStringList environments{QStringLiteral("draft")};
        QString humanSkillName = QStringLiteral("human");
        /** The routing bot's id; empty = no routing bot. */
        QString routingBotId = QStringLiteral("switchboard-routing-bot");
        /** The routing bot's routes; empty = RoutingBotAnswers::defaultRules(humanSkillName). */
        QList<RoutingRule> routingRules;
        /** The survey bot's id; empty = no survey bot. */
        QString surveyBotId = QStringLiteral("switchboard-survey-bot");
        /** Optional path prefix of the base URL, e.g. "/api" (no trailing slash). */
        QString basePath;
        QString version = QStringLiteral("1.0.0");
        /** Sentinel's JWKS, e.g. https://127.0.0.1:P/sentinel/well-known/jwks. */
        QUrl jwksUrl;
        /** Alternatively (or additionally) a static PEM public key (Sentinel v1). */
        QByteArray staticPublicKeyPem;
        /** CAs trusted for the JWKS fetch (the sandbox CA). */
        QList<QSslCertificate> trustedCas;
        /** Serve https with this configuration; plain http when empty. */
        std::optional<QSslConfiguration> serverTls;
        QString cardImageUrl = QStringLiteral("https://example.com/switchboard/demo-card.png");
        /** Answer 409 to a repeated PUT (the spec's semantics) instead of 204 (the reference service's). */
        bool conflictOnRepeatedPut = false;
        /** Seconds since the epoch; the system clock when empty (tests inject time here). */
        std::function<qint64()> clock;
    };

    explicit CustomEndpointDemoBot(Config config, QObject *parent = nullptr);
    ~CustomEndpointDemoBot() override;

    /** Starts serving; returns the bound port. Fails with a reason (port in use, no key source). */
    Result<quint16> listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    /** The base URL to configure in the connector: http(s)://127.0.0.1:P[basePath]. */
    QUrl baseUrl() const;
    /** The root of the control API: http(s)://127.0.0.1:P/control. */
    QUrl controlUrl() const;
    const Config &config() const;

    void setState(State state, const QString &environment = QString());
    State state(const QString &environment = QString()) const;
    static QString stateName(State state);

    /** Replaces the routing bot's routes (e.g. a route to a skill name the account does not have). */
    void setRoutingRules(const QList<RoutingRule> &rules);
    QList<RoutingRule> routingRules() const;

    void setBehaviour(const DemoBotBehaviour &behaviour);
    DemoBotBehaviour behaviour() const;

    /** Drops every stored conversation, as a restarted bot would (the next event answers 404). */
    void forgetConversations();

    QJsonObject stats() const;
    QJsonObject conversationStats(const QString &conversationId, const QString &environment = QString()) const;
    void resetStats();
    quint64 duplicateEvents() const;

    /** The entry for the sandbox's JSON line: {"baseUrl","botId","routingBotId","surveyBotId","environment",
     *  "controlUrl"}. */
    QJsonObject describe() const;

Q_SIGNALS:
    void conversationCreated(const QString &conversationId);
    void eventReceived(const QString &conversationId, const QString &type, qint64 sequence);
    void duplicateEventDetected(const QString &conversationId, qint64 sequence);

private:
    struct Conversation
    {
        QJsonObject sdes;
        QJsonObject context;
        /** Content-event sequences received; true once answered with a well-formed 200. */
        QHash<qint64, bool> sequences;
        qint64 lastSequence = -1;
        quint64 events = 0;
        quint64 duplicates = 0;
    };

    enum class Persona
    {
        Demo,
        Routing,
        Survey
    };

    enum class Endpoint
    {
        Environments,
        State,
        PutConversation,
        PostEvent,
        Control,
        Other
    };

    struct Route
    {
        Endpoint endpoint = Endpoint::Other;
        QString botId;
        Persona persona = Persona::Demo;
        QString environment;
        QString conversationId;
    };

    struct Counters
    {
        quint64 requests[6] = {};
        quint64 eventsReceivedAgain = 0;
        quint64 status2xx = 0;
        quint64 status4xx = 0;
        quint64 status5xx = 0;
        quint64 faultsInjected = 0;
        quint64 duplicateEvents = 0;
        quint64 contractWarnings = 0;
        QString lastContractWarning;
        QHash<QString, quint64> eventsByType;
    };

    void handleRequest(const BotHttpRequest &request, BotHttpResponder &&responder);
    Route route(const BotHttpRequest &request) const;
    void handleControl(const BotHttpRequest &request, BotHttpResponder &responder);
    void handleAuthorized(const Route &route, const BotHttpRequest &request, BotHttpResponder &responder);
    void handleEvent(const Route &route, const BotHttpRequest &request, BotHttpResponder &responder);
    std::optional<DemoBotAnswers::Answer> personaAnswer(const Route &route,
                                                        const QString &type,
                                                        const QJsonObject &data,
                                                        bool firstEvent) const;
    void handlePut(const Route &route, const BotHttpRequest &request, BotHttpResponder &responder);
    void injectFault(BotHttpResponder &responder);
    void answer(BotHttpResponder &responder, int status, const QByteArray &body);
    void answerError(BotHttpResponder &responder,
                     int status,
                     const QString &name,
                     const QString &message,
                     const QString &errorData = QString());
    void markAnswered(const QString &conversationKey, qint64 sequence);
    void contractWarning(const QString &warning);
    QString conversationKey(const QString &environment, const QString &conversationId) const;
    QString conversationKey(const Route &route) const;

    Config m_config;
    std::unique_ptr<BotHttpServer> m_server;
    AppJwtVerifier *m_verifier = nullptr;
    QString m_prefix;
    QHash<QString, State> m_states;
    DemoBotBehaviour m_behaviour;
    double m_faultAccumulator = 0;
    QHash<QString, Conversation> m_conversations;
    Counters m_counters;
    std::vector<std::shared_ptr<BotHttpResponder>> m_held;
};

} // namespace Switchboard::Sandbox
