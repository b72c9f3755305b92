// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptView.h"

#include <QAbstractItemDelegate>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <climits>

namespace Switchboard
{

namespace
{
// Rows appended in one batch up to this many are measured at once; a bigger batch is measured in
// background slices like a reset.
constexpr int MeasureNowLimit = 500;
} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QListView(parent)
{
    setUniformItemSizes(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A vertical bar that comes and goes would change the width, and with it every row's height.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    verticalScrollBar()->setSingleStep(24);
    m_tops.assign(1, 0);

    m_measureTimer.setSingleShot(true);
    m_measureTimer.setInterval(0);
    connect(&m_measureTimer, &QTimer::timeout, this, &TranscriptView::measureSlice);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_adjustingScroll) {
            m_followTail = value >= verticalScrollBar()->maximum() - 4;
        }
    });
}

TranscriptView::~TranscriptView() = default;

bool TranscriptView::isFollowingTail() const
{
    return m_followTail;
}

int TranscriptView::measuredRowCount() const
{
    return int(m_heights.size()) - m_unmeasured;
}

int TranscriptView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

qint64 TranscriptView::contentHeight() const
{
    return m_tops.empty() ? 0 : m_tops.back();
}

int TranscriptView::measure(int row) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = QRect(0, 0, viewport()->width(), 0);
    const QModelIndex index = model()->index(row, modelColumn(), rootIndex());
    QAbstractItemDelegate *delegate = itemDelegateForIndex(index);
    return delegate ? std::max(1, delegate->sizeHint(option, index).height()) : option.fontMetrics.height();
}

void TranscriptView::rebuild()
{
    rebuildFrom(0);
}

void TranscriptView::rebuildFrom(int row)
{
    const size_t n = m_heights.size();
    m_tops.resize(n + 1);
    if (row <= 0) {
        m_tops[0] = 0;
        row = 0;
    }
    for (size_t i = size_t(row); i < n; ++i) {
        m_tops[i + 1] = m_tops[i] + m_heights[i];
    }
}

int TranscriptView::rowAtY(qint64 y) const
{
    const int n = int(m_heights.size());
    if (n == 0) {
        return -1;
    }
    const auto it = std::upper_bound(m_tops.begin(), m_tops.begin() + n, y);
    return std::clamp(int(it - m_tops.begin()) - 1, 0, n - 1);
}

void TranscriptView::measureRange(int first, int last)
{
    for (int row = std::max(0, first); row <= last && row < int(m_heights.size()); ++row) {
        const int height = measure(row);
        m_heights[size_t(row)] = height;
        if (!m_measured[size_t(row)]) {
            m_measured[size_t(row)] = 1;
            --m_unmeasured;
        }
        m_measuredSum += height;
        ++m_measuredCount;
    }
}

void TranscriptView::measureVisible()
{
    const int n = int(m_heights.size());
    if (n == 0) {
        return;
    }
    const int viewportHeight = viewport()->height();
    if (m_followTail) {
        // From the newest line up until the viewport is full.
        int covered = 0;
        for (int row = n - 1; row >= 0 && covered < viewportHeight * 2; --row) {
            if (!m_measured[size_t(row)]) {
                measureRange(row, row);
            }
            covered += m_heights[size_t(row)];
        }
        return;
    }
    const int first = rowAtY(verticalOffset());
    int covered = int(m_tops[size_t(first)] - verticalOffset());
    for (int row = first; row < n && covered < viewportHeight * 2; ++row) {
        if (!m_measured[size_t(row)]) {
            measureRange(row, row);
        }
        covered += m_heights[size_t(row)];
    }
}

