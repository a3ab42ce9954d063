#include "batchexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "jobs/imageconvert.h"
#include "pipeline/file_naming.h"
#include "preferences.h"

namespace stipple::ui {

namespace {

constexpr auto kSettingsGroup = "batchExport";

std::filesystem::path toPath(const QString& s) { return std::filesystem::path(s.toStdString()); }

// Work of one image in sampler steps at the request's size (img2img runs strength x steps).
double workOf(const stipple::GenerationRequest& r) {
  const double steps = r.is_img2img() ? std::max(1.0, std::ceil(r.steps * r.strength)) : r.steps;
  return steps * double(r.width) * r.height;
}

}  // namespace

QString formatDuration(double seconds) {
  const qint64 s = std::llround(std::max(0.0, seconds));
  if (s >= 3600) return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
  if (s >= 60) return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
  return QObject::tr("%1 s").arg(s);
}

BatchExportDialog::BatchExportDialog(const stipple::GenerationRequest& defaults, const QString& modelPath,
                                     QWidget* parent)
    : QDialog(parent), m_defaults(defaults), m_modelPath(modelPath) {
  setObjectName(QStringLiteral("BatchExportDialog"));
  setWindowTitle(tr("Batch Export"));
  m_defaults.batch_count = 1;
  m_defaults.batch_size = 1;
  m_defaults.init_image = cv::Mat();
  m_defaults.mask = cv::Mat();

  // Prompts.
  auto* promptsBox = new QGroupBox(tr("Prompts"), this);
  m_prompts = new QPlainTextEdit(promptsBox);
  m_prompts->setObjectName(QStringLiteral("batchPrompts"));
  m_prompts->setPlaceholderText(
      tr("One prompt per line; lines starting with # are comments.\n"
         "A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines "
         "sets other fields per row."));
  m_prompts->setTabChangesFocus(true);
  m_prompts->setMinimumHeight(140);
  auto* loadButton = new QPushButton(tr("&Load File…"), promptsBox);
  loadButton->setObjectName(QStringLiteral("batchLoadFile"));
  m_promptFormat = new QComboBox(promptsBox);
  m_promptFormat->setObjectName(QStringLiteral("batchPromptFormat"));
  m_promptFormat->addItem(tr("Detect format"), int(stipple::PromptFileFormat::Auto));
  m_promptFormat->addItem(tr("Plain text"), int(stipple::PromptFileFormat::Text));
  m_promptFormat->addItem(tr("CSV"), int(stipple::PromptFileFormat::Csv));
  m_promptFormat->addItem(tr("JSON Lines"), int(stipple::PromptFileFormat::JsonLines));
  m_fileLabel = new QLabel(promptsBox);
  m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(loadButton);
  fileRow->addWidget(m_promptFormat);
  fileRow->addWidget(m_fileLabel, 1);
  auto* promptsLayout = new QVBoxLayout(promptsBox);
  promptsLayout->addWidget(m_prompts, 1);
  promptsLayout->addLayout(fileRow);

  // Images.
  auto* imagesBox = new QGroupBox(tr("Images"), this);
  auto* imagesForm = new QFormLayout(imagesBox);
  m_perPrompt = new QSpinBox(imagesBox);
  m_perPrompt->setObjectName(QStringLiteral("batchPerPrompt"));
  m_perPrompt->setRange(1, 10000);
  m_seedMode = new QComboBox(imagesBox);
  m_seedMode->setObjectName(QStringLiteral("batchSeedMode"));
  m_seedMode->addItem(tr("Incrementing from the seed"), int(stipple::SeedMode::Increment));
  m_seedMode->addItem(tr("The same seed for each image"), int(stipple::SeedMode::Fixed));
  m_seedMode->addItem(tr("Random (recorded in the manifest)"), int(stipple::SeedMode::Random));
  m_sweepX = new QLineEdit(imagesBox);
  m_sweepX->setObjectName(QStringLiteral("batchSweepX"));
  m_sweepX->setPlaceholderText(tr("none, or e.g. cfg=5,7,9"));
  m_sweepY = new QLineEdit(imagesBox);
  m_sweepY->setObjectName(QStringLiteral("batchSweepY"));
  m_sweepY->setPlaceholderText(tr("none, or e.g. steps=20,30"));
  m_useCanvas = new QCheckBox(tr("Start every image from the canvas (and its mask)"), imagesBox);
  m_useCanvas->setObjectName(QStringLiteral("batchUseCanvas"));
  m_useCanvas->setEnabled(false);
  m_useCanvas->setToolTip(tr("Open or generate a picture first"));
  imagesForm->addRow(tr("Images per &prompt:"), m_perPrompt);
  imagesForm->addRow(tr("&Seeds:"), m_seedMode);
  imagesForm->addRow(tr("Sweep &X:"), m_sweepX);
  imagesForm->addRow(tr("Sweep &Y:"), m_sweepY);
  imagesForm->addRow(m_useCanvas);

  // Output.
  auto* outputBox = new QGroupBox(tr("Output"), this);
  auto* outputForm = new QFormLayout(outputBox);
  m_folder = new QLineEdit(outputBox);
  m_folder->setObjectName(QStringLiteral("batchFolder"));
  auto* browse = new QPushButton(tr("&Browse…"), outputBox);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folder, 1);
  folderRow->addWidget(browse);
  m_template = new QLineEdit(QStringLiteral("{index}-{seed}-{prompt}"), outputBox);
  m_template->setObjectName(QStringLiteral("batchTemplate"));
  QStringList names;
  for (const std::string& p : stipple::name_template_placeholders()) names << QStringLiteral("{%1}").arg(QString::fromStdString(p));
  m_template->setToolTip(tr("Placeholders: %1").arg(names.join(QLatin1Char(' '))));
  m_example = new QLabel(outputBox);
  m_example->setObjectName(QStringLiteral("batchExample"));
  m_example->setEnabled(false);  // drawn as secondary text
  m_format = new QComboBox(outputBox);
  m_format->setObjectName(QStringLiteral("batchFormat"));
  m_format->addItem(tr("PNG (parameters in a text chunk)"), int(stipple::ExportFormat::Png));
  m_format->addItem(tr("JPEG (parameters in EXIF)"), int(stipple::ExportFormat::Jpeg));
  m_format->addItem(tr("WebP (parameters in EXIF)"), int(stipple::ExportFormat::Webp));
  m_quality = new QSpinBox(outputBox);
  m_quality->setObjectName(QStringLiteral("batchQuality"));
  m_quality->setRange(1, 100);
  m_quality->setValue(95);
  m_quality->setPrefix(tr("quality "));
  auto* formatRow = new QHBoxLayout;
  formatRow->addWidget(m_format, 1);
  formatRow->addWidget(m_quality);
  m_existing = new QComboBox(outputBox);
  m_existing->setObjectName(QStringLiteral("batchExisting"));
  m_existing->addItem(tr("Write the new image under another name"), int(stipple::ExistingFilePolicy::Rename));
  m_existing->addItem(tr("Skip the image"), int(stipple::ExistingFilePolicy::Skip));
  m_contactSheet = new QCheckBox(tr("Contact sheet of all images (with the sweep's labels)"), outputBox);
  m_contactSheet->setObjectName(QStringLiteral("batchContactSheet"));
  m_addToExisting = new QCheckBox(tr("Add to the other batch in this folder"), outputBox);
  m_addToExisting->setObjectName(QStringLiteral("batchAddToExisting"));
  m_addToExisting->setVisible(false);
  m_queuePolicy = new QComboBox(outputBox);
  m_queuePolicy->setObjectName(QStringLiteral("batchQueuePolicy"));
  m_queuePolicy->addItem(tr("Let my own generations go first, between batch images"), true);
  m_queuePolicy->addItem(tr("Finish the batch before my own generations"), false);
  // Rows whose field is a layout need their buddy set by hand for the mnemonic to work.
  auto* folderLabel = new QLabel(tr("&Folder:"), outputBox);
  folderLabel->setBuddy(m_folder);
  auto* formatLabel = new QLabel(tr("F&ormat:"), outputBox);
  formatLabel->setBuddy(m_format);
  outputForm->addRow(folderLabel, folderRow);
  outputForm->addRow(tr("File &names:"), m_template);
  outputForm->addRow(QString(), m_example);
  outputForm->addRow(formatLabel, formatRow);
  outputForm->addRow(tr("If a file exis&ts:"), m_existing);
  outputForm->addRow(m_contactSheet);
  outputForm->addRow(m_addToExisting);
  outputForm->addRow(tr("&While it runs:"), m_queuePolicy);

  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("batchSummary"));
  m_summary->setWordWrap(true);
  QFont bold = m_summary->font();
  bold.setBold(true);
  m_summary->setFont(bold);
  m_problems = new QLabel(this);
  m_problems->setObjectName(QStringLiteral("batchProblems"));
  m_problems->setWordWrap(true);
  m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_problems->setStyleSheet(QStringLiteral("color: #e0605a;"));
  m_problems->setVisible(false);

  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
  m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("batchExportButton"));

  auto* columns = new QHBoxLayout;
  columns->addWidget(promptsBox, 1);
  auto* right = new QVBoxLayout;
  right->addWidget(imagesBox);
  right->addWidget(outputBox);
  right->addStretch(1);
  columns->addLayout(right, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(columns, 1);
  layout->addWidget(m_summary);
  layout->addWidget(m_problems);
  layout->addWidget(m_buttons);

  m_validateTimer = new QTimer(this);
  m_validateTimer->setSingleShot(true);
  m_validateTimer->setInterval(250);
  connect(m_validateTimer, &QTimer::timeout, this, &BatchExportDialog::validate);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &BatchExportDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &BatchExportDialog::reject);
  connect(loadButton, &QPushButton::clicked, this, &BatchExportDialog::chooseFile);
  connect(browse, &QPushButton::clicked, this, &BatchExportDialog::chooseFolder);
  connect(m_prompts, &QPlainTextEdit::textChanged, this, &BatchExportDialog::scheduleValidation);
  for (QLineEdit* edit : {m_sweepX, m_sweepY, m_folder, m_template})
    connect(edit, &QLineEdit::textChanged, this, &BatchExportDialog::scheduleValidation);
  for (QComboBox* combo : {m_promptFormat, m_seedMode, m_format, m_existing, m_queuePolicy})
    connect(combo, &QComboBox::currentIndexChanged, this, &BatchExportDialog::scheduleValidation);
  for (QCheckBox* box : {m_useCanvas, m_contactSheet, m_addToExisting})
    connect(box, &QCheckBox::toggled, this, &BatchExportDialog::scheduleValidation);
  connect(m_perPrompt, &QSpinBox::valueChanged, this, &BatchExportDialog::scheduleValidation);
  connect(m_quality, &QSpinBox::valueChanged, this, &BatchExportDialog::scheduleValidation);
  connect(m_format, &QComboBox::currentIndexChanged, this, &BatchExportDialog::updateFormatFields);

  restoreChoices();
  if (m_folder->text().isEmpty()) {
    const QString folder = Preferences::load().batchFolderOrDefault();
    const QString base = folder.isEmpty() ? QDir::homePath() : folder;
    setOutputFolder(QDir(base).filePath(QStringLiteral("Stipple/batch-%1")
                                            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))));
  }
  updateFormatFields();
  validate();
  resize(900, 560);
}

