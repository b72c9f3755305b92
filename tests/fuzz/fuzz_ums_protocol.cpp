// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the client side of the Messaging Agent API (core/liveperson/UmsProtocol):
// every frame the server sends goes through Ums::parseFrame() and then, by type, one of the body
// parsers. Here every body parser sees every body, whatever the frame's type, so a fuzzer that
// finds a valid envelope reaches all of them. Seeds: server → client frames of a node-agent-sdk
// conformance run against the sandbox (frames.jsonl), plus hand-written edge cases.
// The connection's own reader (Ums::FrameReader, simdjson) is checked against the Qt-JSON path:
// whatever it accepts Qt accepts too, with the same body, and its messaging event (fields,
// errors, content) is the one parseMessagingEvent() gives.
#include "liveperson/UmsProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace
{
using namespace Switchboard;
using namespace Switchboard::LivePerson;

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

template <typename T> void checkResult(const Result<T> &result)
{
    // A failure always carries a code and a message naming the field (UmsProtocol.h contract).
    if (!result.ok()) {
        check(!result.error().code.isEmpty());
        check(!result.error().message.isEmpty());
    }
}

void parseBodies(const QJsonValue &body)
{
    const auto routing = Ums::parseRoutingTaskNotification(body);
    checkResult(routing);
    const auto conversations = Ums::parseExConversationChangeNotification(body);
    checkResult(conversations);
    if (conversations.ok()) {
        for (const Ums::ExConversationChange &change : conversations.value()) {
            (void)change.consumerId();
            (void)change.roleOf(QStringLiteral("1.2"), QStringLiteral("p"));
        }
    }
    const auto event = Ums::parseMessagingEvent(body);
    checkResult(event);
    if (event.ok()) {
        checkResult(Ums::toConversationMessage(event.value()));
    }
    const auto query = Ums::parseQueryMessagesResponse(body);
    checkResult(query);
    if (query.ok()) {
        for (const Ums::MessagingEvent &item : query.value().events) {
            checkResult(Ums::toConversationMessage(item));
        }
    }
    checkResult(Ums::parseClockResponse(body));
}

void checkFrameReader(const QByteArray &text)
{
    static Ums::FrameReader reader; // reused, as on a connection
    QByteArray padded = text;
    padded.append(Ums::FrameReader::Padding, '\0');
    const auto frame = reader.read(padded.constData(), text.size());
    checkResult(frame);
    check(reader.requestId().size() <= Ums::MaxRequestIdLength);
    if (!frame.ok()) {
        return;
    }
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        // Known differences (UmsProtocol.h, FrameReader): a number that underflows to 0 (1e-400),
        // and the nesting limit's exact edge.
        check(error.error == QJsonParseError::IllegalNumber || error.error == QJsonParseError::DeepNesting);
        return;
    }
    check(qt.isObject());
    const QJsonValue body = qt.object().value(QStringLiteral("body"));
    check(reader.body() == (body.isUndefined() ? QJsonValue(QJsonValue::Null) : body));
    const auto expected = Ums::parseMessagingEvent(body);
    auto event = reader.messagingEvent();
    check(event.ok() == expected.ok());
    if (!expected.ok()) {
        check(event.error().message == expected.error().message);
        return;
    }
    check(event->dialogId == expected->dialogId && event->sequence == expected->sequence);
    check(event->originatorId == expected->originatorId && event->eventType == expected->eventType);
    check(event->originatorRole == expected->originatorRole && !event->hasContent);
    reader.fillEventContent(event.value());
    check(event->rawObject() == expected->raw && event->event == expected->event && event->metadata == expected->metadata);
    check(event->raw.isEmpty() || event->raw == expected->raw);
    check(event->rawJson == QJsonDocument(expected->raw).toJson(QJsonDocument::Compact));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkFrameReader(text);
    const auto frame = Ums::parseFrame(text);
    checkResult(frame);
    if (frame.ok()) {
        const Ums::Frame &f = frame.value();
        if (f.kind == Ums::FrameKind::Response) {
            check(f.code >= 100 && f.code <= 999);
            check(!f.reqId.isEmpty() && f.reqId.size() <= Ums::MaxRequestIdLength);
        }
        parseBodies(f.body);
    } else {
        const QString reqId = Ums::peekRequestId(text);
        check(reqId.size() <= Ums::MaxRequestIdLength);
        // The body parsers also see bodies of frames whose envelope is broken.
        const QJsonDocument document = QJsonDocument::fromJson(text);
        if (document.isObject()) {
            parseBodies(document.object().value(QStringLiteral("body")));
        }
    }
    return 0;
}
