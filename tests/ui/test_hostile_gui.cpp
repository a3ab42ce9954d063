// Hostile files in the desktop app: every image of the generated corpus opened in the main
// window either shows in the right colours or leaves the canvas as it was and says what is wrong
// in the window's message bar; a selection of hostile models chosen in Model > Load Model does the
// same once the load has failed in the background. Never a crash, a freeze or a grey guess.
#include <QColor>
#include <QStandardPaths>
#include <QtTest>
#include <filesystem>

#include "../hostile/hostile_corpus.h"
#include "document/canvasdocument.h"
#include "golden.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "pipeline/save_diffusers.h"
#include "pipeline/sd_model.h"

namespace fs = std::filesystem;
using namespace stipple::ui;
using stipple::hostile::Case;
using stipple::hostile::Kind;

class TestHostileGui : public QObject {
  Q_OBJECT

  fs::path scratch(const Case& c) {
    const fs::path dir = fs::temp_directory_path() / ("stipple-hostile-gui-" + std::to_string(::getpid()) + "-" +
                                                    (c.kind == Kind::Model ? "model-" : "image-") + c.name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    stipple::hostile::set_diffusers_writer([](const fs::path& g, const fs::path& folder) {
      stipple::save_diffusers(*stipple::load_stable_diffusion(g / "tiny-sd1.safetensors"), folder);
    });
  }

  void everyHostileImageIsRefusedOrShownRight() {
    const auto golden = stipple::test::golden_dir();
    MainWindow w;
    int refused = 0, shown = 0;
    for (const Case& c : stipple::hostile::image_cases()) {
      const fs::path dir = scratch(c);
      const fs::path path = c.make(dir, golden.value_or(fs::path()));
      // The user's work: a canvas with something on it.
      w.document()->newCanvas(QSize(96, 80), QColor(10, 200, 30));
      const QImage before = w.document()->image();
      const bool opened = w.openFile(QString::fromStdString(path.string()));
      if (c.expect.empty()) {
        QVERIFY2(opened, qPrintable(QString::fromStdString(c.name) + ": " + w.messageBar()->text()));
        const QImage img = w.document()->image();
        const QColor px = img.pixelColor(img.width() / 2, img.height() / 2);
        QVERIFY2(std::abs(px.red() - c.rgb[0]) <= 8 && std::abs(px.green() - c.rgb[1]) <= 8 && std::abs(px.blue() - c.rgb[2]) <= 8,
                 qPrintable(QString::fromStdString(c.name) + ": " + px.name()));
        ++shown;
      } else {
        QVERIFY2(!opened, c.name.c_str());
        const QString text = w.messageBar()->text();
        QVERIFY2(text.contains(QString::fromStdString(path.filename().string())), qPrintable(text));
        // What the checks before decoding find is said in their words; a file they pass that no
        // decoder reads gets the decoder's reason.
        if (c.expect != "not a readable image")
          QVERIFY2(text.contains(QString::fromStdString(c.expect)), qPrintable(QString::fromStdString(c.name) + ": " + text));
        QVERIFY2(w.document()->image() == before, c.name.c_str());
        ++refused;
      }
      fs::remove_all(dir);
    }
    qInfo("%d images refused with their message, %d shown", refused, shown);
    QVERIFY(refused >= 30);
  }

  void hostileModelsSayWhatIsWrong() {
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP("golden data not found");
    MainWindow w;
    const std::set<std::string> picked = {"cut-at-tensor-100", "header-garbage", "nan-weights", "missing-unet-tensor",
                                          "pickle-ckpt", "symlink-loop", "fifo", "diffusers-channels-huge",
                                          "diffusers-unet-weights-truncated", "text-file"};
    int seen = 0;
    for (const Case& c : stipple::hostile::model_cases()) {
      if (!picked.count(c.name)) continue;
      const fs::path dir = scratch(c);
      const fs::path path = c.make(dir, *golden);
      // The vocabulary where a model's own folder would have it.
      fs::copy_file(*golden / "bpe_simple_vocab_16e6.txt.gz", dir / "bpe_simple_vocab_16e6.txt.gz");
      w.messageBar()->hide();
      w.loadModel(QString::fromStdString(path.string()));
      QTRY_VERIFY2_WITH_TIMEOUT(!w.messageBar()->isHidden() && w.messageBar()->text().contains(QString::fromStdString(c.expect), Qt::CaseInsensitive),
                                qPrintable(QString::fromStdString(c.name) + ": " + w.messageBar()->text()), 60000);
      ++seen;
      fs::remove_all(dir);
    }
    QCOMPARE(seen, static_cast<int>(picked.size()));
  }
};

QTEST_MAIN(TestHostileGui)
#include "test_hostile_gui.moc"
