// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmsConnection.h"

#include "LivePersonLogging.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QMetaObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

namespace
{
ApiError makeError(ApiErrorKind kind, const QString &message, int status = 0, const QJsonValue &body = {})
{
    ApiError error;
    error.kind = kind;
    error.message = message;
    error.status = status;
    error.body = body;
    return error;
}
} // namespace

UmsConnection::UmsConnection(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_pingTimer(new QTimer(this))
    , m_clockTimer(new QTimer(this))
    , m_tickTimer(new QTimer(this))
    , m_idPrefix(QString::number(QRandomGenerator::global()->generate(), 36))
{
    m_socket->setMaxAllowedIncomingMessageSize(m_options.maxIncomingMessageBytes);
    m_socket->setReadBufferSize(m_options.readBufferBytes);
    if (m_options.readBufferBytes > 0) {
        // A frame must fit the read buffer with its header (at most 14 bytes), see Options.
        m_socket->setMaxAllowedIncomingFrameSize(quint64(std::max<qint64>(m_options.readBufferBytes - 16, 1)));
    }
    connect(m_socket, &QWebSocket::connected, this, &UmsConnection::handleConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &UmsConnection::handleDisconnected);
    connect(
        m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, &UmsConnection::handleError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &UmsConnection::handleText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        markAlive();
        ++m_malformed;
        qCWarning(lcLivePerson) << "UMS sent a binary frame; frames must be JSON text";
        Q_EMIT malformedFrame(u"binary frame"_s);
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { markAlive(); });
    connect(m_socket, &QWebSocket::aboutToClose, this, [this] {
        // Emitted for a close handshake from either side; without it a drop is a 1006.
        if (!m_haveCloseOverride) {
            m_closeOverride.code = static_cast<int>(m_socket->closeCode());
            m_closeOverride.reason = m_socket->closeReason();
            m_closeOverride.byUs = false;
            m_haveCloseOverride = true;
        }
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors) {
            reasons.append(error.errorString());
        }
        // Never ignored: the handshake fails and closed() reports the reason.
        m_tlsError = reasons.join(u"; "_s);
        qCWarning(lcLivePerson) << "UMS TLS verification failed:" << m_tlsError;
    });
    m_pingTimer->setInterval(m_options.pingInterval);
    connect(m_pingTimer, &QTimer::timeout, this, &UmsConnection::sendPing);
    m_clockTimer->setInterval(m_options.clockInterval);
    connect(m_clockTimer, &QTimer::timeout, this, &UmsConnection::sendClock);
    m_tickTimer->setInterval(m_options.timeoutCheckInterval);
    connect(m_tickTimer, &QTimer::timeout, this, &UmsConnection::handleTick);
}

UmsConnection::~UmsConnection()
{
    m_destroying = true;
    // Pending callbacks belong to the owner, which is going away too: drop them silently.
    m_pending.clear();
    m_socket->disconnect(this);
    m_socket->abort();
}

void UmsConnection::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_socket->setSslConfiguration(configuration);
}

void UmsConnection::open(const QUrl &url)
{
    m_sinceStart.start();
    m_lastAliveMs = 0;
    m_tickTimer->start();
    qCDebug(lcLivePerson) << "Opening UMS socket to" << url.host() << url.port();
    m_socket->open(QNetworkRequest(url));
}

void UmsConnection::close(int code, const QString &reason)
{
    if (m_closedEmitted) {
        return;
    }
    m_closeOverride = CloseInfo{code, reason, true, 0, !m_opened, {}};
    m_haveCloseOverride = true;
    if (m_opened) {
        m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    } else {
        m_socket->abort();
    }
    // The socket may not report disconnected() when it never connected; make sure closed() comes.
    QMetaObject::invokeMethod(this, &UmsConnection::handleDisconnected, Qt::QueuedConnection);
}

bool UmsConnection::isOpen() const
{
    return m_opened && !m_closedEmitted;
}

QString UmsConnection::request(const QString &type,
                               const QJsonValue &body,
                               ResponseCallback callback,
                               const QJsonArray &metadata,
                               const QString &encodedMetadata)
{
    const QString id = beginRequest(type, std::move(callback), true);
    if (!id.isEmpty()) {
        sendFrame(type, id, Ums::buildRequest(id, type, body, metadata, encodedMetadata));
    }
    return id;
}

QString UmsConnection::requestJson(const QString &type,
                                   QByteArrayView bodyJson,
                                   ResponseCallback callback,
                                   bool wantBody,
                                   const QJsonArray &metadata,
                                   const QString &encodedMetadata)
{
    const QString id = beginRequest(type, std::move(callback), wantBody);
    if (!id.isEmpty()) {
        sendFrame(type, id, Ums::buildRequestJson(id, type, bodyJson, metadata, encodedMetadata));
    }
    return id;
}

