// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryingRequest.h"

#include "BotErrors.h"
#include "BotLogging.h"

#include <QTimer>

#include <algorithm>

namespace Switchboard::Bot
{

HopRecord makeHop(const HopRecord &hopTemplate,
                  const HttpRequest &request,
                  const HttpResponse &response,
                  int attempt,
                  int maxAttempts)
{
    HopRecord hop = hopTemplate;
    hop.attempt = attempt;
    hop.maxAttempts = maxAttempts;
    hop.method = request.method;
    hop.url = QString::fromUtf8(request.url);
    hop.startedAtMs = response.startedAtMs;
    hop.finishedAtMs = response.finishedAtMs;
    hop.latencyUs = response.elapsedUs;
    hop.outcome = classifyHop(response);
    hop.httpStatus = response.status;
    if (hop.outcome != HopOutcome::Success) {
        hop.errorCode = BotErrors::fromHttp(response).code;
    }
    if (hop.operation != HopOperation::Token) {
        hop.requestBody = request.body;
        hop.responseBody = response.body;
    }
    return hop;
}

std::shared_ptr<RetryingRequest> RetryingRequest::start(Params params)
{
    auto request = std::make_shared<RetryingRequest>(std::move(params));
    request->attempt();
    return request;
}

RetryingRequest::RetryingRequest(Params params)
    : m_params(std::move(params))
{
}

void RetryingRequest::cancel()
{
    m_cancelled = true;
    if (m_requestId != 0 && m_params.http) {
        m_params.http->cancel(m_requestId);
        m_requestId = 0;
    }
}

void RetryingRequest::attempt()
{
    if (m_cancelled) {
        return;
    }
    ++m_attempt;
    HttpRequest request = m_params.makeRequest();
    // The policy's timeout; a request may ask for less (CustomEndpointClient charges the time a
    // delivery waited in its backlog to its first request), never for more.
    request.timeoutMs = request.timeoutMs > 0 ? std::min(request.timeoutMs, m_params.policy.timeoutMs)
                                              : m_params.policy.timeoutMs;
    m_lastRequestBody = request.body;
    m_lastUrl = request.url;
    m_params.hopTemplate.method = request.method;
    // The caller holds the strong reference; a dropped request simply never reports.
    std::weak_ptr<RetryingRequest> weak = weak_from_this();
    m_requestId = m_params.http->send(request, m_params.context, [weak](const HttpResponse &response) {
        if (auto self = weak.lock()) {
            self->m_requestId = 0;
            if (!self->m_cancelled) {
                self->handleResponse(response);
            }
        }
    });
}

void RetryingRequest::handleResponse(const HttpResponse &response)
{
    // The request as it was sent, for the hop record.
    HttpRequest sent;
    sent.method = m_params.hopTemplate.method;
    sent.url = m_lastUrl;
    sent.body = m_lastRequestBody;
    const int maxAttempts = std::max(1, m_params.policy.maxAttempts);
    HopRecord hop = makeHop(m_params.hopTemplate, sent, response, m_attempt, maxAttempts);
    const bool retry = m_attempt < maxAttempts && RetryPolicy::isRetryable(response);
    if (!retry) {
        hop.willRetry = false;
        if (m_params.onDone) {
            m_params.onDone(response, hop);
        }
        return;
    }
    hop.willRetry = true;
    if (m_params.onRetriedHop) {
        m_params.onRetriedHop(hop);
    }
    const int pause = m_params.policy.pauseBeforeRetry(m_attempt, response);
    qCDebug(lcBot) << "retrying" << hopOperationName(hop.operation) << "for delivery" << hop.deliveryId << "in" << pause
                   << "ms after" << hopOutcomeName(hop.outcome) << hop.httpStatus;
    std::weak_ptr<RetryingRequest> weak = weak_from_this();
    QTimer::singleShot(pause, m_params.context, [weak] {
        if (auto self = weak.lock()) {
            self->attempt();
        }
    });
}

} // namespace Switchboard::Bot
