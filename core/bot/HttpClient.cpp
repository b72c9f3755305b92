// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpClient.h"

#include "BotLogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QHash>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <curl/curl.h>
#include <deque>
#include <limits>
#include <mutex>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <vector>

namespace Switchboard::Bot
{

namespace
{

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/**
 * Where the system CAs come from. Debian's libcurl defaults to both the bundle file and the hashed
 * directory. With a CA path set, libcurl 7.87+ does not cache the certificate store, so every new
 * TLS connection parsed the whole bundle again (OpenSSL 3's decoders: ~100 ms of CPU and about a
 * megabyte of heap for 144 certificates, docs/PERFORMANCE.md). When the default CA path is a
 * hashed directory, only it is used: OpenSSL then reads just the issuer certificates a handshake
 * needs, by hash, nothing up front. Without one, the bundle file alone is used, which libcurl
 * parses once per client and caches (CURLOPT_CA_CACHE_TIMEOUT, 24 h by default).
 */
struct SystemCaSource
{
    /** Use the hashed directory alone (unset the bundle file); otherwise the bundle alone. */
    bool hashedDirectory = false;
};

const SystemCaSource &systemCaSource()
{
    static const SystemCaSource source = [] {
        SystemCaSource s;
        CURL *probe = curl_easy_init();
        char *path = nullptr;
        if (probe && curl_easy_getinfo(probe, CURLINFO_CAPATH, &path) == CURLE_OK && path) {
            // A hashed directory has "<8 hex digits>.0" entries (c_rehash / update-ca-certificates).
            const QDir dir(QString::fromLocal8Bit(path));
            static const QRegularExpression hashed(QStringLiteral("^[0-9a-f]{8}\\.[0-9]+$"));
            const QStringList entries = dir.entryList(QDir::Files | QDir::System);
            s.hashedDirectory = std::any_of(
                entries.cbegin(), entries.cend(), [](const QString &name) { return hashed.match(name).hasMatch(); });
        }
        if (probe) {
            curl_easy_cleanup(probe);
        }
        return s;
    }();
    return source;
}

/** libcurl 8.0 fixed the HTTP/2 connection handling that 7.88 gets wrong (curl#10634 and others). */
bool dependableHttp2()
{
    return curl_version_info(CURLVERSION_NOW)->version_num >= 0x080000;
}

qint64 monotonicUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

HttpError mapCurlError(CURLcode code)
{
    switch (code) {
    case CURLE_OK:
        return HttpError::None;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpError::Timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
        return HttpError::Connect;
    case CURLE_COULDNT_RESOLVE_HOST:
        return HttpError::Resolve;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_PROXY:
        return HttpError::Proxy;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
        return HttpError::Tls;
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_BAD_CONTENT_ENCODING:
        return HttpError::Protocol;
    default:
        return HttpError::Other;
    }
}

} // namespace

QString httpErrorName(HttpError error)
{
    switch (error) {
    case HttpError::None:
        return QStringLiteral("none");
    case HttpError::Timeout:
        return QStringLiteral("timeout");
    case HttpError::Connect:
        return QStringLiteral("connect");
    case HttpError::Resolve:
        return QStringLiteral("resolve");
    case HttpError::Tls:
        return QStringLiteral("tls");
    case HttpError::Proxy:
        return QStringLiteral("proxy");
    case HttpError::TooLarge:
        return QStringLiteral("too_large");
    case HttpError::Cancelled:
        return QStringLiteral("cancelled");
    case HttpError::Protocol:
        return QStringLiteral("protocol");
    case HttpError::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

/**
 * One request, waiting or in flight: owns the request bytes curl points at, the header list and
 * the answer. It has an easy handle only while libcurl works on it.
 */
struct Transfer
{
    quint64 id = 0;
    CURL *easy = nullptr;
    HttpRequest request;
    /** Scheme, host and port: the queue it waits in (HttpClientOptions::maxActivePerHost). */
    QByteArray hostKey;
    curl_slist *headerList = nullptr;
    HttpResponse response;
    QPointer<QObject> context;
    bool hadContext = false;
    HttpClient::Callback callback;
    qint64 startUs = 0;
    /** Monotonic deadline of the whole request (µs). */
    qint64 deadlineUs = 0;
    qint64 maxBytes = 0;
    bool tooLarge = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

/** The requests to one host: how many libcurl has, and the ones waiting for their turn. */
struct HostQueue
{
    int active = 0;
    std::deque<Transfer *> waiting;
};

/** QSocketNotifiers for one curl socket; created on first use, enabled as curl asks. */
struct SocketWatch
{
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
};

class HttpClientPrivate
{
public:
    HttpClientPrivate(HttpClient *q, const HttpClientOptions &options);
    ~HttpClientPrivate();

    CURL *takeEasy();
    void recycleEasy(CURL *easy);
    /** Hands a transfer to libcurl (takes an easy handle, sets the request up). */
    void start(Transfer *t);
    /** A transfer left libcurl: frees its slot and starts the next waiting ones of its host. */
    void release(Transfer *t);
    void pump(const QByteArray &hostKey);
    /** Fails waiting transfers whose deadline passed; re-arms waitTimer for the next deadline. */
    void expireWaiting();
    void armWaitTimer();
    /** Reports a transfer that never reached libcurl (or could not be added) from the event loop. */
    void completeLater(Transfer *t);
    void configureEasy(CURL *easy);
    void handleSocketActivity(qintptr fd, QSocketNotifier::Type type);
    void handleTimeout();
    void processFinished();
    void finish(Transfer *transfer, CURLcode code);

    static int socketCallback(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp);
    /** Deletes a watch and its notifiers (later: one of them may be emitting). */
    void dropWatch(SocketWatch *watch);
    static int timerCallback(CURLM *multi, long timeoutMs, void *userp);
    static size_t writeCallback(char *data, size_t size, size_t count, void *userp);
    static CURLcode sslContextCallback(CURL *easy, void *sslContext, void *userp);

    HttpClient *q;
    HttpClientOptions options;
    CURLM *multi = nullptr;
    QTimer timer;
    QByteArray caBlob;
    Http2Mode http2 = Http2Mode::Never;
    /** The extra CAs, parsed once; added to each TLS context curl builds (see configureEasy). */
    std::vector<X509 *> extraCas;
    QHash<quint64, Transfer *> transfers;
    QHash<QByteArray, HostQueue> hosts;
    /** Transfers whose callback completeLater() queued; deleted with the client if still there. */
    QSet<Transfer *> completing;
    int activeTransfers = 0;
    int waitingTransfers = 0;
    /** Fires at the earliest deadline of a waiting transfer. */
    QTimer waitTimer;
    qint64 waitDeadlineUs = 0;
    QSet<SocketWatch *> watches;
    /**
     * Watches of sockets curl stopped watching, by descriptor, notifiers disabled. A kept-alive
     * connection is dropped from curl's watch list after every transfer and added back with the
     * next one: its notifiers are enabled again rather than made anew (two QObjects, a connection
     * and a deferred delete per call). An entry whose socket was closed meanwhile is harmless —
     * disabled notifiers do not look at their descriptor — and is reused when the number comes back.
     */
    QHash<curl_socket_t, SocketWatch *> parked;
    std::vector<CURL *> freeHandles;
    quint64 nextId = 1;
    /** Inside processFinished(): transfers added by callbacks are started when it ends. */
    bool finishing = false;
    bool kickPending = false;
};

HttpClientPrivate::HttpClientPrivate(HttpClient *qq, const HttpClientOptions &opts)
    : q(qq)
    , options(opts)
{
    initCurlOnce();
    http2 = options.http2;
    if (http2 == Http2Mode::Auto) {
        http2 = dependableHttp2() ? Http2Mode::Negotiate : Http2Mode::Never;
    }
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &HttpClientPrivate::socketCallback);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &HttpClientPrivate::timerCallback);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(options.maxConnectionsPerHost));
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, long(options.maxCachedConnections));

    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, q, [this] { handleTimeout(); });
    waitTimer.setSingleShot(true);
    QObject::connect(&waitTimer, &QTimer::timeout, q, [this] { expireWaiting(); });

    if (!options.extraCaPem.isEmpty()) {
        BIO *bio = BIO_new_mem_buf(options.extraCaPem.constData(), int(options.extraCaPem.size()));
        while (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            extraCas.push_back(cert);
        }
        BIO_free(bio);
        ERR_clear_error(); // the end of the PEM data reads as an error
        if (extraCas.empty()) {
            qCWarning(lcBot) << "the extra CA for the bot hop holds no PEM certificate";
        }
        if (!options.trustSystemCas) {
            caBlob = options.extraCaPem;
        }
    }
}

