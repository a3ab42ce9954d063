#include "promptpanel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "generationsettings.h"
#include "icons.h"
#include "jobs/infotext.h"
#include "modelchooser.h"
#include "pipeline/request.h"
#include "promptedit.h"
#include "seedfield.h"
#include "theme.h"

namespace stipple::ui {

namespace {

enum TokenTag { PromptTag = 1, NegativeTag = 2 };

QLabel* caption(const QString& text, QWidget* buddy, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setBuddy(buddy);
  QFont font = label->font();
  font.setBold(true);
  label->setFont(font);
  return label;
}

}  // namespace

PromptPanel::PromptPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("promptPanel"));
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(6, 6, 6, 6);
  outer->setSpacing(4);

  m_models = new ModelChooser(this);
  m_prompt = new PromptEdit(this);
  m_prompt->setObjectName(QStringLiteral("promptEdit"));
  m_prompt->setPlaceholderText(tr("Describe the image: a lighthouse on a cliff at dusk, oil painting"));
  m_negative = new PromptEdit(this);
  m_negative->setObjectName(QStringLiteral("negativeEdit"));
  m_negative->setPlaceholderText(tr("What to avoid: blurry, low quality"));
  m_negative->setMaximumHeight(m_negative->sizeHint().height() * 3 / 4);

  outer->addWidget(caption(tr("&Model"), m_models->comboBox(), this));
  outer->addWidget(m_models);
  outer->addWidget(caption(tr("&Prompt"), m_prompt, this));
  outer->addWidget(m_prompt, 2);
  outer->addWidget(caption(tr("&Negative prompt"), m_negative, this));
  outer->addWidget(m_negative, 1);
  m_prompt->setMaximumHeight(m_prompt->sizeHint().height() * 2);

  // The mode as a segmented control: three exclusive buttons.
  auto* modeRow = new QHBoxLayout;
  modeRow->setSpacing(0);
  m_modeGroup = new QButtonGroup(this);
  const QList<QPair<GenerationMode, QString>> modes = {{GenerationMode::Generate, tr("Generate")},
                                                       {GenerationMode::ImageToImage, tr("Image to Image")},
                                                       {GenerationMode::Inpaint, tr("Inpaint")}};
  const QStringList tips = {tr("A new image from the prompt alone"),
                            tr("A new image that starts from the canvas"),
                            tr("Repaint the masked part of the canvas")};
  for (int i = 0; i < modes.size(); ++i) {
    auto* button = new QToolButton(this);
    button->setObjectName(QStringLiteral("mode%1").arg(i));
    button->setText(modes[i].second);
    button->setToolTip(tips[i]);
    button->setCheckable(true);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_modeGroup->addButton(button, static_cast<int>(modes[i].first));
    modeRow->addWidget(button);
  }
  m_modeGroup->button(0)->setChecked(true);
  // A segmented control: joined buttons, the chosen one in the highlight colour.
  setStyleSheet(QStringLiteral(
      "QToolButton[mode=\"true\"] { border: 1px solid palette(dark); background: palette(button);"
      " padding: 4px 6px; }"
      "QToolButton[mode=\"true\"]:hover { background: palette(midlight); }"
      "QToolButton[mode=\"true\"]:checked { background: palette(highlight); color: palette(highlighted-text);"
      " border-color: palette(highlight); }"
      "QToolButton#mode0 { border-top-left-radius: 3px; border-bottom-left-radius: 3px; }"
      "QToolButton#mode2 { border-top-right-radius: 3px; border-bottom-right-radius: 3px; }"));
  for (QAbstractButton* b : m_modeGroup->buttons()) b->setProperty("mode", true);
  outer->addLayout(modeRow);

  m_settings = new GenerationSettings(this);
  auto* scroll = new QScrollArea(this);
  scroll->setObjectName(QStringLiteral("settingsScroll"));
  scroll->setWidget(m_settings);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  outer->addWidget(scroll, 5);

  m_error = new QLabel(this);
  m_error->setObjectName(QStringLiteral("promptError"));
  m_error->setWordWrap(true);
  m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_error->setStyleSheet(isDarkTheme()
                             ? QStringLiteral("QLabel { color: #ffd6d6; background: #4d2527; border: 1px solid #8c3c40;"
                                              " border-radius: 3px; padding: 4px 6px; }")
                             : QStringLiteral("QLabel { color: #7a1010; background: #fbe3e3; border: 1px solid #e8a0a0;"
                                              " border-radius: 3px; padding: 4px 6px; }"));
  m_error->hide();
  outer->addWidget(m_error);

  auto* buttons = new QHBoxLayout;
  m_generate = new QPushButton(themedIcon(QStringLiteral("generate"), this), tr("Generate"), this);
  m_generate->setObjectName(QStringLiteral("generateButton"));
  m_generate->setToolTip(tr("Generate (Ctrl+Enter)"));
  m_generate->setDefault(true);
  m_generate->setMinimumHeight(m_generate->sizeHint().height() + 6);
  QFont bold = m_generate->font();
  bold.setBold(true);
  m_generate->setFont(bold);
  m_cancel = new QPushButton(themedIcon(QStringLiteral("cancel"), this), tr("Cancel"), this);
  m_cancel->setObjectName(QStringLiteral("cancelButton"));
  m_cancel->setToolTip(tr("Cancel the running job (Esc)"));
  m_cancel->setEnabled(false);
  m_cancel->setMinimumHeight(m_generate->minimumHeight());
  m_queueLabel = new QLabel(this);
  m_queueLabel->setObjectName(QStringLiteral("queueLabel"));
  buttons->addWidget(m_generate, 2);
  buttons->addWidget(m_cancel, 1);
  outer->addLayout(buttons);
  outer->addWidget(m_queueLabel);
  m_queueLabel->hide();

  m_tokenTimer = new QTimer(this);
  m_tokenTimer->setSingleShot(true);
  m_tokenTimer->setInterval(300);
  connect(m_tokenTimer, &QTimer::timeout, this, &PromptPanel::refreshTokenCounts);
  connect(m_prompt, &QPlainTextEdit::textChanged, m_tokenTimer, qOverload<>(&QTimer::start));
  connect(m_negative, &QPlainTextEdit::textChanged, m_tokenTimer, qOverload<>(&QTimer::start));
  connect(m_generate, &QPushButton::clicked, this, &PromptPanel::generateRequested);
  connect(m_cancel, &QPushButton::clicked, this, &PromptPanel::cancelRequested);
  connect(m_models, &ModelChooser::addRequested, this, &PromptPanel::loadModelRequested);
  connect(m_models, &ModelChooser::modelChanged, this, [this](const QString& path) {
    clearError();
    m_settings->modelChosen();
    Q_EMIT modelChanged(path);
  });
  connect(m_modeGroup, &QButtonGroup::idClicked, this, [this](int id) {
    setMode(static_cast<GenerationMode>(id));
    Q_EMIT stateChanged();
  });
  connect(m_settings, &GenerationSettings::changed, this, &PromptPanel::clearError);
  connect(m_prompt, &QPlainTextEdit::textChanged, this, &PromptPanel::stateChanged);
  connect(m_negative, &QPlainTextEdit::textChanged, this, &PromptPanel::stateChanged);
  connect(m_settings, &GenerationSettings::changed, this, &PromptPanel::stateChanged);
  connect(m_models, &ModelChooser::modelChanged, this, &PromptPanel::stateChanged);

  QSettings s;
  m_prompt->setPlainText(s.value(QStringLiteral("generation/prompt")).toString());
  m_negative->setPlainText(s.value(QStringLiteral("generation/negativePrompt")).toString());
}

