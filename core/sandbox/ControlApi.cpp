// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlApi.h"

#include "FaultInjector.h"
#include "HttpServer.h"
#include "LoadGenerator.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Switchboard::Sandbox
{

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox", text);
}

// Parses a JSON object body; an empty body counts as {} when @p emptyOk.
std::optional<QJsonObject> objectBody(const HttpRequest &r, HttpResponse *error, bool emptyOk = false)
{
    if (r.body.trimmed().isEmpty() && emptyOk) {
        return QJsonObject();
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = HttpResponse::controlError(
            400,
            tr("The body is not valid JSON: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = HttpResponse::controlError(400, tr("The body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

HttpResponse modelError(const Error &error)
{
    return HttpResponse::controlError(StateModel::httpStatus(error), error.message);
}

QString idString(const QJsonValue &value)
{
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return value.toString();
}
} // namespace

ControlApi::ControlApi(StateModel *model,
                       FaultInjector *faults,
                       LoadGenerator *load,
                       HttpServer *server,
                       StatsProvider stats,
                       InfoProvider info,
                       QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_faults(faults)
    , m_load(load)
    , m_stats(std::move(stats))
    , m_info(std::move(info))
{
    const QString none;
    server->addRoute("GET", QStringLiteral("/sandbox(?:/info)?/?"), none, [this](const HttpRequest &) {
        return HttpResponse::json(m_info());
    });

    server->addRoute("POST", QStringLiteral("/sandbox/consumers"), none, [this](const HttpRequest &r) {
        HttpResponse error;
        const auto body = objectBody(r, &error, true);
        if (!body) {
            return error;
        }
        const Consumer consumer = m_model->createConsumer(body->value(QStringLiteral("firstName")).toString(),
                                                          body->value(QStringLiteral("lastName")).toString());
        return HttpResponse::json(QJsonObject{{QStringLiteral("consumerId"), consumer.id}}, 201);
    });

    server->addRoute("POST", QStringLiteral("/sandbox/conversations"), none, [this](const HttpRequest &r) {
        HttpResponse error;
        const auto body = objectBody(r, &error);
        if (!body) {
            return error;
        }
        QString consumerId = body->value(QStringLiteral("consumerId")).toString();
        if (consumerId.isEmpty()) {
            consumerId = m_model->createConsumer().id;
        }
        QString skillId = idString(body->value(QStringLiteral("skillId")));
        if (skillId.isEmpty()) {
            return HttpResponse::controlError(400, tr("\"skillId\" is required (a skill id string such as \"1001\")."));
        }
        if (!m_model->config().skill(skillId)) {
            if (const SkillConfig *byName = m_model->config().skillByName(skillId)) {
                skillId = byName->id;
            }
        }
        const QString channel = body->value(QStringLiteral("channel")).toString(QStringLiteral("messaging"));
        if (channel != QLatin1String("messaging") && channel != QLatin1String("chat")) {
            return HttpResponse::controlError(400, tr("\"channel\" must be \"messaging\" or \"chat\"."));
        }
        const Result<QString> created = m_model->createConversation(
            consumerId, skillId, channel == QLatin1String("chat") ? Channel::Chat : Channel::Messaging);
        if (!created) {
            return modelError(created.error());
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("conversationId"), created.value()},
                                              {QStringLiteral("consumerId"), consumerId}},
                                  201);
    });

    server->addRoute("GET", QStringLiteral("/sandbox/conversations"), none, [this](const HttpRequest &r) {
        const QString state = r.query.queryItemValue(QStringLiteral("state"));
        const QString skillId = r.query.queryItemValue(QStringLiteral("skillId"));
        const QString channel = r.query.queryItemValue(QStringLiteral("channel"));
        const QString consumerId = r.query.queryItemValue(QStringLiteral("consumerId"));
        const bool withMessages = r.query.queryItemValue(QStringLiteral("messages")) == QLatin1String("true");
        QJsonArray list;
        for (const Conversation *c : m_model->conversations()) {
            if ((!state.isEmpty() && c->state != state) || (!skillId.isEmpty() && c->skillId != skillId) ||
                (!channel.isEmpty() && channelName(c->channel) != channel) ||
                (!consumerId.isEmpty() && c->consumerId != consumerId)) {
                continue;
            }
            list.append(conversationJson(*c, withMessages));
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("conversations"), list}});
    });

    server->addRoute("GET", QStringLiteral("/sandbox/conversations/([^/]+)"), none, [this](const HttpRequest &r) {
        const Conversation *c = m_model->conversation(r.args.value(0));
        if (!c) {
            return HttpResponse::controlError(404, tr("Unknown conversation \"%1\".").arg(r.args.value(0)));
        }
        return HttpResponse::json(conversationJson(*c, true));
    });

    server->addRoute(
        "POST", QStringLiteral("/sandbox/conversations/([^/]+)/messages"), none, [this](const HttpRequest &r) {
            HttpResponse error;
            const auto body = objectBody(r, &error);
            if (!body) {
                return error;
            }
            const QString id = r.args.value(0);
            QString text;
            QJsonArray metadata;
            if (body->contains(QStringLiteral("richContentClick"))) {
                // A card button click reaches the agent as an ordinary ContentEvent with the
                // publishText text, plus the button's metadata (reference §7).
                const QJsonObject click = body->value(QStringLiteral("richContentClick")).toObject();
                text = click.value(QStringLiteral("text")).toString();
                const QJsonValue m = click.value(QStringLiteral("metadata"));
                if (!m.isUndefined() && !m.isArray()) {
                    return HttpResponse::controlError(400, tr("\"richContentClick.metadata\" must be an array."));
                }
                metadata = m.toArray();
            } else {
                text = body->value(QStringLiteral("text")).toString();
                metadata = body->value(QStringLiteral("metadata")).toArray();
            }
            if (text.isEmpty()) {
                return HttpResponse::controlError(
                    400, tr("Send {\"text\": \"…\"} or {\"richContentClick\": {\"text\", \"metadata\"}}."));
            }
            const Result<Message> sent = m_model->consumerText(id, text, metadata);
            if (!sent) {
                return modelError(sent.error());
            }
            return HttpResponse::json(
                QJsonObject{{QStringLiteral("sequence"), sent->sequence}, {QStringLiteral("dialogId"), sent->dialogId}},
                201);
        });

    server->addRoute(
        "POST", QStringLiteral("/sandbox/conversations/([^/]+)/close"), none, [this](const HttpRequest &r) {
            HttpResponse error;
            const auto body = objectBody(r, &error, true);
            if (!body) {
                return error;
            }
            const QString by = body->value(QStringLiteral("closedBy")).toString(QStringLiteral("CONSUMER"));
            CloseReason reason = CloseReason::Consumer;
            if (by == QLatin1String("AGENT")) {
                reason = CloseReason::Agent;
            } else if (by == QLatin1String("SYSTEM")) {
                reason = CloseReason::System;
            } else if (by != QLatin1String("CONSUMER")) {
                return HttpResponse::controlError(400, tr("\"closedBy\" must be CONSUMER, AGENT or SYSTEM."));
            }
            const Result<QString> closed = m_model->closeConversation(r.args.value(0), reason);
            if (!closed) {
                return modelError(closed.error());
            }
            return HttpResponse::json(conversationJson(*m_model->conversation(r.args.value(0)), false));
        });

    server->addRoute("POST", QStringLiteral("/sandbox/load"), none, [this](const HttpRequest &r) {
        HttpResponse error;
        const auto body = objectBody(r, &error);
        if (!body) {
            return error;
        }
        static const QStringList known = {QStringLiteral("consumers"),
                                          QStringLiteral("messagesPerConsumer"),
                                          QStringLiteral("ratePerSecond"),
                                          QStringLiteral("skillId"),
                                          QStringLiteral("channel"),
                                          QStringLiteral("replyTimeoutMs"),
                                          QStringLiteral("closeWhenDone")};
        for (auto it = body->begin(); it != body->end(); ++it) {
            if (!known.contains(it.key())) {
                return HttpResponse::controlError(
                    400, tr("Unknown key \"%1\"; known: %2.").arg(it.key(), known.join(QStringLiteral(", "))));
            }
        }
        LoadPlan plan;
        plan.consumers = body->value(QStringLiteral("consumers")).toInt(plan.consumers);
        plan.messagesPerConsumer = body->value(QStringLiteral("messagesPerConsumer")).toInt(plan.messagesPerConsumer);
        plan.ratePerSecond = body->value(QStringLiteral("ratePerSecond")).toDouble(plan.ratePerSecond);
        plan.skillId = idString(body->value(QStringLiteral("skillId")));
        if (plan.skillId.isEmpty()) {
            plan.skillId = m_model->config().skills.value(0).id;
        }
        plan.channel = body->value(QStringLiteral("channel")).toString() == QLatin1String("chat") ? Channel::Chat
                                                                                                  : Channel::Messaging;
        plan.replyTimeoutMs = body->value(QStringLiteral("replyTimeoutMs")).toInt(plan.replyTimeoutMs);
        plan.closeWhenDone = body->value(QStringLiteral("closeWhenDone")).toBool(false);
        const Result<QJsonObject> started = m_load->start(plan);
        if (!started) {
            return HttpResponse::controlError(400, started.error().message);
        }
        return HttpResponse::json(started.value(), 202);
    });

    server->addRoute("DELETE", QStringLiteral("/sandbox/load"), none, [this](const HttpRequest &) {
        m_load->stop();
        return HttpResponse::json(m_load->status());
    });

    server->addRoute("GET", QStringLiteral("/sandbox/stats"), none, [this](const HttpRequest &) {
        return HttpResponse::json(m_stats());
    });

    server->addRoute("POST", QStringLiteral("/sandbox/faults"), none, [this](const HttpRequest &r) {
        HttpResponse error;
        const auto body = objectBody(r, &error);
        if (!body) {
            return error;
        }
        const Result<QJsonObject> applied = m_faults->apply(*body);
        if (!applied) {
            return HttpResponse::controlError(400, applied.error().message);
        }
        return HttpResponse::json(applied.value(), 201);
    });
    server->addRoute("GET", QStringLiteral("/sandbox/faults"), none, [this](const HttpRequest &) {
        return HttpResponse::json(
            QJsonObject{{QStringLiteral("faults"), m_faults->active()},
                        {QStringLiteral("knownKinds"), QJsonArray::fromStringList(FaultInjector::knownKinds())}});
    });
    server->addRoute("DELETE", QStringLiteral("/sandbox/faults"), none, [this](const HttpRequest &) {
        m_faults->clear();
        return HttpResponse::json(QJsonObject{{QStringLiteral("faults"), QJsonArray()}});
    });
}