HttpClientPrivate::~HttpClientPrivate()
{
    for (Transfer *t : std::as_const(transfers)) {
        if (t->easy) {
            curl_multi_remove_handle(multi, t->easy);
            curl_easy_cleanup(t->easy);
        }
        curl_slist_free_all(t->headerList);
        delete t;
    }
    transfers.clear();
    qDeleteAll(completing);
    completing.clear();
    for (CURL *easy : freeHandles) {
        curl_easy_cleanup(easy);
    }
    for (X509 *cert : extraCas) {
        X509_free(cert);
    }
    // Closes the pooled connections without calling back into a half-destroyed client.
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, static_cast<curl_socket_callback>(nullptr));
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, static_cast<curl_multi_timer_callback>(nullptr));
    curl_multi_cleanup(multi);
    qDeleteAll(watches);
}

void HttpClientPrivate::configureEasy(CURL *easy)
{
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &HttpClientPrivate::writeCallback);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    // Bot requests and answers are small: the minimum upload buffer (16 KiB, libcurl's default is
    // 64 KiB) keeps an in-flight or pooled handle small.
    curl_easy_setopt(easy, CURLOPT_UPLOAD_BUFFERSIZE, 16384L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(options.connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options.userAgent.constData());
    long version = CURL_HTTP_VERSION_1_1;
    if (http2 == Http2Mode::PriorKnowledge) {
        version = CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE;
    } else if (http2 == Http2Mode::Negotiate) {
        version = CURL_HTTP_VERSION_2TLS;
    }
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, version);
    if (http2 == Http2Mode::PriorKnowledge && !dependableHttp2()) {
        // libcurl before 8.0 fails every request that reuses an h2c prior-knowledge connection
        // ("Error in the HTTP2 framing layer", curl#10634, fixed by curl#10643): correct but slow.
        curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
    }
    if (!caBlob.isEmpty()) {
        // Only the extra CA is trusted (tests): a small blob, cheap to parse per connection.
        curl_blob blob{const_cast<char *>(caBlob.constData()), size_t(caBlob.size()), CURL_BLOB_COPY};
        curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        return;
    }
    if (systemCaSource().hashedDirectory) {
        curl_easy_setopt(easy, CURLOPT_CAINFO, static_cast<const char *>(nullptr));
    } else {
        curl_easy_setopt(easy, CURLOPT_CAPATH, static_cast<const char *>(nullptr));
    }
    if (!extraCas.empty()) {
        // System bundle plus the extra CA. A CAINFO_BLOB holding the whole bundle would be parsed
        // again for every new TLS connection (curl caches the bundle only when it reads it from
        // its file), so the bundle stays curl's and the extra CA joins each TLS context here.
        if (curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &HttpClientPrivate::sslContextCallback) == CURLE_OK) {
            curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, this);
        } else {
            QByteArray blob = options.extraCaPem;
            CURL *probe = curl_easy_init();
            char *defaultCa = nullptr;
            if (curl_easy_getinfo(probe, CURLINFO_CAINFO, &defaultCa) == CURLE_OK && defaultCa) {
                QFile bundle(QString::fromLocal8Bit(defaultCa));
                if (bundle.open(QIODevice::ReadOnly)) {
                    blob = bundle.readAll() + '\n' + options.extraCaPem;
                }
            }
            curl_easy_cleanup(probe);
            curl_blob b{blob.data(), size_t(blob.size()), CURL_BLOB_COPY};
            curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &b);
        }
    }
}