void TranscriptView::relayoutKeepingAnchor(bool repaint)
{
    const int anchor = rowAtY(verticalOffset());
    const qint64 offsetInRow = anchor >= 0 ? verticalOffset() - m_tops[size_t(anchor)] : 0;
    rebuild();
    m_adjustingScroll = true;
    updateGeometries();
    if (m_followTail) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else if (anchor >= 0 && anchor < int(m_heights.size())) {
        verticalScrollBar()->setValue(int(std::min<qint64>(INT_MAX, m_tops[size_t(anchor)] + offsetInRow)));
    }
    m_adjustingScroll = false;
    if (repaint) {
        viewport()->update();
    }
}

void TranscriptView::scheduleMeasuring()
{
    if (m_unmeasured > 0 && !m_measureTimer.isActive()) {
        m_measureTimer.start();
    }
}

void TranscriptView::measureSlice()
{
    // Newest first: that is where the operator looks. Each slice is short, so a 100 000-line
    // transcript is measured without ever holding the event loop for long.
    QElapsedTimer slice;
    slice.start();
    const qint64 viewTop = verticalOffset();
    const qint64 viewBottom = viewTop + viewport()->height();
    bool visibleChanged = false;
    for (int row = int(m_heights.size()) - 1; row >= 0 && m_unmeasured > 0; --row) {
        if (!m_measured[size_t(row)]) {
            const int before = m_heights[size_t(row)];
            measureRange(row, row);
            visibleChanged = visibleChanged || (m_heights[size_t(row)] != before && m_tops[size_t(row)] < viewBottom &&
                                                m_tops[size_t(row) + 1] > viewTop);
            if (slice.elapsed() >= MeasureSliceMs) {
                break;
            }
        }
    }
    // Rows out of view changed height: the anchor keeps the rows in view where they are, so only
    // the scroll bar changes and nothing needs repainting.
    relayoutKeepingAnchor(visibleChanged);
    scheduleMeasuring();
}

void TranscriptView::doItemsLayout()
{
    // Called by the base classes after a model change or a delayed layout request: re-read the
    // row count, keeping what is measured.
    if (m_heights.size() != size_t(rowCount())) {
        reinitialise();
    } else {
        relayoutKeepingAnchor();
    }
    QAbstractItemView::doItemsLayout();
}

void TranscriptView::reset()
{
    QAbstractItemView::reset();
    reinitialise();
}

void TranscriptView::reinitialise()
{
    const size_t n = size_t(rowCount());
    const int estimate = m_measuredCount > 0 ? int(m_measuredSum / m_measuredCount) : fontMetrics().height() * 3;
    m_heights.assign(n, estimate);
    m_measured.assign(n, 0);
    m_unmeasured = int(n);
    // m_tops must match the new row count before rowAtY() reads it (ASan: heap-buffer-overflow
    // in rowAtY() when a reset brought more rows than the old layout had).
    rebuild();
    m_width = viewport()->width();
    m_followTail = true;
    measureVisible();
    relayoutKeepingAnchor();
    scheduleMeasuring();
}

void TranscriptView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // Not QListView's: it throws its whole layout away on every insertion.
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent != rootIndex() || start > int(m_heights.size())) {
        return;
    }
    const int count = end - start + 1;
    const int estimate = m_measuredCount > 0 ? int(m_measuredSum / m_measuredCount) : fontMetrics().height() * 3;
    m_heights.insert(m_heights.begin() + start, size_t(count), estimate);
    m_measured.insert(m_measured.begin() + start, size_t(count), 0);
    m_unmeasured += count;
    if (count <= MeasureNowLimit) {
        measureRange(start, end);
    }
    if (start == int(m_heights.size()) - count) {
        // Appended (the usual case): extend the sums; the rows in view do not move, and when
        // following, a real scroll moves the pixels up and paints only the new strip.
        rebuildFrom(start);
        m_adjustingScroll = true;
        updateGeometries();
        m_adjustingScroll = false;
        if (m_followTail) {
            verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        }
        if (m_tops[size_t(start)] - verticalOffset() < viewport()->height()) {
            viewport()->update();
        }
    } else {
        relayoutKeepingAnchor();
    }
    scheduleMeasuring();
}