PromptPanel::~PromptPanel() { saveSettings(); }

void PromptPanel::saveSettings() const {
  QSettings s;
  s.setValue(QStringLiteral("generation/prompt"), m_prompt->toPlainText());
  s.setValue(QStringLiteral("generation/negativePrompt"), m_negative->toPlainText());
  m_settings->saveSettings();
}

QJsonObject PromptPanel::state() const {
  QJsonObject state;
  state.insert(QStringLiteral("prompt"), m_prompt->toPlainText());
  state.insert(QStringLiteral("negativePrompt"), m_negative->toPlainText());
  state.insert(QStringLiteral("mode"), static_cast<int>(m_mode));
  state.insert(QStringLiteral("model"), m_models->currentPath());
  state.insert(QStringLiteral("settings"), QJsonObject::fromVariantMap(m_settings->state()));
  return state;
}

void PromptPanel::setState(const QJsonObject& state) {
  m_prompt->setPlainText(state.value(QStringLiteral("prompt")).toString());
  m_negative->setPlainText(state.value(QStringLiteral("negativePrompt")).toString());
  if (const QString model = state.value(QStringLiteral("model")).toString(); !model.isEmpty())
    m_models->setCurrentPath(model);
  m_settings->setState(state.value(QStringLiteral("settings")).toObject().toVariantMap());
  const int mode = state.value(QStringLiteral("mode")).toInt(static_cast<int>(m_mode));
  if (mode >= static_cast<int>(GenerationMode::Generate) && mode <= static_cast<int>(GenerationMode::Inpaint))
    setMode(static_cast<GenerationMode>(mode));
}

