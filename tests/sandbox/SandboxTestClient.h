// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain clients for the sandbox tests: QNetworkAccessManager for REST and QWebSocket for UMS,
// both trusting only the sandbox CA (verification stays on). Waiting is event-driven
// (QSignalSpy::wait / QTRY_*), never a sleep.

#include "sandbox/Emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <optional>

namespace Switchboard::Test
{

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const
    {
        return QJsonDocument::fromJson(body).object();
    }
    QJsonArray jsonArray() const
    {
        return QJsonDocument::fromJson(body).array();
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
                return pair.second;
            }
        }
        return {};
    }
};

class HttpClient
{
public:
    explicit HttpClient(const Sandbox::Emulator &emulator)
        : m_ssl(emulator.clientSslConfiguration())
        , m_base(emulator.baseUrl())
    {
        m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
    }

    HttpReply request(const QByteArray &method,
                      const QString &path,
                      const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      int timeoutMs = 10000)
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setSslConfiguration(m_ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &h : headers) {
            request.setRawHeader(h.first, h.second);
        }
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(timeoutMs)) {
            return {};
        }
        HttpReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.error = reply->error();
        out.headers = reply->rawHeaderPairs();
        return out;
    }
    HttpReply get(const QString &path)
    {
        return request("GET", path);
    }
    HttpReply post(const QString &path, const QJsonObject &body)
    {
        return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QNetworkAccessManager &nam()
    {
        return m_nam;
    }

private:
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QUrl m_base;
};

/** Logs an agent in; returns the login response (bearer, csrf, config) or an empty object. */
inline QJsonObject login(HttpClient &http, const Sandbox::Emulator &emulator, int agentIndex = 0)
{
    const auto &agent = emulator.config().agents.at(agentIndex);
    const HttpReply reply = http.post(
        QStringLiteral("/api/account/%1/login?v=1.3").arg(emulator.accountId()),
        QJsonObject{{QStringLiteral("username"), agent.loginName}, {QStringLiteral("password"), agent.password}});
    return reply.status == 200 ? reply.json() : QJsonObject();
}

/** A UMS (Messaging Agent API) client that records every frame it receives. */
class UmsClient : public QObject
{
public:
    explicit UmsClient(const Sandbox::Emulator &emulator)
        : m_emulator(emulator)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
            texts.append(text);
        });
        QObject::connect(&m_socket,
                         QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error),
                         this,
                         [this](QAbstractSocket::SocketError) { m_sawSocketError = true; });
        QObject::connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = m_socket.closeCode();
            closeReason = m_socket.closeReason();
            // QWebSocket keeps 1000 when no close frame arrived; report 1006 as RFC 6455 §7.1.5
            // (and node's ws) do for a connection that dropped without a close frame.
            if (m_sawSocketError && closeCode == 1000 && closeReason.isEmpty()) {
                closeCode = 1006;
            }
        });
        m_socket.setSslConfiguration(emulator.clientSslConfiguration());
    }

    bool open(const QString &bearer)
    {
        QUrl url(QStringLiteral("wss://127.0.0.1:%1/ws_api/account/%2/messaging/brand/%3?v=2.1&extra=1")
                     .arg(m_emulator.port())
                     .arg(m_emulator.accountId(), bearer));
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
        m_socket.open(url);
        for (int i = 0; i < 100 && connected.isEmpty() && disconnected.isEmpty(); ++i) {
            connected.wait(100);
        }
        return !connected.isEmpty();
    }

    QString send(const QString &type, const QJsonValue &body, const QJsonObject &extra = {})
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject frame{{QStringLiteral("kind"), QStringLiteral("req")},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("type"), type},
                          {QStringLiteral("body"), body}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            frame.insert(it.key(), it.value());
        }
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
        return id;
    }
    void sendRaw(const QString &text)
    {
        m_socket.sendTextMessage(text);
    }

    std::optional<QJsonObject> find(const std::function<bool(const QJsonObject &)> &predicate) const
    {
        for (const QJsonObject &f : frames) {
            if (predicate(f)) {
                return f;
            }
        }
        return std::nullopt;
    }
    std::optional<QJsonObject> findLast(const std::function<bool(const QJsonObject &)> &predicate) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (predicate(*it)) {
                return *it;
            }
        }
        return std::nullopt;
    }
    std::optional<QJsonObject> response(const QString &reqId) const
    {
        return find([&reqId](const QJsonObject &f) {
            return f.value(QStringLiteral("kind")).toString() == QLatin1String("resp") &&
                   f.value(QStringLiteral("reqId")).toString() == reqId;
        });
    }
    /** Waits up to @p ms for a frame matching @p predicate. */
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &predicate, int ms = 5000)
    {
        QSignalSpy spy(&m_socket, &QWebSocket::textMessageReceived);
        for (int waited = 0; waited < ms; waited += 50) {
            if (auto f = find(predicate)) {
                return f;
            }
            spy.wait(50);
        }
        return find(predicate);
    }
    std::optional<QJsonObject> waitResponse(const QString &reqId, int ms = 5000)
    {
        return waitFor(
            [&reqId](const QJsonObject &f) {
                return f.value(QStringLiteral("kind")).toString() == QLatin1String("resp") &&
                       f.value(QStringLiteral("reqId")).toString() == reqId;
            },
            ms);
    }
    /** A request that must succeed; returns its response body. */
    QJsonValue call(const QString &type, const QJsonValue &body, const QJsonObject &extra = {})
    {
        const auto resp = waitResponse(send(type, body, extra));
        if (!resp || resp->value(QStringLiteral("code")).toInt() >= 400) {
            qWarning() << "request" << type << "failed:" << (resp ? *resp : QJsonObject());
            return QJsonValue(QJsonValue::Undefined);
        }
        return resp->value(QStringLiteral("body"));
    }
    bool waitClosed(int ms = 5000)
    {
        QSignalSpy spy(&m_socket, &QWebSocket::disconnected);
        return closed || spy.wait(ms) || closed;
    }
    QWebSocket &socket()
    {
        return m_socket;
    }

    QList<QJsonObject> frames;
    /** The same frames as received, text for text. */
    QStringList texts;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;

private:
    const Sandbox::Emulator &m_emulator;
    QWebSocket m_socket;
    bool m_sawSocketError = false;
};

inline bool isNotification(const QJsonObject &f, const QString &type)
{
    return f.value(QStringLiteral("kind")).toString() == QLatin1String("notification") &&
           f.value(QStringLiteral("type")).toString() == type;
}

/** The first WAITING ring id in a RoutingTaskNotification frame, or empty. */
inline QString waitingRingId(const QJsonObject &f)
{
    if (!isNotification(f, QStringLiteral(".ams.routing.RoutingTaskNotification"))) {
        return {};
    }
    for (const QJsonValue &change :
         f.value(QStringLiteral("body")).toObject().value(QStringLiteral("changes")).toArray()) {
        for (const QJsonValue &ring : change.toObject()
                                          .value(QStringLiteral("result"))
                                          .toObject()
                                          .value(QStringLiteral("ringsDetails"))
                                          .toArray()) {
            if (ring.toObject().value(QStringLiteral("ringState")).toString() == QLatin1String("WAITING")) {
                return ring.toObject().value(QStringLiteral("ringId")).toString();
            }
        }
    }
    return {};
}

} // namespace Switchboard::Test
