// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestSandboxController.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslCertificate>

namespace Switchboard
{

RestSandboxController::RestSandboxController(const QJsonObject &sandbox, QObject *parent)
    : SandboxController(parent)
    , m_sandbox(sandbox)
    , m_controlUrl(sandbox.value(QStringLiteral("controlUrl")).toString())
    , m_botControlUrl(sandbox.value(QStringLiteral("bots"))
                          .toObject()
                          .value(QStringLiteral("customEndpoint"))
                          .toObject()
                          .value(QStringLiteral("controlUrl"))
                          .toString())
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    const QJsonObject agent = sandbox.value(QStringLiteral("agents")).toArray().first().toObject();
    m_botSkillId = agent.value(QStringLiteral("skills")).toArray().first().toString();
    m_botLoginName = agent.value(QStringLiteral("loginName")).toString();
    m_ssl.addCaCertificates(QSslCertificate::fromPath(sandbox.value(QStringLiteral("caFile")).toString()));
}

RestSandboxController::~RestSandboxController() = default;

void RestSandboxController::post(const QString &url, const QJsonObject &body, Done done)
{
    QNetworkRequest request{QUrl(url)};
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_http.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        const QJsonObject answer = QJsonDocument::fromJson(data).object();
        if (reply->error() != QNetworkReply::NoError) {
            const QString reason = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
            done(false, answer, reason.isEmpty() ? reply->errorString() : reason);
            return;
        }
        done(true, answer, QString());
    });
}

void RestSandboxController::addConsumer(const QString &displayName)
{
    post(m_controlUrl + QStringLiteral("/sandbox/consumers"), {{QStringLiteral("firstName"), displayName}},
         [this, displayName](bool ok, const QJsonObject &body, const QString &error) {
             if (!ok) {
                 Q_EMIT consumerAdded(false, QString(), displayName, error);
                 return;
             }
             const QString consumerId = body.value(QStringLiteral("consumerId")).toString();
             post(m_controlUrl + QStringLiteral("/sandbox/conversations"),
                  {{QStringLiteral("consumerId"), consumerId},
                   {QStringLiteral("skillId"), m_botSkillId},
                   {QStringLiteral("channel"), QStringLiteral("messaging")}},
                  [this, displayName](bool ok, const QJsonObject &body, const QString &error) {
                      Q_EMIT consumerAdded(ok, body.value(QStringLiteral("conversationId")).toString(), displayName,
                                           error);
                  });
         });
}

void RestSandboxController::sendConsumerMessage(const QString &conversationId, const QString &text)
{
    post(m_controlUrl + QStringLiteral("/sandbox/conversations/%1/messages").arg(conversationId),
         {{QStringLiteral("text"), text}}, [this, conversationId](bool ok, const QJsonObject &, const QString &error) {
             Q_EMIT consumerMessageSent(conversationId, ok, error);
         });
}

void RestSandboxController::closeConversation(const QString &conversationId)
{
    post(m_controlUrl + QStringLiteral("/sandbox/conversations/%1/close").arg(conversationId), {},
         [this, conversationId](bool ok, const QJsonObject &, const QString &error) {
             Q_EMIT conversationClosed(conversationId, ok, error);
         });
}

void RestSandboxController::injectFault(FaultKind kind, const QVariantMap &params)
{
    QJsonObject fault = QJsonObject::fromVariantMap(params);
    switch (kind) {
    case FaultKind::DropSockets:
        fault.insert(QStringLiteral("kind"), QStringLiteral("drop-sockets"));
        break;
    case FaultKind::CloseSockets:
        fault.insert(QStringLiteral("kind"), QStringLiteral("close"));
        if (!fault.contains(QStringLiteral("code"))) {
            fault.insert(QStringLiteral("code"), 4401);
        }
        break;
    case FaultKind::RevokeTokens:
        fault.insert(QStringLiteral("kind"), QStringLiteral("revoke-tokens"));
        break;
    case FaultKind::KickSession:
        fault.insert(QStringLiteral("kind"), QStringLiteral("kick-session"));
        if (!fault.contains(QStringLiteral("loginName"))) {
            fault.insert(QStringLiteral("loginName"), m_botLoginName);
        }
        break;
    case FaultKind::ExpireRings:
        fault.insert(QStringLiteral("kind"), QStringLiteral("expire-rings"));
        break;
    case FaultKind::HttpFault:
        fault.insert(QStringLiteral("kind"), QStringLiteral("http"));
        break;
    }
    post(m_controlUrl + QStringLiteral("/sandbox/faults"), fault,
         [this, kind](bool ok, const QJsonObject &, const QString &error) { Q_EMIT faultInjected(kind, ok, error); });
}

void RestSandboxController::setBotMode(BotMode mode, const QVariantMap &params)
{
    QJsonObject behaviour = QJsonObject::fromVariantMap(params);
    switch (mode) {
    case BotMode::Normal:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("normal"));
        break;
    case BotMode::Slow:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("slow"));
        break;
    case BotMode::Failing:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("fail5xx"));
        break;
    case BotMode::Malformed:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("malformed"));
        break;
    case BotMode::Timeout:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("timeout"));
        break;
    case BotMode::Offline:
        behaviour.insert(QStringLiteral("mode"), QStringLiteral("offline"));
        break;
    }
    post(m_botControlUrl + QStringLiteral("/behaviour"), behaviour,
         [this, mode](bool ok, const QJsonObject &, const QString &error) { Q_EMIT botModeChanged(mode, ok, error); });
}

void RestSandboxController::startLoad(int consumers, int messagesPerConsumer, double ratePerSecond)
{
    post(m_controlUrl + QStringLiteral("/sandbox/load"),
         {{QStringLiteral("consumers"), consumers},
          {QStringLiteral("messagesPerConsumer"), messagesPerConsumer},
          {QStringLiteral("ratePerSecond"), ratePerSecond},
          {QStringLiteral("skillId"), m_botSkillId}},
         [](bool ok, const QJsonObject &, const QString &error) {
             if (!ok) {
                 qWarning("sandbox load could not start: %s", qPrintable(error));
             }
         });
}

} // namespace Switchboard