BatchExportDialog::~BatchExportDialog() = default;

void BatchExportDialog::setCanvas(const QImage& image, const QImage& mask, double strength) {
  m_canvas = image;
  m_mask = mask;
  m_canvasStrength = strength;
  m_useCanvas->setEnabled(!image.isNull());
  m_useCanvas->setToolTip(image.isNull() ? tr("Open or generate a picture first")
                          : mask.isNull()  ? tr("Image to image from the canvas, strength %1").arg(strength)
                                           : tr("Inpainting: the canvas's masked part is regenerated"));
  if (image.isNull()) m_useCanvas->setChecked(false);
  scheduleValidation();
}

void BatchExportDialog::setSpeed(double secondsPerStep, qint64 pixels) {
  m_secondsPerStep = secondsPerStep;
  m_speedPixels = pixels;
  scheduleValidation();
}

bool BatchExportDialog::loadPromptFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    m_problems->setText(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    m_problems->setVisible(true);
    return false;
  }
  QString content = QString::fromUtf8(file.readAll());
  if (content.startsWith(QChar(0xFEFF))) content.remove(0, 1);
  m_promptFile = path;
  const QString suffix = QFileInfo(path).suffix().toLower();
  stipple::PromptFileFormat format = stipple::PromptFileFormat::Auto;
  if (suffix == QLatin1String("csv")) format = stipple::PromptFileFormat::Csv;
  else if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")) format = stipple::PromptFileFormat::JsonLines;
  else if (suffix == QLatin1String("txt")) format = stipple::PromptFileFormat::Text;
  m_promptFormat->setCurrentIndex(m_promptFormat->findData(int(format)));
  const QSignalBlocker block(m_prompts);
  m_prompts->setPlainText(content);
  m_fileLabel->setText(QFileInfo(path).fileName());
  m_fileLabel->setToolTip(QDir::toNativeSeparators(path));
  return validate();
}

