// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomEndpointClient.h"

#include "BotErrors.h"
#include "BotLogging.h"
#include "ReplyParser.h"
#include "RetryingRequest.h"
#include "util/JsonWriter.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cstdlib>
#include <cstring>
#include <deque>

#if defined(Q_OS_UNIX)
#include <sys/mman.h>
#endif

namespace Switchboard::Bot
{

namespace
{

/** LivePerson ids are numeric strings; the spec types them as numbers. */
QJsonValue idValue(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    if (ok && n >= 0 && n < (qint64(1) << 53)) {
        return QJsonValue(double(n));
    }
    return QJsonValue(id);
}

bool isLifecycle(EventType type)
{
    return type == EventType::Transferred || type == EventType::Closed || type == EventType::SurveyClose ||
           type == EventType::SurveyStart;
}

QByteArray compact(const QJsonObject &object)
{
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // toJson() grows its buffer as it writes; a body may wait in a queue behind a slow bot.
    text.squeeze();
    return text;
}

} // namespace

/** One delivery on its way through token, PUT and POST. */
struct CustomEndpointClient::Job
{
    /** The event without its raw LivePerson event (that lives on only inside eventBody). */
    BotEvent event;
    /**
     * The `POST …/events` body, built when the job is queued: compact JSON text is a fraction of
     * the parsed raw event it embeds, and thousands of jobs may wait behind a slow bot.
     */
    QByteArray eventBody;
    /**
     * How long it waited in the backlog, not yet charged: its first request's timeout is that much
     * shorter, as when requests waited in HttpClient's queue — so a hung bot fails a backlog within
     * one timeout (and the engine escalates), not one batch of active deliveries after another.
     */
    qint64 backlogWaitMs = 0;
    bool recreated = false;
    bool tokenRetried = false;
    /** Holds one of the client's active-delivery slots (from startNext() until finishJob()). */
    bool started = false;
    bool finished = false;
    QByteArray token;
    std::shared_ptr<RetryingRequest> request;
    quint64 generation = 0;
};

/**
 * A FIFO of byte records in blocks of whole pages of their own (mmap on Unix), each given back to
 * the system as soon as every record in it was read. Waiting deliveries kept here cost no malloc
 * chunks, so a backlog that comes and goes leaves no holes between the conversation data that
 * was allocated meanwhile (glibc cannot return such holes; docs/PERFORMANCE.md, "Memory").
 */
class CustomEndpointClient::Backlog
{
public:
    Backlog() = default;
    Q_DISABLE_COPY_MOVE(Backlog)
    ~Backlog()
    {
        clear();
    }

    bool isEmpty() const
    {
        return m_records == 0;
    }

    void push(const QByteArray &record)
    {
        const size_t need = sizeof(quint32) + size_t(record.size());
        if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().used < need) {
            const size_t capacity = std::max(s_blockBytes, (need + s_blockBytes - 1) / s_blockBytes * s_blockBytes);
            char *data = allocate(capacity);
            if (!data) {
                qFatal("out of memory for the bot delivery backlog");
            }
            m_blocks.push_back(Block{data, capacity, 0, 0});
        }
        Block &block = m_blocks.back();
        const quint32 size = quint32(record.size());
        std::memcpy(block.data + block.used, &size, sizeof size);
        std::memcpy(block.data + block.used + sizeof size, record.constData(), size_t(record.size()));
        block.used += need;
        ++m_records;
    }

    QByteArray pop()
    {
        Block &block = m_blocks.front();
        quint32 size = 0;
        std::memcpy(&size, block.data + block.read, sizeof size);
        QByteArray record(block.data + block.read + sizeof size, qsizetype(size));
        block.read += sizeof size + size;
        --m_records;
        if (block.read == block.used) {
            if (m_blocks.size() > 1) {
                release(block.data, block.capacity);
                m_blocks.pop_front();
            } else {
                // The last block is kept for the next record: no system call per delivery.
                block.read = block.used = 0;
            }
        }
        return record;
    }

    void clear()
    {
        for (const Block &block : m_blocks) {
            release(block.data, block.capacity);
        }
        m_blocks.clear();
        m_records = 0;
    }

private:
    struct Block
    {
        char *data = nullptr;
        size_t capacity = 0;
        size_t used = 0;
        size_t read = 0;
    };
    static constexpr size_t s_blockBytes = 64 * 1024;

    static char *allocate(size_t bytes)
    {
#if defined(Q_OS_UNIX)
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? nullptr : static_cast<char *>(p);
#else
        return static_cast<char *>(std::malloc(bytes));
#endif
    }
    static void release(char *data, size_t bytes)
    {
#if defined(Q_OS_UNIX)
        munmap(data, bytes);
#else
        Q_UNUSED(bytes);
        std::free(data);
#endif
    }

