#include "historypanel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

#include "document/canvasdocument.h"
#include "jobs/infotext.h"
#include "pipeline/file_naming.h"
#include "document/historystore.h"
#include "icons.h"
#include "preferences.h"

namespace stipple::ui {

namespace {
constexpr int kIconSize = 88;
}

HistoryPanel::HistoryPanel(HistoryStore* store, QWidget* parent) : QWidget(parent), m_store(store) {
  setObjectName(QStringLiteral("historyPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->setSpacing(4);

  m_list = new QListWidget(this);
  m_list->setObjectName(QStringLiteral("historyList"));
  m_list->setViewMode(QListView::IconMode);
  m_list->setIconSize(QSize(kIconSize, kIconSize));
  m_list->setGridSize(QSize(kIconSize + 10, kIconSize + 10));
  m_list->setResizeMode(QListView::Adjust);
  m_list->setMovement(QListView::Static);
  m_list->setUniformItemSizes(true);
  m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_list->setContextMenuPolicy(Qt::CustomContextMenu);
  // Icon mode marks a selection only under the (absent) text: frame the whole cell instead.
  m_list->setStyleSheet(QStringLiteral("QListWidget::item { border-radius: 3px; padding: 2px; }"
                                       "QListWidget::item:selected { background: palette(highlight); }"
                                       "QListWidget::item:hover:!selected { background: palette(midlight); }"));

  m_empty = new QLabel(tr("Generated images appear here and stay after a restart."), this);
  m_empty->setWordWrap(true);
  m_empty->setAlignment(Qt::AlignCenter);
  m_empty->setEnabled(false);

  auto* details = new QWidget(this);
  m_details = details;
  auto* detailLayout = new QVBoxLayout(details);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->setSpacing(4);
  m_preview = new QLabel(details);
  m_preview->setObjectName(QStringLiteral("historyPreview"));
  m_preview->setAlignment(Qt::AlignCenter);
  m_preview->setFixedHeight(180);
  m_parameters = new QPlainTextEdit(details);
  m_parameters->setObjectName(QStringLiteral("historyParameters"));
  m_parameters->setReadOnly(true);
  m_parameters->setFixedHeight(m_parameters->fontMetrics().lineSpacing() * 7);
  QFont small = m_parameters->font();
  small.setPointSizeF(small.pointSizeF() * 0.9);
  m_parameters->setFont(small);

  auto* buttons = new QHBoxLayout;
  buttons->setSpacing(2);
  auto makeButton = [this, details, buttons](const char* name, const QString& icon, const QString& text,
                                             const QString& tip) {
    auto* b = new QToolButton(details);
    b->setObjectName(QLatin1String(name));
    b->setIcon(themedIcon(icon, this));
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    b->setEnabled(false);
    buttons->addWidget(b);
    return b;
  };
  m_place = makeButton("historyPlace", QStringLiteral("place"), tr("Use"), tr("Put this image on the canvas (double-click)"));
  m_reuse = makeButton("historyReuse", QStringLiteral("reuse"), tr("Reuse"), tr("Reuse its prompt and settings"));
  m_export = makeButton("historyExport", QStringLiteral("export"), QString(), tr("Export a copy…"));
  m_delete = makeButton("historyDelete", QStringLiteral("delete"), QString(), tr("Delete from the history"));
  m_export->setToolButtonStyle(Qt::ToolButtonIconOnly);
  m_delete->setToolButtonStyle(Qt::ToolButtonIconOnly);
  buttons->addStretch(1);
  detailLayout->addWidget(m_preview);
  detailLayout->addWidget(m_parameters);
  detailLayout->addLayout(buttons);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setChildrenCollapsible(false);
  auto* top = new QWidget(splitter);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(m_list);
  topLayout->addWidget(m_empty, 1);
  splitter->addWidget(top);
  splitter->addWidget(details);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 0);
  layout->addWidget(splitter);

  for (const HistoryEntry& entry : m_store->entries()) m_list->addItem(makeItem(entry));
  m_empty->setVisible(m_list->count() == 0);
  m_list->setVisible(m_list->count() > 0);
  m_details->hide();  // until an entry is selected

  connect(m_store, &HistoryStore::entryAdded, this, &HistoryPanel::onEntryAdded);
  connect(m_store, &HistoryStore::entryRemoved, this, &HistoryPanel::onEntryRemoved);
  connect(m_list, &QListWidget::itemSelectionChanged, this, &HistoryPanel::showDetails);
  connect(m_list, &QListWidget::itemDoubleClicked, this, &HistoryPanel::placeSelected);
  connect(m_place, &QToolButton::clicked, this, &HistoryPanel::placeSelected);
  connect(m_reuse, &QToolButton::clicked, this, &HistoryPanel::reuseSelected);
  connect(m_export, &QToolButton::clicked, this, &HistoryPanel::exportSelected);
  connect(m_delete, &QToolButton::clicked, this, &HistoryPanel::deleteSelected);
  connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
    if (!m_list->itemAt(pos)) return;
    QMenu menu(this);
    menu.addAction(m_place->icon(), tr("Put on Canvas"), this, &HistoryPanel::placeSelected);
    menu.addAction(m_reuse->icon(), tr("Reuse Parameters"), this, &HistoryPanel::reuseSelected);
    const int n = static_cast<int>(selectedIds().size());
    menu.addAction(m_export->icon(), n > 1 ? tr("Export %1 Images…").arg(n) : tr("Export…"), this,
                   &HistoryPanel::exportSelected);
    menu.addSeparator();
    menu.addAction(m_delete->icon(), n > 1 ? tr("Delete %1 Images").arg(n) : tr("Delete"), this,
                   &HistoryPanel::deleteSelected);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
  });
}