QJsonObject ControlApi::conversationJson(const Conversation &c, bool withMessages) const
{
    const auto participantJson = [this](const Participant &p) {
        QJsonObject o{{QStringLiteral("id"), p.agent ? m_model->oldId(p.id) : p.id}, {QStringLiteral("role"), p.role}};
        if (p.agent) {
            const AgentUser *agent = m_model->agent(p.id);
            o.insert(QStringLiteral("userId"), p.id);
            o.insert(QStringLiteral("loginName"), agent ? agent->loginName : QString());
            o.insert(QStringLiteral("simulated"), agent && agent->simulated);
        }
        if (p.state != QLatin1String("ACTIVE")) {
            o.insert(QStringLiteral("state"), p.state);
        }
        return o;
    };
    QJsonArray participants;
    for (const Participant &p : c.participants) {
        participants.append(participantJson(p));
    }
    QJsonArray dialogs;
    for (const Dialog &d : c.dialogs) {
        QJsonArray members;
        for (const Participant &p : d.participants) {
            members.append(participantJson(p));
        }
        QJsonObject dialog{{QStringLiteral("dialogId"), d.id},
                           {QStringLiteral("dialogType"), d.type},
                           {QStringLiteral("state"), d.state},
                           {QStringLiteral("participants"), members}};
        if (!d.closedBy.isEmpty()) {
            dialog.insert(QStringLiteral("closedBy"), d.closedBy);
        }
        dialogs.append(dialog);
    }
    QJsonObject o{{QStringLiteral("conversationId"), c.id},
                  {QStringLiteral("consumerId"), c.consumerId},
                  {QStringLiteral("state"), c.state},
                  {QStringLiteral("skillId"), c.skillId},
                  {QStringLiteral("channel"), channelName(c.channel)},
                  {QStringLiteral("startTs"), c.startTs},
                  {QStringLiteral("transfers"), c.transfers},
                  {QStringLiteral("ttr"),
                   QJsonObject{{QStringLiteral("ttrType"), c.ttrType}, {QStringLiteral("value"), c.ttrValue}}},
                  {QStringLiteral("participants"), participants},
                  {QStringLiteral("dialogs"), dialogs}};
    if (!c.fieldUpdates.isEmpty()) {
        o.insert(QStringLiteral("fieldUpdates"), c.fieldUpdates);
    }
    if (!c.isOpen()) {
        o.insert(QStringLiteral("closeReason"), c.closeReason);
        o.insert(QStringLiteral("endTs"), c.endTs);
    }
    if (withMessages) {
        QJsonArray messages;
        for (const Message &m : c.messages) {
            QJsonObject message{
                {QStringLiteral("sequence"), m.sequence},
                {QStringLiteral("dialogId"), m.dialogId},
                {QStringLiteral("role"), m.role},
                {QStringLiteral("originatorId"), m.fromAgent ? m_model->oldId(m.originatorId) : m.originatorId},
                {QStringLiteral("type"), m.event.value(QStringLiteral("type"))},
                {QStringLiteral("audience"), m.audience},
                {QStringLiteral("time"), m.serverTimestamp}};
            const QJsonValue text = m.event.value(QStringLiteral("message"));
            if (text.isString()) {
                message.insert(QStringLiteral("text"), text);
            }
            for (const char *key : {"content", "quickReplies", "status", "sequenceList", "contentType"}) {
                const QJsonValue v = m.event.value(QLatin1String(key));
                if (!v.isUndefined()) {
                    message.insert(QLatin1String(key), v);
                }
            }
            if (!m.metadata.isEmpty()) {
                message.insert(QStringLiteral("metadata"), m.metadata);
            }
            if (!m.encodedMetadata.isEmpty()) {
                message.insert(QStringLiteral("encodedMetadata"), m.encodedMetadata);
            }
            messages.append(message);
        }
        o.insert(QStringLiteral("messages"), messages);
    }
    return o;
}

} // namespace Switchboard::Sandbox
