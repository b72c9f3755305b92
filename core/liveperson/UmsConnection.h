// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ChannelTypes.h"
#include "liveperson/UmsProtocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringEncoder>
#include <QUrl>
#include <chrono>
#include <functional>

class QTimer;
class QWebSocket;

namespace Switchboard::LivePerson
{

/**
 * One Messaging Agent API (UMS) WebSocket: request/response matching and keep-alive, nothing
 * about conversations (that is MessagingAgentChannel's job).
 *
 * - Every request gets a unique id; its response is matched by `reqId`. A request without an
 *   answer within `requestTimeout` (10 s) fails with ApiErrorKind::Timeout; all pending requests
 *   fail with NotConnected when the socket closes. A response code > 399 is an Http error.
 * - Keep-alive: a WebSocket ping every `pingInterval` (60 s, and one right after opening) and a
 *   `.GetClock` request every `clockInterval` (30 s). When nothing (no frame, no pong) arrived
 *   for `deadAfter` (90 s) the socket is declared dead and aborted: closed() reports it as 1006.
 * - Malformed frames are counted, logged with a reason, and otherwise dropped; one that still
 *   names a pending request fails that request with ApiErrorKind::Protocol.
 * - Frames are read with one reused Ums::FrameReader (fully validating); Qt JSON is built only
 *   for what is asked for: response bodies of requests that want them, notification bodies
 *   only when notificationReceived() is connected (notificationParsed() gives the reader itself).
 *
 * The URL contains the bearer: it is never logged. TLS verification is always on; the caller
 * passes the QSslConfiguration (system CAs plus the optional extra CA).
 *
 * Lifecycle: open() once; opened() or closed() follows; after closed() the object is spent
 * (create a new one to reconnect). close() / abort() emit closed() too, unless the object is
 * being destroyed. Lives on its creator's thread.
 */
class UmsConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UmsConnection)

public:
    struct Options
    {
        std::chrono::milliseconds requestTimeout{10000};
        /** How often pending requests are checked for the timeout. */
        std::chrono::milliseconds timeoutCheckInterval{1000};
        std::chrono::milliseconds pingInterval{60000};
        std::chrono::milliseconds clockInterval{30000};
        std::chrono::milliseconds deadAfter{90000};
        /** Largest incoming message accepted (a larger one closes the socket). */
        quint64 maxIncomingMessageBytes = 16 * 1024 * 1024;
        /**
         * Bytes read from the socket ahead of what has been processed (QWebSocket::setReadBufferSize).
         * Unbounded, a backlog (a burst of notifications while the thread is busy) is read whole
         * into TLS buffers that keep their high-water size for the connection's life (tens of MB);
         * bounded, the rest waits in the kernel and TCP slows the sender. 0 = unbounded.
         *
         * Also the largest single WebSocket frame accepted: QWebSocket 6.4 completes a frame only
         * once its whole payload is in the read buffer, so a larger frame would stall the socket
         * for good. It is refused instead (close 1009, "frame too big"), which the channel reports
         * and reconnects from. 1 MiB: four times the frames LivePerson is known to send (a
         * QueryMessages page, a 50-conversation ExConversationChange batch: tens to a few hundred
         * KB) and the sandbox's own frame limit; 4 MiB cost ~10 MB more RSS with 10 000 open
         * conversations (the read buffers keep their high-water size; docs/PERFORMANCE.md).
         */
        qint64 readBufferBytes = 1024 * 1024;
    };
    using ResponseCallback = std::function<void(const CommandResult &)>;

    /** What closed the socket. */
    struct CloseInfo
    {
        /** WebSocket close code; 1006 when the connection broke or was declared dead. */
        int code = 1006;
        QString reason;
        /** True when the close came from our side (close(), abort(), dead-socket detection). */
        bool byUs = false;
        /** The HTTP status of a failed upgrade (e.g. 401), 0 otherwise. */
        int handshakeStatus = 0;
        /** True when the opening handshake (TCP/TLS/HTTP upgrade) never completed. */
        bool neverOpened = false;
        /** TLS certificate problems, when that is why it failed. */
        QString tlsError;
    };

    explicit UmsConnection(Options options, QObject *parent = nullptr);
    ~UmsConnection() override;

    void setSslConfiguration(const QSslConfiguration &configuration);
    void open(const QUrl &url);
    /** A normal close with `code` (1000 by default); closed() follows. */
    void close(int code = 1000, const QString &reason = {});
    bool isOpen() const;
    /**
     * Writes the frames sent so far to the network now. QSslSocket otherwise encrypts and writes
     * its buffer on a queued call, one event-loop turn later (where several frames share a write).
     */
    void flush();
    /** Bytes of sent frames still in the socket's buffer, not yet written to the network. */
    qint64 bytesToWrite() const;

    /**
     * Sends a request; `callback` runs once (on this thread, asynchronously) with the response or
     * the error. Returns the wire id, or an empty string when the socket is not open (the
     * callback then reports NotConnected).
     */
    QString request(const QString &type,
                    const QJsonValue &body,
                    ResponseCallback callback,
                    const QJsonArray &metadata = {},
                    const QString &encodedMetadata = {});
    /**
     * request() with the body already compact JSON (JsonWriter; empty = {}). With `wantBody`
     * false the callback's CommandResult::body stays Null on success (it is not built); an error
     * response (code > 399) always carries its body.
     */
    QString requestJson(const QString &type,
                        QByteArrayView bodyJson,
                        ResponseCallback callback,
                        bool wantBody = true,
                        const QJsonArray &metadata = {},
                        const QString &encodedMetadata = {});

    int pendingRequestCount() const;
    int malformedFrameCount() const;
    /** Server clock minus ours, from the last GetClock answer (ms); 0 before the first. */
    qint64 clockSkewMs() const;

    /** Parses "…status code: 401…" out of QWebSocket's handshake error text (Qt 6.4 has no accessor). */
    static int handshakeStatusFromError(const QString &errorString);

