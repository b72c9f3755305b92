// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StructuredContentLayout.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <algorithm>

namespace Switchboard
{

namespace
{
constexpr int Spacing = 4;
constexpr int Padding = 6;
constexpr int CardWidth = 300;
constexpr int CarouselCardWidth = 200;

bool isElementType(const QString &type)
{
    static const QStringList types{QStringLiteral("vertical"),
                                   QStringLiteral("horizontal"),
                                   QStringLiteral("carousel"),
                                   QStringLiteral("text"),
                                   QStringLiteral("image"),
                                   QStringLiteral("button"),
                                   QStringLiteral("map")};
    return types.contains(type);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

bool StructuredContentLayout::hasContent(const QJsonObject &content)
{
    return isElementType(content.value(QLatin1String("type")).toString()) ||
           content.value(QLatin1String("quickReplies")).isObject();
}

StructuredContentLayout StructuredContentLayout::build(const QJsonObject &content, const QFont &font, int maxWidth)
{
    StructuredContentLayout layout;
    layout.m_font = font;
    maxWidth = std::max(maxWidth, 60);
    int y = 0;
    const QString type = content.value(QLatin1String("type")).toString();
    if (isElementType(type)) {
        const int width = type == QLatin1String("carousel") ? maxWidth : std::min(maxWidth, CardWidth);
        const qsizetype frameIndex = layout.m_items.size();
        if (type != QLatin1String("carousel")) {
            layout.m_items.append(Item{Item::Kind::Frame, {}, {}, {}, false, 0});
        }
        const int inner = type == QLatin1String("carousel") ? width : width - 2 * Padding;
        const int offset = type == QLatin1String("carousel") ? 0 : Padding;
        const int height = layout.layoutElement(content, offset, offset, inner, 0);
        if (type != QLatin1String("carousel")) {
            layout.m_items[frameIndex].rect = QRect(0, 0, width, height + 2 * Padding);
            y = height + 2 * Padding;
        } else {
            y = height;
        }
    }
    const QJsonObject quickReplies = content.value(QLatin1String("quickReplies")).toObject();
    if (!quickReplies.isEmpty()) {
        if (y > 0) {
            y += Spacing * 2;
        }
        y += layout.layoutQuickReplies(quickReplies, 0, y, maxWidth);
    }
    int right = 0;
    for (const Item &item : std::as_const(layout.m_items)) {
        right = std::max(right, item.rect.right() + 1);
    }
    layout.m_size = QSize(right, y);
    return layout;
}

bool StructuredContentLayout::full() const
{
    return m_items.size() >= MaxItems;
}

QFont StructuredContentLayout::fontFor(const Item &item) const
{
    QFont font = m_font;
    font.setBold(item.bold);
    if (item.sizeStep != 0 && font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * (item.sizeStep > 0 ? 1.25 : 0.85));
    }
    return font;
}

int StructuredContentLayout::textHeight(const QString &text, const QFont &font, int width) const
{
    const QFontMetrics metrics(font);
    return metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text).height();
}

int StructuredContentLayout::layoutElement(const QJsonObject &element, int x, int y, int width, int depth)
{
    if (full()) {
        return 0;
    }
    const QString type = element.value(QLatin1String("type")).toString();
    const QFontMetrics metrics(m_font);
    if (depth >= MaxDepth) {
        m_items.append(
            Item{Item::Kind::Note, QRect(x, y, width, metrics.height()), tr("[nested too deeply]"), {}, false, 0});
        return metrics.height();
    }

    if (type == QLatin1String("vertical") || type == QLatin1String("horizontal")) {
        const QJsonArray children = element.value(QLatin1String("elements")).toArray();
        if (children.isEmpty()) {
            return 0;
        }
        if (type == QLatin1String("vertical")) {
            int height = 0;
            for (const QJsonValue &child : children) {
                const int h = layoutElement(child.toObject(), x, y + height, width, depth + 1);
                if (h > 0) {
                    height += h + Spacing;
                }
            }
            return std::max(0, height - Spacing);
        }
        const int count = int(children.size());
        const int childWidth = std::max(20, (width - Spacing * (count - 1)) / count);
        int height = 0;
        for (int i = 0; i < count; ++i) {
            height = std::max(
                height,
                layoutElement(children.at(i).toObject(), x + i * (childWidth + Spacing), y, childWidth, depth + 1));
        }
        return height;
    }

    if (type == QLatin1String("carousel")) {
        const QJsonArray cards = element.value(QLatin1String("elements")).toArray();
        const int cardWidth = std::min(width, CarouselCardWidth);
        const int fitting = std::max(1, (width + Spacing) / (cardWidth + Spacing));
        int height = 0;
        int shown = 0;
        for (const QJsonValue &card : cards) {
            if (shown == fitting) {
                break;
            }
            const qsizetype frameIndex = m_items.size();
            m_items.append(Item{Item::Kind::Frame, {}, {}, {}, false, 0});
            const int cardX = x + shown * (cardWidth + Spacing);
            const int h =
                layoutElement(card.toObject(), cardX + Padding, y + Padding, cardWidth - 2 * Padding, depth + 1);
            m_items[frameIndex].rect = QRect(cardX, y, cardWidth, h + 2 * Padding);
            height = std::max(height, h + 2 * Padding);
            ++shown;
        }
        // Frames of a row share one height, as the cards of a real carousel do.
        for (Item &item : m_items) {
            if (item.kind == Item::Kind::Frame && item.rect.top() == y && item.rect.width() == cardWidth) {
                item.rect.setHeight(height);
            }
        }
        if (cards.size() > shown) {
            const int more = int(cards.size()) - shown;
            m_items.append(Item{Item::Kind::Note,
                                QRect(x, y + height + Spacing, width, metrics.height()),
                                tr("more cards: +%1").arg(more),
                                {},
                                false,
                                0});
            height += Spacing + metrics.height();
        }
        return height;
    }

    if (type == QLatin1String("text")) {
        Item item{Item::Kind::Text,
                  {},
                  element.value(QLatin1String("text")).toString().left(2000),
                  element.value(QLatin1String("tooltip")).toString(),
                  false,
                  0};
        const QJsonObject style = element.value(QLatin1String("style")).toObject();
        item.bold = style.value(QLatin1String("bold")).toBool();
        const QString size = style.value(QLatin1String("size")).toString();
        item.sizeStep = size == QLatin1String("large") ? 1 : size == QLatin1String("small") ? -1 : 0;
        const QFont font = fontFor(item);
        const QFontMetrics fm(font);
        const QRect bounds = fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, item.text);
        item.rect = QRect(x, y, std::min(width, bounds.width() + 1), std::max(bounds.height(), fm.height()));
        m_items.append(item);
        return item.rect.height();
    }

