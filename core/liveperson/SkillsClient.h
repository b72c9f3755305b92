// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"
#include "liveperson/ChannelTypes.h"

#include <QObject>
#include <functional>

namespace Switchboard::LivePerson
{

class LivePersonHttp;

/**
 * Parses the account-configuration skills list: a JSON array of objects, each with an integer
 * (or numeric string) `id` and a string `name`. Entries marked `"deleted": true` are left out.
 */
Result<QList<Skill>> parseSkillsResponse(const QByteArray &body);

/**
 * Reads the account's skills:
 * `GET https://{accountConfigReadOnly}/api/account/{acct}/configuration/le-users/skills?v=2.0`
 * with `Authorization: Bearer`. Single calls, no retry; a QObject on its creator's thread that
 * uses (does not own) the LivePersonHttp.
 */
class SkillsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkillsClient)

public:
    using Callback = std::function<void(const ApiResult<QList<Skill>> &)>;

    explicit SkillsClient(LivePersonHttp *http, QObject *parent = nullptr);
    ~SkillsClient() override;

    void fetch(const QString &accountConfigHost,
               const QString &accountId,
               const QString &bearer,
               QObject *context,
               Callback callback);

private:
    LivePersonHttp *m_http;
};

} // namespace Switchboard::LivePerson
