// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeConnectorSession.h"
#include "StructuredContentLayout.h"
#include "TranscriptDelegate.h"
#include "TranscriptModel.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;
using Kind = StructuredContentLayout::Item::Kind;

namespace
{
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QList<Kind> kinds(const StructuredContentLayout &layout)
{
    QList<Kind> result;
    for (const auto &item : layout.items()) {
        result.append(item.kind);
    }
    return result;
}
} // namespace

class TestTranscriptDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void cardLayoutHasTextImageAndButtons()
    {
        const QJsonObject card =
            json("{\"type\":\"vertical\",\"elements\":["
                 "{\"type\":\"text\",\"text\":\"Our plans\",\"style\":{\"bold\":true,\"size\":\"large\"}},"
                 "{\"type\":\"image\",\"url\":\"https://example.com/plan.png\",\"tooltip\":\"plan\"},"
                 "{\"type\":\"horizontal\",\"elements\":["
                 "{\"type\":\"button\",\"title\":\"Basic\",\"click\":{\"actions\":[{\"type\":\"publishText\",\"text\":"
                 "\"basic\"}]}},"
                 "{\"type\":\"button\",\"title\":\"Pro\",\"click\":{\"actions\":[{\"type\":\"link\",\"uri\":\"https://"
                 "example.com/pro\"}]}}]}]}");
        QVERIFY(StructuredContentLayout::hasContent(card));
        const auto layout = StructuredContentLayout::build(card, QApplication::font(), 400);
        QCOMPARE(kinds(layout), (QList<Kind>{Kind::Frame, Kind::Text, Kind::Image, Kind::Button, Kind::Button}));
        const auto &items = layout.items();
        QVERIFY(items.at(1).bold);
        QCOMPARE(items.at(1).sizeStep, 1);
        QCOMPARE(items.at(2).text, QStringLiteral("https://example.com/plan.png"));
        // Horizontal: side by side, same top, equal widths.
        QCOMPARE(items.at(3).rect.top(), items.at(4).rect.top());
        QVERIFY(items.at(3).rect.right() < items.at(4).rect.left());
        QCOMPARE(items.at(3).rect.width(), items.at(4).rect.width());
        QVERIFY(items.at(3).detail.contains(QStringLiteral("basic")));
        QVERIFY(items.at(4).detail.contains(QStringLiteral("https://example.com/pro")));
        // The frame holds everything and the layout is as wide as the frame.
        QVERIFY(items.at(0).rect.contains(items.at(4).rect));
        QCOMPARE(layout.size().width(), items.at(0).rect.width());
        QVERIFY(layout.size().width() <= 400);
        QCOMPARE(layout.itemAt(items.at(4).rect.center()), &items.at(4));
    }

    void quickRepliesFlowAsChips()
    {
        QJsonArray replies;
        for (int i = 0; i < 12; ++i) {
            replies.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                                       {QStringLiteral("title"), QStringLiteral("Option %1").arg(i)}});
        }
        const QJsonObject content{{QStringLiteral("quickReplies"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("quickReplies")},
                                               {QStringLiteral("replies"), replies}}}};
        QVERIFY(StructuredContentLayout::hasContent(content));
        const auto layout = StructuredContentLayout::build(content, QApplication::font(), 250);
        QCOMPARE(layout.items().size(), 12);
        QCOMPARE(layout.items().first().kind, Kind::Chip);
        // Narrow width: the chips wrap onto several rows and stay inside the width.
        QVERIFY(layout.items().last().rect.top() > layout.items().first().rect.top());
        for (const auto &item : layout.items()) {
            QVERIFY(item.rect.right() < 250);
        }
    }

    void hostileContentIsBounded()
    {
        QJsonObject deep{{QStringLiteral("type"), QStringLiteral("text")},
                         {QStringLiteral("text"), QStringLiteral("x")}};
        for (int i = 0; i < 50; ++i) {
            deep = QJsonObject{{QStringLiteral("type"), QStringLiteral("vertical")},
                               {QStringLiteral("elements"), QJsonArray{deep}}};
        }
        const auto layout = StructuredContentLayout::build(deep, QApplication::font(), 300);
        QVERIFY(kinds(layout).contains(Kind::Note));

        QJsonArray many;
        for (int i = 0; i < 5000; ++i) {
            many.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), QStringLiteral("t")}});
        }
        const auto big = StructuredContentLayout::build(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("vertical")}, {QStringLiteral("elements"), many}},
            QApplication::font(),
            300);
        QVERIFY(big.items().size() <= StructuredContentLayout::MaxItems);

        const auto unknown = StructuredContentLayout::build(
            json("{\"type\":\"vertical\",\"elements\":[{\"type\":\"hologram\"}]}"), QApplication::font(), 300);
        QCOMPARE(kinds(unknown), (QList<Kind>{Kind::Frame, Kind::Note}));
        QVERIFY(unknown.items().last().text.contains(QStringLiteral("hologram")));
        QVERIFY(!StructuredContentLayout::hasContent(json("{\"foo\":1}")));
    }

    void bubblesSitOnTheirSide()
    {
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        TranscriptModel model;
        model.setSession(&session);
        model.setConversation(QStringLiteral("c"));
        QTRY_VERIFY(!model.isLoading());
        session.appendTranscript(
            {FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Consumer, QStringLiteral("hi")),
             FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Bot, QStringLiteral("hello")),
             FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::System, QStringLiteral("joined"))});
        QListView view;
        view.resize(600, 400);
        TranscriptDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, Qt::white);
        palette.setColor(QPalette::Text, Qt::black);
        view.setPalette(palette);

        auto render = [&](int row) {
            QStyleOptionViewItem option;
            option.initFrom(view.viewport());
            option.widget = &view;
            option.font = view.font();
            option.palette = palette;
            const QSize size = delegate.sizeHint(option, model.index(row));
            option.rect = QRect(QPoint(0, 0), size);
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(row));
            return image;
        };
        const int width = view.viewport()->width();
        const QImage consumer = render(0);
        const QImage bot = render(1);
        const int y = consumer.height() / 2;
        QVERIFY(consumer.pixelColor(12, y) != QColor(Qt::white));
        QCOMPARE(consumer.pixelColor(width - 12, y), QColor(Qt::white));
        QVERIFY(bot.pixelColor(width - 12, bot.height() / 2) != QColor(Qt::white));
        QCOMPARE(bot.pixelColor(12, bot.height() / 2), QColor(Qt::white));
        // System lines are quiet: no bubble at the edges.
        const QImage system = render(2);
        QCOMPARE(system.pixelColor(2, system.height() / 2), QColor(Qt::white));
    }

    void darkPaletteGivesDarkBubbles()
    {
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        TranscriptModel model;
        model.setSession(&session);
        model.setConversation(QStringLiteral("c"));
        QTRY_VERIFY(!model.isLoading());
        session.appendTranscript(
            {FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Bot, QStringLiteral("hello"))});
        QListView view;
        view.resize(400, 200);
        TranscriptDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(235, 235, 235));
        dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
        QStyleOptionViewItem option;
        option.initFrom(view.viewport());
        option.widget = &view;
        option.font = view.font();
        option.palette = dark;
        option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, model.index(0)));
        QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(30, 30, 30));
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0));
        painter.end();
        const QColor bubble = image.pixelColor(image.width() - 12, image.height() - 8);
        QVERIFY2(bubble.lightness() < 90, qPrintable(bubble.name())); // a dark bubble
        QVERIFY(bubble != QColor(30, 30, 30));                        // but a visible one
    }

    void sizeHintsGrowWithContent()
    {
        FakeConnectorSession session(QStringLiteral("i"), QStringLiteral("Bot"));
        TranscriptModel model;
        model.setSession(&session);
        model.setConversation(QStringLiteral("c"));
        QTRY_VERIFY(!model.isLoading());
        TranscriptEntry card =
            FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Bot, QStringLiteral("Pick one"));
        card.content = json("{\"type\":\"vertical\",\"elements\":[{\"type\":\"button\",\"title\":\"A\"},{\"type\":"
                            "\"button\",\"title\":\"B\"}]}");
        TranscriptEntry error =
            FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Error, QStringLiteral("Timed out"));
        error.code = QStringLiteral("bot.timeout");
        error.hint = QStringLiteral("Raise delivery.requestTimeoutMs or make the bot answer faster.");
        session.appendTranscript(
            {FakeConnectorSession::line(QStringLiteral("c"), TranscriptRole::Bot, QStringLiteral("Pick one")),
             card,
             FakeConnectorSession::line(
                 QStringLiteral("c"), TranscriptRole::Consumer, QStringLiteral("word ").repeated(200)),
             error});
        QListView view;
        view.resize(500, 400);
        TranscriptDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStyleOptionViewItem option;
        option.initFrom(view.viewport());
        option.widget = &view;
        option.font = view.font();
        const int plain = delegate.sizeHint(option, model.index(0)).height();
        const int withCard = delegate.sizeHint(option, model.index(1)).height();
        const int longText = delegate.sizeHint(option, model.index(2)).height();
        const int banner = delegate.sizeHint(option, model.index(3)).height();
        QVERIFY2(withCard > plain + 40, qPrintable(QStringLiteral("%1 vs %2").arg(withCard).arg(plain)));
        QVERIFY(longText > plain * 3);
        QVERIFY(banner > plain); // the hint is a line of its own
        QCOMPARE(delegate.sizeHint(option, model.index(2)).height(), longText);
        // A narrower view wraps more.
        view.resize(250, 400);
        QVERIFY(delegate.sizeHint(option, model.index(2)).height() > longText);
    }
};

QTEST_MAIN(TestTranscriptDelegate)
#include "tst_transcriptdelegate.moc"
