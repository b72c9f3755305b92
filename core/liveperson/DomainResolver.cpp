// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DomainResolver.h"

#include "LivePersonHttp.h"
#include "LivePersonLogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

namespace
{
// lupdate takes a tr() call's context from the scope it is written in: namespace scope here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::LivePerson", text);
}

ApiError protocolError(const QString &reason)
{
    ApiError error;
    error.kind = ApiErrorKind::Protocol;
    error.message = tr("The Domain API (CSDS) answer is malformed: %1.").arg(reason);
    return error;
}

void deliver(QObject *context, const DomainResolver::Callback &callback, const ApiResult<ServiceDomains> &result)
{
    QMetaObject::invokeMethod(
        context, [callback, result] { callback(result); }, Qt::QueuedConnection);
}
} // namespace

void ServiceDomains::merge(const ServiceDomains &other)
{
    for (auto it = other.m_hosts.begin(); it != other.m_hosts.end(); ++it) {
        m_hosts.insert(it.key(), it.value());
    }
}

Result<ServiceDomains> parseCsdsResponse(const QJsonValue &document, const QString &accountId)
{
    auto failure = [](const QString &reason) {
        return Result<ServiceDomains>::failure(u"liveperson.protocol"_s, reason);
    };
    if (!document.isObject()) {
        return failure(u"expected a JSON object"_s);
    }
    const QJsonValue list = document.toObject().value(u"baseURIs"_s);
    if (!list.isArray()) {
        return failure(u"baseURIs: missing array"_s);
    }
    ServiceDomains domains;
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = u"baseURIs["_s + QString::number(i) + u']';
        if (!entries.at(i).isObject()) {
            return failure(path + u": expected an object"_s);
        }
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue service = entry.value(u"service"_s);
        const QJsonValue baseUri = entry.value(u"baseURI"_s);
        const QJsonValue account = entry.value(u"account"_s);
        if (!service.isString() || service.toString().isEmpty()) {
            return failure(path + u".service: missing string"_s);
        }
        if (!baseUri.isString()) {
            return failure(path + u".baseURI: missing string"_s);
        }
        if (!account.isUndefined() && !account.isNull() && account.isString() && !accountId.isEmpty() &&
            account.toString() != accountId) {
            return failure(path + u".account: \""_s + account.toString().left(32) +
                           u"\" is not the requested account"_s);
        }
        const auto valid = validateHost(baseUri.toString());
        if (!valid) {
            return failure(path + u".baseURI: not host[:port]"_s);
        }
        domains.insert(service.toString(), baseUri.toString());
    }
    return domains;
}

DomainResolver::DomainResolver(LivePersonHttp *http, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock)
{
}

DomainResolver::~DomainResolver() = default;

void DomainResolver::setCacheTtl(std::chrono::milliseconds ttl)
{
    m_ttl = ttl;
}

std::chrono::milliseconds DomainResolver::cacheTtl() const
{
    return m_ttl;
}

ServiceDomains DomainResolver::cached(const QString &accountId) const
{
    const auto it = m_cache.constFind(accountId);
    if (it == m_cache.constEnd() || m_clock.monotonicMs() - it->fetchedAtMs >= m_ttl.count()) {
        return {};
    }
    return it->domains;
}

void DomainResolver::invalidate(const QString &accountId)
{
    m_cache.remove(accountId);
}

void DomainResolver::seed(const QString &accountId, const ServiceDomains &domains)
{
    if (domains.isEmpty()) {
        return;
    }
    Entry &entry = m_cache[accountId];
    if (m_clock.monotonicMs() - entry.fetchedAtMs >= m_ttl.count()) {
        entry.domains = ServiceDomains{};
    }
    entry.domains.merge(domains);
    entry.fetchedAtMs = m_clock.monotonicMs();
}

int DomainResolver::requestCount() const
{
    return m_requestCount;
}

void DomainResolver::resolve(const QString &csdsHost, const QString &accountId, QObject *context, Callback callback)
{
    const ServiceDomains fresh = cached(accountId);
    if (!fresh.isEmpty()) {
        deliver(context, callback, fresh);
        return;
    }
    const auto validHost = validateHost(csdsHost);
    if (!validHost) {
        ApiError error;
        error.kind = ApiErrorKind::Config;
        error.message = validHost.error().message;
        deliver(context, callback, error);
        return;
    }
    if (accountId.isEmpty() || accountId.contains(u'/') || accountId.contains(u'?')) {
        ApiError error;
        error.kind = ApiErrorKind::Config;
        error.message = tr("The account id \"%1\" is not valid.").arg(accountId.left(40));
        deliver(context, callback, error);
        return;
    }
    QList<Waiter> &waiters = m_waiting[accountId];
    waiters.append(Waiter{context, std::move(callback)});
    if (waiters.size() > 1) {
        return; // one request per account in flight; this caller shares it
    }
    ++m_requestCount;
    const QUrl url =
        serviceUrl(u"https"_s, csdsHost, u"/api/account/"_s + accountId + u"/service/baseURI.json"_s, u"version=1.0"_s);
    qCDebug(lcLivePerson) << "CSDS lookup for account" << accountId;
    m_http->get(url, {}, this, [this, accountId](const HttpResponse &response) {
        if (!response.isSuccess()) {
            const ApiError error = errorFromResponse(response, tr("Domain API (CSDS) lookup"));
            qCWarning(lcLivePerson) << "CSDS lookup failed for account" << accountId << ApiError::kindName(error.kind)
                                    << error.status;
            finish(accountId, error);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            finish(accountId, protocolError(parseError.errorString()));
            return;
        }
        const auto domains = parseCsdsResponse(document.object(), accountId);
        if (!document.isObject() || !domains) {
            finish(accountId, protocolError(domains ? u"expected a JSON object"_s : domains.error().message));
            return;
        }
        m_cache.insert(accountId, Entry{*domains, m_clock.monotonicMs()});
        qCDebug(lcLivePerson) << "CSDS lookup for account" << accountId << "gave" << domains->toHash().size()
                              << "services";
        finish(accountId, *domains);
    });
}

void DomainResolver::finish(const QString &accountId, const ApiResult<ServiceDomains> &result)
{
    const QList<Waiter> waiters = m_waiting.take(accountId);
    for (const Waiter &waiter : waiters) {
        if (waiter.context) {
            waiter.callback(result);
        }
    }
}

} // namespace Switchboard::LivePerson