    std::deque<Block> m_blocks;
    qsizetype m_records = 0;
};

namespace
{

enum class BacklogRecord : quint8
{
    /** A delivery waiting for a slot: the event (without its raw LivePerson event) and its body. */
    Delivery = 1,
    /** The conversation's next delivery (already in m_queues) may start. */
    Conversation = 2,
};

QDataStream &operator<<(QDataStream &out, const ConversationContext &c)
{
    return out << qint32(c.channel) << c.skillId << c.engagementId << c.campaignId << c.contextType
               << c.assignedAgentId << c.visitor << c.extra;
}

QDataStream &operator>>(QDataStream &in, ConversationContext &c)
{
    qint32 channel = 0;
    in >> channel >> c.skillId >> c.engagementId >> c.campaignId >> c.contextType >> c.assignedAgentId >> c.visitor >>
        c.extra;
    c.channel = static_cast<ChannelType>(channel);
    return in;
}

QByteArray conversationRecord(const QString &conversationId)
{
    QByteArray record;
    QDataStream out(&record, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint8(BacklogRecord::Conversation) << conversationId;
    return record;
}

} // namespace

CustomEndpointClient::CustomEndpointClient(const CustomEndpointConfig &config,
                                           HttpClient *http,
                                           const Clock &clock,
                                           QObject *parent)
    : BotClient(parent)
    , m_config(config)
    , m_http(http)
    , m_clock(clock)
    , m_configCheck(validateConfig(config))
    , m_backlog(std::make_unique<Backlog>())
{
    while (m_config.baseUrl.endsWith(QLatin1Char('/'))) {
        m_config.baseUrl.chop(1);
    }
    if (!m_http) {
        m_ownHttp = std::make_unique<HttpClient>();
        m_http = m_ownHttp.get();
    }
    m_conversationsPrefix = m_config.baseUrl.toUtf8() + "/v1/bots/" + QUrl::toPercentEncoding(m_config.botId) +
                            "/environments/" + QUrl::toPercentEncoding(m_config.environment) + "/conversations/";
    if (m_config.maxActiveDeliveries > 0) {
        m_activeLimit = m_config.maxActiveDeliveries;
    } else if (m_http->options().maxActivePerHost > 0) {
        // Twice what the HttpClient runs at once: deliveries pausing between retries or waiting for
        // a token keep their slot, and the HttpClient's queue still has the next ones at hand.
        m_activeLimit = 2 * m_http->options().maxActivePerHost;
    }
    m_tokens = new SentinelTokenProvider(m_http, m_config.sentinel, m_clock, this);
    connect(m_tokens, &SentinelTokenProvider::attemptFinished, this, &BotClient::attemptFinished);
    m_probeTimer.setSingleShot(false);
    connect(&m_probeTimer, &QTimer::timeout, this, &CustomEndpointClient::probeState);
}

CustomEndpointClient::~CustomEndpointClient()
{
    cancelAll();
}

VoidResult CustomEndpointClient::validateConfig(const CustomEndpointConfig &config)
{
    const QUrl base(config.baseUrl);
    if (!base.isValid() || (base.scheme() != QLatin1String("https") && base.scheme() != QLatin1String("http")) ||
        base.host().isEmpty()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The base URL \"%1\" is not an http:// or https:// URL.").arg(config.baseUrl));
    }
    if (base.hasQuery() || base.hasFragment()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The base URL \"%1\" must not have a query or fragment.").arg(config.baseUrl));
    }
    static const QRegularExpression botIdPattern(QStringLiteral("^[A-Za-z0-9-]{1,36}$"));
    if (!botIdPattern.match(config.botId).hasMatch()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The bot id \"%1\" must be 1 to 36 letters, digits or '-'.").arg(config.botId));
    }
    if (config.environment.trimmed().isEmpty()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The environment is empty (use \"draft\")."));
    }
    if (config.staticBearerToken.isEmpty() &&
        (config.sentinel.clientId.isEmpty() || config.sentinel.clientSecret.isEmpty() ||
         config.sentinel.accountId.isEmpty() || config.sentinel.sentinelUrl.isEmpty())) {
        return VoidResult::failure(
            QString::fromLatin1(ErrorCode::ConfigInvalid),
            tr("The application's client id and secret, the account id and the Sentinel host are needed."));
    }
    if (config.retry.maxAttempts < 1 || config.retry.timeoutMs < 1) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The timeout and the number of attempts must be at least 1."));
    }
    return Success{};
}

BotProtocol CustomEndpointClient::protocol() const
{
    return BotProtocol::CustomEndpoint;
}

const CustomEndpointConfig &CustomEndpointClient::config() const
{
    return m_config;
}

SentinelTokenProvider *CustomEndpointClient::tokenProvider() const
{
    return m_tokens;
}

BotState CustomEndpointClient::lastState() const
{
    return m_lastState;
}

