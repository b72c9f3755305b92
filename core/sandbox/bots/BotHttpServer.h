// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QObject;
class QJsonDocument;
class QTcpServer;

namespace Switchboard::Sandbox
{

class BotHttpConnection;

/** One parsed HTTP request as the demo bots see it. */
struct BotHttpRequest
{
    enum class Method
    {
        Get,
        Put,
        Post,
        Delete,
        Other
    };

    Method method = Method::Other;
    /** The percent-decoded path, for example "/v1/bots/b1/environments". */
    QString path;
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    /** The value of a header (case-insensitive name); several occurrences are joined with ", ". */
    QByteArray header(QByteArrayView name) const;
};

/**
 * The answer channel of one request. Move-only; may be kept and used later (from a timer). It holds its
 * connection through a QPointer: if the client has gone, send() does nothing. The whole response goes out
 * in one socket write. A connection handles its requests strictly in order: the next pipelined request is
 * parsed only after this one was answered (or its responder destroyed unanswered, which closes the
 * connection).
 */
class BotHttpResponder final
{
public:
    BotHttpResponder() = default;
    explicit BotHttpResponder(BotHttpConnection *connection);
    BotHttpResponder(BotHttpResponder &&other) noexcept;
    BotHttpResponder &operator=(BotHttpResponder &&other) noexcept;
    BotHttpResponder(const BotHttpResponder &) = delete;
    BotHttpResponder &operator=(const BotHttpResponder &) = delete;
    ~BotHttpResponder();

    /** Sends the response; the first call wins, later calls do nothing. */
    void send(int status,
              const QByteArray &body,
              const QByteArray &contentType = QByteArrayLiteral("application/json; charset=utf-8"));
    void sendJson(int status, const QJsonDocument &document);
    /** Sends a status with no body. */
    void sendEmpty(int status);

    /** True while the client is still connected and no response was sent. */
    bool isPending() const;

private:
    QPointer<BotHttpConnection> m_connection;
    bool m_sent = true;
};

/**
 * The small HTTP/1.1 server under the demo bots: QTcpServer (QSslServer for https) plus a compact request
 * parser (Content-Length and chunked bodies, keep-alive, "Connection: close", "Expect: 100-continue",
 * pipelining in order, limits with 400/413/431 answers).
 *
 * Why not QHttpServer 6.4: its request parser reads the socket one byte per QIODevice::read() call inside a
 * transaction, which cost about a quarter of the bot's CPU per request in the benchmark (App JWT headers
 * are ~1 KB), and it has no "Expect: 100-continue". The bots see only this adapter, so the backend can be
 * swapped back once QHttpServer's API settles.
 *
 * Lives in the owner's thread; all I/O happens in that thread's event loop.
 */
class BotHttpServer final
{
public:
    using Handler = std::function<void(const BotHttpRequest &, BotHttpResponder &&)>;

    /** The listening socket becomes a child of \a owner, so it follows the owner's thread. */
    BotHttpServer(Handler handler, QObject *owner);
    ~BotHttpServer();
    BotHttpServer(const BotHttpServer &) = delete;
    BotHttpServer &operator=(const BotHttpServer &) = delete;

    /** Serves https with this configuration; call before listen(). */
    void setTls(const QSslConfiguration &configuration);
    bool isTls() const;

    /** Listens on address:port (0 = any free port); returns the bound port, or why it cannot. */
    Result<quint16> listen(const QHostAddress &address, quint16 port);

    /** http(s)://address:port with no trailing slash; empty before listen(). */
    QUrl rootUrl() const;

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 64 * 1024 * 1024;

private:
    void handleNewConnections();

    Handler m_handler;
    QObject *m_owner;
    QPointer<QTcpServer> m_server;
    std::optional<QSslConfiguration> m_tls;
    QUrl m_rootUrl;
};

/** The reason phrase of an HTTP status code ("Not Found"). */
QByteArray httpReasonPhrase(int status);

} // namespace Switchboard::Sandbox
