// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotErrors.h"

#include <QCoreApplication>
#include <iterator>

namespace Switchboard::Bot
{

namespace
{

struct Entry
{
    const char *code;
    const char *description;
    const char *hint;
};

// Context "Switchboard::Bot::BotErrors" for lupdate.
#define SB_TR(text) QT_TRANSLATE_NOOP("Switchboard::Bot::BotErrors", text)

const Entry s_entries[] = {
    {ErrorCode::Timeout,
     SB_TR("The bot did not answer in time."),
     SB_TR("Check that the bot is running and fast enough, or raise the integration's timeout.")},
    {ErrorCode::ConnectError,
     SB_TR("The bot could not be reached (connection refused or reset)."),
     SB_TR("Check the base URL's host and port and that the bot service is up.")},
    {ErrorCode::DnsError,
     SB_TR("The bot's host name could not be resolved."),
     SB_TR("Check the host name in the base URL and the machine's DNS settings.")},
    {ErrorCode::ProxyError,
     SB_TR("The proxy between Switchboard and the bot failed."),
     SB_TR("Check the http_proxy/HTTPS_PROXY/NO_PROXY environment of the Switchboard process.")},
    {ErrorCode::TlsError,
     SB_TR("The TLS connection to the bot failed or its certificate was not trusted."),
     SB_TR("Install a certificate for the bot's host name signed by a trusted CA, or add the CA to the integration.")},
    {ErrorCode::ProtocolError,
     SB_TR("The bot's server broke the HTTP protocol."),
     SB_TR("Check that the base URL points at an HTTP server (and the right port).")},
    {ErrorCode::Http4xx,
     SB_TR("The bot refused the request."),
     SB_TR("Check the bot id, environment and base URL; the bot's own log tells why it refused.")},
    {ErrorCode::Http5xx,
     SB_TR("The bot failed with a server error."),
     SB_TR("Look at the bot service's log; it failed while handling the request.")},
    {ErrorCode::RateLimited,
     SB_TR("The bot asked Switchboard to slow down (429)."),
     SB_TR("Give the bot more capacity or lower the traffic routed to this integration.")},
    {ErrorCode::Unauthorized,
     SB_TR("The bot rejected Switchboard's credentials."),
     SB_TR("Check the client id and secret and that the bot trusts this Sentinel (its key or CSDS host).")},
    {ErrorCode::NotFound,
     SB_TR("The bot does not know this bot id, environment or conversation."),
     SB_TR("Check the bot id and environment; the bot answered 404 even after the conversation was re-created.")},
    {ErrorCode::ResponseTooLarge,
     SB_TR("The bot's answer was larger than allowed."),
     SB_TR("Make the bot send fewer or smaller items per answer.")},
    {ErrorCode::InvalidJson,
     SB_TR("The bot's answer is not valid JSON."),
     SB_TR("Fix the bot so that it answers with a JSON object and Content-Type application/json.")},
    {ErrorCode::ContractViolation,
     SB_TR("The bot's answer breaks the protocol contract."),
     SB_TR("Compare the bot's answer with the Custom Endpoint v1 response format (see the path given).")},
    {ErrorCode::EmptyResponse,
     SB_TR("The bot answered with no messages and no action."),
     SB_TR("Make the bot answer every event with at least one message or an action.")},
    {ErrorCode::BadDelay,
     SB_TR("The bot sent a DELAY that is not a whole number of seconds of at least 1."),
     SB_TR("Send DELAY items as {\"seconds\": <integer >= 1>, \"typing\": true|false}.")},
    {ErrorCode::UnknownSkill,
     SB_TR("The bot asked for a transfer to a skill that does not exist."),
     SB_TR("Skill names are case-sensitive; use a skill name exactly as it appears in the account.")},
    {ErrorCode::StructuredContentInvalid,
     SB_TR("The bot's structured content is not valid."),
     SB_TR("Fix the element at the path given; cards must match LivePerson's structured-content schema.")},
    {ErrorCode::QuickRepliesOnChat,
     SB_TR("The bot sent quick replies into a chat conversation."),
     SB_TR("Quick replies work in messaging only; send a text or a card on chat.")},
    {ErrorCode::UnsupportedAction,
     SB_TR("The bot asked for an action Switchboard does not perform."),
     SB_TR("Use TRANSFER, CLOSE_CONVERSATION or CHANGE_TTR; INVOKE_FUNCTION needs LivePerson Functions.")},
    {ErrorCode::EncodedMetadataTooLarge,
     SB_TR("The bot's encodedMetadata is larger than 5 KB."),
     SB_TR("Keep encodedMetadata at most 5000 base64 characters.")},
    {ErrorCode::EncodedMetadataInvalid,
     SB_TR("The bot's encodedMetadata is not valid base64."),
     SB_TR("Send encodedMetadata as standard base64 (A-Z, a-z, 0-9, +, /, = padding).")},
    {ErrorCode::StateNotOnline,
     SB_TR("The bot reports that it is not online."),
     SB_TR("Bring the bot's environment online; any state but \"online\" counts as down.")},
    {ErrorCode::TokenError,
     SB_TR("No App JWT could be obtained from Sentinel."),
     SB_TR("Check the application's client id and secret, the account id and the Sentinel host.")},
    {ErrorCode::ConfigInvalid,
     SB_TR("The integration's bot settings are incomplete or invalid."),
     SB_TR("Open the integration and correct the bot settings named in the message.")},
    {ErrorCode::CallbackTimeout,
     SB_TR("The webhook bot accepted the event but never posted its answer."),
     SB_TR("Make the bot post its answer to the callback URL in time, or answer with 200 directly.")},
    {ErrorCode::CallbackMalformed,
     SB_TR("A callback from the bot was malformed."),
     SB_TR("Fix the bot's callback body; the message says which field is wrong.")},
    {ErrorCode::CallbackUnauthorized,
     SB_TR("A callback came without the right bearer token."),
     SB_TR("Give the bot the integration's callback token and send it as 'Authorization: Bearer <token>'.")},
    {ErrorCode::CallbackUnknownConsumer,
     SB_TR("A callback named a consumer with no open conversation at this integration."),
     SB_TR("Post callbacks only to the callback URL of an event the bot received, while the conversation is open.")},
    {ErrorCode::CallbackUnknownConversation,
     SB_TR("A callback named a conversation this consumer does not have."),
     SB_TR("Echo the conversation id of the event the bot is answering.")},
    {ErrorCode::CallbackTooLarge,
     SB_TR("A callback body was larger than allowed."),
     SB_TR("Send fewer or smaller items per callback.")},
    {ErrorCode::CallbackRateLimited,
     SB_TR("The bot sent callbacks faster than allowed."),
     SB_TR("Slow the bot down; wait for Retry-After before posting again.")},
    {ErrorCode::CallbackNotFound,
     SB_TR("A callback went to an unknown path."),
     SB_TR("Post callbacks to /connector/{consumerId} exactly.")},
    {ErrorCode::CallbackMethodNotAllowed,
     SB_TR("A callback used a method other than POST."),
     SB_TR("Use POST for callbacks.")},
    {ErrorCode::CallbackListenFailed,
     SB_TR("The callback server could not listen on its address and port."),
     SB_TR("Choose a free port (or 0 for any) and an address of this machine.")},
};

#undef SB_TR

const Entry *findEntry(const QString &code)
{
    for (const Entry &e : s_entries) {
        if (code == QLatin1String(e.code)) {
            return &e;
        }
    }
    return nullptr;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Bot::BotErrors", text);
}

} // namespace

QStringList BotErrors::codes()
{
    QStringList all;
    all.reserve(qsizetype(std::size(s_entries)));
    for (const Entry &e : s_entries) {
        all.append(QLatin1String(e.code));
    }
    return all;
}

bool BotErrors::isKnown(const QString &code)
{
    return findEntry(code) != nullptr;
}

QString BotErrors::describe(const QString &code)
{
    const Entry *e = findEntry(code);
    return e ? tr(e->description) : tr("Unknown bot error \"%1\".").arg(code);
}

QString BotErrors::hint(const QString &code)
{
    const Entry *e = findEntry(code);
    return e ? tr(e->hint) : QString();
}

BotError BotErrors::make(const QString &code, const QString &message, int httpStatus, const QString &path)
{
    BotError error;
    error.code = code;
    error.message = message.isEmpty() ? describe(code) : message;
    error.hint = hint(code);
    error.httpStatus = httpStatus;
    error.path = path;
    return error;
}

BotError BotErrors::make(const char *code, const QString &message, int httpStatus, const QString &path)
{
    return make(QString::fromLatin1(code), message, httpStatus, path);
}

BotError BotErrors::fromHttp(const HttpResponse &response)
{
    switch (response.error) {
    case HttpError::Timeout:
        return make(ErrorCode::Timeout,
                    tr("The bot did not answer within the timeout (%1).").arg(response.errorString));
    case HttpError::Connect:
        return make(ErrorCode::ConnectError, tr("Connection to the bot failed: %1").arg(response.errorString));
    case HttpError::Resolve:
        return make(ErrorCode::DnsError, tr("Host name not resolved: %1").arg(response.errorString));
    case HttpError::Proxy:
        return make(ErrorCode::ProxyError, tr("Proxy failed: %1").arg(response.errorString));
    case HttpError::Tls:
        return make(ErrorCode::TlsError, tr("TLS failed: %1").arg(response.errorString));
    case HttpError::TooLarge:
        return make(ErrorCode::ResponseTooLarge,
                    tr("The bot's answer exceeded the size limit (%1).").arg(response.errorString));
    case HttpError::Protocol:
        return make(ErrorCode::ProtocolError, tr("HTTP protocol error: %1").arg(response.errorString));
    case HttpError::Cancelled:
    case HttpError::Other:
        return make(ErrorCode::ConnectError, tr("Request to the bot failed: %1").arg(response.errorString));
    case HttpError::None:
        break;
    }
    const int status = response.status;
    if (status == 401 || status == 403) {
        return make(ErrorCode::Unauthorized, tr("The bot answered HTTP %1.").arg(status), status);
    }
    if (status == 404) {
        return make(ErrorCode::NotFound, tr("The bot answered HTTP 404."), status);
    }
    if (status == 429) {
        return make(ErrorCode::RateLimited, tr("The bot answered HTTP 429."), status);
    }
    if (status >= 500) {
        return make(ErrorCode::Http5xx, tr("The bot answered HTTP %1.").arg(status), status);
    }
    return make(ErrorCode::Http4xx, tr("The bot answered HTTP %1.").arg(status), status);
}

QString BotErrors::format(const BotError &error)
{
    QString line = error.code + QStringLiteral(": ") + error.message;
    if (!error.path.isEmpty() && !error.message.contains(error.path)) {
        line += QStringLiteral(" [") + error.path + QLatin1Char(']');
    }
    if (!error.hint.isEmpty()) {
        line += QStringLiteral(" — ") + error.hint;
    }
    return line;
}

} // namespace Switchboard::Bot
