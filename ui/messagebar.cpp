#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "theme.h"

namespace stipple::ui {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("messageBar"));
  setFrameShape(QFrame::StyledPanel);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 4, 4);
  m_icon = new QLabel(this);
  m_text = new QLabel(this);
  m_text->setObjectName(QStringLiteral("messageText"));
  m_text->setWordWrap(true);
  m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_close = new QToolButton(this);
  m_close->setAutoRaise(true);
  m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
  m_close->setToolTip(tr("Close"));
  layout->addWidget(m_icon);
  layout->addWidget(m_text, 1);
  layout->addWidget(m_close, 0, Qt::AlignTop);
  connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
  hide();
}

void MessageBar::showMessage(const QString& text, Kind kind) {
  const bool dark = isDarkTheme();
  QStyle::StandardPixmap icon = QStyle::SP_MessageBoxCritical;
  QString colors = dark ? QStringLiteral("background: #4d2527; border: 1px solid #8c3c40; color: #ffd6d6;")
                        : QStringLiteral("background: #fbe3e3; border: 1px solid #e0a0a0; color: #5a1010;");
  if (kind == Kind::Warning) {
    icon = QStyle::SP_MessageBoxWarning;
    colors = dark ? QStringLiteral("background: #4a3f1c; border: 1px solid #8a7530; color: #ffeebf;")
                  : QStringLiteral("background: #fdf3d8; border: 1px solid #e0c880; color: #4a3a08;");
  } else if (kind == Kind::Information) {
    icon = QStyle::SP_MessageBoxInformation;
    colors = dark ? QStringLiteral("background: #1f3550; border: 1px solid #3d6290; color: #d6e8ff;")
                  : QStringLiteral("background: #e2eefb; border: 1px solid #a0bce0; color: #10305a;");
  }
  setStyleSheet(QStringLiteral("#messageBar { %1 border-radius: 3px; } #messageBar QLabel { color: inherit; }").arg(colors));
  const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
  m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
  m_text->setText(text);
  show();
}

QString MessageBar::text() const { return isHidden() ? QString() : m_text->text(); }

}  // namespace stipple::ui