CURLcode HttpClientPrivate::sslContextCallback(CURL *, void *sslContext, void *userp)
{
    auto *self = static_cast<HttpClientPrivate *>(userp);
    X509_STORE *store = SSL_CTX_get_cert_store(static_cast<SSL_CTX *>(sslContext));
    for (X509 *cert : self->extraCas) {
        // curl may hand us its cached store again: a certificate already there is not an error.
        if (X509_STORE_add_cert(store, cert) != 1) {
            ERR_clear_error();
        }
    }
    return CURLE_OK;
}

CURL *HttpClientPrivate::takeEasy()
{
    if (!freeHandles.empty()) {
        CURL *easy = freeHandles.back();
        freeHandles.pop_back();
        return easy;
    }
    CURL *easy = curl_easy_init();
    configureEasy(easy);
    return easy;
}

void HttpClientPrivate::recycleEasy(CURL *easy)
{
    // Keep a small bounded pool; handles carry no per-request state that start() does not
    // overwrite. Each idle handle keeps libcurl's receive and upload buffers, so a large pool
    // costs megabytes per session for as long as the client lives (switchboard-cli bench,
    // docs/PERFORMANCE.md).
    if (freeHandles.size() < size_t(std::max(0, options.maxIdleHandles))) {
        freeHandles.push_back(easy);
    } else {
        curl_easy_cleanup(easy);
    }
}

