// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for LivePerson's Chat Agent API answers (core/liveperson/ChatAgentProtocol):
// every parser sees every input (each looks for its own wrapper: incomingRequests, events, chat,
// transfer, …), then the hrefs found go through resolveLink() and the lines through
// toConversationMessage() and transferNote(). Checks: failures say why; events come sorted by a
// non-negative @id; a resolved link never leaves the agentVep origin (the bearer goes with it).
#include "liveperson/ChatAgentProtocol.h"

#include <QUrl>
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
    if (!result.ok()) {
        check(!result.error().code.isEmpty());
        check(!result.error().message.isEmpty());
    }
}

const QUrl &base()
{
    static const QUrl url(QStringLiteral("https://va.agentvep.example:8443/api/account/10000001/agentSession/s1/chat/c1"));
    return url;
}

void checkHref(const QString &href)
{
    const auto resolved = Chat::resolveLink(href, base());
    checkResult(resolved);
    if (resolved.ok()) {
        const QUrl &url = resolved.value();
        check(url.scheme() == QLatin1String("https"));
        check(url.host() == base().host());
        check(url.port(443) == base().port(443));
        (void)Chat::withApiQuery(url);
    }
    (void)Chat::chatIdFromHref(href);
}

void checkEvents(const Chat::ChatEvents &page)
{
    qint64 previous = -1;
    for (const Chat::ChatEvent &event : page.events) {
        check(event.id >= 0 && event.id >= previous);
        previous = event.id;
        const auto message = Chat::toConversationMessage(event, QStringLiteral("c1"));
        check(!message || event.isVisitorLine());
        (void)Chat::transferNote(event.metadata);
    }
    for (const Chat::SkippedEvent &skipped : page.skipped) {
        check(!skipped.reason.isEmpty());
    }
    for (const Chat::Link &link : page.links) {
        checkHref(link.href);
    }
    checkHref(page.nextHref);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const char *wrapper : {"agentSessionLocation", "chatLocation", "chatEventLocation"}) {
        const auto location = Chat::parseLocation(body, QString::fromLatin1(wrapper));
        checkResult(location);
        if (location.ok()) {
            checkHref(location.value());
        }
    }
    const auto incoming = Chat::parseIncomingRequests(body);
    checkResult(incoming);
    if (incoming.ok()) {
        check(incoming.value().ringingCount >= 0);
        check(incoming.value().ringingCount == 0 || !incoming.value().takeHref.isEmpty());
        checkHref(incoming.value().takeHref);
    }
    const auto events = Chat::parseChatEvents(body);
    checkResult(events);
    if (events.ok()) {
        checkEvents(events.value());
    }
    const auto chat = Chat::parseChatResource(body);
    checkResult(chat);
    if (chat.ok()) {
        checkEvents(chat.value().events);
        checkHref(chat.value().eventsHref);
    }
    const auto skills = Chat::parseTransferSkills(body);
    checkResult(skills);
    return 0;
}
