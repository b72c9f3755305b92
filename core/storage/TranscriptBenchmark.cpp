// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptBenchmark.h"

#include "storage/TranscriptStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>

namespace Switchboard::Storage
{

namespace
{

using namespace Qt::StringLiterals;

constexpr int MessagesPerConversation = 20;
constexpr int Integrations = 4;
constexpr int RareConversations = 25;
constexpr qint64 BaseTimeMs = 1767225600000; // 2026-01-01T00:00:00Z
const QString RareWord = u"zqxjvark"_s;

/** A vocabulary of pronounceable pseudo-words; index 0 is the most frequent in generated text. */
QStringList makeVocabulary(int size)
{
    static const char *syllables[] = {"ba", "ko", "ri", "tu", "me", "sa", "lo", "ven", "dar", "ith",
                                      "ul", "pre", "fon", "ga", "shi", "no", "re", "ta", "mi", "zu"};
    QStringList words;
    words.reserve(size);
    for (int i = 0; words.size() < size; ++i) {
        QString word;
        int n = i;
        do {
            word += QLatin1String(syllables[n % 20]);
            n /= 20;
        } while (n > 0);
        if (word.size() >= 3) {
            words.append(word);
        }
    }
    return words;
}

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

QString conversationId(int index)
{
    return u"conv-%1"_s.arg(index, 7, 10, QLatin1Char('0'));
}

} // namespace

Result<TranscriptBenchmarkResult> runTranscriptBenchmark(QTextStream &out, int messageCount, const QString &directory)
{
    std::optional<QTemporaryDir> temporary;
    if (directory.isEmpty()) {
        temporary.emplace();
        if (!temporary->isValid()) {
            return Error{u"storage.bench"_s, u"cannot create a temporary directory: %1"_s.arg(temporary->errorString())};
        }
    }
    const QString dir = directory.isEmpty() ? temporary->path() : directory;
    TranscriptBenchmarkResult result;
    const int conversations = std::max(RareConversations, messageCount / MessagesPerConversation);
    messageCount = conversations * MessagesPerConversation;
    result.messageCount = messageCount;
    result.conversationCount = conversations;

    const QString path = QDir(dir).filePath(u"transcript-bench.sqlite"_s);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-marks-0"_s, u"-marks-1"_s}) {
        QFile::remove(path + suffix);
    }

    TranscriptStore::Options options;
    options.path = path;
    TranscriptStore store(options);
    if (VoidResult opened = store.openAndWait(); !opened) {
        return opened.error();
    }
    result.fullTextSearch = store.hasFullTextSearch();

    const QStringList vocabulary = makeVocabulary(5000);
    QRandomGenerator random(20260101);
    // A pool of message texts, so the producer spends its time feeding the store rather than
    // making up sentences; word frequencies are skewed like real text.
    QStringList texts;
    constexpr int TextPool = 65536;
    texts.reserve(TextPool);
    for (int t = 0; t < TextPool; ++t) {
        const int words = 6 + static_cast<int>(random.bounded(9));
        QStringList text;
        for (int w = 0; w < words; ++w) {
            const double u = random.generateDouble();
            text.append(vocabulary.at(static_cast<int>(u * u * u * vocabulary.size())));
        }
        texts.append(text.join(u' '));
    }
    // Which conversations carry the rare word (in one consumer message each).
    QSet<int> rareConversations;
    while (rareConversations.size() < RareConversations) {
        rareConversations.insert(static_cast<int>(random.bounded(conversations)));
    }