bool CustomEndpointClient::knowsConversation(const QString &conversationId) const
{
    return m_knownConversations.contains(conversationId);
}

QByteArray CustomEndpointClient::stateUrl() const
{
    return m_config.baseUrl.toUtf8() + "/v1/bots/" + QUrl::toPercentEncoding(m_config.botId) + "/environments/" +
           QUrl::toPercentEncoding(m_config.environment) + "/state";
}

QByteArray CustomEndpointClient::environmentsUrl() const
{
    return m_config.baseUrl.toUtf8() + "/v1/bots/" + QUrl::toPercentEncoding(m_config.botId) + "/environments";
}

QByteArray CustomEndpointClient::conversationUrl(const QString &conversationId) const
{
    return m_conversationsPrefix + QUrl::toPercentEncoding(conversationId);
}

QByteArray CustomEndpointClient::eventsUrl(const QString &conversationId) const
{
    return conversationUrl(conversationId) + "/events";
}

QJsonObject CustomEndpointClient::eventBody(const BotEvent &event)
{
    QJsonObject lpEvent = event.lpEvent;
    if (lpEvent.isEmpty() && !event.lpEventJson.isEmpty()) {
        lpEvent = QJsonDocument::fromJson(event.lpEventJson).object();
    }
    if (lpEvent.isEmpty()) {
        // No raw event (tests, synthetic events): the fields TPB's example shows (reference §3.4).
        lpEvent.insert(QStringLiteral("sequence"), double(std::max<qint64>(0, event.sequence)));
        lpEvent.insert(QStringLiteral("serverTimestamp"), double(event.timestampMs));
        lpEvent.insert(QStringLiteral("conversationId"), event.conversationId);
        lpEvent.insert(QStringLiteral("dialogId"), event.dialogId.isEmpty() ? event.conversationId : event.dialogId);
        if (event.type == EventType::Text) {
            lpEvent.insert(QStringLiteral("event"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                       {QStringLiteral("message"), event.text},
                                       {QStringLiteral("contentType"), QStringLiteral("text/plain")}});
        }
        lpEvent.insert(QStringLiteral("metadata"), QJsonArray{});
        lpEvent.insert(QStringLiteral("messageAudience"), QStringLiteral("ALL"));
    }
    QString type;
    QString source = QStringLiteral("CONVERSATION");
    QJsonObject data;
    const QJsonObject innerContext{{QStringLiteral("lpEvent"), lpEvent}};
    switch (event.type) {
    case EventType::Text:
        type = QStringLiteral("TEXT");
        source = QStringLiteral("CONSUMER");
        data.insert(QStringLiteral("message"), event.text);
        break;
    case EventType::RichContent:
        type = QStringLiteral("RICH_CONTENT");
        source = QStringLiteral("CONSUMER");
        data.insert(QStringLiteral("content"), event.content);
        // The spec also requires a context inside data (schemas/README.md §6.11): sent in both places.
        data.insert(QStringLiteral("context"), innerContext);
        break;
    case EventType::Start:
        // The welcome event of the reference service (reference §3.4); data is empty there.
        type = QStringLiteral("START");
        if (!event.text.isEmpty()) {
            lpEvent.insert(QStringLiteral("lastConsumerMessage"), event.text);
        }
        break;
    case EventType::Transferred:
        type = QStringLiteral("CONVERSATION");
        data.insert(QStringLiteral("name"), QStringLiteral("TRANSFERRED"));
        data.insert(QStringLiteral("context"), innerContext);
        break;
    case EventType::Closed:
        type = QStringLiteral("CONVERSATION");
        data.insert(QStringLiteral("name"), QStringLiteral("CLOSED"));
        data.insert(QStringLiteral("context"), innerContext);
        break;
    case EventType::SurveyStart:
        // UNCONFIRMED how TPB starts a survey bot (reference §9): the spec's STARTED lifecycle event.
        type = QStringLiteral("CONVERSATION");
        data.insert(QStringLiteral("name"), QStringLiteral("STARTED"));
        data.insert(QStringLiteral("context"), innerContext);
        break;
    case EventType::SurveyClose:
        // Survey bots get CLOSE_CONVERSATION; its data shape is UNCONFIRMED (reference §3.4, §9).
        type = QStringLiteral("CLOSE_CONVERSATION");
        data = event.content;
        break;
    }
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("context"), QJsonObject{{QStringLiteral("lpEvent"), lpEvent}}}};
}