    if (type == QLatin1String("image")) {
        const QString url = element.value(QLatin1String("url")).toString();
        const int height = std::min(90, std::max(40, width * 9 / 32));
        m_items.append(Item{Item::Kind::Image,
                            QRect(x, y, width, height),
                            url,
                            element.value(QLatin1String("tooltip")).toString(),
                            false,
                            0});
        return height;
    }

    if (type == QLatin1String("button")) {
        const QString title = element.value(QLatin1String("title")).toString().left(200);
        const int height = metrics.height() + 10;
        m_items.append(Item{Item::Kind::Button,
                            QRect(x, y, width, height),
                            title,
                            describeActions(element.value(QLatin1String("click")).toObject()),
                            false,
                            0});
        return height;
    }

    if (type == QLatin1String("map")) {
        const double la = element.value(QLatin1String("la")).toDouble();
        const double lo = element.value(QLatin1String("lo")).toDouble();
        const int height = metrics.height() * 2 + 8;
        m_items.append(Item{Item::Kind::Map,
                            QRect(x, y, width, height),
                            tr("Map %1, %2").arg(la, 0, 'f', 5).arg(lo, 0, 'f', 5),
                            element.value(QLatin1String("tooltip")).toString(),
                            false,
                            0});
        return height;
    }

    m_items.append(Item{Item::Kind::Note,
                        QRect(x, y, width, metrics.height()),
                        tr("[unsupported element “%1”]").arg(type.left(40)),
                        {},
                        false,
                        0});
    return metrics.height();
}

int StructuredContentLayout::layoutQuickReplies(const QJsonObject &quickReplies, int x, int y, int width)
{
    const QJsonArray replies = quickReplies.value(QLatin1String("replies")).toArray();
    const QFontMetrics metrics(m_font);
    const int chipHeight = metrics.height() + 8;
    int cx = x;
    int cy = y;
    for (const QJsonValue &value : replies) {
        if (full()) {
            break;
        }
        const QJsonObject reply = value.toObject();
        const QString title = reply.value(QLatin1String("title")).toString().left(100);
        const int chipWidth = std::min(width, metrics.horizontalAdvance(title) + 24);
        if (cx > x && cx + chipWidth > x + width) {
            cx = x;
            cy += chipHeight + Spacing;
        }
        m_items.append(Item{Item::Kind::Chip,
                            QRect(cx, cy, chipWidth, chipHeight),
                            title,
                            describeActions(reply.value(QLatin1String("click")).toObject()),
                            false,
                            0});
        cx += chipWidth + Spacing;
    }
    return replies.isEmpty() ? 0 : cy + chipHeight - y;
}