void TranscriptView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    if (parent != rootIndex() || start >= int(m_heights.size())) {
        return;
    }
    end = std::min(end, int(m_heights.size()) - 1);
    const int anchor = rowAtY(verticalOffset());
    const qint64 offsetInRow = anchor >= 0 ? verticalOffset() - m_tops[size_t(anchor)] : 0;
    for (int row = start; row <= end; ++row) {
        if (!m_measured[size_t(row)]) {
            --m_unmeasured;
        }
    }
    m_heights.erase(m_heights.begin() + start, m_heights.begin() + end + 1);
    m_measured.erase(m_measured.begin() + start, m_measured.begin() + end + 1);
    rebuildFrom(start);
    // Keep the line the operator reads in place when older lines drop off the top.
    const int newAnchor = anchor > end ? anchor - (end - start + 1) : std::min(anchor, start);
    m_adjustingScroll = true;
    updateGeometries();
    if (m_followTail) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else if (newAnchor >= 0 && newAnchor < int(m_heights.size())) {
        verticalScrollBar()->setValue(int(std::min<qint64>(INT_MAX, m_tops[size_t(newAnchor)] + offsetInRow)));
    }
    m_adjustingScroll = false;
    viewport()->update();
}

void TranscriptView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
    if (!topLeft.isValid() || topLeft.parent() != rootIndex()) {
        return;
    }
    const int first = topLeft.row();
    const int last = std::min(bottomRight.row(), int(m_heights.size()) - 1);
    if (last - first < MeasureNowLimit) {
        measureRange(first, last);
    } else {
        for (int row = first; row <= last; ++row) {
            if (m_measured[size_t(row)]) {
                m_measured[size_t(row)] = 0;
                ++m_unmeasured;
            }
        }
        scheduleMeasuring();
    }
    relayoutKeepingAnchor();
}

QRect TranscriptView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || index.row() >= int(m_heights.size())) {
        return {};
    }
    const size_t row = size_t(index.row());
    return QRect(0, int(m_tops[row] - verticalOffset()), viewport()->width(), m_heights[row]);
}

QModelIndex TranscriptView::indexAt(const QPoint &point) const
{
    const qint64 y = qint64(point.y()) + verticalOffset();
    if (!model() || y < 0 || y >= contentHeight() || point.x() < 0 || point.x() >= viewport()->width()) {
        return {};
    }
    return model()->index(rowAtY(y), modelColumn(), rootIndex());
}

void TranscriptView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid() || index.row() >= int(m_heights.size())) {
        return;
    }
    const size_t row = size_t(index.row());
    const qint64 top = m_tops[row];
    const qint64 height = m_heights[row];
    const qint64 viewportHeight = viewport()->height();
    const qint64 current = verticalOffset();
    qint64 target = current;
    switch (hint) {
    case EnsureVisible:
        if (top < current) {
            target = top;
        } else if (top + height > current + viewportHeight) {
            target = top + height - viewportHeight;
        }
        break;
    case PositionAtTop:
        target = top;
        break;
    case PositionAtBottom:
        target = top + height - viewportHeight;
        break;
    case PositionAtCenter:
        target = top - (viewportHeight - height) / 2;
        break;
    }
    verticalScrollBar()->setValue(int(std::clamp<qint64>(target, 0, INT_MAX)));
}

QModelIndex TranscriptView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int n = int(m_heights.size());
    if (n == 0 || !model()) {
        return {};
    }
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : rowAtY(verticalOffset());
    const qint64 page = std::max(1, viewport()->height());
    switch (cursorAction) {
    case MoveUp:
    case MovePrevious:
        row = std::max(0, row - 1);
        break;
    case MoveDown:
    case MoveNext:
        row = std::min(n - 1, row + 1);
        break;
    case MovePageUp:
        row = rowAtY(std::max<qint64>(0, m_tops[size_t(row)] - page));
        break;
    case MovePageDown:
        row = rowAtY(m_tops[size_t(row)] + page);
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = n - 1;
        break;
    case MoveLeft:
    case MoveRight:
        break;
    }
    return model()->index(row, modelColumn(), rootIndex());
}

