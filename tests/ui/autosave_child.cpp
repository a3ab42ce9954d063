// The session that test_autosave kills with SIGKILL: the real main window, edited the way a
// person would (pictures, mask strokes, undone steps to redo, prompts and settings),
// autosaved, then left running until it is killed. Before it says "ready" it writes what the
// canvas looks like at every undo position (state-<k>-image.png / -mask.png) and the prompt
// panel (panel.json) into the folder given as its argument, for the test to compare with.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSpinBox>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>

#include "autosaver.h"
#include "document/canvasdocument.h"
#include "generationsettings.h"
#include "mainwindow.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "session_edits.h"

using namespace stipple::ui;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Stipple"));
  QApplication::setOrganizationName(QStringLiteral("Stipple"));
  if (argc < 2) {
    std::fprintf(stderr, "usage: autosave_child OUT_DIR\n");
    return 2;
  }
  const QDir out(QString::fromLocal8Bit(argv[1]));

  MainWindow window;
  window.show();
  CanvasDocument* document = window.document();
  stipple::ui::test::makeSessionEdits(document);  // the last two commands undone, to redo

  PromptPanel* panel = window.promptPanel();
  panel->promptEdit()->setPlainText(QStringLiteral("a tide pool at dusk, (starfish:1.2)"));
  panel->negativeEdit()->setPlainText(QStringLiteral("blurry"));
  panel->settings()->stepsBox()->setValue(33);
  panel->settings()->widthBox()->setValue(320);
  panel->setMode(GenerationMode::Inpaint);

  // Every undo position, then back where the person left it.
  QUndoStack* undo = document->undoStack();
  const int index = undo->index();
  for (int k = 0; k <= undo->count(); ++k) {
    undo->setIndex(k);
    if (!document->image().save(out.filePath(QStringLiteral("state-%1-image.png").arg(k))) ||
        !document->mask().save(out.filePath(QStringLiteral("state-%1-mask.png").arg(k))))
      return 3;
  }
  undo->setIndex(index);
  QFile panelFile(out.filePath(QStringLiteral("panel.json")));
  if (!panelFile.open(QIODevice::WriteOnly)) return 3;
  panelFile.write(QJsonDocument(panel->state()).toJson());
  panelFile.close();

  QString error;
  if (!window.autosaver()->saveNow(&error)) {
    std::fprintf(stderr, "autosave failed: %s\n", qPrintable(error));
    return 4;
  }
  std::printf("ready %d %d %s\n", index, undo->count(), qPrintable(window.autosaver()->filePath()));
  std::fflush(stdout);
  return app.exec();  // until SIGKILL
}
