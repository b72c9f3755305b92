// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "HttpClient.h"
#include "RetryPolicy.h"

#include <QPointer>
#include <functional>
#include <memory>

namespace Switchboard::Bot
{

/**
 * One logical request to a bot with the integration's retries: each attempt goes out through
 * HttpClient, every attempt but the last is reported as a HopRecord at once, the pauses between
 * attempts are timers on the context's thread. The final answer comes with its (not yet
 * reported) HopRecord, so the caller can mark a reply it could not parse as InvalidReply before
 * reporting it. Internal to core/bot.
 *
 * Lifetime: held by a shared pointer (the caller's and the pending callback's); nothing fires
 * after cancel() or after the context object is destroyed.
 */
class RetryingRequest final : public std::enable_shared_from_this<RetryingRequest>
{
public:
    struct Params
    {
        HttpClient *http = nullptr;
        QObject *context = nullptr;
        RetryPolicy policy;
        /** Fields copied into every hop (delivery id, conversation id, operation). */
        HopRecord hopTemplate;
        /** Builds the request of each attempt (the bearer token may have changed). */
        std::function<HttpRequest()> makeRequest;
        /** Receives the hops of attempts that are retried. */
        std::function<void(const HopRecord &)> onRetriedHop;
        /** The last attempt's answer and its hop (willRetry false), after the retries. */
        std::function<void(const HttpResponse &, const HopRecord &)> onDone;
    };

    static std::shared_ptr<RetryingRequest> start(Params params);
    void cancel();

    explicit RetryingRequest(Params params);

private:
    void attempt();
    void handleResponse(const HttpResponse &response);

    Params m_params;
    int m_attempt = 0;
    quint64 m_requestId = 0;
    bool m_cancelled = false;
    QByteArray m_lastRequestBody;
    QByteArray m_lastUrl;
};

/** A hop record of one answer (outcome classified, bodies attached). */
HopRecord makeHop(const HopRecord &hopTemplate,
                  const HttpRequest &request,
                  const HttpResponse &response,
                  int attempt,
                  int maxAttempts);

} // namespace Switchboard::Bot