    out << "transcript benchmark: " << messageCount << " messages in " << conversations << " conversations ("
        << (result.fullTextSearch ? "FTS5" : "LIKE") << " search)\n";
    out.flush();

    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    constexpr int ConversationsPerBatch = 1000;
    QElapsedTimer generating;
    for (int first = 0; first < conversations; first += ConversationsPerBatch) {
        generating.start();
        TranscriptBatch batch;
        const int last = std::min(conversations, first + ConversationsPerBatch);
        batch.messages.reserve((last - first) * MessagesPerConversation);
        for (int c = first; c < last; ++c) {
            const QString id = conversationId(c);
            const qint64 opened = BaseTimeMs + qint64(c) * 60000;
            ConversationRecord conversation;
            conversation.id = id;
            conversation.integrationId = u"integration-%1"_s.arg(c % Integrations);
            conversation.channel = u"messaging"_s;
            conversation.consumerId = u"consumer-%1"_s.arg(c);
            conversation.skillId = u"1001"_s;
            conversation.state = c % 10 == 0 ? u"escalated"_s : u"closed"_s;
            conversation.openedAtMs = opened;
            conversation.closedAtMs = opened + MessagesPerConversation * 5000;
            conversation.escalated = c % 10 == 0;
            batch.conversations.append(conversation);
            for (int i = 0; i < MessagesPerConversation; ++i) {
                MessageRecord message;
                message.conversationId = id;
                message.dialogId = id;
                message.timeMs = opened + i * 5000;
                const bool consumer = i % 2 == 0;
                message.role = consumer ? MessageRole::Consumer : MessageRole::Bot;
                message.text = texts.at(static_cast<int>(random.bounded(TextPool)));
                if (consumer && i == 4 && rareConversations.contains(c)) {
                    message.text = message.text + u' ' + RareWord;
                }
                if (consumer) {
                    message.sequence = i;
                    message.deliveryId = u"%1:%2"_s.arg(id).arg(i);
                    message.rawJson = R"({"type":"ContentEvent","contentType":"text/plain"})";
                } else {
                    message.deliveryId = u"%1:%2"_s.arg(id).arg(i - 1);
                    message.replyIndex = 0;
                    message.publishState = PublishState::Published;
                    message.rawJson = R"({"type":"TEXT","tiles":[]})";
                    HopRecord hop;
                    hop.conversationId = id;
                    hop.deliveryId = message.deliveryId;
                    hop.kind = HopKind::BotOut;
                    hop.startedAtMs = message.timeMs - 900;
                    hop.finishedAtMs = message.timeMs - 100;
                    hop.outcome = u"ok"_s;
                    batch.hops.append(hop);
                }
                batch.messages.append(std::move(message));
            }
        }
        result.generateMs += static_cast<double>(generating.nsecsElapsed()) / 1e6;
        store.append(std::move(batch));
        // Bound the memory held in the queue: let the writer catch up now and then.
        if (store.pendingCount() > 100000) {
            store.flushAndWait();
        }
    }
    if (!store.flushAndWait()) {
        return Error{u"storage.bench"_s, u"the transcript store closed during the benchmark"_s};
    }
    result.insertMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    result.insertCpuMs = 1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    result.insertMessagesPerSecond = messageCount / (result.insertMs / 1000.0);
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        result.databaseBytes += QFileInfo(path + suffix).size();
    }

    const Result<qint64> stored = store.messageCount();
    if (!stored || *stored != messageCount) {
        return Error{u"storage.bench"_s,
                     u"expected %1 messages in the database, found %2"_s.arg(messageCount).arg(stored ? *stored : -1)};
    }
    out << "  insert (batched path, one transaction per batch): " << QString::number(result.insertMs / 1000.0, 'f', 1)
        << " s wall, " << QString::number(result.insertCpuMs / 1000.0, 'f', 1) << " s CPU (producer generating data: "
        << QString::number(result.generateMs / 1000.0, 'f', 1) << " s), "
        << qRound64(result.insertMessagesPerSecond) << " messages/s, database "
        << QString::number(result.databaseBytes / 1048576.0, 'f', 0) << " MiB\n";
    out.flush();

    auto time = [](auto &&call) {
        QElapsedTimer t;
        t.start();
        call();
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    };

    // Transcript of conversation X.
    QList<double> transcriptTimes;
    for (int run = 0; run < 21; ++run) {
        const QString id = conversationId(static_cast<int>(random.bounded(conversations)));
        std::optional<Result<Transcript>> transcript;
        const double ms = time([&] {
            transcript.emplace(store.transcript(id));
        });
        if (!*transcript || transcript->value().messages.size() != MessagesPerConversation
            || transcript->value().hops.size() != MessagesPerConversation / 2 || !transcript->value().conversation) {
            return Error{u"storage.bench"_s, u"wrong transcript for %1"_s.arg(id)};
        }
        transcriptTimes.append(ms);
    }
    result.transcriptMedianMs = median(transcriptTimes);
    result.transcriptMaxMs = maximum(transcriptTimes);
    out << "  transcript of one conversation (" << MessagesPerConversation << " messages, "
        << MessagesPerConversation / 2 << " hops): median " << QString::number(result.transcriptMedianMs, 'f', 2)
        << " ms, max " << QString::number(result.transcriptMaxMs, 'f', 2) << " ms over " << transcriptTimes.size()
        << " queries\n";
    out.flush();

    // Conversations whose text contains a rare word.
    QSet<QString> expected;
    for (int c : std::as_const(rareConversations)) {
        expected.insert(conversationId(c));
    }
    QList<double> rareTimes;
    for (int run = 0; run < 11; ++run) {
        std::optional<Result<QList<ConversationRecord>>> hits;
        rareTimes.append(time([&] {
            hits.emplace(store.searchConversations(RareWord));
        }));
        QSet<QString> found;
        if (*hits) {
            for (const ConversationRecord &record : hits->value()) {
                found.insert(record.id);
            }
        }
        if (found != expected) {
            return Error{u"storage.bench"_s,
                         u"search for a rare word found %1 conversations, expected %2"_s.arg(found.size()).arg(
                             expected.size())};
        }
    }
    result.searchRareMedianMs = median(rareTimes);
    result.searchRareMaxMs = maximum(rareTimes);
    out << "  conversations containing a rare word (" << RareConversations << " hits): median "
        << QString::number(result.searchRareMedianMs, 'f', 2) << " ms, max "
        << QString::number(result.searchRareMaxMs, 'f', 2) << " ms\n";

    // … and a word in a large share of all messages (the first page of 100 conversations).
    QList<double> commonTimes;
    for (int run = 0; run < 11; ++run) {
        std::optional<Result<QList<ConversationRecord>>> hits;
        commonTimes.append(time([&] {
            hits.emplace(store.searchConversations(vocabulary.at(0), QString(), 100));
        }));
        if (!*hits || hits->value().size() != 100) {
            return Error{u"storage.bench"_s, u"search for a common word did not fill a page of 100"_s};
        }
    }
    result.searchCommonMedianMs = median(commonTimes);
    out << "  conversations containing a common word (first 100): median "
        << QString::number(result.searchCommonMedianMs, 'f', 2) << " ms\n";

    // One page of an integration's closed conversations.
    QList<double> pageTimes;
    for (int run = 0; run < 11; ++run) {
        ConversationQuery query;
        query.integrationId = u"integration-1"_s;
        query.states = {u"closed"_s};
        query.offset = 200;
        query.limit = 50;
        std::optional<Result<ConversationPage>> page;
        pageTimes.append(time([&] {
            page.emplace(store.conversations(query));
        }));
        if (!*page || page->value().conversations.size() != 50 || page->value().total <= 0) {
            return Error{u"storage.bench"_s, u"the conversation page was not filled"_s};
        }
    }
    result.listPageMedianMs = median(pageTimes);
    out << "  one page of an integration's conversations (50, with total count): median "
        << QString::number(result.listPageMedianMs, 'f', 2) << " ms\n";
    out.flush();
    return result;
}

