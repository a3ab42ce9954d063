#include "promptedit.h"

#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <numeric>

namespace stipple::ui {

namespace {
constexpr int kChunk = 75;
}

PromptEdit::PromptEdit(QWidget* parent) : QPlainTextEdit(parent) {
  setTabChangesFocus(true);
  setLineWrapMode(QPlainTextEdit::WidgetWidth);
  m_counter = new QLabel(this);
  m_counter->setObjectName(QStringLiteral("tokenCounter"));
  m_counter->setAttribute(Qt::WA_TransparentForMouseEvents);
  QFont small = m_counter->font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  m_counter->setFont(small);
  m_counter->setToolTip(tr("Tokens used / available. Long prompts are split into chunks of 75 tokens."));
  // Leave room for the counter under the last line.
  setViewportMargins(0, 0, 0, m_counter->fontMetrics().height() + 2);
  connect(this, &QPlainTextEdit::textChanged, this, &PromptEdit::updateCounter);
  updateCounter();
}

QSize PromptEdit::sizeHint() const {
  const QSize base = QPlainTextEdit::sizeHint();
  return QSize(base.width(), fontMetrics().lineSpacing() * 4 + m_counter->sizeHint().height() + 12);
}

int PromptEdit::estimateTokens(const QString& text) {
  // CLIP's BPE gives roughly one token per common word and one per punctuation mark.
  static const QRegularExpression token(QStringLiteral(R"(\w+|[^\w\s])"),
                                        QRegularExpression::UseUnicodePropertiesOption);
  int n = 0;
  auto it = token.globalMatch(text);
  while (it.hasNext()) {
    const QString word = it.next().captured();
    n += 1 + static_cast<int>(word.size()) / 10;  // long or rare words split into pieces
  }
  return n;
}

void PromptEdit::setTokenCounts(const QString& forText, const QList<int>& counts) {
  m_exactFor = forText;
  m_exact = counts;
  updateCounter();
}

QString PromptEdit::counterText() const { return m_counter->text(); }

void PromptEdit::updateCounter() {
  const QString text = toPlainText();
  const bool exact = !m_exact.isEmpty() && m_exactFor == text;
  int used = 0;
  int chunks = 1;
  if (exact) {
    used = std::accumulate(m_exact.begin(), m_exact.end(), 0);
    chunks = std::max<int>(1, static_cast<int>(m_exact.size()));
  } else {
    used = estimateTokens(text);
    chunks = std::max(1, (used + kChunk - 1) / kChunk);
  }
  m_counter->setText(QStringLiteral("%1%2/%3").arg(exact ? QString() : QStringLiteral("~")).arg(used).arg(chunks * kChunk));
  QPalette pal = m_counter->palette();
  QColor color = palette().color(QPalette::PlaceholderText);
  pal.setColor(QPalette::WindowText, color);
  m_counter->setPalette(pal);
  m_counter->adjustSize();
  resizeEvent(nullptr);
}

void PromptEdit::resizeEvent(QResizeEvent* event) {
  if (event) QPlainTextEdit::resizeEvent(event);
  const QRect area = contentsRect();
  const int scroll = verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0;
  m_counter->move(area.right() - scroll - m_counter->width() - 4, area.bottom() - m_counter->height() - 1);
}

}  // namespace stipple::ui