void BatchExportDialog::setOutputFolder(const QString& folder) { m_folder->setText(QDir::toNativeSeparators(folder)); }

void BatchExportDialog::setPromptText(const QString& text) { m_prompts->setPlainText(text); }

void BatchExportDialog::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Load Prompt List"), m_promptFile.isEmpty() ? QDir::homePath() : QFileInfo(m_promptFile).path(),
      tr("Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)"));
  if (!path.isEmpty()) loadPromptFile(path);
}

void BatchExportDialog::chooseFolder() {
  QString start = m_folder->text();
  while (!start.isEmpty() && !QFileInfo(start).isDir()) start = QFileInfo(start).path();
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), start);
  if (!dir.isEmpty()) setOutputFolder(dir);
}

void BatchExportDialog::updateFormatFields() {
  m_quality->setEnabled(m_format->currentData().toInt() != int(stipple::ExportFormat::Png));
}

void BatchExportDialog::scheduleValidation() {
  // Typing must not be slowed by parsing a long list: validate once the edits pause.
  m_validateTimer->start();
}

bool BatchExportDialog::validate() {
  m_validateTimer->stop();
  m_plan.reset();
  QStringList problems;
  QString summary;

  stipple::GenerationRequest defaults = m_defaults;
  if (m_useCanvas->isChecked() && !m_canvas.isNull()) {
    defaults.init_image = jobs::rgbMatFromImage(m_canvas);
    if (!m_mask.isNull()) defaults.mask = jobs::grayMatFromImage(m_mask);
    defaults.strength = m_canvasStrength;
    defaults.width = m_canvas.width() / 8 * 8;
    defaults.height = m_canvas.height() / 8 * 8;
  }
  stipple::BatchSettings settings;
  settings.per_prompt = m_perPrompt->value();
  settings.seed_mode = static_cast<stipple::SeedMode>(m_seedMode->currentData().toInt());
  settings.size_from_init = true;
  for (QLineEdit* sweep : {m_sweepX, m_sweepY}) {
    const QString text = sweep->text().trimmed();
    if (text.isEmpty()) continue;
    try {
      settings.sweeps.push_back(stipple::parse_sweep(text.toStdString()));
    } catch (const std::exception& e) {
      problems << tr("Sweep %1: %2").arg(sweep == m_sweepX ? QStringLiteral("X") : QStringLiteral("Y"),
                                         QString::fromLocal8Bit(e.what()));
    }
  }
  if (!m_sweepY->text().trimmed().isEmpty() && m_sweepX->text().trimmed().isEmpty())
    problems << tr("Sweep Y needs a sweep X");

  stipple::BatchExportOptions options;
  options.out_dir = toPath(QDir::fromNativeSeparators(m_folder->text().trimmed()));
  options.name_template = m_template->text().toStdString();
  options.format = static_cast<stipple::ExportFormat>(m_format->currentData().toInt());
  options.quality = m_quality->value();
  options.existing = static_cast<stipple::ExistingFilePolicy>(m_existing->currentData().toInt());
  options.contact_sheet = m_contactSheet->isChecked();
  options.resume = m_addToExisting->isChecked();
  if (m_folder->text().trimmed().isEmpty()) problems << tr("Choose a folder for the images");
  else if (const std::string p = stipple::check_export_options(options); !p.empty())
    problems << QString::fromStdString(p);

  std::shared_ptr<stipple::BatchPlan> plan;
  if (m_prompts->toPlainText().trimmed().isEmpty()) {
    problems << tr("Type the prompts, one per line, or load a prompt list");
  } else {
    try {
      const auto format = static_cast<stipple::PromptFileFormat>(m_promptFormat->currentData().toInt());
      const std::string source = m_promptFile.isEmpty() ? std::string("prompts") : QFileInfo(m_promptFile).fileName().toStdString();
      const std::filesystem::path base = m_promptFile.isEmpty() ? std::filesystem::path() : toPath(QFileInfo(m_promptFile).path());
      const stipple::PromptList list = stipple::parse_prompt_list(m_prompts->toPlainText().toStdString(), format, source, base);
      if (problems.isEmpty())
        plan = std::make_shared<stipple::BatchPlan>(stipple::expand_batch(list, defaults, settings));
    } catch (const stipple::BatchSpecError& e) {
      for (const auto& p : e.problems)
        problems << (p.line > 0 ? tr("Line %1: %2").arg(p.line).arg(QString::fromStdString(p.message))
                                : QString::fromStdString(p.message));
    } catch (const std::exception& e) {
      problems << QString::fromLocal8Bit(e.what());
    }
  }

  m_example->clear();
  if (const std::string p = stipple::check_name_template(options.name_template); p.empty()) {
    stipple::FileNameFields f;
    const stipple::GenerationRequest& first = plan && !plan->items.empty() ? plan->items.front().request : defaults;
    f.index = 1;
    f.seed = first.seed;
    f.prompt = first.prompt.empty() ? std::string("a red circle") : first.prompt;
    f.model = QFileInfo(m_modelPath).completeBaseName().toStdString();
    f.date = stipple::date_stamp(QDateTime::currentSecsSinceEpoch());
    f.sampler = first.sampler;
    f.steps = first.steps;
    f.cfg = first.cfg;
    f.width = first.width;
    f.height = first.height;
    m_example->setText(tr("e.g. %1%2").arg(QString::fromStdString(stipple::expand_name_template(options.name_template, f)),
                                          QString::fromStdString(stipple::file_extension(options.format))));
  }

  bool folderInUse = false;
  int alreadyDone = 0;
  if (plan && problems.isEmpty()) {
    stipple::BatchModels models;
    models.spec.model = toPath(m_modelPath);
    try {
      const stipple::BatchFolderState state = stipple::inspect_batch_folder(*plan, options, models);
      folderInUse = state.has_manifest && !state.same_batch && state.recorded > 0;
      alreadyDone = state.done;
      if (folderInUse && !options.resume)
        problems << tr("This folder holds another batch (%n images). Choose another folder, or add to that batch.",
                       nullptr, state.recorded);
    } catch (const std::exception& e) {
      problems << QString::fromLocal8Bit(e.what());
    }
  }
  m_addToExisting->setVisible(folderInUse || m_addToExisting->isChecked());

  if (plan && problems.isEmpty()) {
    const int count = static_cast<int>(plan->items.size());
    summary = count == 1 ? tr("1 image") : tr("%n images", nullptr, count);
    if (alreadyDone > 0) summary += tr(", %n already in the folder", nullptr, alreadyDone);
    double work = 0;
    for (const auto& item : plan->items) work += workOf(item.request);
    work *= double(count - alreadyDone) / std::max(1, count);
    if (m_secondsPerStep > 0 && m_speedPixels > 0)
      summary += tr(" · about %1").arg(formatDuration(work * m_secondsPerStep / double(m_speedPixels)));
    else
      summary += tr(" · the time is estimated after the first image");
    m_plan = plan;
  }

  m_problemText = problems.join(QLatin1Char('\n'));
  m_summaryText = summary;
  m_summary->setText(summary);
  m_summary->setVisible(!summary.isEmpty());
  constexpr int kShown = 12;
  QStringList shown = problems.mid(0, kShown);
  if (problems.size() > kShown) shown << tr("… and %n more", nullptr, int(problems.size() - kShown));
  m_problems->setText(shown.join(QLatin1Char('\n')));
  m_problems->setVisible(!problems.isEmpty());
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_plan != nullptr);
  return m_plan != nullptr;
}

