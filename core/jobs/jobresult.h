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

struct JobResult {
  quint64 id = 0;
  JobStatus status = JobStatus::Finished;
  QString error;                 // Failed: the engine's message
  bool loadOnly = false;         // a model preload, no images
  QList<QImage> images;          // Format_RGB888
  QStringList infotexts;         // one per image (the PNG "parameters" chunk)
  QList<quint64> seeds;          // one per image
  stipple::GenerationRequest request;
  QString modelName;             // of the model that ran the job
  double seconds = 0;
  double secondsPerStep = 0;

  bool ok() const { return status == JobStatus::Finished; }
};

}  // namespace stipple::jobs

Q_DECLARE_METATYPE(stipple::jobs::JobResult)
