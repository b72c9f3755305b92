// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "HttpClient.h"

#include <QStringList>

namespace Switchboard::Bot
{

/** Stable machine codes of everything that can go wrong on the bot hop. */
namespace ErrorCode
{
inline constexpr char Timeout[] = "bot.timeout";
inline constexpr char ConnectError[] = "bot.connect_error";
inline constexpr char DnsError[] = "bot.dns_error";
inline constexpr char ProxyError[] = "bot.proxy_error";
inline constexpr char TlsError[] = "bot.tls_error";
inline constexpr char ProtocolError[] = "bot.protocol_error";
inline constexpr char Http4xx[] = "bot.http_4xx";
inline constexpr char Http5xx[] = "bot.http_5xx";
inline constexpr char RateLimited[] = "bot.rate_limited";
inline constexpr char Unauthorized[] = "bot.unauthorized";
inline constexpr char NotFound[] = "bot.not_found";
inline constexpr char ResponseTooLarge[] = "bot.response_too_large";
inline constexpr char InvalidJson[] = "bot.invalid_json";
inline constexpr char ContractViolation[] = "bot.contract_violation";
inline constexpr char EmptyResponse[] = "bot.empty_response";
inline constexpr char BadDelay[] = "bot.bad_delay";
inline constexpr char UnknownSkill[] = "bot.unknown_skill";
inline constexpr char StructuredContentInvalid[] = "bot.sc_invalid";
inline constexpr char QuickRepliesOnChat[] = "bot.quick_replies_on_chat";
inline constexpr char UnsupportedAction[] = "bot.unsupported_action";
inline constexpr char EncodedMetadataTooLarge[] = "bot.encoded_metadata_too_large";
inline constexpr char EncodedMetadataInvalid[] = "bot.encoded_metadata_invalid";
inline constexpr char StateNotOnline[] = "bot.state_not_online";
inline constexpr char TokenError[] = "bot.token_error";
inline constexpr char ConfigInvalid[] = "bot.config_invalid";
inline constexpr char CallbackTimeout[] = "bot.callback_timeout";
inline constexpr char CallbackMalformed[] = "callback.malformed";
inline constexpr char CallbackUnauthorized[] = "callback.unauthorized";
inline constexpr char CallbackUnknownConsumer[] = "callback.unknown_consumer";
inline constexpr char CallbackUnknownConversation[] = "callback.unknown_conversation";
inline constexpr char CallbackTooLarge[] = "callback.too_large";
inline constexpr char CallbackRateLimited[] = "callback.rate_limited";
inline constexpr char CallbackNotFound[] = "callback.not_found";
inline constexpr char CallbackMethodNotAllowed[] = "callback.method_not_allowed";
inline constexpr char CallbackListenFailed[] = "callback.listen_failed";
} // namespace ErrorCode

/**
 * The catalogue of bot-hop error codes: for each code a translated one-line description and a
 * one-line fix hint for the operator. The transcript, the event log and `switchboard-cli
 * integration test` all take their wording from here. Stateless; thread-safe.
 */
class BotErrors final
{
public:
    BotErrors() = delete;

    /** Every known code, in catalogue order. */
    static QStringList codes();
    static bool isKnown(const QString &code);
    /** Translated one-line description ("The bot did not answer in time."). */
    static QString describe(const QString &code);
    /** Translated one-line fix hint. */
    static QString hint(const QString &code);

    /**
     * A BotError with its hint filled in. `message` carries the specifics (translated, with
     * parameters); when empty the description is used.
     */
    static BotError
    make(const QString &code, const QString &message = {}, int httpStatus = 0, const QString &path = {});
    static BotError make(const char *code, const QString &message = {}, int httpStatus = 0, const QString &path = {});

    /** The error for a failed HTTP answer (transport error, or a status that is no success). */
    static BotError fromHttp(const HttpResponse &response);
    /** One line for logs and the CLI: "bot.timeout: message — hint". */
    static QString format(const BotError &error);
};

} // namespace Switchboard::Bot