size_t HttpClientPrivate::writeCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    const size_t bytes = size * count;
    if (t->response.body.size() + qint64(bytes) > t->maxBytes) {
        t->tooLarge = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, qsizetype(bytes));
    return bytes;
}

int HttpClientPrivate::socketCallback(CURL *, curl_socket_t s, int what, void *userp, void *socketp)
{
    auto *self = static_cast<HttpClientPrivate *>(userp);
    auto *watch = static_cast<SocketWatch *>(socketp);
    if (what == CURL_POLL_REMOVE) {
        if (watch) {
            for (QSocketNotifier *n : {watch->read, watch->write}) {
                if (n && n->isEnabled()) {
                    n->setEnabled(false);
                }
            }
            curl_multi_assign(self->multi, s, nullptr);
            if (SocketWatch *stale = self->parked.value(s); stale && stale != watch) {
                self->dropWatch(stale);
            }
            self->parked.insert(s, watch);
        }
        return 0;
    }
    if (!watch) {
        watch = self->parked.take(s);
        if (!watch) {
            watch = new SocketWatch;
            self->watches.insert(watch);
        }
        curl_multi_assign(self->multi, s, watch);
    }
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    auto ensure = [self, s](QSocketNotifier *&n, QSocketNotifier::Type type, bool wanted) {
        if (!n) {
            if (!wanted) {
                return;
            }
            n = new QSocketNotifier(qintptr(s), type, self->q);
            QObject::connect(
                n, &QSocketNotifier::activated, self->q, [self](QSocketDescriptor fd, QSocketNotifier::Type t) {
                    self->handleSocketActivity(qintptr(fd), t);
                });
        }
        if (n->isEnabled() != wanted) {
            n->setEnabled(wanted);
        }
    };
    ensure(watch->read, QSocketNotifier::Read, wantRead);
    ensure(watch->write, QSocketNotifier::Write, wantWrite);
    return 0;
}