void PromptPanel::setMode(GenerationMode mode) {
  m_mode = mode;
  if (QAbstractButton* b = m_modeGroup->button(static_cast<int>(mode))) b->setChecked(true);
  m_settings->setMode(mode);
  clearError();
}

void PromptPanel::inferMode(bool hasPicture, bool hasMask) {
  setMode(hasMask ? GenerationMode::Inpaint : hasPicture ? GenerationMode::ImageToImage : GenerationMode::Generate);
}

void PromptPanel::setCanvasSize(const QSize& size) { m_settings->setCanvasSize(size); }

QString PromptPanel::modelPath() const { return m_models->currentPath(); }

void PromptPanel::fillRequest(stipple::GenerationRequest& r) const {
  r.prompt = m_prompt->toPlainText().trimmed().toStdString();
  r.negative_prompt = m_negative->toPlainText().trimmed().toStdString();
  m_settings->fillRequest(r);
}

bool PromptPanel::validate(bool hasMask) {
  clearError();
  if (modelPath().isEmpty()) {
    showError(tr("Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder)."),
              m_models->comboBox());
    return false;
  }
  if (m_mode == GenerationMode::Inpaint && !hasMask) {
    showError(tr("Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image."));
    return false;
  }
  QWidget* field = nullptr;
  const QString problem = m_settings->validate(&field);
  if (!problem.isEmpty()) {
    showError(problem, field);
    return false;
  }
  return true;
}

void PromptPanel::showError(const QString& message, QWidget* field) {
  m_error->setText(message);
  m_error->show();
  if (m_errorField) m_errorField->setStyleSheet(QString());
  m_errorField = field;
  if (!field && message.contains(QLatin1Char(':')))
    m_errorField = m_settings->widgetForField(message.section(QLatin1Char(':'), 0, 0).trimmed());
  if (m_errorField) {
    // Name the class so the rule does not reach into child widgets' own styles.
    m_errorField->setStyleSheet(QStringLiteral("%1 { border: 1px solid #d04040; }")
                                    .arg(QLatin1String(m_errorField->metaObject()->className())));
    m_errorField->setFocus(Qt::OtherFocusReason);
  }
}

void PromptPanel::clearError() {
  if (m_errorField) m_errorField->setStyleSheet(QString());
  m_errorField = nullptr;
  m_error->clear();
  m_error->hide();
}

QString PromptPanel::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

void PromptPanel::applyInfotext(const jobs::Infotext& info) {
  if (info.isEmpty()) return;
  m_prompt->setPlainText(info.prompt);
  m_negative->setPlainText(info.negativePrompt);
  m_settings->applyInfotext(info);
  if (!info.modelName.isEmpty()) m_models->selectByName(info.modelName);
  clearError();
}

void PromptPanel::setBusy(bool busy, int queued) {
  m_cancel->setEnabled(busy);
  m_queueLabel->setVisible(queued > 0);
  m_queueLabel->setText(tr("%n more queued", nullptr, queued));
}

void PromptPanel::setLastSeed(quint64 seed) { m_settings->seedField()->setLastSeed(seed); }

void PromptPanel::refreshTokenCounts() {
  Q_EMIT tokenCountRequested(PromptTag, m_prompt->toPlainText());
  Q_EMIT tokenCountRequested(NegativeTag, m_negative->toPlainText());
}

void PromptPanel::setTokenCounts(int tag, const QString& text, const QList<int>& counts) {
  (tag == PromptTag ? m_prompt : m_negative)->setTokenCounts(text, counts);
}

}  // namespace stipple::ui