QByteArray CustomEndpointClient::eventBodyJson(const BotEvent &event)
{
    const bool consumerMessage = event.type == EventType::Text || event.type == EventType::RichContent;
    if (!consumerMessage || (event.lpEvent.isEmpty() && event.lpEventJson.isEmpty())) {
        // Lifecycle events and synthetic ones (no raw event) are rare: through Qt JSON.
        return compact(eventBody(event));
    }
    // Members in QJsonObject's (sorted) order, so the bytes are those of toJson().
    const auto writeContext = [&event](JsonWriter &writer) {
        writer.beginObject().key(QLatin1String("lpEvent"));
        if (!event.lpEventJson.isEmpty()) {
            writer.raw(event.lpEventJson);
        } else {
            writer.value(event.lpEvent);
        }
        writer.endObject();
    };
    JsonWriter writer(event.lpEventJson.size() * (event.type == EventType::RichContent ? 2 : 1) +
                      event.text.size() * 3 + 128);
    writer.beginObject().key(QLatin1String("context"));
    writeContext(writer);
    writer.key(QLatin1String("data")).beginObject();
    if (event.type == EventType::Text) {
        writer.key(QLatin1String("message")).string(QStringView(event.text));
    } else {
        writer.key(QLatin1String("content")).value(event.content);
        // The spec also requires a context inside data (schemas/README.md §6.11): sent in both places.
        writer.key(QLatin1String("context"));
        writeContext(writer);
    }
    writer.endObject();
    writer.key(QLatin1String("source")).string(QLatin1String("CONSUMER"));
    writer.key(QLatin1String("type")).string(event.type == EventType::Text ? QLatin1String("TEXT")
                                                                           : QLatin1String("RICH_CONTENT"));
    writer.endObject();
    QByteArray text = writer.take();
    // A body may wait in a queue behind a slow bot: no slack kept with it.
    if (text.capacity() - text.size() > 64) {
        text.squeeze();
    }
    return text;
}

QJsonObject CustomEndpointClient::conversationBody(const BotEvent &event, bool withSdes)
{
    const ConversationContext &c = event.context;
    QJsonObject context = c.extra;
    context.insert(QStringLiteral("type"),
                   c.channel == ChannelType::Chat ? QStringLiteral("CHAT") : QStringLiteral("MESSAGING"));
    if (!c.skillId.isEmpty()) {
        context.insert(QStringLiteral("skillId"), idValue(c.skillId));
    }
    if (!c.engagementId.isEmpty()) {
        context.insert(QStringLiteral("engagementId"), idValue(c.engagementId));
    }
    if (!c.campaignId.isEmpty()) {
        context.insert(QStringLiteral("campaignId"), idValue(c.campaignId));
    }
    if (!c.contextType.isEmpty()) {
        context.insert(QStringLiteral("contextType"), idValue(c.contextType));
    }
    if (!c.visitor.isEmpty()) {
        context.insert(QStringLiteral("visitor"), c.visitor);
    }
    if (!c.assignedAgentId.isEmpty()) {
        context.insert(QStringLiteral("assignedAgentId"), c.assignedAgentId);
    }
    QJsonObject body{{QStringLiteral("context"), context}};
    if (withSdes) {
        // Both sub-objects, always (reference §3.3).
        QJsonObject sdes = event.sdes;
        if (!sdes.value(QLatin1String("authenticatedSdes")).isObject()) {
            sdes.insert(QStringLiteral("authenticatedSdes"), QJsonObject{});
        }
        if (!sdes.value(QLatin1String("unauthenticatedSdes")).isObject()) {
            sdes.insert(QStringLiteral("unauthenticatedSdes"), QJsonObject{});
        }
        body.insert(QStringLiteral("sdes"), sdes);
    }
    return body;
}

HttpRequest CustomEndpointClient::chargeBacklogWait(Job *job, HttpRequest request)
{
    if (job && job->backlogWaitMs > 0) {
        // At least 1 ms: a wait longer than the timeout fails the attempt at once, as a timeout.
        request.timeoutMs = int(std::max<qint64>(1, request.timeoutMs - job->backlogWaitMs));
        job->backlogWaitMs = 0;
    }
    return request;
}

HttpRequest CustomEndpointClient::makeRequest(const QByteArray &method,
                                              const QByteArray &url,
                                              const QByteArray &body,
                                              const QByteArray &token) const
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    request.timeoutMs = m_config.retry.timeoutMs;
    // Shared header bytes: thousands of queued requests need not each carry their own copy.
    static const QByteArray accept = QByteArrayLiteral("Accept");
    static const QByteArray json = QByteArrayLiteral("application/json");
    static const QByteArray authorization = QByteArrayLiteral("Authorization");
    static const QByteArray contentType = QByteArrayLiteral("Content-Type");
    if (token != m_bearerToken) {
        m_bearerToken = token;
        m_bearerHeader = "Bearer " + token;
    }
    request.headers = {{accept, json}, {authorization, m_bearerHeader}};
    if (!body.isEmpty()) {
        request.headers.append({contentType, json});
    }
    return request;
}

