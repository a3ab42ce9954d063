#pragma once
// What a finished job hands back to the GUI: images as QImages, their infotexts, the request.
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "pipeline/request.h"

namespace stipple::jobs {

enum class JobStatus { Finished, Cancelled, Failed };
enum class JobKind { Generate, Load, Batch };

// A batch export's totals over all its runs (a batch that yields to interactive jobs or is
// paused and resumed runs several times; every run continues the same folder).
struct BatchOutcome {
  int total = 0;
  int written = 0, alreadyDone = 0, skipped = 0, failed = 0;
  QStringList failures;    // "image 4 (line 2): <reason>"
  QString outDir;
  QString contactSheet;    // empty without one
  QString stopped;         // why it stopped early (disk full, folder unwritable)
  double seconds = 0;      // spent exporting, over all runs
  double imagesPerMinute() const { return seconds > 0 ? written * 60.0 / seconds : 0; }
};

struct JobResult {
  quint64 id = 0;
  JobStatus status = JobStatus::Finished;
  QString error;                 // Failed: the engine's message
  JobKind kind = JobKind::Generate;
  bool loadOnly = false;         // a model preload, no images (kind Load)
  QList<QImage> images;          // Format_RGB888
  QStringList infotexts;         // one per image (the PNG "parameters" chunk)
  QList<quint64> seeds;          // one per image
  stipple::GenerationRequest request;
  QString modelName;             // of the model that ran the job
  double seconds = 0;
  double secondsPerStep = 0;
  BatchOutcome batch;            // kind Batch

  bool ok() const { return status == JobStatus::Finished; }
};

}  // namespace stipple::jobs

Q_DECLARE_METATYPE(stipple::jobs::JobResult)
Q_DECLARE_METATYPE(stipple::jobs::BatchOutcome)
