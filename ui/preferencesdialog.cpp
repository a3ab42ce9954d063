#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "accessibility.h"
#include "runtime.h"

namespace stipple::ui {

namespace {

void selectData(QComboBox* box, const QString& value) {
  const int i = box->findData(value);
  box->setCurrentIndex(i >= 0 ? i : 0);
}

QLabel* note(QWidget* parent, const char* name) {
  auto* label = new QLabel(parent);
  label->setObjectName(QLatin1String(name));
  label->setWordWrap(true);
  QFont small = label->font();
  small.setPointSizeF(small.pointSizeF() * 0.9);
  label->setFont(small);
  return label;
}

}  // namespace

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QWidget* parent)
    : QDialog(parent), m_initial(preferences) {
  setObjectName(QStringLiteral("preferencesDialog"));
  setWindowTitle(tr("Preferences"));
  m_tabs = new QTabWidget(this);
  m_tabs->addTab(makeEnginePage(), tr("&Engine"));
  m_tabs->addTab(makeFoldersPage(), tr("&Folders"));
  m_tabs->addTab(makeInterfacePage(), tr("&Interface"));
  m_restartNote = note(this, "restartNote");
  m_restartNote->setText(tr("Language, theme and threads take effect when Stipple starts again."));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                       QDialogButtonBox::RestoreDefaults, this);
  buttons->setObjectName(QStringLiteral("preferencesButtons"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
          [this] { setPreferences(Preferences()); });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_tabs);
  layout->addWidget(m_restartNote);
  layout->addWidget(buttons);
  setPreferences(preferences);
  m_tabs->setAccessibleName(windowTitle());
  nameUnlabelledControls(this);

  auto okEnabled = [this, buttons] {
    updateNotes();
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_precisionNote->property("blocking").toBool() == false);
  };
  for (QComboBox* box : {m_device, m_precision, m_language, m_theme})
    connect(box, &QComboBox::currentIndexChanged, this, okEnabled);
  connect(m_threads, &QSpinBox::valueChanged, this, okEnabled);
  okEnabled();
}

QWidget* PreferencesDialog::makeEnginePage() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  const stipple::RuntimeInfo info = stipple::runtime_info();

  m_device = new QComboBox(page);
  m_device->setObjectName(QStringLiteral("deviceBox"));
  m_device->addItem(tr("Automatic (the GPU when there is one)"), QStringLiteral("auto"));
  m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
  m_device->addItem(info.cuda_available ? tr("CUDA GPU") : tr("CUDA GPU (none found)"), QStringLiteral("cuda"));
  if (!info.cuda_available) {
    // Shown, so the choice is known to exist, but not selectable on this machine.
    if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model())) model->item(2)->setEnabled(false);
  }
  form->addRow(tr("&Device:"), m_device);

  m_precision = new QComboBox(page);
  m_precision->setObjectName(QStringLiteral("precisionBox"));
  m_precision->addItem(tr("Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)"), QStringLiteral("auto"));
  m_precision->addItem(tr("fp32 (exact, slowest)"), QStringLiteral("fp32"));
  m_precision->addItem(tr("bf16"), QStringLiteral("bf16"));
  m_precision->addItem(tr("fp16 (GPU only)"), QStringLiteral("fp16"));
  form->addRow(tr("&Precision:"), m_precision);
  m_precisionNote = note(page, "precisionNote");
  form->addRow(QString(), m_precisionNote);

  m_threads = new QSpinBox(page);
  m_threads->setObjectName(QStringLiteral("threadsBox"));
  m_threads->setRange(0, 1024);
  m_threads->setSpecialValueText(tr("All (%1)").arg(stipple::available_cpus()));
  m_threads->setToolTip(tr("CPU threads for the engine; 0 uses every CPU this process may run on"));
  form->addRow(tr("&Threads:"), m_threads);

  m_previewMode = new QComboBox(page);
  m_previewMode->setObjectName(QStringLiteral("previewModeBox"));
  m_previewMode->addItem(tr("Approximate (fast)"), QStringLiteral("approximate"));
  m_previewMode->addItem(tr("Full (decoded by the VAE)"), QStringLiteral("full"));
  m_previewMode->addItem(tr("Off"), QStringLiteral("off"));
  form->addRow(tr("Pre&view:"), m_previewMode);
  m_previewEvery = new QSpinBox(page);
  m_previewEvery->setObjectName(QStringLiteral("previewEveryBox"));
  m_previewEvery->setRange(1, 100);
  auto stepSuffix = [this](int steps) { m_previewEvery->setSuffix(steps == 1 ? tr(" step") : tr(" steps")); };
  connect(m_previewEvery, &QSpinBox::valueChanged, this, stepSuffix);
  stepSuffix(m_previewEvery->value());
  m_previewEvery->setToolTip(tr("A full preview costs about one VAE decode; fewer previews keep sampling fast"));
  form->addRow(tr("Preview &every:"), m_previewEvery);
  connect(m_previewMode, &QComboBox::currentIndexChanged, this, [this] {
    m_previewEvery->setEnabled(m_previewMode->currentData().toString() != QLatin1String("off"));
  });
  return page;
}