QListWidgetItem* HistoryPanel::makeItem(const HistoryEntry& entry) const {
  auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(entry.thumbnail)), QString());
  item->setData(Qt::UserRole, entry.id);
  QString tip = entry.parameters.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  item->setToolTip(QStringLiteral("<p style='white-space:pre-wrap'><b>%1</b><br>%2</p>")
                       .arg(QLocale().toString(entry.created, QLocale::ShortFormat), tip));
  return item;
}

void HistoryPanel::onEntryAdded(const HistoryEntry& entry) {
  m_list->insertItem(0, makeItem(entry));
  m_empty->hide();
  m_list->show();
}

void HistoryPanel::onEntryRemoved(const QString& id) {
  for (int i = 0; i < m_list->count(); ++i) {
    if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
      delete m_list->takeItem(i);
      break;
    }
  }
  m_empty->setVisible(m_list->count() == 0);
  m_list->setVisible(m_list->count() > 0);
}

QString HistoryPanel::selectedId() const {
  QListWidgetItem* current = m_list->currentItem();
  if (current && current->isSelected()) return current->data(Qt::UserRole).toString();
  const QList<QListWidgetItem*> items = m_list->selectedItems();
  return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

QStringList HistoryPanel::selectedIds() const {
  QStringList ids;
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->isSelected()) ids << m_list->item(i)->data(Qt::UserRole).toString();
  return ids;
}

void HistoryPanel::select(const QString& id) {
  for (int i = 0; i < m_list->count(); ++i) {
    if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
      m_list->setCurrentRow(i);
      return;
    }
  }
}

void HistoryPanel::showDetails() {
  const HistoryEntry* entry = m_store->find(selectedId());
  for (QToolButton* b : {m_place, m_reuse, m_export, m_delete}) b->setEnabled(entry != nullptr);
  m_details->setVisible(entry != nullptr);
  m_details->setMaximumHeight(m_details->sizeHint().height());
  if (!entry) {
    m_preview->clear();
    m_parameters->clear();
    return;
  }
  const QImage image(entry->path);
  const QSize box(std::max(64, m_list->viewport()->width()), m_preview->height());
  const qreal dpr = devicePixelRatioF();
  QPixmap pixmap = QPixmap::fromImage(image.scaled(box * dpr, Qt::KeepAspectRatio,
                                                   image.width() < box.width() ? Qt::FastTransformation
                                                                               : Qt::SmoothTransformation));
  pixmap.setDevicePixelRatio(dpr);
  m_preview->setPixmap(pixmap);
  m_parameters->setPlainText(entry->parameters);
}