void HttpClientPrivate::dropWatch(SocketWatch *watch)
{
    for (QSocketNotifier *n : {watch->read, watch->write}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    watches.remove(watch);
    delete watch;
}

int HttpClientPrivate::timerCallback(CURLM *, long timeoutMs, void *userp)
{
    auto *self = static_cast<HttpClientPrivate *>(userp);
    if (timeoutMs < 0) {
        self->timer.stop();
    } else {
        self->timer.start(int(qMin<long>(timeoutMs, 24L * 3600 * 1000)));
    }
    return 0;
}

void HttpClientPrivate::handleSocketActivity(qintptr fd, QSocketNotifier::Type type)
{
    int running = 0;
    const int mask = type == QSocketNotifier::Read ? CURL_CSELECT_IN : CURL_CSELECT_OUT;
    curl_multi_socket_action(multi, curl_socket_t(fd), mask, &running);
    processFinished();
}

void HttpClientPrivate::handleTimeout()
{
    int running = 0;
    curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    processFinished();
}

void HttpClientPrivate::finish(Transfer *t, CURLcode code)
{
    HttpResponse &r = t->response;
    r.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.elapsedUs = monotonicUs() - t->startUs;
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    r.status = int(status);
    long version = 0;
    curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
    switch (version) {
    case CURL_HTTP_VERSION_1_0:
        r.httpVersion = 10;
        break;
    case CURL_HTTP_VERSION_1_1:
        r.httpVersion = 11;
        break;
    case CURL_HTTP_VERSION_2_0:
        r.httpVersion = 20;
        break;
    case CURL_HTTP_VERSION_3:
        r.httpVersion = 30;
        break;
    default:
        r.httpVersion = 0;
    }
    long connects = 0;
    curl_easy_getinfo(t->easy, CURLINFO_NUM_CONNECTS, &connects);
    r.newConnection = connects > 0;
    char *contentType = nullptr;
    if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &contentType) == CURLE_OK && contentType) {
        r.contentType = QByteArray(contentType);
    }
    curl_off_t retryAfter = 0;
    if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0) {
        r.retryAfterSeconds = qint64(retryAfter);
    }
    if (t->tooLarge) {
        r.error = HttpError::TooLarge;
        r.errorString = QStringLiteral("response larger than %1 bytes").arg(t->maxBytes);
        r.body.clear();
    } else {
        r.error = mapCurlError(code);
        if (r.error != HttpError::None) {
            r.errorString = QString::fromUtf8(t->errorBuffer[0] ? t->errorBuffer : curl_easy_strerror(code));
        }
    }
}