void CustomEndpointClient::withToken(const std::shared_ptr<Job> &job, std::function<void(const QByteArray &)> then)
{
    if (!m_config.staticBearerToken.isEmpty()) {
        job->token = m_config.staticBearerToken;
        then(job->token);
        return;
    }
    if (m_tokens->hasValidToken()) {
        job->token = m_tokens->cachedToken();
        then(job->token);
        return;
    }
    std::weak_ptr<Job> weak = job;
    m_tokens->token(this, [this, weak, then](const QByteArray &token, const BotError &error) {
        auto job = weak.lock();
        if (!job || !isCurrent(job)) {
            return;
        }
        if (!error.isNull()) {
            fail(job, error);
            return;
        }
        job->token = token;
        then(token);
    });
}

bool CustomEndpointClient::isCurrent(const std::shared_ptr<Job> &job) const
{
    if (job->finished || job->generation != m_generation) {
        return false;
    }
    const auto it = m_queues.constFind(job->event.conversationId);
    return it != m_queues.constEnd() && !it->isEmpty() && it->first() == job;
}

void CustomEndpointClient::sendEvent(const BotEvent &event)
{
    auto job = std::make_shared<Job>();
    job->event = event;
    job->eventBody = eventBodyJson(event);
    job->event.lpEvent = QJsonObject();
    job->event.lpEventJson = QByteArray();
    job->generation = m_generation;
    const QString &conversationId = event.conversationId;
    if (const auto backlogged = m_backlogged.find(conversationId); backlogged != m_backlogged.end()) {
        // Behind this conversation's deliveries that wait in the backlog.
        m_backlog->push(deliveryRecord(*job, m_clock.monotonicMs()));
        ++*backlogged;
        ++m_backlogDeliveries;
        return;
    }
    if (const auto queue = m_queues.find(conversationId); queue != m_queues.end()) {
        // Behind the conversation's delivery in progress (or about to start).
        queue->append(job);
        return;
    }
    if (m_backlog->isEmpty() && hasFreeSlot()) {
        m_queues[conversationId].append(job);
        // Starting only sends requests; every outcome arrives later from the event loop.
        startNext(conversationId);
        return;
    }
    m_backlog->push(deliveryRecord(*job, m_clock.monotonicMs()));
    m_backlogged.insert(conversationId, 1);
    ++m_backlogDeliveries;
}