void HistoryPanel::placeSelected() {
  const HistoryEntry* entry = m_store->find(selectedId());
  if (!entry) return;
  const QImage image(entry->path);
  if (image.isNull()) {
    Q_EMIT message(tr("The image of this entry is missing: %1").arg(entry->path));
    return;
  }
  Q_EMIT placeOnCanvas(image, entry->parameters);
}

void HistoryPanel::reuseSelected() {
  if (const HistoryEntry* entry = m_store->find(selectedId())) Q_EMIT reuseParameters(entry->parameters);
}

void HistoryPanel::exportSelected() {
  const QStringList ids = selectedIds();
  if (ids.size() > 1) {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export %1 Images Into").arg(ids.size()), Preferences::load().imageFolderOrDefault());
    if (dir.isEmpty()) return;
    QString error;
    const int written = exportEntries(ids, dir, &error);
    Q_EMIT message(error.isEmpty() ? tr("Exported %1 images into %2").arg(written).arg(QDir::toNativeSeparators(dir))
                                   : tr("Exported %1 of %2 images: %3").arg(written).arg(ids.size()).arg(error));
    return;
  }
  const HistoryEntry* entry = m_store->find(selectedId());
  if (!entry) return;
  const QString dir = Preferences::load().imageFolderOrDefault();
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Image"), dir + QLatin1Char('/') + entry->id + QStringLiteral(".png"),
                                                    tr("PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)"));
  if (path.isEmpty()) return;
  QString error;
  if (!CanvasDocument::writeImage(QImage(entry->path), entry->parameters, path, &error))
    Q_EMIT message(error);
  else
    Q_EMIT message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

int HistoryPanel::exportEntries(const QStringList& ids, const QString& dir, QString* error) {
  if (!QDir().mkpath(dir)) {
    if (error) *error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(dir));
    return 0;
  }
  const int width = std::max(4, static_cast<int>(QString::number(ids.size()).size()));
  int written = 0;
  for (int i = 0; i < ids.size(); ++i) {
    const HistoryEntry* entry = m_store->find(ids[i]);
    if (!entry) continue;
    const jobs::Infotext info = jobs::parseInfotext(entry->parameters);
    stipple::FileNameFields f;
    f.index = i + 1;
    f.index_width = width;
    f.seed = info.fields.value(QStringLiteral("Seed")).toULongLong();
    f.prompt = info.prompt.toStdString();
    const QString stem = QString::fromStdString(stipple::expand_name_template("{index}-{seed}-{prompt}", f));
    QString path = QDir(dir).filePath(stem + QStringLiteral(".png"));
    for (int n = 1; QFileInfo::exists(path); ++n) path = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(stem).arg(n));
    const QImage image(entry->path);
    QString why;
    if (image.isNull()) why = tr("the image of %1 is missing").arg(entry->id);
    else if (!CanvasDocument::writeImage(image, entry->parameters, path, &why) && why.isEmpty()) why = tr("cannot write %1").arg(path);
    if (!why.isEmpty()) {
      if (error && error->isEmpty()) *error = why;
      if (!image.isNull()) break;  // a full disk or a read-only folder fails the rest too
      continue;
    }
    ++written;
  }
  return written;
}

void HistoryPanel::deleteSelected() {
  const QStringList ids = selectedIds();
  if (ids.isEmpty()) return;
  const QString question = ids.size() == 1
                               ? tr("Delete this image from the history? The file is removed from disk.")
                               : tr("Delete these %1 images from the history? The files are removed from disk.").arg(ids.size());
  const auto answer = QMessageBox::question(this, tr("Delete from History"), question,
                                            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
  if (answer != QMessageBox::Yes) return;
  for (const QString& id : ids) m_store->remove(id);
}

}  // namespace stipple::ui
