// MainWindow's crash recovery: at start-up, a session the autosave left behind is offered back.
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "autosaver.h"
#include "canvasview.h"
#include "document/canvasdocument.h"
#include "document/sessionfile.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "promptpanel.h"

namespace stipple::ui {

bool MainWindow::offerRecovery() {
  for (const QString& path : Autosaver::orphans(m_autosaver->directory())) {
    const QDateTime when = QFileInfo(path).lastModified();
    const SessionReadResult read = readSessionFile(path);
    if (read.status != SessionReadResult::Status::Ok) {
      // Never in the way of starting: say so, keep the file aside, go on.
      const QString kept = Autosaver::setAsideOrphan(path);
      m_messages->showMessage(
          tr("The autosaved session from %1 cannot be restored: %2.%3")
              .arg(QLocale().toString(when, QLocale::ShortFormat), read.problem,
                   kept.isEmpty() ? QString() : tr(" It was kept as %1.").arg(QDir::toNativeSeparators(kept))),
          MessageBar::Kind::Warning);
      continue;
    }
    const SessionSnapshot& s = read.snapshot;
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("recoveryBox"));
    box.setWindowTitle(tr("Restore Session"));
    box.setText(tr("Stipple did not close properly. Restore the canvas as it was at %1?")
                    .arg(QLocale().toString(s.saved.isValid() ? s.saved : when, QLocale::ShortFormat)));
    const QString name = s.documentPath.isEmpty() ? tr("Untitled") : QFileInfo(s.documentPath).fileName();
    const QString prompt = s.panel.value(QStringLiteral("prompt")).toString().simplified();
    const QString steps = s.steps.size() == 1 ? tr("one undo step") : tr("%1 undo steps").arg(s.steps.size());
    QString details = tr("%1, %2 × %3 px, %4")
                          .arg(name)
                          .arg(s.content.image.width())
                          .arg(s.content.image.height())
                          .arg(steps);
    if (!prompt.isEmpty())
      details += QStringLiteral("\n") + tr("Prompt: %1").arg(prompt.size() > 80 ? prompt.left(79) + QChar(0x2026) : prompt);
    box.setInformativeText(details);
    box.setIconPixmap(QPixmap::fromImage(
        s.content.image.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    QPushButton* later = box.addButton(tr("&Later"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    later->setToolTip(tr("Keep the autosaved session and ask again at the next start"));
    box.setDefaultButton(restore);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == discard) {
      Autosaver::removeOrphan(path);
      continue;  // an older crashed session, if any, is offered next
    }
    if (box.clickedButton() != restore) return false;
    if (const QString problem = restoreSession(s); !problem.isEmpty())
      m_messages->showMessage(tr("The canvas was restored without its undo history: %1.").arg(problem),
                              MessageBar::Kind::Warning);
    // Restored work is protected by this session's own autosave before the old file goes.
    QString error;
    if (m_autosaver->saveNow(&error)) Autosaver::removeOrphan(path);
    statusBar()->showMessage(tr("Session restored"), 8000);
    return true;
  }
  return false;
}

QString MainWindow::restoreSession(const SessionSnapshot& snapshot) {
  const QString problem = m_document->restore(snapshot.content, snapshot.steps, snapshot.undoIndex,
                                              snapshot.cleanIndex, snapshot.documentPath);
  if (!snapshot.panel.isEmpty()) m_panel->setState(snapshot.panel);
  m_view->fitToWindow();
  updateTitle();
  m_autosaver->markDirty();
  return problem;
}

}  // namespace stipple::ui