QByteArray CustomEndpointClient::deliveryRecord(const Job &job, qint64 enqueuedAtMs)
{
    const BotEvent &e = job.event;
    QByteArray record;
    record.reserve(job.eventBody.size() + 512);
    QDataStream out(&record, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint8(BacklogRecord::Delivery) << e.deliveryId << e.constituentDeliveryIds << qint32(e.type)
        << e.conversationId << e.dialogId << e.consumerId << e.sequence << e.timestampMs << e.text << e.content
        << e.context << e.sdes << job.eventBody << enqueuedAtMs;
    return record;
}

bool CustomEndpointClient::hasFreeSlot() const
{
    return m_activeLimit <= 0 || m_active < m_activeLimit;
}

void CustomEndpointClient::pumpBacklog()
{
    while (!m_backlog->isEmpty() && hasFreeSlot()) {
        const QByteArray record = m_backlog->pop();
        QDataStream in(record);
        in.setVersion(QDataStream::Qt_6_4);
        quint8 kind = 0;
        in >> kind;
        if (kind == quint8(BacklogRecord::Conversation)) {
            QString conversationId;
            in >> conversationId;
            startNext(conversationId);
            continue;
        }
        auto job = std::make_shared<Job>();
        BotEvent &e = job->event;
        qint32 type = 0;
        qint64 enqueuedAtMs = 0;
        in >> e.deliveryId >> e.constituentDeliveryIds >> type >> e.conversationId >> e.dialogId >> e.consumerId >>
            e.sequence >> e.timestampMs >> e.text >> e.content >> e.context >> e.sdes >> job->eventBody >> enqueuedAtMs;
        job->backlogWaitMs = std::max<qint64>(0, m_clock.monotonicMs() - enqueuedAtMs);
        e.type = static_cast<EventType>(type);
        job->generation = m_generation;
        --m_backlogDeliveries;
        if (const auto backlogged = m_backlogged.find(e.conversationId);
            backlogged != m_backlogged.end() && --*backlogged <= 0) {
            m_backlogged.erase(backlogged);
        }
        QList<std::shared_ptr<Job>> &queue = m_queues[e.conversationId];
        queue.append(job);
        if (queue.size() == 1) {
            startNext(e.conversationId);
        }
        // Otherwise it waits behind the conversation's delivery in progress.
    }
    if (m_backlog->isEmpty() && !m_backlogged.isEmpty()) {
        m_backlogged.clear();
    }
    if (m_backlogged.isEmpty() && m_backlogged.capacity() > 64) {
        // The table of a drained burst goes with it.
        m_backlogged = QHash<QString, int>();
    }
}

void CustomEndpointClient::startNext(const QString &conversationId)
{
    const auto it = m_queues.constFind(conversationId);
    if (it == m_queues.constEnd() || it->isEmpty()) {
        m_queues.remove(conversationId);
        return;
    }
    std::shared_ptr<Job> job = it->first();
    if (job->started || job->finished) {
        return;
    }
    job->started = true;
    ++m_active;
    if (!m_configCheck) {
        std::weak_ptr<Job> weak = job;
        const BotError error = BotErrors::make(ErrorCode::ConfigInvalid, m_configCheck.error().message);
        // Reported from the event loop, never from inside deliver().
        QTimer::singleShot(0, this, [this, weak, error] {
            if (auto job = weak.lock(); job && isCurrent(job)) {
                fail(job, error);
            }
        });
        return;
    }
    std::weak_ptr<Job> weak = job;
    withToken(job, [this, weak](const QByteArray &) {
        if (auto job = weak.lock()) {
            if (m_knownConversations.contains(job->event.conversationId)) {
                postEvent(job);
            } else {
                createConversation(job);
            }
        }
    });
}

void CustomEndpointClient::createConversation(const std::shared_ptr<Job> &job)
{
    RetryingRequest::Params params;
    params.http = m_http;
    params.context = this;
    params.policy = m_config.retry;
    params.hopTemplate.deliveryId = job->event.deliveryId;
    params.hopTemplate.conversationId = job->event.conversationId;
    params.hopTemplate.operation = HopOperation::CreateConversation;
    const QByteArray url = conversationUrl(job->event.conversationId);
    const QByteArray body = compact(conversationBody(job->event, m_config.sendSdes));
    std::weak_ptr<Job> weak = job;
    params.makeRequest = [this, weak, url, body] {
        auto job = weak.lock();
        return chargeBacklogWait(job.get(), makeRequest("PUT", url, body, job ? job->token : QByteArray()));
    };
    params.onRetriedHop = [this](const HopRecord &hop) { Q_EMIT attemptFinished(hop); };
    params.onDone = [this, weak](const HttpResponse &response, const HopRecord &hop) {
        auto job = weak.lock();
        Q_EMIT attemptFinished(hop);
        if (!job || !isCurrent(job)) {
            return;
        }
        job->request.reset();
        if (response.transportOk() && ((response.status >= 200 && response.status < 300) || response.status == 409)) {
            m_knownConversations.insert(job->event.conversationId);
            postEvent(job);
            return;
        }
        if (response.transportOk() && response.status == 401 && !job->tokenRetried &&
            m_config.staticBearerToken.isEmpty()) {
            job->tokenRetried = true;
            m_tokens->invalidate(job->token);
            withToken(job, [this, weak](const QByteArray &) {
                if (auto job = weak.lock()) {
                    createConversation(job);
                }
            });
            return;
        }
        BotError error = BotErrors::fromHttp(response);
        error.attempts = hop.attempt;
        error.message = tr("Creating the conversation failed: %1").arg(error.message);
        fail(job, error);
    };
    job->request = RetryingRequest::start(std::move(params));
}

void CustomEndpointClient::postEvent(const std::shared_ptr<Job> &job)
{
    RetryingRequest::Params params;
    params.http = m_http;
    params.context = this;
    params.policy = m_config.retry;
    params.hopTemplate.deliveryId = job->event.deliveryId;
    params.hopTemplate.conversationId = job->event.conversationId;
    params.hopTemplate.operation = HopOperation::Event;
    const QByteArray url = eventsUrl(job->event.conversationId);
    const QByteArray body = job->eventBody;
    std::weak_ptr<Job> weak = job;
    params.makeRequest = [this, weak, url, body] {
        auto job = weak.lock();
        return chargeBacklogWait(job.get(), makeRequest("POST", url, body, job ? job->token : QByteArray()));
    };
    params.onRetriedHop = [this](const HopRecord &hop) { Q_EMIT attemptFinished(hop); };
    params.onDone = [this, weak](const HttpResponse &response, const HopRecord &doneHop) {
        auto job = weak.lock();
        HopRecord hop = doneHop;
        if (!job || !isCurrent(job)) {
            Q_EMIT attemptFinished(hop);
            return;
        }
        job->request.reset();
        if (response.transportOk() && response.status >= 200 && response.status < 300) {
            ReplyParser::Options options;
            options.allowEmpty = isLifecycle(job->event.type);
            options.channel = job->event.context.channel;
            ReplyParseResult parsed = ReplyParser::parseBody(response.body, options);
            if (!parsed.ok()) {
                hop.outcome = HopOutcome::InvalidReply;
                hop.errorCode = parsed.error.code;
                Q_EMIT attemptFinished(hop);
                parsed.error.httpStatus = response.status;
                parsed.error.attempts = hop.attempt;
                fail(job, parsed.error);
                return;
            }
            Q_EMIT attemptFinished(hop);
            succeed(job, parsed.response);
            return;
        }
        Q_EMIT attemptFinished(hop);
        if (response.transportOk() && response.status == 401 && !job->tokenRetried &&
            m_config.staticBearerToken.isEmpty()) {
            job->tokenRetried = true;
            m_tokens->invalidate(job->token);
            withToken(job, [this, weak](const QByteArray &) {
                if (auto job = weak.lock()) {
                    postEvent(job);
                }
            });
            return;
        }
        if (response.transportOk() && response.status == 404 && !job->recreated) {
            // The bot lost the conversation (restart): create it again, then send once more (reference §6).
            job->recreated = true;
            m_knownConversations.remove(job->event.conversationId);
            qCInfo(lcBot) << "bot answered 404 for conversation" << job->event.conversationId
                          << "- re-creating it once";
            createConversation(job);
            return;
        }
        BotError error = BotErrors::fromHttp(response);
        error.attempts = hop.attempt;
        fail(job, error);
    };
    job->request = RetryingRequest::start(std::move(params));
}

void CustomEndpointClient::succeed(const std::shared_ptr<Job> &job, BotResponse response)
{
    response.deliveryId = job->event.deliveryId;
    response.deliveryIds = job->event.deliveryIds();
    response.conversationId = job->event.conversationId;
    if (job->event.type == EventType::Closed) {
        m_knownConversations.remove(job->event.conversationId);
    }
    for (const QString &warning : std::as_const(response.warnings)) {
        qCInfo(lcBot) << "protocol warning for delivery" << job->event.deliveryId << ":" << warning;
    }
    finishJob(job);
    Q_EMIT replied(job->event.deliveryId, response);
}

void CustomEndpointClient::fail(const std::shared_ptr<Job> &job, BotError error)
{
    qCWarning(lcBot) << "delivery" << job->event.deliveryId << "of conversation" << job->event.conversationId
                     << "failed:" << error.code << error.httpStatus;
    finishJob(job);
    Q_EMIT deliveryFailed(job->event.deliveryId, error);
}

void CustomEndpointClient::finishJob(const std::shared_ptr<Job> &job)
{
    job->finished = true;
    job->request.reset();
    if (job->started) {
        job->started = false;
        --m_active;
    }
    const QString conversationId = job->event.conversationId;
    auto it = m_queues.find(conversationId);
    if (it != m_queues.end()) {
        it->removeOne(job);
        if (it->isEmpty()) {
            m_queues.erase(it);
        } else if (m_backlog->isEmpty() && hasFreeSlot()) {
            startNext(conversationId);
        } else {
            // Behind the deliveries already waiting for a slot.
            m_backlog->push(conversationRecord(conversationId));
        }
    }
    pumpBacklog();
}

void CustomEndpointClient::forgetConversation(const QString &conversationId)
{
    BotClient::forgetConversation(conversationId);
    m_knownConversations.remove(conversationId);
}

void CustomEndpointClient::cancelAll()
{
    BotClient::cancelAll();
    ++m_generation;
    for (auto &queue : m_queues) {
        for (const auto &job : queue) {
            job->finished = true;
            if (job->request) {
                job->request->cancel();
            }
        }
    }
    m_queues.clear();
    m_backlog->clear();
    m_backlogged = QHash<QString, int>();
    m_backlogDeliveries = 0;
    m_active = 0;
    for (const auto &probe : std::as_const(m_probes)) {
        probe->cancel();
    }
    m_probes.clear();
}

int CustomEndpointClient::pendingCount() const
{
    int n = m_backlogDeliveries;
    for (const auto &queue : m_queues) {
        n += int(queue.size());
    }
    return n;
}

int CustomEndpointClient::activeDeliveryCount() const
{
    return m_active;
}

int CustomEndpointClient::waitingDeliveryCount() const
{
    return pendingCount() - m_active;
}

int CustomEndpointClient::activeDeliveryLimit() const
{
    return m_activeLimit;
}

void CustomEndpointClient::startStateProbes()
{
    probeState();
    if (m_config.stateProbeIntervalMs > 0) {
        m_probeTimer.start(m_config.stateProbeIntervalMs);
    }
}

void CustomEndpointClient::stopStateProbes()
{
    m_probeTimer.stop();
}

void CustomEndpointClient::getJson(HopOperation operation,
                                   const QByteArray &url,
                                   std::function<void(const HttpResponse &, const HopRecord &)> done,
                                   bool tokenRetried)
{
    auto fetchWith = [this, operation, url, done, tokenRetried](const QByteArray &token) {
        RetryingRequest::Params params;
        params.http = m_http;
        params.context = this;
        params.policy = m_config.retry;
        // A probe is periodic itself: one attempt, so a down bot is reported promptly.
        params.policy.maxAttempts = 1;
        params.hopTemplate.operation = operation;
        params.makeRequest = [this, url, token] { return makeRequest("GET", url, {}, token); };
        const quint64 probeId = ++m_nextProbeId;
        params.onDone = [this, operation, url, done, tokenRetried, token, probeId](const HttpResponse &response,
                                                                                   const HopRecord &hop) {
            m_probes.remove(probeId);
            if (response.transportOk() && response.status == 401 && !tokenRetried &&
                m_config.staticBearerToken.isEmpty()) {
                Q_EMIT attemptFinished(hop);
                m_tokens->invalidate(token);
                getJson(operation, url, done, true);
                return;
            }
            done(response, hop);
        };
        m_probes.insert(probeId, RetryingRequest::start(std::move(params)));
    };
    if (!m_configCheck) {
        HttpResponse none;
        HopRecord hop;
        hop.operation = operation;
        QTimer::singleShot(0, this, [done, none, hop] { done(none, hop); });
        return;
    }
    if (!m_config.staticBearerToken.isEmpty()) {
        fetchWith(m_config.staticBearerToken);
        return;
    }
    m_tokens->token(this, [fetchWith, done, operation](const QByteArray &token, const BotError &error) {
        if (!error.isNull()) {
            HttpResponse none;
            none.error = HttpError::Other;
            none.errorString = error.message;
            HopRecord hop;
            hop.operation = operation;
            hop.errorCode = error.code;
            done(none, hop);
            return;
        }
        fetchWith(token);
    });
}

void CustomEndpointClient::probeState()
{
    getJson(HopOperation::State, stateUrl(), [this](const HttpResponse &response, const HopRecord &doneHop) {
        HopRecord hop = doneHop;
        BotState state;
        state.checkedAtMs = m_clock.nowMs();
        if (!m_configCheck) {
            state.error = BotErrors::make(ErrorCode::ConfigInvalid, m_configCheck.error().message);
        } else if (hop.errorCode == QLatin1String(ErrorCode::TokenError)) {
            state.error = BotErrors::make(ErrorCode::TokenError, response.errorString);
        } else if (!response.transportOk() || response.status != 200) {
            state.error = BotErrors::fromHttp(response);
            Q_EMIT attemptFinished(hop);
        } else {
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
            const QJsonValue stateValue = doc.object().value(QLatin1String("state"));
            if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !stateValue.isString()) {
                state.error = BotErrors::make(ErrorCode::InvalidJson,
                                              tr("The state answer is not {\"state\":…,\"version\":…}."),
                                              response.status,
                                              QStringLiteral("$.state"));
                hop.outcome = HopOutcome::InvalidReply;
                hop.errorCode = state.error.code;
            } else {
                state.state = stateValue.toString();
                state.version = doc.object().value(QLatin1String("version")).toString();
                state.online = state.state == QLatin1String("online");
                if (!state.online) {
                    state.error = BotErrors::make(ErrorCode::StateNotOnline,
                                                  tr("The bot reports state \"%1\" for environment \"%2\".")
                                                      .arg(state.state, m_config.environment),
                                                  response.status);
                }
            }
            Q_EMIT attemptFinished(hop);
        }
        m_lastState = state;
        Q_EMIT stateProbed(state);
    });
}

