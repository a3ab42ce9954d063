#pragma once
// Qt-side view of the engine's runtime: versions and device, for --version, About and the status bar.
#include <QString>
#include <QStringList>

namespace stipple::jobs {

// Sets the engine's thread count (all CPUs when threads <= 0). Call once from main().
void initializeRuntime(int threads = 0);

// "CPU, 1 thread" / "CPU, 2 threads" in the user's language (status bar, About, Preferences).
QString cpuThreads(int threads);

// "Stipple 0.1.0", "Qt 6.4.2", "LibTorch 1.13.1", "OpenCV 4.6.0", "Device: ...", "CPU: ...".
QStringList versionLines();

}  // namespace stipple::jobs