void HttpClientPrivate::processFinished()
{
    if (finishing) {
        return;
    }
    finishing = true;
    QPointer<HttpClient> alive(q);
    for (;;) {
        std::vector<Transfer *> done;
        CURLMsg *msg = nullptr;
        int left = 0;
        while ((msg = curl_multi_info_read(multi, &left))) {
            if (msg->msg != CURLMSG_DONE) {
                continue;
            }
            Transfer *t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            if (!t) {
                continue;
            }
            finish(t, msg->data.result);
            done.push_back(t);
        }
        for (Transfer *t : done) {
            transfers.remove(t->id);
            release(t);
        }
        // Callbacks may send, cancel or even destroy the client; nothing of *this is touched after
        // one that destroyed it.
        for (size_t i = 0; i < done.size(); ++i) {
            std::unique_ptr<Transfer> t(done[i]);
            if (!alive) {
                continue;
            }
            if (t->hadContext && !t->context) {
                continue;
            }
            if (t->callback) {
                t->callback(t->response);
            }
        }
        if (!alive) {
            return;
        }
        // Requests the callbacks started go out now rather than one event-loop turn later, when
        // curl's zero timer would fire; a busy client saves a wake-up per call this way.
        if (!kickPending) {
            break;
        }
        kickPending = false;
        int running = 0;
        curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    finishing = false;
}

HttpClient::HttpClient(const HttpClientOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HttpClientPrivate>(this, options))
{
}

HttpClient::~HttpClient() = default;

const HttpClientOptions &HttpClient::options() const
{
    return d->options;
}

int HttpClient::pendingCount() const
{
    return int(d->transfers.size());
}

int HttpClient::activeCount() const
{
    return d->activeTransfers;
}

int HttpClient::idleHandleCount() const
{
    return int(d->freeHandles.size());
}

namespace
{

/** "scheme://host:port" of an encoded URL (the part before the path), lower-cased. */
QByteArray hostKeyOf(const QByteArray &url)
{
    const qsizetype scheme = url.indexOf("://");
    const qsizetype from = scheme < 0 ? 0 : scheme + 3;
    qsizetype to = url.size();
    for (const char c : {'/', '?', '#'}) {
        const qsizetype at = url.indexOf(c, from);
        if (at >= 0 && at < to) {
            to = at;
        }
    }
    return url.left(to).toLower();
}

} // namespace

quint64 HttpClient::send(const HttpRequest &request, QObject *context, Callback callback)
{
    auto *t = new Transfer;
    t->id = d->nextId++;
    t->request = request;
    t->request.method = request.method.toUpper();
    t->hostKey = hostKeyOf(request.url);
    t->context = context;
    t->hadContext = context != nullptr;
    t->callback = std::move(callback);
    t->maxBytes = d->options.maxResponseBytes;
    t->response.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    t->startUs = monotonicUs();
    const int timeout = request.timeoutMs > 0 ? request.timeoutMs : d->options.defaultTimeoutMs;
    t->deadlineUs = t->startUs + qint64(timeout) * 1000;
    d->transfers.insert(t->id, t);

    HostQueue &host = d->hosts[t->hostKey];
    if (d->options.maxActivePerHost > 0 && host.active >= d->options.maxActivePerHost) {
        host.waiting.push_back(t);
        ++d->waitingTransfers;
        if (!d->waitTimer.isActive() || t->deadlineUs < d->waitDeadlineUs) {
            d->armWaitTimer();
        }
        return t->id;
    }
    d->start(t);
    return t->id;
}

void HttpClientPrivate::start(Transfer *t)
{
    ++hosts[t->hostKey].active;
    ++activeTransfers;
    t->easy = takeEasy();
    CURL *easy = t->easy;

    const HttpRequest &req = t->request;
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_URL, req.url.constData());
    // What is left of the request's time after waiting in the queue (at least 1 ms: 0 means none).
    const qint64 leftMs = std::max<qint64>(1, (t->deadlineUs - monotonicUs()) / 1000);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(leftMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(qMin<qint64>(leftMs, options.connectTimeoutMs)));

    // Waiting for a connection to multiplex on only pays where HTTP/2 is possible; on plain
    // HTTP/1.1 it would hold parallel requests back until the first answer arrives.
    const bool mayMultiplex =
        http2 == Http2Mode::PriorKnowledge || (http2 == Http2Mode::Negotiate && req.url.startsWith("https:"));
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, mayMultiplex ? 1L : 0L);

    const QByteArray &method = req.method;
    curl_easy_setopt(easy, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
    if (method == "GET" || method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, static_cast<const char *>(nullptr));
    } else {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(req.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.constData());
        curl_easy_setopt(easy,
                         CURLOPT_CUSTOMREQUEST,
                         method == "POST" ? static_cast<const char *>(nullptr) : t->request.method.constData());
    }

    bool hasContentType = false;
    for (const auto &[name, value] : req.headers) {
        if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            hasContentType = true;
        }
        const QByteArray line = name + ": " + value;
        t->headerList = curl_slist_append(t->headerList, line.constData());
    }
    if (!hasContentType && method != "GET" && method != "HEAD") {
        t->headerList = curl_slist_append(t->headerList, "Content-Type: application/json");
    }
    // No "Expect: 100-continue" round trip for larger bodies.
    t->headerList = curl_slist_append(t->headerList, "Expect:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headerList);

    const CURLMcode rc = curl_multi_add_handle(multi, easy);
    if (finishing) {
        kickPending = true;
    }
    if (rc != CURLM_OK) {
        // Reported like any other failure, asynchronously, so callers see one path.
        transfers.remove(t->id);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, static_cast<void *>(nullptr));
        release(t);
        t->response.error = HttpError::Other;
        t->response.errorString = QString::fromUtf8(curl_multi_strerror(rc));
        completeLater(t);
    }
}

