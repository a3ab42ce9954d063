#pragma once
// The prompt dock's contents: model, prompt and negative prompt with token counters, the mode
// (inferred from the canvas and mask, changeable), the settings, and Generate / Cancel.
// Problems with the settings are explained inline before a job is queued.
#include <QJsonObject>
#include <QWidget>

#include "generationmode.h"

class QButtonGroup;
class QLabel;
class QPushButton;
class QTimer;

namespace stipple {
struct GenerationRequest;
}
namespace stipple::jobs {
struct Infotext;
}

namespace stipple::ui {

class GenerationSettings;
class ModelChooser;
class PromptEdit;

class PromptPanel : public QWidget {
  Q_OBJECT

 public:
  explicit PromptPanel(QWidget* parent = nullptr);
  ~PromptPanel() override;

  GenerationMode mode() const { return m_mode; }
  void setMode(GenerationMode mode);
  // The mode the canvas suggests: a mask means inpainting, an opened picture img2img.
  void inferMode(bool hasPicture, bool hasMask);
  void setCanvasSize(const QSize& size);

  QString modelPath() const;
  // Prompts and settings into `request` (no images); validated by validate().
  void fillRequest(stipple::GenerationRequest& request) const;
  // Shows the first problem inline and returns false; `hasMask` is the canvas's state.
  bool validate(bool hasMask);
  // Marks an engine validation message ("steps: ...") inline.
  void showError(const QString& message, QWidget* field = nullptr);
  void clearError();
  QString errorText() const;

  void applyInfotext(const stipple::jobs::Infotext& info);
  void setBusy(bool busy, int queued);
  void setLastSeed(quint64 seed);
  void setTokenCounts(int tag, const QString& text, const QList<int>& counts);
  void saveSettings() const;
  // Prompts, mode, model and settings, for the session autosave; setState() puts them back.
  QJsonObject state() const;
  void setState(const QJsonObject& state);
  // Asks for exact token counts again (after a model has loaded).
  void refreshTokenCounts();

  PromptEdit* promptEdit() const { return m_prompt; }
  PromptEdit* negativeEdit() const { return m_negative; }
  ModelChooser* modelChooser() const { return m_models; }
  GenerationSettings* settings() const { return m_settings; }
  QPushButton* generateButton() const { return m_generate; }
  QPushButton* cancelButton() const { return m_cancel; }

 Q_SIGNALS:
  void generateRequested();
  void cancelRequested();
  void loadModelRequested();
  void modelChanged(const QString& path);
  void tokenCountRequested(int tag, const QString& text);
  void stateChanged();  // an edit to what state() holds

 private:
  GenerationMode m_mode = GenerationMode::Generate;
  ModelChooser* m_models = nullptr;
  PromptEdit* m_prompt = nullptr;
  PromptEdit* m_negative = nullptr;
  QButtonGroup* m_modeGroup = nullptr;
  GenerationSettings* m_settings = nullptr;
  QLabel* m_error = nullptr;
  QWidget* m_errorField = nullptr;
  QPushButton* m_generate = nullptr;
  QPushButton* m_cancel = nullptr;
  QLabel* m_queueLabel = nullptr;
  QTimer* m_tokenTimer = nullptr;
};

}  // namespace stipple::ui
