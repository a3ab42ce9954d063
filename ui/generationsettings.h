#pragma once
// The sampling, size and inpainting settings of the prompt panel, persisted with QSettings.
// Which rows show depends on the mode: size for txt2img and "only masked" inpainting (other
// modes work at the canvas size), strength for img2img and inpainting, mask options for
// inpainting.
#include <QSize>
#include <QVariantMap>
#include <QWidget>

#include "generationmode.h"
#include "jobs/modeldefaults.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace stipple {
struct GenerationRequest;
}
namespace stipple::jobs {
struct Infotext;
}

namespace stipple::ui {

class SeedField;

class GenerationSettings : public QWidget {
  Q_OBJECT

 public:
  explicit GenerationSettings(QWidget* parent = nullptr);

  void setMode(GenerationMode mode);
  void setCanvasSize(const QSize& size);

  // Writes every setting into `request` (not the prompts, images or mask); the seed is
  // resolved (a random one drawn when the field says random).
  void fillRequest(stipple::GenerationRequest& request) const;
  // The output size the request will use: the fields, or the canvas rounded to multiples of 8.
  QSize outputSize() const;
  bool usesCanvasSize() const;
  // First problem the engine would not report as clearly; sets `field` to the widget at fault.
  QString validate(QWidget** field) const;
  // The widget for an engine validation message's field ("width: ..." -> the width box).
  QWidget* widgetForField(const QString& field) const;

  void applyInfotext(const stipple::jobs::Infotext& info);
  // The first time a model is used, the size becomes the one it was trained at (128 for the
  // bundled model, 512 for SD 1.x, 768 for SD 2.x-v) and CFG and sampler the ones it recommends
  // (a model that recommends none gets back the defaults, 7 and Euler a, in place of another
  // model's recommendation). A field set since the model was chosen keeps its value, and
  // settings chosen with a model stay with it, across restarts too.
  void adoptModelDefaults(const QString& modelPath, const stipple::jobs::ModelDefaults& defaults);
  void modelChosen() { m_touched = {}; }
  // Every setting by name (the keys of the "generation" settings group).
  QVariantMap state() const;
  void setState(const QVariantMap& state);
  void loadSettings();
  void saveSettings() const;

  SeedField* seedField() const { return m_seed; }
  QSpinBox* stepsBox() const { return m_steps; }
  QSpinBox* widthBox() const { return m_width; }
  QSpinBox* heightBox() const { return m_height; }
  QComboBox* samplerBox() const { return m_sampler; }
  QComboBox* scheduleBox() const { return m_schedule; }
  QDoubleSpinBox* cfgBox() const { return m_cfg; }
  QDoubleSpinBox* strengthBox() const { return m_strength; }
  QSpinBox* maskBlurBox() const { return m_maskBlur; }
  QSpinBox* batchBox() const { return m_batch; }
  QComboBox* inpaintAreaBox() const { return m_inpaintArea; }

 Q_SIGNALS:
  void changed();

 private:
  QWidget* makeSizeRow();
  void applyPreset(int index);
  void updateVisibility();
  void setRowVisible(QWidget* field, bool visible);

  GenerationMode m_mode = GenerationMode::Generate;
  QSize m_canvasSize;
  // Fields set (by hand, preset, infotext) since the model was chosen.
  struct Touched {
    bool size = false, cfg = false, sampler = false;
  };
  QString m_defaultsModel;  // the model whose defaults the fields last took
  Touched m_touched;
  bool m_adopting = false;
  bool m_cfgFromModel = false, m_samplerFromModel = false;  // a model's recommendation, untouched since
  QFormLayout* m_form = nullptr;
  QComboBox* m_sampler = nullptr;
  QComboBox* m_schedule = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_cfg = nullptr;
  SeedField* m_seed = nullptr;
  QWidget* m_sizeRow = nullptr;
  QSpinBox* m_width = nullptr;
  QSpinBox* m_height = nullptr;
  QComboBox* m_presets = nullptr;
  QLabel* m_canvasSizeNote = nullptr;
  QSpinBox* m_batch = nullptr;
  QDoubleSpinBox* m_strength = nullptr;
  QSpinBox* m_maskBlur = nullptr;
  QComboBox* m_inpaintArea = nullptr;
  QSpinBox* m_padding = nullptr;
  QComboBox* m_maskedContent = nullptr;
};

}  // namespace stipple::ui
