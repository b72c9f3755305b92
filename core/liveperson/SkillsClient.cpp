// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SkillsClient.h"

#include "LivePersonHttp.h"
#include "LivePersonLogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

Result<QList<Skill>> parseSkillsResponse(const QByteArray &body)
{
    auto failure = [](const QString &reason) {
        return Result<QList<Skill>>::failure(u"liveperson.protocol"_s, reason);
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        return failure(u"the skills answer is not a JSON array"_s);
    }
    QList<Skill> skills;
    const QJsonArray items = document.array();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = u'[' + QString::number(i) + u']';
        if (!items.at(i).isObject()) {
            return failure(path + u": expected an object"_s);
        }
        const QJsonObject item = items.at(i).toObject();
        if (item.value(u"deleted"_s).toBool(false)) {
            continue;
        }
        Skill skill;
        const QJsonValue id = item.value(u"id"_s);
        if (id.isDouble()) {
            const double d = id.toDouble();
            if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9007199254740992.0) {
                return failure(path + u".id: expected an integer"_s);
            }
            skill.id = QString::number(static_cast<qint64>(d));
        } else if (id.isString() && !id.toString().isEmpty()) {
            bool ok = false;
            id.toString().toLongLong(&ok);
            if (!ok) {
                return failure(path + u".id: expected a numeric id"_s);
            }
            skill.id = id.toString();
        } else {
            return failure(path + u".id: missing"_s);
        }
        const QJsonValue name = item.value(u"name"_s);
        if (!name.isString()) {
            return failure(path + u".name: missing string"_s);
        }
        skill.name = name.toString();
        skills.append(skill);
    }
    return skills;
}

SkillsClient::SkillsClient(LivePersonHttp *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

SkillsClient::~SkillsClient() = default;

void SkillsClient::fetch(const QString &accountConfigHost,
                         const QString &accountId,
                         const QString &bearer,
                         QObject *context,
                         Callback callback)
{
    const auto validHost = validateHost(accountConfigHost);
    if (!validHost) {
        ApiError error;
        error.kind = ApiErrorKind::Config;
        error.message = validHost.error().message;
        QMetaObject::invokeMethod(
            context, [callback = std::move(callback), error] { callback(error); }, Qt::QueuedConnection);
        return;
    }
    const QUrl url = serviceUrl(u"https"_s,
                                accountConfigHost,
                                u"/api/account/"_s + accountId + u"/configuration/le-users/skills"_s,
                                u"v=2.0"_s);
    QPointer<QObject> guard(context);
    m_http->get(url,
                {{QByteArray("Authorization"), QByteArray("Bearer ") + bearer.toUtf8()}},
                this,
                [guard, callback = std::move(callback)](const HttpResponse &response) {
                    if (!guard) {
                        return;
                    }
                    if (!response.isSuccess()) {
                        const ApiError error = errorFromResponse(response, tr("Skills lookup"));
                        qCWarning(lcLivePerson)
                            << "Skills lookup failed:" << ApiError::kindName(error.kind) << error.status;
                        callback(error);
                        return;
                    }
                    const auto skills = parseSkillsResponse(response.body);
                    if (!skills) {
                        ApiError error;
                        error.kind = ApiErrorKind::Protocol;
                        error.status = response.status;
                        error.message = tr("The skills answer is malformed: %1.").arg(skills.error().message);
                        callback(error);
                        return;
                    }
                    qCDebug(lcLivePerson) << "Skills lookup gave" << skills->size() << "skills";
                    callback(*skills);
                });
}

} // namespace Switchboard::LivePerson