void CustomEndpointClient::listEnvironments()
{
    getJson(
        HopOperation::Environments, environmentsUrl(), [this](const HttpResponse &response, const HopRecord &doneHop) {
            HopRecord hop = doneHop;
            QStringList environments;
            BotError error;
            if (!m_configCheck) {
                error = BotErrors::make(ErrorCode::ConfigInvalid, m_configCheck.error().message);
            } else if (hop.errorCode == QLatin1String(ErrorCode::TokenError)) {
                error = BotErrors::make(ErrorCode::TokenError, response.errorString);
            } else if (!response.transportOk() || response.status != 200) {
                error = BotErrors::fromHttp(response);
                Q_EMIT attemptFinished(hop);
            } else {
                const QJsonDocument doc = QJsonDocument::fromJson(response.body);
                bool valid = doc.isArray();
                for (const QJsonValue &v : doc.array()) {
                    valid = valid && v.isString();
                    environments.append(v.toString());
                }
                if (!valid) {
                    environments.clear();
                    error = BotErrors::make(ErrorCode::InvalidJson,
                                            tr("The environments answer is not a JSON array of strings."),
                                            response.status,
                                            QStringLiteral("$"));
                    hop.outcome = HopOutcome::InvalidReply;
                    hop.errorCode = error.code;
                }
                Q_EMIT attemptFinished(hop);
            }
            Q_EMIT environmentsListed(environments, error);
        });
}

} // namespace Switchboard::Bot
