#pragma once
// Edit > Preferences…: the engine (device, precision, threads, preview), folders (images, batch
// exports, model folders to scan), and the interface (language, theme, autosave interval).
// Language, theme and threads take effect at the next start; the rest at once.
#include <QDialog>

#include "preferences.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTabWidget;

namespace stipple::ui {

class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(const Preferences& preferences, QWidget* parent = nullptr);

  Preferences preferences() const;
  void setPreferences(const Preferences& preferences);
  // Whether the edited preferences change something that only a restart applies.
  bool needsRestart() const;

  QTabWidget* tabs() const { return m_tabs; }

 private:
  QWidget* makeEnginePage();
  QWidget* makeFoldersPage();
  QWidget* makeInterfacePage();
  QLineEdit* folderRow(QWidget* parent, const char* name, QWidget** row);
  void updateNotes();

  Preferences m_initial;
  QTabWidget* m_tabs = nullptr;
  QComboBox* m_device = nullptr;
  QComboBox* m_precision = nullptr;
  QSpinBox* m_threads = nullptr;
  QComboBox* m_previewMode = nullptr;
  QSpinBox* m_previewEvery = nullptr;
  QLineEdit* m_imageFolder = nullptr;
  QLineEdit* m_batchFolder = nullptr;
  QListWidget* m_modelFolders = nullptr;
  QComboBox* m_language = nullptr;
  QComboBox* m_theme = nullptr;
  QSpinBox* m_autosave = nullptr;
  QLabel* m_precisionNote = nullptr;
  QLabel* m_restartNote = nullptr;
};

}  // namespace stipple::ui
