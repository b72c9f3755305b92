// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyFastParser.h"

#include <array>
#include <cmath>
#include <cstring>
#include <simdjson.h>
#include <string_view>
#include <vector>

namespace Switchboard::Bot
{

namespace
{
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

/** Reused by every answer parsed on a thread: simdjson's parser and the padded copy of the body. */
struct ThreadState
{
    // Room for the usual answers (a few hundred bytes) from the start, so that answers growing
    // by a byte do not reallocate (and leave holes between a session's conversation data). A
    // document nested deeper than the parser's depth is refused and goes to the Qt path, as
    // readsAlikeInQt() would send it there.
    static constexpr size_t initialCapacity = 1024;

    ThreadState()
    {
        if (parser.allocate(initialCapacity, 2 * ReplyFastParser::maxDepth) == simdjson::SUCCESS) {
            buffer.resize(initialCapacity + simdjson::SIMDJSON_PADDING);
        }
    }

    simdjson::dom::parser parser;
    std::vector<char> buffer;
};

ThreadState &threadState()
{
    thread_local ThreadState state;
    return state;
}

// Containers by value: a range-for over `x.get_object().value_unsafe()` would iterate a reference
// into a destroyed temporary.
object objectOf(element value)
{
    return value.get_object().value_unsafe();
}

simdjson::dom::array arrayOf(element value)
{
    return value.get_array().value_unsafe();
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Whether Qt's parser reads `value` to the same values as simdjson did. Qt refuses a number that
// underflows (a denormal, or 1e-400, which simdjson reads as 0; a zero cannot be told from it
// here); with duplicate keys the paths could pick different members. UINT64 is fine: Qt reads it
// as the same double, and the fields read below take no UINT64.
bool readsAlikeInQt(element value, int depth)
{
    switch (value.type()) {
    case element_type::OBJECT: {
        if (depth >= ReplyFastParser::maxDepth) {
            return false;
        }
        std::array<std::string_view, 32> keys;
        size_t count = 0;
        for (const simdjson::dom::key_value_pair field : objectOf(value)) {
            if (count == keys.size()) {
                return false;
            }
            for (size_t i = 0; i < count; ++i) {
                if (keys[i] == field.key) {
                    return false;
                }
            }
            keys[count++] = field.key;
            if (!readsAlikeInQt(field.value, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case element_type::ARRAY:
        if (depth >= ReplyFastParser::maxDepth) {
            return false;
        }
        for (const element item : arrayOf(value)) {
            if (!readsAlikeInQt(item, depth + 1)) {
                return false;
            }
        }
        return true;
    case element_type::DOUBLE:
        return std::isnormal(value.get_double().value_unsafe());
    case element_type::STRING:
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::BOOL:
    case element_type::NULL_VALUE:
        return true;
    }
    return false;
}

// A member (keys are unique: readsAlikeInQt() checked).
std::optional<element> member(std::optional<object> container, std::string_view key)
{
    if (container) {
        for (const simdjson::dom::key_value_pair field : *container) {
            if (field.key == key) {
                return field.value;
            }
        }
    }
    return std::nullopt;
}

bool isAbsentOrNull(const std::optional<element> &value)
{
    return !value || value->is_null();
}

std::optional<std::string_view> nonEmptyString(const std::optional<element> &value)
{
    if (!value || !value->is_string() || value->get_string().value_unsafe().empty()) {
        return std::nullopt;
    }
    return value->get_string().value_unsafe();
}

// The number QJsonValue::toDouble() gives, for the kinds Qt and simdjson read alike.
std::optional<double> numberOf(const std::optional<element> &value)
{
    if (value && value->type() == element_type::INT64) {
        return static_cast<double>(value->get_int64().value_unsafe());
    }
    if (value && value->type() == element_type::DOUBLE) {
        return value->get_double().value_unsafe();
    }
    return std::nullopt;
}

// QString::trimmed().isEmpty() without the copy when the text starts with a visible ASCII character.
bool isBlank(const QString &text)
{
    if (!text.isEmpty() && text.front().unicode() > 0x20 && text.front().unicode() < 0x7f) {
        return false;
    }
    return text.trimmed().isEmpty();
}

// Plain base64: a subset of what ReplyParser's pattern accepts (no newline before the end).
bool isPlainBase64(std::string_view text)
{
    if (text.size() % 4 != 0) {
        return false;
    }
    size_t end = text.size();
    for (int padding = 0; padding < 2 && end > 0 && text[end - 1] == '='; ++padding) {
        --end;
    }
    for (size_t i = 0; i < end; ++i) {
        const char c = text[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
            return false;
        }
    }
    return true;
}

// An intent id that ReplyParser's `^\S+$` certainly accepts: visible ASCII only.
bool isPlainId(std::string_view id)
{
    if (id.empty()) {
        return false;
    }
    for (const char c : id) {
        if (c <= 0x20 || c >= 0x7f) {
            return false;
        }
    }
    return true;
}

bool readText(object data, const ReplyParser::Options &options, BotReply &reply)
{
    reply.kind = ReplyKind::Text;
    const auto message = member(data, "message");
    if (!message || !message->is_string()) {
        return false;
    }
    reply.text = toQString(message->get_string().value_unsafe());
    if (isBlank(reply.text)) {
        return false;
    }
    if (const auto audience = member(data, "messageAudience")) {
        const std::string_view value = audience->is_string() ? audience->get_string().value_unsafe() : "";
        if (value == "AGENTS_AND_MANAGERS") {
            reply.audience = MessageAudience::AgentsAndManagers;
        } else if (value != "ALL") {
            return false;
        }
    }
    if (!isAbsentOrNull(member(data, "metadata"))) {
        return false;
    }
    const auto encoded = member(data, "encodedMetadata");
    if (!isAbsentOrNull(encoded)) {
        // On chat it is dropped with a warning: the Qt path says so.
        const auto text = nonEmptyString(encoded);
        if (options.channel != ChannelType::Messaging || !text ||
            text->size() > size_t(ReplyParser::maxEncodedMetadataLength) || !isPlainBase64(*text)) {
            return false;
        }
        reply.encodedMetadata = QString::fromLatin1(text->data(), static_cast<qsizetype>(text->size()));
    }
    return true;
}

bool readDelay(object data, BotReply &reply)
{
    const auto seconds = member(data, "seconds");
    if (!seconds || seconds->type() != element_type::INT64) {
        return false;
    }
    const int64_t value = seconds->get_int64().value_unsafe();
    if (value < 1 || value > 3600) {
        return false;
    }
    const auto typing = member(data, "typing");
    if (typing && !typing->is_bool()) {
        return false;
    }
    reply.kind = ReplyKind::Delay;
    reply.delaySeconds = static_cast<int>(value);
    reply.typing = typing ? typing->get_bool().value_unsafe() : true;
    return true;
}

bool readAction(object data, BotReply &reply)
{
    const auto name = member(data, "name");
    const auto parametersValue = member(data, "parameters");
    if (!name || !name->is_string() || (!isAbsentOrNull(parametersValue) && !parametersValue->is_object())) {
        return false;
    }
    const std::optional<object> parameters =
        isAbsentOrNull(parametersValue) ? std::nullopt : std::optional<object>(objectOf(*parametersValue));
    const std::string_view action = name->get_string().value_unsafe();
    if (action == "TRANSFER") {
        reply.kind = ReplyKind::Transfer;
        const auto skill = member(parameters, "skillName");
        const auto agent = member(parameters, "agentId");
        // Numeric agent ids are accepted with a warning: the Qt path's.
        if ((skill && !nonEmptyString(skill)) || (agent && !nonEmptyString(agent))) {
            return false;
        }
        if (skill) {
            reply.skillName = toQString(*nonEmptyString(skill));
        }
        if (agent) {
            reply.agentId = toQString(*nonEmptyString(agent));
        }
        return !(reply.skillName.trimmed().isEmpty() && reply.agentId.trimmed().isEmpty());
    }
    if (action == "CLOSE_CONVERSATION") {
        reply.kind = ReplyKind::CloseConversation;
        const auto withoutPcs = member(parameters, "withoutPcs");
        if (withoutPcs && !withoutPcs->is_bool()) {
            return false;
        }
        reply.withoutPcs = withoutPcs ? withoutPcs->get_bool().value_unsafe() : false;
        return true;
    }
    if (action == "CHANGE_TTR") {
        reply.kind = ReplyKind::ChangeTtr;
        const std::string_view ttr = nonEmptyString(member(parameters, "ttrType")).value_or(std::string_view());
        if (ttr == "URGENT") {
            reply.ttrType = TtrType::Urgent;
        } else if (ttr == "NORMAL") {
            reply.ttrType = TtrType::Normal;
        } else if (ttr == "PRIORITIZED") {
            reply.ttrType = TtrType::Prioritized;
        } else if (ttr == "CUSTOM") {
            reply.ttrType = TtrType::Custom;
            const auto value = member(parameters, "value");
            if (const auto text = nonEmptyString(value)) {
                reply.ttrValue = toQString(*text);
            } else if (const auto number = numberOf(value)) {
                reply.ttrValue = QString::number(*number, 'g', 15);
            } else {
                return false;
            }
        } else {
            return false;
        }
        return true;
    }
    // INVOKE_FUNCTION (an error or a warning) and unknown actions: the Qt path.
    return false;
}

bool readIntents(const std::optional<element> &intents, QList<Intent> &out)
{
    if (!intents) {
        return true;
    }
    if (!intents->is_array()) {
        return false;
    }
    for (const element entry : arrayOf(*intents)) {
        if (!entry.is_object()) {
            return false;
        }
        const object intent = objectOf(entry);
        const auto id = nonEmptyString(member(intent, "id"));
        const auto score = numberOf(member(intent, "confidenceScore"));
        if (!id || !isPlainId(*id) || !score || *score < 0 || *score > 1) {
            return false;
        }
        // QJsonValue::toString(): a null string for anything but a string. (An empty one: the Qt path.)
        const auto description = member(intent, "description");
        QString descriptionText;
        if (description && description->is_string()) {
            const auto text = nonEmptyString(description);
            if (!text) {
                return false;
            }
            descriptionText = toQString(*text);
        }
        out.append(
            Intent{QString::fromLatin1(id->data(), static_cast<qsizetype>(id->size())), descriptionText, *score});
    }
    return true;
}

} // namespace

std::optional<ReplyParseResult> ReplyFastParser::parse(const QByteArray &body, const ReplyParser::Options &options)
{
    if (body.isEmpty() || body.size() > maxBodySize) {
        return std::nullopt;
    }
    ThreadState &state = threadState();
    const size_t size = static_cast<size_t>(body.size());
    if (state.buffer.size() < size + simdjson::SIMDJSON_PADDING) {
        state.buffer.resize(size + simdjson::SIMDJSON_PADDING);
    }
    std::memcpy(state.buffer.data(), body.constData(), size);
    element document;
    if (state.parser.parse(state.buffer.data(), size, false).get(document) != simdjson::SUCCESS ||
        !document.is_object() || !readsAlikeInQt(document, 0)) {
        // Not JSON for simdjson (Qt's error text then), or read differently by Qt.
        return std::nullopt;
    }
    const object root = objectOf(document);

    std::string_view itemsKey;
    QByteArray itemsKeyUtf8;
    if (options.itemsKey == QLatin1String("response")) {
        itemsKey = "response";
    } else if (options.itemsKey == QLatin1String("replies")) {
        itemsKey = "replies";
    } else {
        itemsKeyUtf8 = options.itemsKey.toUtf8();
        itemsKey = std::string_view(itemsKeyUtf8.constData(), static_cast<size_t>(itemsKeyUtf8.size()));
    }
    const auto items = member(root, itemsKey);
    if (!items || !items->is_array()) {
        return std::nullopt;
    }

    ReplyParseResult result;
    BotResponse &response = result.response;
    bool hasMessageOrAction = false;
    bool sawAction = false;
    for (const element itemValue : arrayOf(*items)) {
        if (sawAction || !itemValue.is_object()) {
            // Items after the action are dropped with a warning.
            return std::nullopt;
        }
        const object item = objectOf(itemValue);
        const auto type = nonEmptyString(member(item, "type"));
        const auto data = member(item, "data");
        if (!type || !data || !data->is_object()) {
            return std::nullopt;
        }
        BotReply reply;
        bool read = false;
        if (*type == "TEXT") {
            read = readText(objectOf(*data), options, reply);
        } else if (*type == "DELAY") {
            read = readDelay(objectOf(*data), reply);
        } else if (*type == "ACTION") {
            read = readAction(objectOf(*data), reply);
            sawAction = true;
        }
        if (!read) {
            return std::nullopt;
        }
        hasMessageOrAction = hasMessageOrAction || reply.kind != ReplyKind::Delay;
        response.items.append(std::move(reply));
    }
    if (!hasMessageOrAction && !options.allowEmpty) {
        return std::nullopt;
    }

    std::optional<element> intents;
    if (options.topLevelIntents) {
        intents = member(root, "intents");
    } else if (const auto analytics = member(root, "analytics")) {
        if (!analytics->is_object()) {
            return std::nullopt;
        }
        intents = member(objectOf(*analytics), "intents");
    }
    if (!readIntents(intents, response.intents)) {
        return std::nullopt;
    }
    return result;
}

} // namespace Switchboard::Bot