int BatchExportDialog::imageCount() const { return m_plan ? static_cast<int>(m_plan->items.size()) : 0; }

QString BatchExportDialog::problemText() const { return m_problemText; }

QString BatchExportDialog::summaryText() const { return m_summaryText; }

jobs::BatchJob BatchExportDialog::batchJob() const {
  jobs::BatchJob job;
  job.plan = m_plan;
  job.options.out_dir = toPath(QDir::fromNativeSeparators(m_folder->text().trimmed()));
  job.options.name_template = m_template->text().toStdString();
  job.options.format = static_cast<stipple::ExportFormat>(m_format->currentData().toInt());
  job.options.quality = m_quality->value();
  job.options.existing = static_cast<stipple::ExistingFilePolicy>(m_existing->currentData().toInt());
  job.options.contact_sheet = m_contactSheet->isChecked();
  job.options.resume = m_addToExisting->isChecked();
  job.model.model = toPath(m_modelPath);
  job.yieldToInteractive = m_queuePolicy->currentData().toBool();
  return job;
}

void BatchExportDialog::accept() {
  if (!validate()) return;
  saveChoices();
  QDialog::accept();
}

void BatchExportDialog::saveChoices() const {
  QSettings s;
  s.beginGroup(QLatin1String(kSettingsGroup));
  s.setValue(QStringLiteral("prompts"), m_prompts->toPlainText());
  s.setValue(QStringLiteral("promptFile"), m_promptFile);
  s.setValue(QStringLiteral("perPrompt"), m_perPrompt->value());
  s.setValue(QStringLiteral("seedMode"), m_seedMode->currentData());
  s.setValue(QStringLiteral("sweepX"), m_sweepX->text());
  s.setValue(QStringLiteral("sweepY"), m_sweepY->text());
  s.setValue(QStringLiteral("folderParent"), QFileInfo(QDir::fromNativeSeparators(m_folder->text().trimmed())).path());
  s.setValue(QStringLiteral("template"), m_template->text());
  s.setValue(QStringLiteral("format"), m_format->currentData());
  s.setValue(QStringLiteral("quality"), m_quality->value());
  s.setValue(QStringLiteral("existing"), m_existing->currentData());
  s.setValue(QStringLiteral("contactSheet"), m_contactSheet->isChecked());
  s.setValue(QStringLiteral("yield"), m_queuePolicy->currentData());
}

