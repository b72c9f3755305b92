// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the client side of the Messaging Agent API (core/liveperson/UmsProtocol):
// every frame the server sends goes through Ums::parseFrame() and then, by type, one of the body
// parsers. Here every body parser sees every body, whatever the frame's type, so a fuzzer that
// finds a valid envelope reaches all of them. Seeds: server → client frames of a node-agent-sdk
// conformance run against the sandbox (frames.jsonl), plus hand-written edge cases.
#include "liveperson/UmsProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>
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
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
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
