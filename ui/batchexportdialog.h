#pragma once
// File ▸ Batch Export…: a prompt list (typed or loaded: plain text, CSV, JSON Lines), images
// per prompt with a seed mode, an optional X/Y sweep, the canvas as init image, and where and
// how the images are written. The prompt panel's settings are the defaults of every row.
// Validates as the user types: the count of images and an estimate of the time, or every
// problem with its line number; the Export button is enabled only for a batch that can run.
#include <QDialog>
#include <QImage>
#include <memory>

#include "jobs/jobqueue.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

namespace stipple::ui {

class BatchExportDialog : public QDialog {
  Q_OBJECT

 public:
  // `defaults`: the panel's request (prompt fields are the rows'); `modelPath`: its model.
  BatchExportDialog(const stipple::GenerationRequest& defaults, const QString& modelPath, QWidget* parent = nullptr);
  ~BatchExportDialog() override;

  // Offers "use the canvas as init image" (with the mask when there is one).
  void setCanvas(const QImage& image, const QImage& mask, double strength);
  // Measured speed for the estimate: seconds per sampler step at `pixels` pixels (0: unknown).
  void setSpeed(double secondsPerStep, qint64 pixels);
  // Loads a prompt file into the editor (its folder resolves relative paths in the rows).
  bool loadPromptFile(const QString& path);
  void setOutputFolder(const QString& folder);
  void setPromptText(const QString& text);

  // Runs the validation now (it also runs shortly after every edit). True when the batch can run.
  bool validate();
  int imageCount() const;
  QString problemText() const;     // empty when the batch can run
  QString summaryText() const;     // "12 images · about 3 min"
  // The job to queue; valid after validate() returned true.
  jobs::BatchJob batchJob() const;

  void accept() override;  // validates; keeps the choices for next time

 private:
  void scheduleValidation();
  void chooseFolder();
  void chooseFile();
  void updateFormatFields();
  void updateExample();
  void saveChoices() const;
  void restoreChoices();

  stipple::GenerationRequest m_defaults;
  QString m_modelPath;
  QImage m_canvas, m_mask;
  double m_canvasStrength = 0.75;
  double m_secondsPerStep = 0;
  qint64 m_speedPixels = 0;
  QString m_promptFile;  // loaded file (its folder resolves relative paths), empty when typed

  QPlainTextEdit* m_prompts = nullptr;
  QComboBox* m_promptFormat = nullptr;
  QLabel* m_fileLabel = nullptr;
  QSpinBox* m_perPrompt = nullptr;
  QComboBox* m_seedMode = nullptr;
  QLineEdit* m_sweepX = nullptr;
  QLineEdit* m_sweepY = nullptr;
  QCheckBox* m_useCanvas = nullptr;
  QLineEdit* m_folder = nullptr;
  QLineEdit* m_template = nullptr;
  QLabel* m_example = nullptr;
  QComboBox* m_format = nullptr;
  QSpinBox* m_quality = nullptr;
  QComboBox* m_existing = nullptr;
  QCheckBox* m_contactSheet = nullptr;
  QCheckBox* m_addToExisting = nullptr;
  QComboBox* m_queuePolicy = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_problems = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  QTimer* m_validateTimer = nullptr;

  std::shared_ptr<const stipple::BatchPlan> m_plan;
  QString m_problemText, m_summaryText;
};

// "1 h 05 min", "3 min 20 s", "45 s".
QString formatDuration(double seconds);

}  // namespace stipple::ui