void HttpClientPrivate::release(Transfer *t)
{
    if (t->easy) {
        curl_multi_remove_handle(multi, t->easy);
        recycleEasy(t->easy);
        t->easy = nullptr;
        --activeTransfers;
        const auto host = hosts.find(t->hostKey);
        if (host != hosts.end()) {
            --host->active;
        }
    }
    curl_slist_free_all(t->headerList);
    t->headerList = nullptr;
    pump(t->hostKey);
}

void HttpClientPrivate::pump(const QByteArray &hostKey)
{
    const int limit = options.maxActivePerHost;
    for (;;) {
        // Looked up again each turn: start() may add hosts, and re-enter pump() when adding fails.
        const auto host = hosts.find(hostKey);
        if (host == hosts.end()) {
            return;
        }
        if (host->waiting.empty() || (limit > 0 && host->active >= limit)) {
            if (host->active == 0 && host->waiting.empty()) {
                hosts.erase(host); // the table stays as small as the set of hosts in use
            }
            return;
        }
        Transfer *next = host->waiting.front();
        host->waiting.pop_front();
        --waitingTransfers;
        if (next->deadlineUs <= monotonicUs()) {
            transfers.remove(next->id);
            next->response.error = HttpError::Timeout;
            next->response.errorString = QStringLiteral("timed out waiting for a free connection");
            completeLater(next);
            continue;
        }
        start(next);
    }
}

void HttpClientPrivate::expireWaiting()
{
    const qint64 now = monotonicUs();
    for (auto host = hosts.begin(); host != hosts.end(); ++host) {
        auto &waiting = host->waiting;
        for (auto it = waiting.begin(); it != waiting.end();) {
            Transfer *t = *it;
            if (t->deadlineUs > now) {
                ++it;
                continue;
            }
            it = waiting.erase(it);
            --waitingTransfers;
            transfers.remove(t->id);
            t->response.error = HttpError::Timeout;
            t->response.errorString = QStringLiteral("timed out waiting for a free connection");
            completeLater(t);
        }
    }
    armWaitTimer();
}

void HttpClientPrivate::armWaitTimer()
{
    if (waitingTransfers == 0) {
        waitTimer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const HostQueue &host : std::as_const(hosts)) {
        for (const Transfer *t : host.waiting) {
            earliest = std::min(earliest, t->deadlineUs);
        }
    }
    waitDeadlineUs = earliest;
    const qint64 inMs = std::max<qint64>(0, (earliest - monotonicUs() + 999) / 1000);
    waitTimer.start(int(std::min<qint64>(inMs, 24LL * 3600 * 1000)));
}

void HttpClientPrivate::completeLater(Transfer *t)
{
    t->response.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    t->response.elapsedUs = monotonicUs() - t->startUs;
    completing.insert(t);
    QTimer::singleShot(0, q, [this, t] {
        completing.remove(t);
        std::unique_ptr<Transfer> owned(t);
        if ((!owned->hadContext || owned->context) && owned->callback) {
            owned->callback(owned->response);
        }
    });
}

void HttpClient::cancel(quint64 id)
{
    Transfer *t = d->transfers.take(id);
    if (!t) {
        return;
    }
    if (!t->easy) {
        // Still waiting in its host's queue.
        const auto host = d->hosts.find(t->hostKey);
        if (host != d->hosts.end()) {
            auto &waiting = host->waiting;
            const auto it = std::find(waiting.begin(), waiting.end(), t);
            if (it != waiting.end()) {
                waiting.erase(it);
                --d->waitingTransfers;
            }
        }
        delete t;
        return;
    }
    d->release(t);
    delete t;
}

} // namespace Switchboard::Bot
