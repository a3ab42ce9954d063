#include "modelchooser.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolButton>

#include "icons.h"
#include "pipeline/engine.h"

namespace stipple::ui {

namespace {
const QString kKnownKey = QStringLiteral("models/known");
const QString kCurrentKey = QStringLiteral("models/current");
constexpr int kMaxKnown = 30;
constexpr int kMaxScanned = 200;
constexpr int kScannedRole = Qt::UserRole + 1;  // found in a model folder, not added by hand

// Checkpoints and diffusers folders directly inside `folder` (and the folder itself when it is a
// diffusers folder), by name.
QStringList modelsIn(const QString& folder) {
  const QDir dir(folder);
  QStringList found;
  if (dir.exists(QStringLiteral("model_index.json"))) found << dir.absolutePath();
  for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    if (info.isFile() && info.suffix().compare(QLatin1String("safetensors"), Qt::CaseInsensitive) == 0)
      found << info.absoluteFilePath();
    else if (info.isDir() && QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("/model_index.json")))
      found << info.absoluteFilePath();
  }
  return found;
}

// The bundled models: stipple-shapes (the default) and, beside it, its inpainting variant.
QStringList bundledModels() {
  QStringList paths;
  if (const auto base = stipple::default_model_path()) {
    paths << QString::fromStdString(base->string());
    const QString inpainting =
        QString::fromStdString((base->parent_path() / (base->filename().string() + "-inpainting")).string());
    if (QFileInfo::exists(inpainting + QStringLiteral("/model_index.json"))) paths << inpainting;
  }
  return paths;
}
}  // namespace

ModelChooser::ModelChooser(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  m_combo = new QComboBox(this);
  m_combo->setObjectName(QStringLiteral("modelCombo"));
  m_combo->setPlaceholderText(tr("No model – Load Model…"));
  m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_combo->setMinimumContentsLength(12);
  m_add = new QToolButton(this);
  m_add->setObjectName(QStringLiteral("modelAdd"));
  m_add->setIcon(themedIcon(QStringLiteral("model-add"), this));
  m_add->setToolTip(tr("Load a model (.safetensors file or diffusers folder)"));
  m_add->setAutoRaise(true);
  layout->addWidget(m_combo, 1);
  layout->addWidget(m_add);

  const QStringList bundled = bundledModels();
  for (const QString& path : bundled) {
    m_combo->addItem(tr("%1 (bundled)").arg(displayName(path)), path);
    m_combo->setItemData(m_combo->count() - 1, QDir::toNativeSeparators(path), Qt::ToolTipRole);
  }
  QSettings settings;
  for (const QString& path : settings.value(kKnownKey).toStringList()) {
    if (!QFileInfo::exists(path) || indexOf(path) >= 0) continue;
    m_combo->addItem(displayName(path), path);
    m_combo->setItemData(m_combo->count() - 1, QDir::toNativeSeparators(path), Qt::ToolTipRole);
  }
  const int current = indexOf(settings.value(kCurrentKey).toString());
  m_combo->setCurrentIndex(current >= 0 ? current : (bundled.isEmpty() ? -1 : 0));

  connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
    QSettings().setValue(kCurrentKey, currentPath());
    m_combo->setToolTip(QDir::toNativeSeparators(currentPath()));
    Q_EMIT modelChanged(currentPath());
  });
  connect(m_add, &QToolButton::clicked, this, &ModelChooser::addRequested);
  m_combo->setToolTip(QDir::toNativeSeparators(currentPath()));
}

QString ModelChooser::displayName(const QString& path) {
  const QFileInfo info(path);
  return info.isDir() ? info.fileName() : info.completeBaseName();
}

QString ModelChooser::currentPath() const { return m_combo->currentData().toString(); }

int ModelChooser::indexOf(const QString& path) const {
  if (path.isEmpty()) return -1;
  const QString wanted = QFileInfo(path).absoluteFilePath();
  for (int i = 0; i < m_combo->count(); ++i)
    if (QFileInfo(m_combo->itemData(i).toString()).absoluteFilePath() == wanted) return i;
  return -1;
}

QStringList ModelChooser::models() const {
  QStringList paths;
  for (int i = 0; i < m_combo->count(); ++i) paths << m_combo->itemData(i).toString();
  return paths;
}

void ModelChooser::addModel(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  int index = indexOf(absolute);
  if (index < 0) {
    m_combo->addItem(displayName(absolute), absolute);
    index = m_combo->count() - 1;
    m_combo->setItemData(index, QDir::toNativeSeparators(absolute), Qt::ToolTipRole);
  }
  remember();
  m_combo->setCurrentIndex(index);
}

void ModelChooser::setCurrentPath(const QString& path) {
  const int index = indexOf(path);
  if (index >= 0)
    m_combo->setCurrentIndex(index);
  else
    addModel(path);
}

bool ModelChooser::selectByName(const QString& name) {
  for (int i = 0; i < m_combo->count(); ++i) {
    if (displayName(m_combo->itemData(i).toString()) == name) {
      m_combo->setCurrentIndex(i);
      return true;
    }
  }
  return false;
}

void ModelChooser::setScannedFolders(const QStringList& folders) {
  const QString current = currentPath();
  QSignalBlocker blocker(m_combo);  // the choice is settled below, with one signal at most
  for (int i = m_combo->count() - 1; i >= 0; --i)
    if (m_combo->itemData(i, kScannedRole).toBool()) m_combo->removeItem(i);
  int added = 0;
  for (const QString& folder : folders) {
    for (const QString& path : modelsIn(folder)) {
      if (added >= kMaxScanned) break;
      if (indexOf(path) >= 0) continue;
      m_combo->addItem(displayName(path), path);
      const int index = m_combo->count() - 1;
      m_combo->setItemData(index, QDir::toNativeSeparators(path), Qt::ToolTipRole);
      m_combo->setItemData(index, true, kScannedRole);
      ++added;
    }
  }
  // Keep the model in use; at start-up, pick up the last one when it lives in a scanned folder.
  QString wanted = current;
  if (const QString saved = QSettings().value(kCurrentKey).toString(); indexOf(saved) >= 0 && current != saved &&
                                                                         m_combo->itemData(indexOf(saved), kScannedRole).toBool())
    wanted = saved;
  m_combo->setCurrentIndex(indexOf(wanted));
  blocker.unblock();
  if (currentPath() != current) {
    QSettings().setValue(kCurrentKey, currentPath());
    m_combo->setToolTip(QDir::toNativeSeparators(currentPath()));
    Q_EMIT modelChanged(currentPath());
  }
}

void ModelChooser::remember() const {
  QStringList paths;
  const QStringList bundled = bundledModels();  // listed again at each start
  for (int i = 0; i < m_combo->count(); ++i) {
    const QString path = m_combo->itemData(i).toString();
    if (m_combo->itemData(i, kScannedRole).toBool()) continue;  // found again at each start
    if (!bundled.contains(path)) paths << path;
  }
  while (paths.size() > kMaxKnown) paths.removeFirst();
  QSettings().setValue(kKnownKey, paths);
}

}  // namespace stipple::ui