QString UmsConnection::beginRequest(const QString &type, ResponseCallback callback, bool wantBody)
{
    if (!isOpen()) {
        CommandResult result;
        result.error = makeError(ApiErrorKind::NotConnected, tr("The LivePerson connection is not open."));
        completeLater(std::move(callback), result);
        return {};
    }
    const QString id = u"sb-"_s + m_idPrefix + u'-' + QString::number(m_nextId++);
    m_pending.insert(id, Pending{std::move(callback), m_sinceStart.elapsed(), type, wantBody});
    return id;
}

void UmsConnection::sendFrame(const QString &type, const QString &id, const QByteArray &frame)
{
    qCDebug(lcLivePerson) << "UMS →" << type << id << frame.size() << "bytes";
    m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void UmsConnection::flush()
{
    if (m_socket) {
        m_socket->flush();
    }
}

qint64 UmsConnection::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

int UmsConnection::pendingRequestCount() const
{
    return static_cast<int>(m_pending.size());
}

int UmsConnection::malformedFrameCount() const
{
    return m_malformed;
}

qint64 UmsConnection::clockSkewMs() const
{
    return m_clockSkewMs;
}

int UmsConnection::handshakeStatusFromError(const QString &errorString)
{
    // Qt 6.4: "QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression pattern(u"status code:?\\s*(\\d{3})"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(errorString);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

void UmsConnection::handleConnected()
{
    m_opened = true;
    markAlive();
    m_pingTimer->start();
    m_clockTimer->start();
    qCInfo(lcLivePerson) << "UMS socket open";
    sendPing();
    Q_EMIT opened();
}

void UmsConnection::handleError()
{
    m_lastError = m_socket->errorString();
    qCDebug(lcLivePerson) << "UMS socket error:" << m_socket->error();
    if (!m_opened) {
        // A failed upgrade does not always end in disconnected(); finish here (once).
        m_socket->abort();
        QMetaObject::invokeMethod(this, &UmsConnection::handleDisconnected, Qt::QueuedConnection);
    }
}

void UmsConnection::handleDisconnected()
{
    if (m_closedEmitted || m_destroying) {
        return;
    }
    m_closedEmitted = true;
    m_pingTimer->stop();
    m_clockTimer->stop();
    m_tickTimer->stop();

    CloseInfo info;
    if (m_haveCloseOverride) {
        info = m_closeOverride;
    } else {
        info.code = 1006;
        info.reason = m_lastError;
    }
    info.neverOpened = !m_opened;
    if (!m_opened) {
        info.handshakeStatus = handshakeStatusFromError(m_lastError);
        info.tlsError = m_tlsError;
        if (!info.byUs && info.reason.isEmpty()) {
            info.reason = m_lastError;
        }
    }
    qCInfo(lcLivePerson) << "UMS socket closed:" << info.code << (info.byUs ? "by us" : "by the server or network")
                         << (info.neverOpened ? "before opening" : "") << info.handshakeStatus;
    failAllPending(makeError(ApiErrorKind::NotConnected,
                             tr("The LivePerson connection closed (code %1) before the answer came.").arg(info.code)));
    Q_EMIT closed(info);
}

void UmsConnection::handleText(const QString &text)
{
    markAlive();
    // UTF-8 into the reused buffer, followed by the padding the reader needs.
    const qsizetype capacity = m_encoder.requiredSpace(text.size()) + Ums::FrameReader::Padding;
    if (m_frameBuffer.size() < capacity) {
        m_frameBuffer.resize(capacity);
    }
    char *const begin = m_frameBuffer.data();
    const qsizetype size = m_encoder.appendToBuffer(begin, text) - begin;
    std::fill_n(begin + size, Ums::FrameReader::Padding, '\0');
    processFrame(size);
    // One huge frame must not keep its buffer for the connection's life.
    constexpr qsizetype KeptBufferBytes = 256 * 1024;
    if (m_frameBuffer.size() > KeptBufferBytes) {
        m_frameBuffer = QByteArray();
    }
}

void UmsConnection::processFrame(qsizetype size)
{
    auto frame = m_reader.read(m_frameBuffer.constData(), size);
    if (!frame) {
        ++m_malformed;
        const QString reason = frame.error().message;
        qCWarning(lcLivePerson) << "Malformed UMS frame dropped:" << reason << "(" << size << "bytes)";
        Q_EMIT malformedFrame(reason);
        const QString reqId = m_reader.requestId();
        const auto it = m_pending.find(reqId);
        if (!reqId.isEmpty() && it != m_pending.end()) {
            Pending pending = std::move(it.value());
            m_pending.erase(it);
            CommandResult result;
            result.error = makeError(ApiErrorKind::Protocol, tr("Malformed answer from LivePerson: %1.").arg(reason));
            pending.callback(result);
        }
        return;
    }
    if (frame->kind == Ums::FrameKind::Notification) {
        qCDebug(lcLivePerson) << "UMS ←" << frame->type << size << "bytes";
        static const QMetaMethod parsedSignal = QMetaMethod::fromSignal(&UmsConnection::notificationParsed);
        static const QMetaMethod receivedSignal = QMetaMethod::fromSignal(&UmsConnection::notificationReceived);
        if (isSignalConnected(parsedSignal)) {
            Q_EMIT notificationParsed(*frame, &m_reader);
        }
        if (isSignalConnected(receivedSignal)) {
            Ums::Frame full = *frame;
            full.body = m_reader.body();
            Q_EMIT notificationReceived(full);
        }
        return;
    }
    const auto it = m_pending.find(frame->reqId);
    if (it == m_pending.end()) {
        qCDebug(lcLivePerson) << "UMS response for unknown or expired request" << frame->reqId << frame->code;
        return;
    }
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    qCDebug(lcLivePerson) << "UMS ← response" << frame->reqId << pending.type << frame->code;
    CommandResult result;
    result.code = frame->code;
    if (pending.wantBody || frame->code > 399) {
        result.body = m_reader.body();
    }
    if (frame->code > 399) {
        result.error = makeError(ApiErrorKind::Http,
                                 tr("LivePerson refused %1 with code %2.").arg(pending.type).arg(frame->code),
                                 frame->code,
                                 result.body);
    }
    pending.callback(result);
}

void UmsConnection::handleTick()
{
    const qint64 now = m_sinceStart.elapsed();
    if (!m_opened) {
        // The handshake gets as long as a silent socket would.
        if (now >= m_options.deadAfter.count()) {
            m_lastError =
                tr("The WebSocket handshake did not finish within %1 s.").arg(m_options.deadAfter.count() / 1000.0);
            m_closeOverride = CloseInfo{1006, m_lastError, true, 0, true, {}};
            m_haveCloseOverride = true;
            m_socket->abort();
            QMetaObject::invokeMethod(this, &UmsConnection::handleDisconnected, Qt::QueuedConnection);
        }
        return;
    }
    if (m_pending.capacity() > 1024 && m_pending.size() < m_pending.capacity() / 8) {
        // A burst of requests (thousands of ring accepts) grew the table; QHash keeps its size.
        m_pending.squeeze();
    }
    QList<QString> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (now - it->sentAtMs >= m_options.requestTimeout.count()) {
            expired.append(it.key());
        }
    }
    for (const QString &id : expired) {
        Pending pending = m_pending.take(id);
        qCWarning(lcLivePerson) << "UMS request" << pending.type << id << "timed out";
        CommandResult result;
        result.error = makeError(ApiErrorKind::Timeout,
                                 tr("LivePerson did not answer %1 within %2 s.")
                                     .arg(pending.type)
                                     .arg(m_options.requestTimeout.count() / 1000.0));
        pending.callback(result);
        if (m_closedEmitted) {
            return;
        }
    }
    if (now - m_lastAliveMs >= m_options.deadAfter.count()) {
        const QString reason =
            tr("Nothing arrived on the LivePerson connection for %1 s.").arg(m_options.deadAfter.count() / 1000.0);
        qCWarning(lcLivePerson) << "UMS socket declared dead after" << (now - m_lastAliveMs) << "ms of silence";
        m_closeOverride = CloseInfo{1006, reason, true, 0, false, {}};
        m_haveCloseOverride = true;
        m_socket->abort();
        QMetaObject::invokeMethod(this, &UmsConnection::handleDisconnected, Qt::QueuedConnection);
    }
}

void UmsConnection::sendPing()
{
    if (isOpen()) {
        m_socket->ping();
    }
}

void UmsConnection::sendClock()
{
    if (!isOpen()) {
        return;
    }
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    request(Ums::Type::GetClock, QJsonObject{}, [this, sentAt](const CommandResult &result) {
        if (!result.ok()) {
            return; // a missing answer shows up as a timeout and, if it persists, a dead socket
        }
        const auto time = Ums::parseClockResponse(result.body);
        if (!time) {
            ++m_malformed;
            qCWarning(lcLivePerson) << "Malformed GetClock answer:" << time.error().message;
            return;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_clockSkewMs = *time - (sentAt + now) / 2;
    });
}

void UmsConnection::failAllPending(const ApiError &error)
{
    const QHash<QString, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        CommandResult result;
        result.error = error;
        entry.callback(result);
    }
}

void UmsConnection::completeLater(ResponseCallback callback, const CommandResult &result)
{
    QMetaObject::invokeMethod(
        this, [callback = std::move(callback), result] { callback(result); }, Qt::QueuedConnection);
}

void UmsConnection::markAlive()
{
    m_lastAliveMs = m_sinceStart.elapsed();
}

} // namespace Switchboard::LivePerson