namespace
{

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace

Result<RoundTripBenchmarkResult> runRoundTripBenchmark(QTextStream &out,
                                                       int roundTrips,
                                                       int conversations,
                                                       int roundTripsPerCommit,
                                                       const QString &directory)
{
    if (roundTrips <= 0 || conversations <= 0 || roundTripsPerCommit <= 0) {
        return Error{u"storage.bench"_s, u"round trips, conversations and round trips per commit must be positive"_s};
    }
    const QString path = QDir(directory).filePath(u"roundtrips.sqlite"_s);
    TranscriptStore::Options options;
    options.path = path;
    // Commits come from the flushes below only, as the commit timer would make them at a fixed rate.
    options.commitIntervalMs = 3600 * 1000;
    options.commitBatchSize = 1 << 30;
    TranscriptStore store(options);
    if (const VoidResult opened = store.openAndWait(); !opened) {
        return opened.error();
    }

    // Sizes as in a `switchboard-cli bench` round trip: the consumer's raw event, the bot request
    // and response bodies, the PublishEvent, the reply's content (about 2.3 KB in all).
    const QByteArray consumerRaw(550, 'c');
    const QByteArray botRequest(700, 'q');
    const QByteArray botResponse(250, 'r');
    const QByteArray publishEvent(380, 'p');
    const QByteArray replyRaw(200, 'j');
    const QStringList vocabulary = makeVocabulary(500);
    QRandomGenerator random(42);
    const auto sentence = [&] {
        QStringList words;
        for (int i = 0; i < 6; ++i) {
            words.append(vocabulary.at(static_cast<qsizetype>(random.bounded(vocabulary.size()))));
        }
        return words.join(u' ');
    };

    QStringList ids;
    QList<qint64> sequences(conversations, 0);
    for (int i = 0; i < conversations; ++i) {
        ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        ConversationRecord record;
        record.id = ids.constLast();
        record.integrationId = u"integration-1"_s;
        record.state = u"open"_s;
        record.openedAtMs = BaseTimeMs;
        store.upsertConversation(record);
    }
    store.flushAndWait();

    const double processStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const double producerStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    qint64 now = BaseTimeMs;
    for (int trip = 0; trip < roundTrips; ++trip) {
        const int c = static_cast<int>(random.bounded(conversations));
        const QString &id = ids.at(c);
        const qint64 sequence = ++sequences[c];
        const QString deliveryId = u"%1:%2"_s.arg(id).arg(sequence);
        now += 1;

        MessageRecord consumer;
        consumer.conversationId = id;
        consumer.dialogId = id;
        consumer.sequence = sequence;
        consumer.text = sentence();
        consumer.rawJson = consumerRaw;
        consumer.timeMs = now;
        consumer.deliveryId = deliveryId;
        store.appendMessage(consumer);
        HopRecord hop;
        hop.conversationId = id;
        hop.deliveryId = deliveryId;
        hop.kind = HopKind::LpIn;
        hop.startedAtMs = now;
        hop.finishedAtMs = now;
        hop.outcome = u"ok"_s;
        store.appendHop(hop);
        hop.kind = HopKind::BotOut;
        hop.finishedAtMs = now + 2;
        hop.payload = botRequest;
        store.appendHop(hop);
        hop.kind = HopKind::BotIn;
        hop.outcome = u"http_200"_s;
        hop.payload = botResponse;
        store.appendHop(hop);
        store.markHandled(HandledMessage{id, id, sequence, deliveryId, now + 2});
        store.markReplyPublished(PublishedReply{id, deliveryId, 0, now + 2});
        hop.kind = HopKind::LpOut;
        hop.startedAtMs = now + 2;
        hop.finishedAtMs = now + 3;
        hop.outcome = u"ok"_s;
        hop.payload = publishEvent;
        store.appendHop(hop);
        MessageRecord reply;
        reply.conversationId = id;
        reply.role = MessageRole::Bot;
        reply.text = sentence();
        reply.rawJson = replyRaw;
        reply.timeMs = now + 3;
        reply.deliveryId = deliveryId;
        reply.replyIndex = 0;
        reply.publishState = PublishState::Published;
        store.appendMessage(reply);
        if ((trip + 1) % roundTripsPerCommit == 0) {
            store.flushAndWait();
        }
    }
    if (!store.flushAndWait()) {
        return Error{u"storage.bench"_s, u"the store closed during the run"_s};
    }
    const double producerMs = cpuMs(CLOCK_THREAD_CPUTIME_ID) - producerStart;
    const double processMs = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - processStart;

    RoundTripBenchmarkResult result;
    result.roundTrips = roundTrips;
    result.conversations = conversations;
    result.roundTripsPerCommit = roundTripsPerCommit;
    result.storeCpuUsPerRoundTrip = (processMs - producerMs) * 1000.0 / roundTrips;
    result.fileBytesPerRoundTrip =
        static_cast<double>(QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size()) / roundTrips;

    // The readers see every round trip: one conversation's transcript, and the restart bookkeeping.
    const Result<Transcript> transcript = store.transcript(ids.at(0));
    if (!transcript) {
        return transcript.error();
    }
    if (transcript->messages.size() != sequences.at(0) * 2 || transcript->hops.size() != sequences.at(0) * 4) {
        return Error{u"storage.bench"_s, u"a transcript lacks messages or hops"_s};
    }
    const Result<qint64> last = store.lastHandledSequence(ids.at(0));
    if (!last || *last != sequences.at(0)) {
        return Error{u"storage.bench"_s, u"the handled marks are incomplete"_s};
    }
    out << "Round trips: " << roundTrips << " over " << conversations << " conversations, " << roundTripsPerCommit
        << " per commit\n";
    out << "  store thread CPU: " << QString::number(result.storeCpuUsPerRoundTrip, 'f', 1)
        << " us per round trip\n";
    out << "  database + WAL file: " << QString::number(result.fileBytesPerRoundTrip, 'f', 0)
        << " bytes per round trip\n";
    out.flush();
    return result;
}

} // namespace Switchboard::Storage