int TranscriptView::horizontalOffset() const
{
    return 0;
}

int TranscriptView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool TranscriptView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void TranscriptView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!model() || !selectionModel() || m_heights.empty()) {
        return;
    }
    const QRect normalized = rect.normalized();
    const int first = rowAtY(qint64(normalized.top()) + verticalOffset());
    const int last = rowAtY(qint64(normalized.bottom()) + verticalOffset());
    const QItemSelection selection(model()->index(first, modelColumn(), rootIndex()),
                                   model()->index(last, modelColumn(), rootIndex()));
    selectionModel()->select(selection, command);
}

QRegion TranscriptView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid() || range.parent() != rootIndex()) {
            continue;
        }
        const QRect top = visualRect(model()->index(range.top(), modelColumn(), rootIndex()));
        const QRect bottom = visualRect(model()->index(range.bottom(), modelColumn(), rootIndex()));
        region += top.united(bottom).intersected(viewport()->rect());
    }
    return region;
}

void TranscriptView::updateGeometries()
{
    const qint64 maximum = std::max<qint64>(0, contentHeight() - viewport()->height());
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, int(std::min<qint64>(INT_MAX, maximum)));
    horizontalScrollBar()->setRange(0, 0);
    // Not QListView's: its own layout is not used.
    QAbstractItemView::updateGeometries();
}

void TranscriptView::paintEvent(QPaintEvent *event)
{
    const int n = int(m_heights.size());
    if (n == 0 || !model()) {
        return;
    }
    QPainter painter(viewport());
    QStyleOptionViewItem base;
    initViewItemOption(&base);
    const qint64 offset = verticalOffset();
    const QRect area = event->rect();
    const QModelIndex current = currentIndex();
    const QItemSelectionModel *selection = selectionModel();
    const bool focus = hasFocus() && current.isValid();
    for (int row = rowAtY(offset + area.top()); row >= 0 && row < n; ++row) {
        const qint64 top = m_tops[size_t(row)] - offset;
        if (top > area.bottom()) {
            break;
        }
        const QModelIndex index = model()->index(row, modelColumn(), rootIndex());
        QStyleOptionViewItem option = base;
        option.rect = QRect(0, int(top), viewport()->width(), m_heights[size_t(row)]);
        if (selection && selection->isSelected(index)) {
            option.state |= QStyle::State_Selected;
        }
        if (focus && index == current) {
            option.state |= QStyle::State_HasFocus;
        }
        if (QAbstractItemDelegate *delegate = itemDelegateForIndex(index)) {
            delegate->paint(&painter, option, index);
        }
    }
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    // Not QListView's, which would schedule its own full layout.
    QAbstractItemView::resizeEvent(event);
    if (viewport()->width() != m_width) {
        m_width = viewport()->width();
        // Every row wraps differently now: keep the old heights as estimates and measure again,
        // the rows in view at once and the rest in the background.
        std::fill(m_measured.begin(), m_measured.end(), 0);
        m_unmeasured = int(m_heights.size());
        measureVisible();
        relayoutKeepingAnchor();
        scheduleMeasuring();
    } else {
        relayoutKeepingAnchor();
    }
}

void TranscriptView::scrollContentsBy(int dx, int dy)
{
    if (m_adjustingScroll) {
        // The content moved under the scroll position (a relayout), not the other way round.
        viewport()->update();
        return;
    }
    viewport()->scroll(dx, dy);
}

QSize TranscriptView::viewportSizeHint() const
{
    return QSize(viewport()->width(), int(std::min<qint64>(INT_MAX, contentHeight())));
}

} // namespace Switchboard
