// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <utility>

namespace Switchboard::Bot
{

/** One HTTP request for HttpClient. The URL must already be percent-encoded. */
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** Whole-request timeout (connect, send, wait and receive); 0 means the client's default. */
    int timeoutMs = 0;
};

/** Transport-level outcome of one request (HTTP status codes are not errors here). */
enum class HttpError
{
    None,
    Timeout,
    Connect,
    Resolve,
    Tls,
    Proxy,
    TooLarge,
    Cancelled,
    Protocol,
    Other,
};

/** What came back, or why nothing did. */
struct HttpResponse
{
    HttpError error = HttpError::None;
    /** curl's own description of a transport error; empty on success. Never contains secrets. */
    QString errorString;
    int status = 0;
    /** 10, 11, 20 or 30 (HTTP/1.0, 1.1, 2, 3); 0 if no response. */
    int httpVersion = 0;
    QByteArray body;
    QByteArray contentType;
    /** Seconds from a Retry-After header (delta form), or -1. */
    qint64 retryAfterSeconds = -1;
    /** Wall clock (ms since the epoch) when the request was handed to curl, and when it finished. */
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    /** Monotonic duration in microseconds. */
    qint64 elapsedUs = 0;
    /** Whether the request needed a new connection (false: a pooled one was reused). */
    bool newConnection = false;

    bool transportOk() const
    {
        return error == HttpError::None;
    }
};

/** When HttpClient speaks HTTP/2. */
enum class Http2Mode
{
    /**
     * Negotiate (below) with libcurl 8.0 or newer; HTTP/1.1 with older ones, whose HTTP/2 is not
     * dependable (Debian 12's 7.88.1 drops multiplexed requests with "Error in the HTTP2 framing
     * layer" and loses connections; see docs/PERFORMANCE.md).
     */
    Auto,
    /** HTTP/1.1 only. */
    Never,
    /** HTTP/2 via ALPN where an https:// bot offers it, HTTP/1.1 otherwise. */
    Negotiate,
    /**
     * HTTP/2 without negotiation on http:// too (h2c prior knowledge). With libcurl < 8.0
     * connections are then not reused, because reuse fails there (curl#10634).
     */
    PriorKnowledge,
};

/** Options fixed for the lifetime of one HttpClient. */
struct HttpClientOptions
{
    /**
     * PEM certificates trusted in addition to the system store (for example the sandbox's CA).
     * Verification of peer and host name is always on; there is no switch to turn it off.
     */
    QByteArray extraCaPem;
    /** Trust the system CA bundle (default). Off only for tests that want the extra CA alone. */
    bool trustSystemCas = true;
    /** Responses larger than this fail with HttpError::TooLarge. */
    qint64 maxResponseBytes = 1024 * 1024;
    /** Default whole-request timeout when a request gives none. */
    int defaultTimeoutMs = 60000;
    /** Connection attempts give up after this (bounded by the request timeout). */
    int connectTimeoutMs = 10000;
    /** Upper bound of parallel connections to one host (0 = unlimited). */
    int maxConnectionsPerHost = 64;
    /** Upper bound of idle connections kept for reuse. */
    int maxCachedConnections = 128;
    /**
     * Requests to one host (scheme, host and port) handed to libcurl at once (0 = unlimited);
     * the rest wait in the client's own queue, in order. A waiting request costs its HttpRequest;
     * one inside libcurl also an easy handle with its receive and upload buffers (tens of KB), so
     * a burst of thousands of bot calls would otherwise cost megabytes that malloc keeps after
     * the burst (docs/PERFORMANCE.md). Time spent waiting counts against the request's timeout.
     */
    int maxActivePerHost = 64;
    /** Idle easy handles kept for reuse (each keeps its buffers). */
    int maxIdleHandles = 16;
    Http2Mode http2 = Http2Mode::Auto;
    QByteArray userAgent = QByteArrayLiteral("Switchboard/" SWITCHBOARD_VERSION);
};

class HttpClientPrivate;

/**
 * Asynchronous HTTP client on libcurl's multi interface, driven by the Qt event loop of the thread
 * it lives on (curl sockets are watched by QSocketNotifiers, curl's timer is one single-shot
 * QTimer). Connections are pooled and kept alive (HTTP/1.1); HTTP/2 is used where a TLS peer
 * offers it and Http2Mode allows it (requests to one host are then multiplexed); proxies come from the environment
 * as curl reads them (`http_proxy`, `HTTPS_PROXY`, `NO_PROXY`), TLS peers are always verified.
 *
 * Thread: create and use it on one thread; callbacks run on that thread, never re-entrantly from
 * inside send(). Nothing blocks. Ownership: a plain QObject; pending requests are cancelled
 * (without callbacks) when it is destroyed.
 *
 * Chosen over QNetworkAccessManager for its cost per call, see docs/PERFORMANCE.md.
 */
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(const HttpClientOptions &options = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    /**
     * Starts a request. The callback runs once, on this object's thread, unless the request is
     * cancelled or @p context is destroyed first. Returns an id for cancel(), never 0.
     */
    quint64 send(const HttpRequest &request, QObject *context, Callback callback);
    /** Cancels a pending request; its callback is not called. Unknown ids are ignored. */
    void cancel(quint64 id);
    /** Requests started and not yet finished (waiting in the queue or inside libcurl). */
    int pendingCount() const;
    /** Requests handed to libcurl (each holds an easy handle); at most maxActivePerHost per host. */
    int activeCount() const;
    /** Idle easy handles kept for reuse; at most HttpClientOptions::maxIdleHandles. */
    int idleHandleCount() const;
    const HttpClientOptions &options() const;

private:
    std::unique_ptr<HttpClientPrivate> d;
};

/** A short English name of a transport error, for logs ("timeout", "tls", …). */
QString httpErrorName(HttpError error);

} // namespace Switchboard::Bot
