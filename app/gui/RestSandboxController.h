// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxController.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <functional>

namespace Switchboard
{

/**
 * The sandbox panel's controller over the sandbox's REST control API (docs/sandbox.md) and the
 * demo bot's control API. Asynchronous QNetworkAccessManager requests, trusting the sandbox CA;
 * results come back as the SandboxController signals on this object's thread.
 */
class RestSandboxController final : public SandboxController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestSandboxController)

public:
    /** @p sandbox is the sandbox's JSON line (controlUrl, caFile, skills, agents, bots). */
    explicit RestSandboxController(const QJsonObject &sandbox, QObject *parent = nullptr);
    ~RestSandboxController() override;

    void addConsumer(const QString &displayName) override;
    void sendConsumerMessage(const QString &conversationId, const QString &text) override;
    void closeConversation(const QString &conversationId) override;
    void injectFault(FaultKind kind, const QVariantMap &params) override;
    void setBotMode(BotMode mode, const QVariantMap &params) override;

    /** Starts generated traffic (POST /sandbox/load). */
    void startLoad(int consumers, int messagesPerConsumer, double ratePerSecond);

private:
    using Done = std::function<void(bool ok, const QJsonObject &body, const QString &error)>;
    void post(const QString &url, const QJsonObject &body, Done done);

    QJsonObject m_sandbox;
    QString m_controlUrl;
    QString m_botControlUrl;
    QString m_botSkillId;
    QString m_botLoginName;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_http;
};

} // namespace Switchboard