Q_SIGNALS:
    void opened();
    void closed(const Switchboard::LivePerson::UmsConnection::CloseInfo &info);
    /** A notification, its body as Qt JSON. Built and emitted only while something is connected. */
    void notificationReceived(const Switchboard::LivePerson::Ums::Frame &frame);
    /**
     * A notification before it is converted: `frame` without its body, `reader` holding the parsed
     * frame (read its fields with Ums::FrameReader). Both are valid only during the emission:
     * connect directly (Qt::DirectConnection), never queued.
     */
    void notificationParsed(const Switchboard::LivePerson::Ums::Frame &frame,
                            const Switchboard::LivePerson::Ums::FrameReader *reader);
    void malformedFrame(const QString &reason);

private:
    struct Pending
    {
        ResponseCallback callback;
        qint64 sentAtMs = 0;
        QString type;
        bool wantBody = true;
    };

    void handleConnected();
    void handleDisconnected();
    void handleError();
    void handleText(const QString &text);
    /** Reads the frame of `size` bytes in m_frameBuffer. */
    void processFrame(qsizetype size);
    void handleTick();
    void sendPing();
    void sendClock();
    void failAllPending(const ApiError &error);
    void completeLater(ResponseCallback callback, const CommandResult &result);
    /** A new request id with @p callback pending; empty (and the callback failed later) when closed. */
    QString beginRequest(const QString &type, ResponseCallback callback, bool wantBody);
    void sendFrame(const QString &type, const QString &id, const QByteArray &frame);
    void markAlive();

    Options m_options;
    QWebSocket *m_socket = nullptr;
    /** The frame being read, as UTF-8 with the reader's padding; reused (no allocation per frame). */
    QByteArray m_frameBuffer;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    Ums::FrameReader m_reader;
    QTimer *m_pingTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
    QTimer *m_tickTimer = nullptr;
    QElapsedTimer m_sinceStart;
    qint64 m_lastAliveMs = 0;
    QHash<QString, Pending> m_pending;
    QString m_idPrefix;
    quint64 m_nextId = 1;
    int m_malformed = 0;
    qint64 m_clockSkewMs = 0;
    bool m_opened = false;
    bool m_closedEmitted = false;
    bool m_destroying = false;
    CloseInfo m_closeOverride;
    bool m_haveCloseOverride = false;
    QString m_lastError;
    QString m_tlsError;
};

} // namespace Switchboard::LivePerson

Q_DECLARE_METATYPE(Switchboard::LivePerson::UmsConnection::CloseInfo)
Q_DECLARE_METATYPE(Switchboard::LivePerson::Ums::Frame)
