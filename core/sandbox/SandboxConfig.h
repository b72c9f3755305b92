// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchboard::Sandbox
{

/** One skill of the emulated account. Ids are numeric strings, as on the UMS wire. */
struct SkillConfig
{
    QString id;
    QString name;
    /** Skill id of the survey bot that takes the POST_SURVEY dialog after the MAIN dialog closes. */
    QString surveySkillId;
};

/** One agent user of the emulated account (a bot user or a simulated human agent). */
struct AgentConfig
{
    QString loginName;
    QString password;
    /** OAuth2 client id/secret accepted in the login body's appKey/secret (application login). */
    QString appKey;
    QString secret;
    QString userId;
    QString userPid;
    QString nickname;
    QStringList skillIds;
    /** Driven by the sandbox itself: accepts rings after a delay and greets the consumer. */
    bool simulated = false;
};

/** A Conversational Cloud application (Sentinel client credentials). */
struct ApplicationConfig
{
    QString clientId;
    QString clientSecret;
};

/**
 * Everything that shapes one emulator instance: the account, its skills, agents and applications,
 * listening ports and timings. A plain value; defaults() makes the documented default account
 * with fresh random credentials, fromJson() overlays a --config file on top of it.
 */
struct SandboxConfig
{
    QString accountId = QStringLiteral("10000001");
    QList<SkillConfig> skills;
    QList<AgentConfig> agents;
    QList<ApplicationConfig> applications;

    quint16 port = 0;
    /** Also serve plain http/ws (port 0 = any free port) when true. */
    bool plain = false;
    quint16 plainPort = 0;
    /** Where the CA certificate is written; empty = a fresh temporary directory. */
    QString stateDir;
    /** JSON-lines log of every UMS frame in and out; empty = none. */
    QString frameLogPath;

    int ringExpirationMs = 72000;
    int humanAcceptDelayMs = 1500;
    QString humanGreeting = QStringLiteral("Hi, this is a human agent. How can I help you?");
    qint64 maxFrameBytes = 1024 * 1024;
    qint64 sessionTtlMs = 28800000;

    static SandboxConfig defaults();
    /**
     * Overlays a configuration document on @p base. Known keys: accountId, skills[{id,name,surveySkillId}],
     * agents[{loginName,password,appKey,secret,userId,userPid,nickname,skills,simulated}],
     * applications[{clientId,clientSecret}], ringExpirationMs, humanAcceptDelayMs, humanGreeting.
     * Missing credentials are generated. Fails with a message naming the offending key.
     */
    static Result<SandboxConfig> fromJson(const QJsonObject &object, const SandboxConfig &base);
    static Result<SandboxConfig> fromFile(const QString &path, const SandboxConfig &base);

    const SkillConfig *skill(const QString &id) const;
    const SkillConfig *skillByName(const QString &name) const;
};

/** Random url-safe text of @p bytes random bytes, for generated passwords, secrets and ids. */
QString randomToken(int bytes);
/** A random lower-case UUID without braces. */
QString randomUuid();

} // namespace Switchboard::Sandbox