QLineEdit* PreferencesDialog::folderRow(QWidget* parent, const char* name, QWidget** row) {
  *row = new QWidget(parent);
  auto* layout = new QHBoxLayout(*row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* edit = new QLineEdit(*row);
  edit->setObjectName(QLatin1String(name));
  edit->setPlaceholderText(QDir::toNativeSeparators(Preferences().imageFolderOrDefault()));
  edit->setClearButtonEnabled(true);
  auto* browse = new QToolButton(*row);
  browse->setText(tr("Browse…"));
  browse->setToolTip(tr("Choose a folder"));
  connect(browse, &QToolButton::clicked, this, [this, edit] {
    const QString start = edit->text().isEmpty() ? edit->placeholderText() : edit->text();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"), start);
    if (!dir.isEmpty()) edit->setText(QDir::toNativeSeparators(dir));
  });
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  return edit;
}

QWidget* PreferencesDialog::makeFoldersPage() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  QWidget* row = nullptr;
  m_imageFolder = folderRow(page, "imageFolderEdit", &row);
  form->addRow(tr("&Images:"), row);
  m_batchFolder = folderRow(page, "batchFolderEdit", &row);
  form->addRow(tr("&Batch exports:"), row);

  auto* models = new QWidget(page);
  auto* modelsLayout = new QHBoxLayout(models);
  modelsLayout->setContentsMargins(0, 0, 0, 0);
  m_modelFolders = new QListWidget(models);
  m_modelFolders->setObjectName(QStringLiteral("modelFoldersList"));
  m_modelFolders->setToolTip(tr("Checkpoints (.safetensors) and diffusers folders in these folders appear in the "
                                "model list"));
  auto* buttons = new QVBoxLayout;
  auto* add = new QPushButton(tr("&Add…"), models);
  add->setObjectName(QStringLiteral("addModelFolder"));
  auto* remove = new QPushButton(tr("&Remove"), models);
  remove->setObjectName(QStringLiteral("removeModelFolder"));
  buttons->addWidget(add);
  buttons->addWidget(remove);
  buttons->addStretch(1);
  modelsLayout->addWidget(m_modelFolders, 1);
  modelsLayout->addLayout(buttons);
  form->addRow(tr("&Model folders:"), models);
  connect(add, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a Model Folder"), QDir::homePath());
    if (!dir.isEmpty() && m_modelFolders->findItems(QDir::toNativeSeparators(dir), Qt::MatchExactly).isEmpty())
      m_modelFolders->addItem(QDir::toNativeSeparators(dir));
  });
  connect(remove, &QPushButton::clicked, this, [this] { delete m_modelFolders->currentItem(); });
  return page;
}

QWidget* PreferencesDialog::makeInterfacePage() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  m_language = new QComboBox(page);
  m_language->setObjectName(QStringLiteral("languageBox"));
  m_language->addItem(tr("System language"), QString());
  m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  for (const QString& code : Preferences::availableLanguages()) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    m_language->addItem(name.isEmpty() ? code : name, code);
  }
  form->addRow(tr("&Language:"), m_language);

  m_theme = new QComboBox(page);
  m_theme->setObjectName(QStringLiteral("themeBox"));
  m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
  m_theme->addItem(tr("Light"), QStringLiteral("light"));
  m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
  form->addRow(tr("T&heme:"), m_theme);

  m_autosave = new QSpinBox(page);
  m_autosave->setObjectName(QStringLiteral("autosaveBox"));
  m_autosave->setRange(Preferences::kMinAutosaveSeconds, Preferences::kMaxAutosaveSeconds);
  m_autosave->setSuffix(tr(" s"));
  m_autosave->setToolTip(tr("How often the session is autosaved while it changes (and always after a generation)"));
  form->addRow(tr("&Autosave every:"), m_autosave);
  return page;
}

void PreferencesDialog::setPreferences(const Preferences& p) {
  selectData(m_device, p.device);
  selectData(m_precision, p.precision);
  m_threads->setValue(p.threads);
  selectData(m_previewMode, p.previewMode);
  m_previewEvery->setValue(p.previewEvery);
  m_previewEvery->setEnabled(p.previewMode != QLatin1String("off"));
  m_imageFolder->setText(QDir::toNativeSeparators(p.imageFolder));
  m_batchFolder->setText(QDir::toNativeSeparators(p.batchFolder));
  m_modelFolders->clear();
  for (const QString& dir : p.modelFolders) m_modelFolders->addItem(QDir::toNativeSeparators(dir));
  selectData(m_language, p.language);
  selectData(m_theme, p.theme);
  m_autosave->setValue(p.autosaveSeconds);
  updateNotes();
}

Preferences PreferencesDialog::preferences() const {
  Preferences p;
  p.device = m_device->currentData().toString();
  p.precision = m_precision->currentData().toString();
  p.threads = m_threads->value();
  p.previewMode = m_previewMode->currentData().toString();
  p.previewEvery = m_previewEvery->value();
  p.imageFolder = QDir::fromNativeSeparators(m_imageFolder->text().trimmed());
  p.batchFolder = QDir::fromNativeSeparators(m_batchFolder->text().trimmed());
  for (int i = 0; i < m_modelFolders->count(); ++i)
    p.modelFolders << QDir::fromNativeSeparators(m_modelFolders->item(i)->text());
  p.language = m_language->currentData().toString();
  p.theme = m_theme->currentData().toString();
  p.autosaveSeconds = m_autosave->value();
  return p;
}

bool PreferencesDialog::needsRestart() const {
  const Preferences p = preferences();
  return p.language != m_initial.language || p.theme != m_initial.theme || p.threads != m_initial.threads;
}

void PreferencesDialog::updateNotes() {
  const Preferences p = preferences();
  const bool cuda = p.usesCuda();
  const bool blocking = !cuda && p.precision == QLatin1String("fp16");
  m_precisionNote->setProperty("blocking", blocking);
  if (blocking)
    m_precisionNote->setText(tr("fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic."));
  else if (!cuda && p.precision == QLatin1String("bf16") && !stipple::runtime_info().cpu_bf16_fast)
    m_precisionNote->setText(tr("This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here."));
  else
    m_precisionNote->setText(tr("The engine will run as: %1.").arg(p.deviceSummary()));
  m_restartNote->setVisible(needsRestart());
}

}  // namespace stipple::ui
