// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (label "bench"): PublishEvent round trips per second over wss:// on loopback. The
// emulator runs in its own thread, the clients in the test thread, so the two share the 2 cores
// the way a connector and the sandbox do. Figures are printed with qInfo(), never asserted.
#include "SandboxTestClient.h"
#include "sandbox/MessagingApi.h"
#include "sandbox/StateModel.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QThread>
#include <ctime>
#include <time.h>
#include <vector>

using namespace Switchboard;
using namespace Switchboard::Sandbox;

class TestSandboxBench : public QObject
{
    Q_OBJECT

private:
    struct Pipeline
    {
        std::unique_ptr<Test::UmsClient> client;
        QString dialogId;
        int sent = 0;
        int answered = 0;
        int echoes = 0;
    };

    void run(int sockets, int perSocket, int window)
    {
        SandboxConfig config = SandboxConfig::defaults();
        config.agents.clear();
        QStringList ids;
        for (int i = 0; i < sockets; ++i) {
            AgentConfig a;
            a.loginName = QStringLiteral("bench-bot-%1").arg(i);
            a.password = randomToken(12);
            a.appKey = randomToken(8);
            a.secret = randomToken(8);
            a.userId = QString::number(4000001 + i);
            a.userPid = randomUuid();
            a.skillIds = {QStringLiteral("1001")};
            config.agents.append(a);
        }
        QThread thread;
        thread.start();
        Emulator *emulator = nullptr;
        bool started = false;
        QMetaObject::invokeMethod(
            qApp,
            [&] {
                emulator = new Emulator(config);
                emulator->moveToThread(&thread);
            },
            Qt::DirectConnection);
        QMetaObject::invokeMethod(
            emulator, [&] { started = emulator->start().ok(); }, Qt::BlockingQueuedConnection);
        QVERIFY(started);

        Test::HttpClient http(*emulator);
        std::vector<Pipeline> pipes(static_cast<size_t>(sockets));
        for (int i = 0; i < sockets; ++i) {
            const QString bearer = Test::login(http, *emulator, i)[QStringLiteral("bearer")].toString();
            QVERIFY(!bearer.isEmpty());
            pipes[static_cast<size_t>(i)].client = std::make_unique<Test::UmsClient>(*emulator);
            QVERIFY(pipes[static_cast<size_t>(i)].client->open(bearer));
            QString conversation;
            QMetaObject::invokeMethod(
                emulator,
                [&] {
                    StateModel *model = emulator->model();
                    const QString consumer = model->createConsumer().id;
                    conversation =
                        model->createConversation(consumer, QStringLiteral("1001"), Channel::Messaging).value();
                    (void)model->addParticipant(conversation, config.agents.at(i).userId, Role::AssignedAgent);
                },
                Qt::BlockingQueuedConnection);
            pipes[static_cast<size_t>(i)].dialogId = conversation;
        }

        const QJsonObject event{
            {QStringLiteral("type"), QStringLiteral("ContentEvent")},
            {QStringLiteral("contentType"), QStringLiteral("text/plain")},
            {QStringLiteral("message"), QStringLiteral("benchmark reply text of a typical length")}};
        const auto frameFor = [&event](const QString &dialogId, int n) {
            return QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("req")},
                                          {QStringLiteral("id"), QString::number(n)},
                                          {QStringLiteral("type"), QStringLiteral(".ams.ms.PublishEvent")},
                                          {QStringLiteral("body"),
                                           QJsonObject{{QStringLiteral("dialogId"), dialogId},
                                                       {QStringLiteral("event"), event}}}})
                    .toJson(QJsonDocument::Compact));
        };
        int totalAnswered = 0;
        for (Pipeline &p : pipes) {
            Pipeline *pipe = &p;
            // Count raw frames without parsing the echoes: only responses matter for the window.
            QObject::disconnect(&p.client->socket(), &QWebSocket::textMessageReceived, nullptr, nullptr);
            connect(&p.client->socket(),
                    &QWebSocket::textMessageReceived,
                    this,
                    [pipe, &frameFor, perSocket, &totalAnswered](const QString &text) {
                        if (text.startsWith(QLatin1String("{\"body\":{\"sequence\"")) ||
                            text.contains(QLatin1String("\"kind\":\"resp\""))) {
                            ++pipe->answered;
                            ++totalAnswered;
                            if (pipe->sent < perSocket) {
                                pipe->client->socket().sendTextMessage(frameFor(pipe->dialogId, pipe->sent++));
                            }
                        } else {
                            ++pipe->echoes;
                        }
                    });
        }
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        const auto serverCpu = [emulator] {
            double value = 0;
            QMetaObject::invokeMethod(
                emulator,
                [&value] {
                    timespec ts{};
                    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
                    value = double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
                },
                Qt::BlockingQueuedConnection);
            return value;
        };
        const double serverCpuStart = serverCpu();
        for (Pipeline &p : pipes) {
            for (int i = 0; i < window && p.sent < perSocket; ++i) {
                p.client->socket().sendTextMessage(frameFor(p.dialogId, p.sent++));
            }
        }
        const int target = sockets * perSocket;
        QTRY_VERIFY_WITH_TIMEOUT(totalAnswered >= target, 120000);
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const double serverSeconds = serverCpu() - serverCpuStart;
        int echoes = 0;
        for (const Pipeline &p : pipes) {
            echoes += p.echoes;
        }
        qInfo().noquote() << QStringLiteral("PublishEvent round trips: %1 sockets x %2, window %3: %4 round trips/s "
                                            "(%5 frames/s incl. echoes; %6 s wall, %7 s CPU of both sides = %8 round "
                                            "trips per CPU-second; sandbox thread %9 s CPU = %10 round trips per "
                                            "sandbox CPU-second)")
                                 .arg(sockets)
                                 .arg(perSocket)
                                 .arg(window)
                                 .arg(target / seconds, 0, 'f', 0)
                                 .arg((2.0 * target + echoes) / seconds, 0, 'f', 0)
                                 .arg(seconds, 0, 'f', 2)
                                 .arg(cpuSeconds, 0, 'f', 2)
                                 .arg(target / cpuSeconds, 0, 'f', 0)
                                 .arg(serverSeconds, 0, 'f', 2)
                                 .arg(target / serverSeconds, 0, 'f', 0);
        QCOMPARE(totalAnswered, target);
        pipes.clear();
        QMetaObject::invokeMethod(
            emulator, [emulator] { delete emulator; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void publishRoundTripsOneSocket()
    {
        run(1, 20000, 64);
    }
    void publishRoundTripsFourSockets()
    {
        run(4, 5000, 32);
    }
};

QTEST_GUILESS_MAIN(TestSandboxBench)
#include "tst_sandbox_bench.moc"
