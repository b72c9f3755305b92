// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>
#include <optional>

namespace Switchboard::Test
{

/** One request as the in-test bots see it. */
struct MiniRequest
{
    QByteArray method;
    /** Path and query as sent, e.g. "/v1/bots/b1/environments/draft/state". */
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int connectionId = 0;

    QByteArray header(const QByteArray &name) const;
};

/** The answer channel of one request: now, later (kept in a lambda), or never. */
class MiniResponder
{
public:
    MiniResponder() = default;
    explicit MiniResponder(QTcpSocket *socket);

    void send(int status,
              const QByteArray &body = {},
              const QByteArray &contentType = QByteArrayLiteral("application/json"),
              const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    /** Writes raw bytes (for broken answers). */
    void sendRaw(const QByteArray &bytes);
    /** Drops the connection without an answer. */
    void abort();
    bool isConnected() const;

private:
    QPointer<QTcpSocket> m_socket;
};

/**
 * A small HTTP/1.1 server for the bot tests (keep-alive, Content-Length bodies), so each test
 * bot decides exactly what goes on the wire: delayed answers, no answer, broken bytes, any
 * status. Optionally TLS. Listens on 127.0.0.1, port 0.
 */
class MiniHttpServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const MiniRequest &, MiniResponder)>;

    explicit MiniHttpServer(Handler handler = {}, QObject *parent = nullptr);
    ~MiniHttpServer() override;

    void setHandler(Handler handler);
    void setTls(const QSslConfiguration &configuration);
    quint16 listen();
    quint16 port() const;
    /** "http://127.0.0.1:<port>" (https with TLS). */
    QString baseUrl() const;

    QList<MiniRequest> requests;
    int connections = 0;

private:
    void handleData(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer *m_server = nullptr;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace Switchboard::Test
