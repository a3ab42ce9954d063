#pragma once
// What a model brings with it when it loads: the size it was trained at and the sampling it
// recommends (0 / empty: none), for the prompt panel to take the first time the model is used.
#include <QMetaType>
#include <QString>

namespace stipple::jobs {

struct ModelDefaults {
  int size = 0;
  double cfg = 0;
  QString sampler;
};

}  // namespace stipple::jobs

Q_DECLARE_METATYPE(stipple::jobs::ModelDefaults)
