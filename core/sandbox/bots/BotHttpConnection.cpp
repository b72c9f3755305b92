// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotHttpConnection.h"

#include "sandbox/SandboxLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    // Comma-separated header values such as "keep-alive, Upgrade".
    for (QByteArrayView part : QByteArray(list.data(), list.size()).split(',')) {
        if (equalsIgnoringCase(part.trimmed(), token)) {
            return true;
        }
    }
    return false;
}

} // namespace

BotHttpConnection::BotHttpConnection(QTcpSocket *socket, BotHttpServer::Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &BotHttpConnection::handleReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closed;
        deleteLater();
    });
    if (m_socket->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &BotHttpConnection::handleReadyRead, Qt::QueuedConnection);
    }
}

bool BotHttpConnection::isOpen() const
{
    return m_state != State::Closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool BotHttpConnection::closeAfterResponse() const
{
    return m_close;
}

void BotHttpConnection::handleReadyRead()
{
    if (m_state == State::Closed) {
        m_socket->readAll();
        return;
    }
    m_buffer.append(m_socket->readAll());
    if (m_state != State::WaitingForAnswer) {
        parse();
    } else if (m_buffer.size() > BotHttpServer::maxHeaderBytes + BotHttpServer::maxBodyBytes) {
        // A client pipelining without bound while its answer is pending: drop it rather than grow forever.
        qCWarning(lcSandbox) << "demo bot HTTP: closing a connection that pipelined more than 64 MiB";
        m_state = State::Closed;
        m_buffer.clear();
        m_socket->abort();
    }
}

void BotHttpConnection::fail(int status, const QByteArray &reason)
{
    qCDebug(lcSandbox) << "demo bot HTTP: rejecting a request with" << status << reason;
    const QByteArray body =
        QJsonDocument(QJsonObject{{"name"_L1, "BadRequestError"_L1}, {"message"_L1, QString::fromLatin1(reason)}})
            .toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) +
                    "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_state = State::Closed;
    m_buffer.clear();
    m_socket->disconnectFromHost();
}

void BotHttpConnection::parse()
{
    while (m_state != State::WaitingForAnswer && m_state != State::Closed) {
        switch (m_state) {
        case State::Headers: {
            // Tolerate empty lines between requests (RFC 9112 §2.2).
            qsizetype skip = 0;
            while (skip < m_buffer.size() && (m_buffer.at(skip) == '\r' || m_buffer.at(skip) == '\n')) {
                ++skip;
            }
            if (skip > 0) {
                m_buffer.remove(0, skip);
                m_scanned = 0;
            }
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanned - 3));
            if (headEnd < 0) {
                m_scanned = m_buffer.size();
                if (m_buffer.size() > BotHttpServer::maxHeaderBytes) {
                    fail(431, "The request head is larger than 64 KiB.");
                }
                return;
            }
            m_scanned = 0;
            if (headEnd > BotHttpServer::maxHeaderBytes) {
                fail(431, "The request head is larger than 64 KiB.");
                return;
            }
            if (!parseHead(headEnd)) {
                return;
            }
            m_buffer.remove(0, headEnd + 4);
            if (m_state == State::Headers) {
                dispatch();
            } else if (m_expectContinue) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            break;
        }
        case State::Body: {
            if (m_buffer.size() < m_bodyRemaining) {
                return;
            }
            m_request.body = m_buffer.left(m_bodyRemaining);
            m_buffer.remove(0, m_bodyRemaining);
            dispatch();
            break;
        }
        case State::ChunkSize: {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0) {
                if (m_buffer.size() > 1024) {
                    fail(400, "A chunk size line is too long.");
                }
                return;
            }
            QByteArray sizeText = m_buffer.left(lineEnd);
            if (const qsizetype extension = sizeText.indexOf(';'); extension >= 0) {
                sizeText.truncate(extension);
            }
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(400, "A chunk size is not hexadecimal.");
                return;
            }
            if (m_request.body.size() + size > BotHttpServer::maxBodyBytes) {
                fail(413, "The request body is larger than 64 MiB.");
                return;
            }
            m_buffer.remove(0, lineEnd + 2);
            m_bodyRemaining = size;
            m_state = size == 0 ? State::ChunkTrailer : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            if (m_buffer.size() < m_bodyRemaining + 2) {
                return;
            }
            if (m_buffer.at(m_bodyRemaining) != '\r' || m_buffer.at(m_bodyRemaining + 1) != '\n') {
                fail(400, "A chunk does not end with CRLF.");
                return;
            }
            m_request.body.append(m_buffer.constData(), m_bodyRemaining);
            m_buffer.remove(0, m_bodyRemaining + 2);
            m_state = State::ChunkSize;
            break;
        }
        case State::ChunkTrailer: {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0) {
                if (m_buffer.size() > BotHttpServer::maxHeaderBytes) {
                    fail(431, "The chunked trailer is too large.");
                }
                return;
            }
            m_buffer.remove(0, lineEnd + 2);
            if (lineEnd == 0) {
                dispatch();
            }
            break;
        }
        case State::WaitingForAnswer:
        case State::Closed:
            return;
        }
    }
}

