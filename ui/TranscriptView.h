// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QListView>
#include <QTimer>
#include <vector>

namespace Switchboard
{

/**
 * The transcript list: a QListView whose layout is incremental, for transcripts of 100 000 lines
 * that keep growing.
 *
 * QListView lays every row out again after any insertion (and, in batched mode, restarts that
 * layout on each insertion), so a long transcript fed every 50 ms would never finish laying out.
 * This view keeps one height per row and their running sums instead: appending a batch measures
 * only the new rows and extends the sums; painting looks the first visible row up by binary
 * search. After a width change every row keeps its old height as an estimate and is measured
 * again in short slices between events, newest first, while the view stays anchored on the row
 * the operator is reading. While scrolled to the end it follows new lines.
 *
 * Rows are measured with the item delegate's sizeHint(). Everything else — model, selection,
 * delegate painting, accessibility — is QListView's.
 */
class TranscriptView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);
    ~TranscriptView() override;

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    void doItemsLayout() override;
    void reset() override;

    /** Whether the view sticks to the newest line (it does until the operator scrolls up). */
    bool isFollowingTail() const;
    /** Rows whose height is measured at the current width (the rest use an estimate). */
    int measuredRowCount() const;

    /** Longest slice of background measuring, so the event loop stays responsive. */
    static constexpr int MeasureSliceMs = 4;

protected:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    QSize viewportSizeHint() const override;

private:
    int rowCount() const;
    int measure(int row) const;
    void rebuild();
    void rebuildFrom(int row);
    int rowAtY(qint64 y) const;
    qint64 contentHeight() const;
    void measureRange(int first, int last);
    void measureVisible();
    void measureSlice();
    void relayoutKeepingAnchor(bool repaint = true);
    void scheduleMeasuring();
    void reinitialise();

    std::vector<int> m_heights;
    std::vector<char> m_measured;
    std::vector<qint64> m_tops; // m_tops[i] = y of row i; m_tops[n] = content height
    int m_unmeasured = 0;
    qint64 m_measuredSum = 0;
    int m_measuredCount = 0;
    int m_width = -1;
    bool m_followTail = true;
    bool m_adjustingScroll = false;
    QTimer m_measureTimer;
};

} // namespace Switchboard
