#pragma once
// The model list: every .safetensors file or diffusers folder the user has added, remembered
// in QSettings, plus the bundled models (stipple-shapes, chosen on a first start, and its
// inpainting variant) when they are installed.
#include <QStringList>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace stipple::ui {

class ModelChooser : public QWidget {
  Q_OBJECT

 public:
  explicit ModelChooser(QWidget* parent = nullptr);

  QString currentPath() const;  // empty: none chosen
  // Adds (and remembers) a model and selects it.
  void addModel(const QString& path);
  void setCurrentPath(const QString& path);
  // Lists the checkpoints (.safetensors) and diffusers folders found in `folders` (Preferences),
  // replacing those of an earlier scan; models added by hand stay.
  void setScannedFolders(const QStringList& folders);
  // Selects a known model whose name (file stem or folder name) is `name`; false if none.
  bool selectByName(const QString& name);
  QStringList models() const;  // the paths in the list
  static QString displayName(const QString& path);
  QComboBox* comboBox() const { return m_combo; }

 Q_SIGNALS:
  void modelChanged(const QString& path);
  void addRequested();

 private:
  void remember() const;
  int indexOf(const QString& path) const;

  QComboBox* m_combo = nullptr;
  QToolButton* m_add = nullptr;
};

}  // namespace stipple::ui
