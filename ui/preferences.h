#pragma once
// The application's preferences, kept with QSettings: where and how the engine runs, the
// preview during sampling, default folders, model folders to scan, language, theme and the
// autosave interval. Plain data; PreferencesDialog edits it, the rest of the app reads it.
#include <QString>
#include <QStringList>

namespace stipple {
struct EngineModelSpec;
struct GenerationRequest;
}  // namespace stipple

namespace stipple::ui {

struct Preferences {
  QString device = QStringLiteral("auto");     // auto, cpu, cuda
  QString precision = QStringLiteral("auto");  // auto, fp32, bf16, fp16
  int threads = 0;                             // 0: every CPU the system gives the process
  QString previewMode = QStringLiteral("approximate");  // approximate, full, off
  int previewEvery = 1;                        // steps between previews
  QString imageFolder;                         // empty: the system's Pictures folder
  QString batchFolder;                         // empty: the system's Pictures folder
  QStringList modelFolders;                    // scanned for checkpoints and diffusers folders
  QString language;                            // empty: the system's; else "de", "fr", "ja", ...
  QString theme = QStringLiteral("dark");      // dark, light, system
  int autosaveSeconds = 30;

  static constexpr int kMinAutosaveSeconds = 5;
  static constexpr int kMaxAutosaveSeconds = 600;

  static Preferences load();
  void save() const;

  // The folders with their defaults filled in.
  QString imageFolderOrDefault() const;
  QString batchFolderOrDefault() const;

  // The engine settings into a model spec / the preview settings into a request.
  void applyTo(stipple::EngineModelSpec& spec) const;
  void applyTo(stipple::GenerationRequest& request) const;

  // Whether the engine will run on a CUDA GPU ("auto" with one present, or "cuda").
  bool usesCuda() const;
  // "CPU, 2 threads, bf16" or "CUDA (1 device), fp16": what the engine will run with, "auto"
  // resolved the way the engine resolves it.
  QString deviceSummary() const;

  // Languages with a catalogue, as codes ("de", "zh_CN"), for the language choice.
  static QStringList availableLanguages();
};

}  // namespace stipple::ui