void BatchExportDialog::restoreChoices() {
  QSettings s;
  s.beginGroup(QLatin1String(kSettingsGroup));
  auto select = [](QComboBox* combo, const QVariant& value) {
    if (const int i = combo->findData(value); value.isValid() && i >= 0) combo->setCurrentIndex(i);
  };
  m_prompts->setPlainText(s.value(QStringLiteral("prompts")).toString());
  m_promptFile = s.value(QStringLiteral("promptFile")).toString();
  if (!m_promptFile.isEmpty()) {
    m_fileLabel->setText(QFileInfo(m_promptFile).fileName());
    m_fileLabel->setToolTip(QDir::toNativeSeparators(m_promptFile));
  }
  m_perPrompt->setValue(s.value(QStringLiteral("perPrompt"), 1).toInt());
  select(m_seedMode, s.value(QStringLiteral("seedMode")));
  m_sweepX->setText(s.value(QStringLiteral("sweepX")).toString());
  m_sweepY->setText(s.value(QStringLiteral("sweepY")).toString());
  m_template->setText(s.value(QStringLiteral("template"), m_template->text()).toString());
  select(m_format, s.value(QStringLiteral("format")));
  m_quality->setValue(s.value(QStringLiteral("quality"), 95).toInt());
  select(m_existing, s.value(QStringLiteral("existing")));
  m_contactSheet->setChecked(s.value(QStringLiteral("contactSheet"), false).toBool());
  select(m_queuePolicy, s.value(QStringLiteral("yield")));
  // A new dated folder beside the last one: a new batch never lands in an old batch's folder.
  const QString parent = s.value(QStringLiteral("folderParent")).toString();
  if (!parent.isEmpty())
    setOutputFolder(QDir(parent).filePath(
        QStringLiteral("batch-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))));
}

}  // namespace stipple::ui
