// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>

namespace Switchboard::Sandbox
{

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace
{
AgentConfig makeAgent(
    const QString &login, const QString &userId, const QStringList &skills, bool simulated, const QString &nickname)
{
    AgentConfig agent;
    agent.loginName = login;
    agent.password = randomToken(12);
    agent.appKey = randomToken(12);
    agent.secret = randomToken(18);
    agent.userId = userId;
    agent.userPid = randomUuid();
    agent.skillIds = skills;
    agent.simulated = simulated;
    agent.nickname = nickname;
    return agent;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox", text);
}

Error configError(const QString &message)
{
    return Error{QStringLiteral("sandbox.config"), message};
}

// Ids may be given as JSON numbers or strings; the wire always uses strings.
QString idString(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return {};
}
} // namespace

SandboxConfig SandboxConfig::defaults()
{
    SandboxConfig config;
    config.skills = {
        {QStringLiteral("1001"), QStringLiteral("bot"), QStringLiteral("1004")},
        {QStringLiteral("1002"), QStringLiteral("human"), {}},
        {QStringLiteral("1003"), QStringLiteral("chat-bot"), {}},
        {QStringLiteral("1004"), QStringLiteral("survey"), {}},
    };
    config.agents = {
        makeAgent(QStringLiteral("switchboard-bot"),
                  QStringLiteral("2000001"),
                  {QStringLiteral("1001")},
                  false,
                  QStringLiteral("Switchboard Bot")),
        makeAgent(QStringLiteral("switchboard-chat-bot"),
                  QStringLiteral("2000002"),
                  {QStringLiteral("1003")},
                  false,
                  QStringLiteral("Switchboard Chat Bot")),
        makeAgent(QStringLiteral("switchboard-survey-bot"),
                  QStringLiteral("2000003"),
                  {QStringLiteral("1004")},
                  false,
                  QStringLiteral("Survey Bot")),
        makeAgent(QStringLiteral("human-agent-1"),
                  QStringLiteral("3000001"),
                  {QStringLiteral("1002")},
                  true,
                  QStringLiteral("Alex (human)")),
        makeAgent(QStringLiteral("human-agent-2"),
                  QStringLiteral("3000002"),
                  {QStringLiteral("1002")},
                  true,
                  QStringLiteral("Sam (human)")),
    };
    config.applications = {{QStringLiteral("switchboard-app-") + randomToken(6), randomToken(24)}};
    return config;
}

Result<SandboxConfig> SandboxConfig::fromJson(const QJsonObject &object, const SandboxConfig &base)
{
    SandboxConfig config = base;
    static const QStringList known = {QStringLiteral("accountId"),
                                      QStringLiteral("skills"),
                                      QStringLiteral("agents"),
                                      QStringLiteral("applications"),
                                      QStringLiteral("ringExpirationMs"),
                                      QStringLiteral("humanAcceptDelayMs"),
                                      QStringLiteral("humanGreeting")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return configError(tr("Unknown configuration key \"%1\"; known keys: %2.")
                                   .arg(it.key(), known.join(QStringLiteral(", "))));
        }
    }
    if (object.contains(QStringLiteral("accountId"))) {
        config.accountId = idString(object.value(QStringLiteral("accountId")));
        if (config.accountId.isEmpty()) {
            return configError(tr("\"accountId\" must be a non-empty string."));
        }
    }
    if (object.contains(QStringLiteral("skills"))) {
        const QJsonValue value = object.value(QStringLiteral("skills"));
        if (!value.isArray() || value.toArray().isEmpty()) {
            return configError(tr("\"skills\" must be a non-empty array of {id, name}."));
        }
        config.skills.clear();
        for (const QJsonValue &entry : value.toArray()) {
            const QJsonObject o = entry.toObject();
            SkillConfig skill{idString(o.value(QStringLiteral("id"))),
                              o.value(QStringLiteral("name")).toString(),
                              idString(o.value(QStringLiteral("surveySkillId")))};
            bool numeric = false;
            skill.id.toLongLong(&numeric);
            if (!numeric || skill.name.isEmpty()) {
                return configError(tr("Every skill needs a numeric \"id\" and a \"name\" (got %1).")
                                       .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))));
            }
            config.skills.append(skill);
        }
    }
    if (object.contains(QStringLiteral("agents"))) {
        const QJsonValue value = object.value(QStringLiteral("agents"));
        if (!value.isArray()) {
            return configError(tr("\"agents\" must be an array."));
        }
        config.agents.clear();
        int index = 0;
        for (const QJsonValue &entry : value.toArray()) {
            const QJsonObject o = entry.toObject();
            const QString login = o.value(QStringLiteral("loginName")).toString();
            if (login.isEmpty()) {
                return configError(tr("Agent %1 has no \"loginName\".").arg(index));
            }
            QStringList skills;
            for (const QJsonValue &s : o.value(QStringLiteral("skills")).toArray()) {
                skills.append(idString(s));
            }
            AgentConfig agent = makeAgent(login,
                                          idString(o.value(QStringLiteral("userId"))),
                                          skills,
                                          o.value(QStringLiteral("simulated")).toBool(),
                                          o.value(QStringLiteral("nickname")).toString(login));
            if (agent.userId.isEmpty()) {
                agent.userId = QString::number(2000001 + index);
            }
            const auto take = [&o](const char *key, QString &target) {
                const QString v = o.value(QLatin1String(key)).toString();
                if (!v.isEmpty()) {
                    target = v;
                }
            };
            take("password", agent.password);
            take("appKey", agent.appKey);
            take("secret", agent.secret);
            take("userPid", agent.userPid);
            config.agents.append(agent);
            ++index;
        }
    }
    if (object.contains(QStringLiteral("applications"))) {
        config.applications.clear();
        for (const QJsonValue &entry : object.value(QStringLiteral("applications")).toArray()) {
            const QJsonObject o = entry.toObject();
            ApplicationConfig app{o.value(QStringLiteral("clientId")).toString(),
                                  o.value(QStringLiteral("clientSecret")).toString()};
            if (app.clientId.isEmpty()) {
                return configError(tr("Every application needs a \"clientId\"."));
            }
            if (app.clientSecret.isEmpty()) {
                app.clientSecret = randomToken(24);
            }
            config.applications.append(app);
        }
    }
    if (object.contains(QStringLiteral("ringExpirationMs"))) {
        config.ringExpirationMs = object.value(QStringLiteral("ringExpirationMs")).toInt(-1);
        if (config.ringExpirationMs <= 0) {
            return configError(tr("\"ringExpirationMs\" must be a positive integer."));
        }
    }
    if (object.contains(QStringLiteral("humanAcceptDelayMs"))) {
        config.humanAcceptDelayMs = object.value(QStringLiteral("humanAcceptDelayMs")).toInt(-1);
        if (config.humanAcceptDelayMs < 0) {
            return configError(tr("\"humanAcceptDelayMs\" must be a non-negative integer."));
        }
    }
    if (object.contains(QStringLiteral("humanGreeting"))) {
        config.humanGreeting = object.value(QStringLiteral("humanGreeting")).toString();
    }
    // Every agent skill and survey skill must exist.
    for (const AgentConfig &agent : std::as_const(config.agents)) {
        for (const QString &skillId : agent.skillIds) {
            if (!config.skill(skillId)) {
                return configError(tr("Agent \"%1\" names unknown skill \"%2\".").arg(agent.loginName, skillId));
            }
        }
    }
    for (const SkillConfig &skill : std::as_const(config.skills)) {
        if (!skill.surveySkillId.isEmpty() && !config.skill(skill.surveySkillId)) {
            return configError(
                tr("Skill \"%1\" names unknown survey skill \"%2\".").arg(skill.name, skill.surveySkillId));
        }
    }
    return config;
}

Result<SandboxConfig> SandboxConfig::fromFile(const QString &path, const SandboxConfig &base)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return configError(tr("Cannot read the configuration file \"%1\": %2").arg(path, file.errorString()));
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return configError(tr("The configuration file \"%1\" is not a JSON object: %2 at offset %3.")
                               .arg(path, error.errorString())
                               .arg(error.offset));
    }
    return fromJson(document.object(), base);
}

const SkillConfig *SandboxConfig::skill(const QString &id) const
{
    const auto it = std::find_if(skills.begin(), skills.end(), [&id](const SkillConfig &s) { return s.id == id; });
    return it == skills.end() ? nullptr : &*it;
}

const SkillConfig *SandboxConfig::skillByName(const QString &name) const
{
    const auto it =
        std::find_if(skills.begin(), skills.end(), [&name](const SkillConfig &s) { return s.name == name; });
    return it == skills.end() ? nullptr : &*it;
}

} // namespace Switchboard::Sandbox
