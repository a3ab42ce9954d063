// Crash-safe autosave: the session file holds the whole document (canvas, mask, every undo
// step, the clean state, the prompt panel) and restores it exactly; a damaged file is
// recognised by its checksum and set aside without holding up the start; a running session
// is never offered for recovery, a killed one is; a clean exit leaves nothing behind.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLockFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "autosaver.h"
#include "document/canvasdocument.h"
#include "document/sessionfile.h"
#include "generationsettings.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "session_edits.h"

using namespace stipple::ui;
using stipple::ui::test::makeSessionEdits;
using Status = SessionReadResult::Status;

namespace {

QByteArray pixels(const QImage& image) {
  QByteArray out;
  for (int y = 0; y < image.height(); ++y)
    out.append(reinterpret_cast<const char*>(image.constScanLine(y)), image.width() * image.depth() / 8);
  return out;
}

// Both documents must show the same content at every undo position.
void compareAllStates(CanvasDocument& a, CanvasDocument& b) {
  QCOMPARE(b.undoStack()->count(), a.undoStack()->count());
  QCOMPARE(b.undoIndex(), a.undoIndex());
  const int index = a.undoIndex();
  for (int k = 0; k <= a.undoStack()->count(); ++k) {
    a.undoStack()->setIndex(k);
    b.undoStack()->setIndex(k);
    QVERIFY2(pixels(a.image()) == pixels(b.image()), qPrintable(QStringLiteral("image at undo position %1").arg(k)));
    QVERIFY2(pixels(a.mask()) == pixels(b.mask()), qPrintable(QStringLiteral("mask at undo position %1").arg(k)));
    QCOMPARE(b.parameters(), a.parameters());
    QCOMPARE(b.origin(), a.origin());
    QCOMPARE(b.isModified(), a.isModified());
    QCOMPARE(b.undoStack()->text(k - 1), a.undoStack()->text(k - 1));
  }
  a.undoStack()->setIndex(index);
  b.undoStack()->setIndex(index);
}

QByteArray validSessionBytes() {
  CanvasDocument document;
  makeSessionEdits(&document);
  SessionSnapshot s;
  s.saved = QDateTime::currentDateTime();
  s.content = document.content();
  s.steps = document.undoSteps();
  s.undoIndex = document.undoIndex();
  s.cleanIndex = document.cleanIndex();
  s.panel.insert(QStringLiteral("prompt"), QStringLiteral("a tide pool"));
  return encodeSession(s);
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  QCOMPARE(file.write(bytes), bytes.size());
}

// Answers the recovery question with the named button when it appears; records its text.
class DialogAnswerer : public QObject {
 public:
  explicit DialogAnswerer(const QString& button) : m_button(button) {
    m_timer.setInterval(20);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      texts << box->text() + QLatin1Char('\n') + box->informativeText();
      if (auto* b = box->findChild<QPushButton*>(m_button)) b->click();
      else box->reject();
    });
    m_timer.start();
  }
  QStringList texts;

 private:
  QString m_button;
  QTimer m_timer;
};

}  // namespace

class TestAutosave : public QObject {
  Q_OBJECT

