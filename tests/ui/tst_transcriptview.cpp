// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeConnectorSession.h"
#include "TranscriptDelegate.h"
#include "TranscriptModel.h"
#include "TranscriptView.h"

#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::FakeConnectorSession;

class TestTranscriptView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeConnectorSession> m_session;
    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<TranscriptDelegate> m_delegate;
    std::unique_ptr<TranscriptView> m_view;

    void append(int count, const QString &prefix = QStringLiteral("line"))
    {
        QList<TranscriptEntry> lines;
        for (int i = 0; i < count; ++i) {
            lines.append(FakeConnectorSession::line(QStringLiteral("c"),
                                                    i % 2 ? TranscriptRole::Bot : TranscriptRole::Consumer,
                                                    i % 5 == 0
                                                        ? QStringLiteral("%1 %2 ").arg(prefix).arg(i).repeated(12)
                                                        : QStringLiteral("%1 %2").arg(prefix).arg(i)));
        }
        m_session->appendTranscript(lines);
    }

    // Rows lie end to end: every row starts where the previous one ends.
    bool contiguous() const
    {
        for (int row = 1; row < m_model->rowCount(); ++row) {
            if (m_view->visualRect(m_model->index(row)).top() !=
                m_view->visualRect(m_model->index(row - 1)).bottom() + 1) {
                return false;
            }
        }
        return true;
    }

    int topRow() const
    {
        return m_view->indexAt(QPoint(5, 1)).row();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_session = std::make_unique<FakeConnectorSession>(QStringLiteral("i"), QStringLiteral("Bot"));
        m_model = std::make_unique<TranscriptModel>();
        m_model->setSession(m_session.get());
        m_model->setConversation(QStringLiteral("c"));
        QTRY_VERIFY(!m_model->isLoading());
        m_delegate = std::make_unique<TranscriptDelegate>();
        m_view = std::make_unique<TranscriptView>();
        m_view->setItemDelegate(m_delegate.get());
        m_view->setModel(m_model.get());
        m_view->resize(500, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_delegate.reset();
        m_model.reset();
        m_session.reset();
    }

    void appendedRowsAreMeasuredAndFollowed()
    {
        append(200);
        QCOMPARE(m_view->measuredRowCount(), 200);
        QVERIFY(contiguous());
        QVERIFY(m_view->isFollowingTail());
        const QRect last = m_view->visualRect(m_model->index(199));
        QVERIFY(m_view->viewport()->rect().intersects(last));
        QCOMPARE(m_view->indexAt(last.center()).row(), 199);
        // Long lines are taller than short ones: heights come from the delegate, not uniform.
        QVERIFY(m_view->visualRect(m_model->index(0)).height() > m_view->visualRect(m_model->index(1)).height());
        append(10, QStringLiteral("more"));
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_model->index(209))));
    }

    void scrolledUpTheViewStaysPut()
    {
        append(300);
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum() / 2);
        QVERIFY(!m_view->isFollowingTail());
        const int top = topRow();
        const int y = m_view->visualRect(m_model->index(top)).top();
        append(50, QStringLiteral("new"));
        QCOMPARE(topRow(), top);
        QCOMPARE(m_view->visualRect(m_model->index(top)).top(), y);
        // Scrolling to the end follows again.
        m_view->scrollToBottom();
        QVERIFY(m_view->isFollowingTail());
    }

    void droppingOldLinesKeepsTheLineInView()
    {
        m_model->setCapacity(400);
        append(300);
        m_view->scrollTo(m_model->index(250), QAbstractItemView::PositionAtTop);
        QVERIFY(!m_view->isFollowingTail());
        const QString text = m_model->index(topRow()).data().toString();
        append(200, QStringLiteral("new")); // 100 old lines drop off the top
        QCOMPARE(m_model->rowCount(), 400);
        QCOMPARE(m_model->index(topRow()).data().toString(), text);
        QVERIFY(contiguous());
    }

    void resizingMeasuresAgainInTheBackground()
    {
        append(2000);
        const int before = m_view->visualRect(m_model->index(0)).height();
        m_view->resize(250, 300);
        // The rows in view are measured at once, the rest a slice at a time.
        QVERIFY(m_view->measuredRowCount() < 2000);
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_model->index(1999))));
        QTRY_COMPARE(m_view->measuredRowCount(), 2000);
        QVERIFY(m_view->visualRect(m_model->index(0)).height() > before);
        QVERIFY(contiguous());
        QVERIFY(m_view->isFollowingTail());
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_model->index(1999))));
    }

    void resetStartsAtTheNewestLine()
    {
        append(5000);
        m_model->setConversation(QString());
        QCOMPARE(m_model->rowCount(), 0);
        m_model->setConversation(QStringLiteral("c"));
        QTRY_COMPARE(m_model->rowCount(), 5000);
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_model->index(4999))));
        QTRY_COMPARE(m_view->measuredRowCount(), 5000);
        QVERIFY(contiguous());
    }

    void keyboardAndMouseSelect()
    {
        append(100);
        m_view->setFocus();
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->currentIndex().row(), 0);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_view->currentIndex().row(), 1);
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_model->index(1))));
        QTest::keyClick(m_view.get(), Qt::Key_End);
        QCOMPARE(m_view->currentIndex().row(), 99);
        const QRect rect = m_view->visualRect(m_model->index(97));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_view->currentIndex().row(), 97);
        QVERIFY(m_view->selectionModel()->isSelected(m_model->index(97)));
    }
};

QTEST_MAIN(TestTranscriptView)
#include "tst_transcriptview.moc"