bool BotHttpConnection::parseHead(qsizetype headEnd)
{
    m_request = BotHttpRequest{};
    m_expectContinue = false;
    const QByteArrayView head(m_buffer.constData(), headEnd);
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
        fail(400, "The request line is not METHOD TARGET VERSION.");
        return false;
    }
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    if (!version.startsWith("HTTP/1.")) {
        fail(505, "Only HTTP/1.x is supported.");
        return false;
    }
    if (method == "GET") {
        m_request.method = BotHttpRequest::Method::Get;
    } else if (method == "POST") {
        m_request.method = BotHttpRequest::Method::Post;
    } else if (method == "PUT") {
        m_request.method = BotHttpRequest::Method::Put;
    } else if (method == "DELETE") {
        m_request.method = BotHttpRequest::Method::Delete;
    }
    QByteArrayView pathPart = target;
    if (!target.startsWith('/')) {
        // absolute-form (http://host/path): keep the path.
        const qsizetype scheme = target.indexOf("://");
        const qsizetype slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
        if (slash < 0) {
            fail(400, "The request target is not a path.");
            return false;
        }
        pathPart = target.sliced(slash);
    }
    if (const qsizetype question = pathPart.indexOf('?'); question >= 0) {
        m_request.query = QUrlQuery(QString::fromLatin1(pathPart.sliced(question + 1)));
        pathPart = pathPart.first(question);
    }
    m_request.path = QUrl::fromPercentEncoding(QByteArray(pathPart.data(), pathPart.size()));

    qint64 contentLength = -1;
    bool chunked = false;
    bool keepAlive = version == "HTTP/1.1";
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = lineEnd < 0 ? head.sliced(start) : head.sliced(start, lineEnd - start);
        if (line.isEmpty()) {
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.front() == ' ' || line.front() == '\t' || line.first(colon).contains(' ')) {
            fail(400, "A header line is malformed.");
            return false;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        m_request.headers.append({QByteArray(name.data(), name.size()), QByteArray(value.data(), value.size())});
        if (equalsIgnoringCase(name, "content-length")) {
            bool ok = false;
            const qint64 length = QByteArray(value.data(), value.size()).toLongLong(&ok);
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length)) {
                fail(400, "Content-Length is not a single non-negative number.");
                return false;
            }
            contentLength = length;
        } else if (equalsIgnoringCase(name, "transfer-encoding")) {
            if (!containsToken(value, "chunked")) {
                fail(501, "Only the chunked transfer coding is supported.");
                return false;
            }
            chunked = true;
        } else if (equalsIgnoringCase(name, "connection")) {
            if (containsToken(value, "close")) {
                keepAlive = false;
            } else if (containsToken(value, "keep-alive")) {
                keepAlive = true;
            }
        } else if (equalsIgnoringCase(name, "expect")) {
            m_expectContinue = equalsIgnoringCase(value, "100-continue");
        }
    }
    m_close = !keepAlive;
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength > BotHttpServer::maxBodyBytes) {
        fail(413, "The request body is larger than 64 MiB.");
        return false;
    } else if (contentLength > 0) {
        m_bodyRemaining = contentLength;
        m_state = State::Body;
        m_expectContinue = m_expectContinue && m_buffer.size() - (headEnd + 4) < contentLength;
    } else {
        m_state = State::Headers;
        m_expectContinue = false;
    }
    return true;
}

void BotHttpConnection::dispatch()
{
    m_state = State::WaitingForAnswer;
    m_bodyRemaining = 0;
    const BotHttpRequest request = std::move(m_request);
    m_request = BotHttpRequest{};
    m_handler(request, BotHttpResponder(this));
}

void BotHttpConnection::writeResponse(const QByteArray &bytes, bool close)
{
    if (m_state != State::WaitingForAnswer) {
        return;
    }
    m_socket->write(bytes);
    if (close || m_close) {
        m_state = State::Closed;
        m_socket->disconnectFromHost();
        return;
    }
    resume();
}

void BotHttpConnection::abandonRequest()
{
    if (m_state == State::WaitingForAnswer) {
        m_state = State::Closed;
        m_socket->disconnectFromHost();
    }
}

void BotHttpConnection::resume()
{
    m_state = State::Headers;
    if (m_buffer.isEmpty() || m_resumeScheduled) {
        return;
    }
    // A pipelined request is already buffered: parse it from the event loop, not from inside send().
    m_resumeScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resumeScheduled = false;
            if (m_state == State::Headers) {
                parse();
            }
        },
        Qt::QueuedConnection);
}

} // namespace Switchboard::Sandbox