  QTemporaryDir m_home;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_home.isValid());
    // The window keeps settings, history and autosaves under these; the killed child too.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
    QApplication::setApplicationName(QStringLiteral("Stipple"));
    QApplication::setOrganizationName(QStringLiteral("Stipple"));
  }

  void init() { QDir(Autosaver::defaultDirectory()).removeRecursively(); }

  void sessionFileRestoresEveryUndoPosition() {
    CanvasDocument original;
    makeSessionEdits(&original);
    QCOMPARE(original.undoStack()->count(), 6);
    QCOMPARE(original.undoIndex(), 4);
    QTemporaryDir dir;
    Autosaver saver(&original, [] { return QJsonObject{{QStringLiteral("prompt"), QStringLiteral("x")}}; }, dir.path());
    QString error;
    QVERIFY2(saver.saveNow(&error), qPrintable(error));
    const SessionReadResult read = readSessionFile(saver.filePath());
    QCOMPARE(int(read.status), int(Status::Ok));
    QCOMPARE(read.snapshot.steps.size(), 6);
    QCOMPARE(read.snapshot.undoIndex, 4);
    QCOMPARE(read.snapshot.cleanIndex, original.cleanIndex());
    QCOMPARE(read.snapshot.panel.value(QStringLiteral("prompt")).toString(), QStringLiteral("x"));

    CanvasDocument restored;
    QCOMPARE(restored.restore(read.snapshot.content, read.snapshot.steps, read.snapshot.undoIndex,
                              read.snapshot.cleanIndex, read.snapshot.documentPath),
             QString());
    compareAllStates(original, restored);
    // Redo walks forward from the restored position too.
    restored.undoStack()->redo();
    original.undoStack()->redo();
    QCOMPARE(pixels(restored.mask()), pixels(original.mask()));
  }

  // The history keeps CanvasDocument::kUndoLimit steps: the autosave stops growing with it, and
  // a longer saved history (as an earlier version wrote) comes back as the window around its
  // position, the saved canvas exactly.
  void undoHistoryIsBoundedAndLongerSessionsRestoreTheirWindow() {
    const int limit = CanvasDocument::kUndoLimit, total = limit + 30;
    CanvasDocument doc;
    doc.newCanvas(QSize(total + 2, 4));
    stipple::ui::MaskBrush dot;
    dot.radius = 0.5;
    dot.hardness = 1;
    for (int i = 0; i < total; ++i) {
      doc.beginStroke(QPointF(i + 0.5, 1.5), dot);
      doc.endStroke();
    }
    QCOMPARE(doc.undoStack()->count(), limit);
    QCOMPARE(doc.undoSteps().size(), limit);
    QTemporaryDir dir;
    Autosaver saver(&doc, {}, dir.path());
    QString error;
    QVERIFY2(saver.saveNow(&error), qPrintable(error));
    QCOMPARE(readSessionFile(saver.filePath()).snapshot.steps.size(), limit);
    while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
    QCOMPARE(doc.mask().pixelColor(total - limit - 1, 1).red(), 255);  // forgotten: stays painted
    QCOMPARE(doc.mask().pixelColor(total - limit, 1).red(), 0);

    // A saved history of `total` one-pixel steps: step i paints pixel (i, 0).
    const QSize size(total + 2, 2);
    auto maskWithFirst = [&](int n) {
      QImage m(size, QImage::Format_Grayscale8);
      m.fill(0);
      for (int x = 0; x < n; ++x) m.setPixelColor(x, 0, Qt::white);
      return m;
    };
    QList<CanvasDocument::UndoStep> steps;
    for (int i = 0; i < total; ++i) {
      CanvasDocument::UndoStep step;
      step.kind = CanvasDocument::UndoStep::Kind::Mask;
      step.text = QStringLiteral("Paint");
      step.topLeft = QPoint(i, 0);
      step.maskBefore = QImage(1, 1, QImage::Format_Grayscale8);
      step.maskBefore.fill(0);
      step.maskAfter = QImage(1, 1, QImage::Format_Grayscale8);
      step.maskAfter.fill(255);
      steps << step;
    }
    auto contentAt = [&](int index) {
      CanvasDocument::Content c;
      c.image = QImage(size, QImage::Format_RGB888);
      c.image.fill(Qt::white);
      c.mask = maskWithFirst(index);
      return c;
    };
    {  // at the end, saved 10 steps back: the oldest 30 steps go, the clean state stays reachable
      CanvasDocument restored;
      QCOMPARE(restored.restore(contentAt(total), steps, total, total - 10, QString()), QString());
      QCOMPARE(restored.undoStack()->count(), limit);
      QCOMPARE(restored.mask(), maskWithFirst(total));
      QVERIFY(restored.isModified());
      for (int i = 0; i < 10; ++i) restored.undoStack()->undo();
      QVERIFY(!restored.isModified());
      while (restored.undoStack()->canUndo()) restored.undoStack()->undo();
      QCOMPARE(restored.mask(), maskWithFirst(total - limit));
    }
    {  // far back at step 5: the window starts there, redo reaches step 5 + limit; the clean
       // state (the last step) is outside it, so the document counts as modified
      CanvasDocument restored;
      QCOMPARE(restored.restore(contentAt(5), steps, 5, total, QString()), QString());
      QCOMPARE(restored.undoStack()->count(), limit);
      QVERIFY(!restored.undoStack()->canUndo());
      QVERIFY(restored.isModified());
      while (restored.undoStack()->canRedo()) restored.undoStack()->redo();
      QCOMPARE(restored.mask(), maskWithFirst(5 + limit));
    }
  }

  void savedFileAndCleanStateSurvive() {
    QTemporaryDir dir;
    CanvasDocument original;
    makeSessionEdits(&original);
    const QString png = dir.filePath(QStringLiteral("pool.png"));
    QString error;
    QVERIFY2(original.save(png, &error), qPrintable(error));
    test::maskStroke(&original, {5, 5}, {20, 20}, false);  // one change after saving
    QVERIFY(original.isModified());
    Autosaver saver(&original, {}, dir.path());
    QVERIFY(saver.saveNow(&error));
    const SessionReadResult read = readSessionFile(saver.filePath());
    QCOMPARE(int(read.status), int(Status::Ok));
    QCOMPARE(read.snapshot.documentPath, png);
    CanvasDocument restored;
    QCOMPARE(restored.restore(read.snapshot.content, read.snapshot.steps, read.snapshot.undoIndex,
                              read.snapshot.cleanIndex, read.snapshot.documentPath),
             QString());
    QCOMPARE(restored.filePath(), png);
    QVERIFY(restored.isModified());
    restored.undoStack()->undo();  // back to what the file holds
    QVERIFY(!restored.isModified());
  }

  void damagedFilesAreRecognised() {
    const QByteArray good = validSessionBytes();
    QCOMPARE(int(decodeSession(good).status), int(Status::Ok));

    QByteArray flipped = good;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x20);
    SessionReadResult r = decodeSession(flipped);
    QCOMPARE(int(r.status), int(Status::Damaged));
    QVERIFY2(r.problem.contains(QStringLiteral("checksum")), qPrintable(r.problem));

    r = decodeSession(good.left(good.size() - 100));
    QCOMPARE(int(r.status), int(Status::Damaged));
    QVERIFY2(r.problem.contains(QStringLiteral("length")), qPrintable(r.problem));
    QCOMPARE(int(decodeSession(good.left(20)).status), int(Status::Damaged));
    QCOMPARE(int(decodeSession(QByteArray()).status), int(Status::NotASession));
    QCOMPARE(int(decodeSession(QByteArray("\x89PNG\r\n\x1a\n and more bytes than a header")).status),
             int(Status::NotASession));

    QByteArray newer = good;
    newer[19] = 99;  // the format number's last byte
    r = decodeSession(newer);
    QCOMPARE(int(r.status), int(Status::NewerFormat));
    QVERIFY2(r.problem.contains(QStringLiteral("newer")), qPrintable(r.problem));

    // A payload whose checksum matches but whose records do not hold together.
    QByteArray payload;
    {
      QDataStream out(&payload, QIODevice::WriteOnly);
      out.setVersion(QDataStream::Qt_6_4);
      out << quint32(0) << QDateTime::currentDateTime() << QString() << QByteArray("{}") << qint32(7);
    }
    QByteArray forged = QByteArrayLiteral("STIPPLE-SESSION\n");
    char header[12];
    qToBigEndian<quint32>(1, header);
    qToBigEndian<quint64>(quint64(payload.size()), header + 4);
    forged.append(header, 12).append(payload).append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    r = decodeSession(forged);
    QCOMPARE(int(r.status), int(Status::Damaged));
    QVERIFY2(r.problem.contains(QStringLiteral("out of range")), qPrintable(r.problem));
  }

  void sameSessionEncodesTheSameBytes() {
    CanvasDocument document;
    makeSessionEdits(&document);
    SessionSnapshot s;
    s.content = document.content();
    s.steps = document.undoSteps();
    s.undoIndex = document.undoIndex();
    SessionImageCache cache;
    const QByteArray first = encodeSession(s, &cache);
    QVERIFY(!cache.isEmpty());
    QCOMPARE(encodeSession(s, &cache), first);  // from the cache
    QCOMPARE(encodeSession(s), first);          // without it
    // Pictures shared between steps are stored once: two 96x64 pictures and the masks, not
    // a copy per step.
    QVERIFY2(first.size() < 6 * 96 * 64 * 3, qPrintable(QString::number(first.size())));
  }

  void writesOnlyAfterChanges() {
    QTemporaryDir dir;
    CanvasDocument document;
    Autosaver saver(&document, {}, dir.path());
    saver.setIntervalSeconds(1);
    QSignalSpy saved(&saver, &Autosaver::saved);
    QTest::qWait(1500);
    QVERIFY(!QFile::exists(saver.filePath()));  // nothing changed, nothing written
    QCOMPARE(saved.count(), 0);
    makeSessionEdits(&document);
    saver.markDirty();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY(QFile::exists(saver.filePath()));
    QVERIFY(QFile::exists(saver.filePath() + QStringLiteral(".lock")));
    QTest::qWait(1500);
    QCOMPARE(saved.count(), 1);  // and not again until something changes
    // The session writing it is alive: never offered for recovery.
    QVERIFY(Autosaver::orphans(dir.path()).isEmpty());
    saver.finish();
    QVERIFY(!QFile::exists(saver.filePath()));
    QVERIFY(!QFile::exists(saver.filePath() + QStringLiteral(".lock")));
  }

  void failedWriteIsReportedOnce() {
    CanvasDocument document;
    Autosaver saver(&document, {}, QStringLiteral("/dev/null/autosave"));  // cannot be a folder
    QSignalSpy failed(&saver, &Autosaver::failed);
    saver.saveSoon();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("/dev/null/autosave")),
             qPrintable(failed.first().first().toString()));
    saver.saveSoon();
    saver.waitForWrite();
    QTest::qWait(50);
    QCOMPARE(failed.count(), 1);  // the same problem is not repeated every tick
    QVERIFY(saver.isDirty());     // and the session is written as soon as it can be
  }

  void killedSessionIsRestoredExactly() {
    QTemporaryDir out;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(STIPPLE_AUTOSAVE_CHILD), {out.path()});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() != QProcess::Running, 60000);
    const QString ready = QString::fromUtf8(child.readLine()).trimmed();
    QVERIFY2(ready.startsWith(QStringLiteral("ready ")), qPrintable(ready));
    const QStringList fields = ready.split(QLatin1Char(' '));
    const int index = fields.at(1).toInt();
    const int count = fields.at(2).toInt();
    const QString childFile = fields.at(3);
    QVERIFY(QFile::exists(childFile));
    QVERIFY(Autosaver::orphans().isEmpty());  // still running
    child.kill();                              // SIGKILL: no destructor, no clean exit
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(Autosaver::orphans(), QStringList{childFile});

    MainWindow w;
    w.show();
    DialogAnswerer answer(QStringLiteral("restoreButton"));
    QVERIFY(w.offerRecovery());
    QCOMPARE(answer.texts.size(), 1);
    QVERIFY2(answer.texts.first().contains(QStringLiteral("96 × 64 px, 6 undo steps")), qPrintable(answer.texts.first()));
    QVERIFY2(answer.texts.first().contains(QStringLiteral("a tide pool at dusk")), qPrintable(answer.texts.first()));

    QFile panelFile(out.filePath(QStringLiteral("panel.json")));
    QVERIFY(panelFile.open(QIODevice::ReadOnly));
    QCOMPARE(w.promptPanel()->state(), QJsonDocument::fromJson(panelFile.readAll()).object());
    QCOMPARE(w.promptPanel()->promptEdit()->toPlainText(), QStringLiteral("a tide pool at dusk, (starfish:1.2)"));
    QCOMPARE(w.promptPanel()->settings()->stepsBox()->value(), 33);
    QCOMPARE(w.promptPanel()->mode(), GenerationMode::Inpaint);

    CanvasDocument* document = w.document();
    QCOMPARE(document->undoStack()->count(), count);
    QCOMPARE(document->undoIndex(), index);
    QVERIFY(document->isModified());
    QVERIFY(w.isWindowModified());
    for (int k = 0; k <= count; ++k) {
      document->undoStack()->setIndex(k);
      const QImage image(out.filePath(QStringLiteral("state-%1-image.png").arg(k)));
      const QImage mask(out.filePath(QStringLiteral("state-%1-mask.png").arg(k)));
      QVERIFY2(pixels(document->image()) == pixels(image.convertToFormat(QImage::Format_RGB888)),
               qPrintable(QStringLiteral("image at undo position %1").arg(k)));
      QVERIFY2(pixels(document->mask()) == pixels(mask.convertToFormat(QImage::Format_Grayscale8)),
               qPrintable(QStringLiteral("mask at undo position %1").arg(k)));
    }
    document->undoStack()->setIndex(index);

    // The old file made way for this session's own, which already holds the restored work.
    QVERIFY(!QFile::exists(childFile));
    QVERIFY(QFile::exists(w.autosaver()->filePath()));
    QCOMPARE(readSessionFile(w.autosaver()->filePath()).snapshot.steps.size(), count);
    QVERIFY(Autosaver::orphans().isEmpty());
  }

  void damagedAutosaveIsSetAsideWithoutAsking() {
    QDir().mkpath(Autosaver::defaultDirectory());
    QByteArray bytes = validSessionBytes();
    bytes[bytes.size() / 3] = char(bytes[bytes.size() / 3] ^ 0x01);
    const QString path = Autosaver::defaultDirectory() + QStringLiteral("/session-20261127-010203-1.stipple-session");
    writeFile(path, bytes);
    MainWindow w;
    w.show();
    DialogAnswerer answer(QStringLiteral("restoreButton"));
    QVERIFY(!w.offerRecovery());
    QVERIFY(answer.texts.isEmpty());  // no question for a file that cannot be restored
    QVERIFY2(w.messageBar()->isVisible(), "the damaged autosave is reported");
    QVERIFY2(w.messageBar()->text().contains(QStringLiteral("checksum")), qPrintable(w.messageBar()->text()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".damaged")));  // kept, not offered again
    QVERIFY(Autosaver::orphans().isEmpty());
    QVERIFY(!w.document()->isModified());
  }

  void laterKeepsTheSessionDiscardRemovesIt() {
    QDir().mkpath(Autosaver::defaultDirectory());
    const QString path = Autosaver::defaultDirectory() + QStringLiteral("/session-20261127-010203-2.stipple-session");
    writeFile(path, validSessionBytes());
    {
      MainWindow w;
      w.show();
      DialogAnswerer answer(QStringLiteral("laterButton"));
      QVERIFY(!w.offerRecovery());
      QCOMPARE(answer.texts.size(), 1);
      QVERIFY(!w.document()->isModified());
    }
    QCOMPARE(Autosaver::orphans(), QStringList{path});
    {
      MainWindow w;
      w.show();
      DialogAnswerer answer(QStringLiteral("discardButton"));
      QVERIFY(!w.offerRecovery());
      QCOMPARE(answer.texts.size(), 1);
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(Autosaver::orphans().isEmpty());
  }

  void cleanExitLeavesNothing() {
    MainWindow w;
    w.show();
    w.promptPanel()->promptEdit()->setPlainText(QStringLiteral("a lighthouse"));
    QVERIFY(w.autosaver()->isDirty());
    QVERIFY(w.autosaver()->saveNow());
    QVERIFY(QFile::exists(w.autosaver()->filePath()));
    QVERIFY(w.close());  // the canvas has no unsaved changes: no question
    QVERIFY(!QFile::exists(w.autosaver()->filePath()));
    QVERIFY(Autosaver::orphans().isEmpty());
  }
};

QTEST_MAIN(TestAutosave)
#include "test_autosave.moc"