QString StructuredContentLayout::describeActions(const QJsonObject &click)
{
    QStringList parts;
    const QJsonArray actions = click.value(QLatin1String("actions")).toArray();
    for (const QJsonValue &value : actions) {
        const QJsonObject action = value.toObject();
        const QString type = action.value(QLatin1String("type")).toString();
        if (type == QLatin1String("publishText")) {
            parts.append(tr("sends “%1”").arg(action.value(QLatin1String("text")).toString().left(256)));
        } else if (type == QLatin1String("link")) {
            parts.append(tr("opens %1").arg(action.value(QLatin1String("uri")).toString().left(512)));
        } else if (type == QLatin1String("navigate")) {
            parts.append(tr("navigates to %1, %2")
                             .arg(action.value(QLatin1String("la")).toDouble())
                             .arg(action.value(QLatin1String("lo")).toDouble()));
        } else if (!type.isEmpty()) {
            parts.append(type.left(40));
        }
    }
    return parts.join(QLatin1String("; "));
}

bool StructuredContentLayout::isEmpty() const
{
    return m_items.isEmpty();
}

QSize StructuredContentLayout::size() const
{
    return m_size;
}

const QList<StructuredContentLayout::Item> &StructuredContentLayout::items() const
{
    return m_items;
}

const StructuredContentLayout::Item *StructuredContentLayout::itemAt(const QPoint &pos) const
{
    // Last first: frames come before what they hold.
    for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
        if (it->kind != Item::Kind::Frame && it->rect.contains(pos)) {
            return &*it;
        }
    }
    return nullptr;
}

void StructuredContentLayout::paint(QPainter *painter, const QPoint &origin, const QPalette &palette) const
{
    painter->save();
    painter->translate(origin);
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = palette.color(QPalette::Highlight);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    const QFontMetrics metrics(m_font);

    for (const Item &item : m_items) {
        const QRectF r = QRectF(item.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        switch (item.kind) {
        case Item::Kind::Frame:
            painter->setPen(QPen(mix(base, text, 0.25), 1));
            painter->setBrush(base);
            painter->drawRoundedRect(r, 6, 6);
            break;
        case Item::Kind::Text:
            painter->setFont(fontFor(item));
            painter->setPen(text);
            painter->drawText(item.rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, item.text);
            break;
        case Item::Kind::Image:
        case Item::Kind::Map: {
            painter->setPen(QPen(mix(base, text, 0.35), 1, Qt::DashLine));
            painter->setBrush(mix(base, text, 0.06));
            painter->drawRoundedRect(r, 4, 4);
            painter->setFont(m_font);
            painter->setPen(muted);
            const QRect inner = item.rect.adjusted(6, 4, -6, -4);
            const QString label = item.kind == Item::Kind::Image ? tr("Image") : item.text;
            const QString url = item.kind == Item::Kind::Image
                                    ? metrics.elidedText(item.text, Qt::ElideMiddle, inner.width())
                                    : QString();
            painter->drawText(inner, Qt::AlignCenter, url.isEmpty() ? label : tr("%1\n%2").arg(label, url));
            break;
        }
        case Item::Kind::Button:
            painter->setPen(QPen(accent, 1));
            painter->setBrush(mix(base, accent, 0.08));
            painter->drawRoundedRect(r, 4, 4);
            painter->setFont(m_font);
            painter->setPen(accent.lightnessF() < 0.25 && base.lightnessF() < 0.5 ? text : accent);
            painter->drawText(item.rect.adjusted(4, 0, -4, 0),
                              Qt::AlignCenter,
                              metrics.elidedText(item.text, Qt::ElideRight, item.rect.width() - 8));
            break;
        case Item::Kind::Chip:
            painter->setPen(QPen(accent, 1));
            painter->setBrush(mix(base, accent, 0.12));
            painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
            painter->setFont(m_font);
            painter->setPen(text);
            painter->drawText(item.rect.adjusted(10, 0, -10, 0),
                              Qt::AlignCenter,
                              metrics.elidedText(item.text, Qt::ElideRight, item.rect.width() - 20));
            break;
        case Item::Kind::Note: {
            QFont italic = m_font;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->setPen(muted);
            painter->drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
            break;
        }
        }
    }
    painter->restore();
}

} // namespace Switchboard
