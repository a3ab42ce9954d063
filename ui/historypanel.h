#pragma once
// The history dock: a thumbnail of every result, newest first. A click shows the image and its
// parameters below the list; a double-click puts it on the canvas (undoable). "Reuse
// parameters" fills the prompt panel; "Export" saves a copy; "Delete" removes it from disk.
// Several entries can be selected (Ctrl/Shift-click): Export then writes them all into a
// folder, named like a batch export's images, and Delete removes them all.
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QToolButton;

namespace stipple::ui {

class HistoryStore;
struct HistoryEntry;

class HistoryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryPanel(HistoryStore* store, QWidget* parent = nullptr);

  QListWidget* listWidget() const { return m_list; }
  QString selectedId() const;       // the current entry (whose details show)
  QStringList selectedIds() const;  // every selected entry, newest first
  // Writes the entries into `dir` as "<n>-<seed>-<prompt>.png" with their parameters, never
  // over an existing file. Returns how many were written; `error` names the first failure.
  int exportEntries(const QStringList& ids, const QString& dir, QString* error);
  void select(const QString& id);

 public Q_SLOTS:
  void placeSelected();
  void reuseSelected();
  void exportSelected();
  void deleteSelected();

 Q_SIGNALS:
  void placeOnCanvas(const QImage& image, const QString& parameters);
  void reuseParameters(const QString& parameters);
  void message(const QString& text);

 private:
  QListWidgetItem* makeItem(const HistoryEntry& entry) const;
  void onEntryAdded(const HistoryEntry& entry);
  void onEntryRemoved(const QString& id);
  void showDetails();

  HistoryStore* m_store;
  QListWidget* m_list = nullptr;
  QLabel* m_preview = nullptr;
  QPlainTextEdit* m_parameters = nullptr;
  QToolButton* m_place = nullptr;
  QToolButton* m_reuse = nullptr;
  QToolButton* m_export = nullptr;
  QToolButton* m_delete = nullptr;
  QLabel* m_empty = nullptr;
  QWidget* m_details = nullptr;
};

}  // namespace stipple::ui
