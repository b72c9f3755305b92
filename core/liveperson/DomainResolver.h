// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <chrono>
#include <functional>

namespace Switchboard::LivePerson
{

class LivePersonHttp;

/** CSDS service names the connector uses (reference §1; case-sensitive). */
namespace Service
{
inline constexpr QLatin1String AgentVep{"agentVep"};
inline constexpr QLatin1String AsyncMessagingEnt{"asyncMessagingEnt"};
inline constexpr QLatin1String FacadeMsg{"facadeMsg"};
inline constexpr QLatin1String AccountConfigReadOnly{"accountConfigReadOnly"};
inline constexpr QLatin1String Sentinel{"sentinel"};
} // namespace Service

/** An account's service → "host[:port]" map, as the Domain API returns it. */
class ServiceDomains final
{
public:
    ServiceDomains() = default;

    bool isEmpty() const
    {
        return m_hosts.isEmpty();
    }
    bool contains(const QString &service) const
    {
        return m_hosts.contains(service);
    }
    QString host(const QString &service) const
    {
        return m_hosts.value(service);
    }
    void insert(const QString &service, const QString &host)
    {
        m_hosts.insert(service, host);
    }
    /** Entries of `other` replace ours. */
    void merge(const ServiceDomains &other);
    QHash<QString, QString> toHash() const
    {
        return m_hosts;
    }

private:
    QHash<QString, QString> m_hosts;
};

/**
 * Parses a Domain API answer `{"baseURIs":[{"service","account","baseURI"}, …]}` (also the
 * login response's csdsCollectionResponse). Strict: every entry needs a string service and a
 * valid host[:port] baseURI; an entry for another account is an error.
 */
Result<ServiceDomains> parseCsdsResponse(const QJsonValue &document, const QString &accountId);

/**
 * Resolves an account's hosts through the Domain API (CSDS):
 * `GET https://{csds}/api/account/{acct}/service/baseURI.json?version=1.0`.
 *
 * Answers are cached per account for a TTL (60 s like the SDK, configurable) measured on the
 * injected Clock. invalidate() drops an entry when a resolved host failed, so the next resolve
 * asks CSDS again. Concurrent resolves of one account share one request. seed() stores hosts
 * learnt elsewhere (the login response's csdsCollectionResponse).
 *
 * Ownership and threads: a QObject on its creator's thread; uses (does not own) a LivePersonHttp
 * and a Clock, both of which must outlive it. Callbacks run asynchronously on its thread.
 */
class DomainResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DomainResolver)

public:
    using Callback = std::function<void(const ApiResult<ServiceDomains> &)>;

    DomainResolver(LivePersonHttp *http, const Clock &clock, QObject *parent = nullptr);
    ~DomainResolver() override;

    void setCacheTtl(std::chrono::milliseconds ttl);
    std::chrono::milliseconds cacheTtl() const;

    /** Resolves from the cache if fresh, else from CSDS; `callback` runs on `context`'s thread. */
    void resolve(const QString &csdsHost, const QString &accountId, QObject *context, Callback callback);
    /** The cached hosts if they are fresh, else an empty map. */
    ServiceDomains cached(const QString &accountId) const;
    void invalidate(const QString &accountId);
    void seed(const QString &accountId, const ServiceDomains &domains);

    /** Number of CSDS HTTP requests made (for tests and diagnostics). */
    int requestCount() const;

private:
    struct Entry
    {
        ServiceDomains domains;
        qint64 fetchedAtMs = 0;
    };
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };

    void finish(const QString &accountId, const ApiResult<ServiceDomains> &result);

    LivePersonHttp *m_http;
    const Clock &m_clock;
    std::chrono::milliseconds m_ttl{60000};
    QHash<QString, Entry> m_cache;
    QHash<QString, QList<Waiter>> m_waiting;
    int m_requestCount = 0;
};

} // namespace Switchboard::LivePerson
