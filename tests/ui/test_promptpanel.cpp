// The prompt panel: inline validation before anything is queued, infotext filling the fields,
// settings that persist, token counters, and the mode inferred from the canvas.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest>

#include "generationsettings.h"
#include "jobs/infotext.h"
#include "modelchooser.h"
#include "pipeline/request.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "seedfield.h"

using namespace stipple::ui;

class TestPromptPanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
  }
  void cleanup() { QSettings().clear(); }

  void explainsProblemsBeforeQueueing() {
    PromptPanel panel;
    panel.show();
    // No model chosen (the bundled one, chosen on a first start, is not installed everywhere).
    panel.modelChooser()->comboBox()->setCurrentIndex(-1);
    QVERIFY(!panel.validate(false));
    QVERIFY2(panel.errorText().contains(QStringLiteral("model")), qPrintable(panel.errorText()));

    panel.modelChooser()->addModel(QStringLiteral("/models/some-model.safetensors"));
    QVERIFY(panel.validate(false));
    QVERIFY(panel.errorText().isEmpty());

    panel.settings()->widthBox()->setValue(500);
    QVERIFY(!panel.validate(false));
    QVERIFY2(panel.errorText().contains(QStringLiteral("multiple of 8")), qPrintable(panel.errorText()));
    QVERIFY(panel.errorText().contains(QStringLiteral("496")));
    panel.settings()->widthBox()->setValue(512);
    QVERIFY(panel.errorText().isEmpty());  // editing a setting clears the message

    panel.setMode(GenerationMode::Inpaint);
    QVERIFY(!panel.validate(false));
    QVERIFY(panel.errorText().contains(QStringLiteral("mask")));
    QVERIFY(panel.validate(true));

    panel.settings()->seedField()->lineEdit()->setText(QStringLiteral("99999999999999999999"));
    QVERIFY(!panel.validate(true));
    QVERIFY(panel.errorText().contains(QStringLiteral("seed")));

    // Engine validation messages name the field; the panel marks it.
    panel.showError(QStringLiteral("steps: 0 must be between 1 and 1000"));
    QVERIFY(panel.errorText().startsWith(QStringLiteral("steps")));
    QVERIFY(!panel.settings()->stepsBox()->styleSheet().isEmpty());
    panel.clearError();
    QVERIFY(panel.settings()->stepsBox()->styleSheet().isEmpty());
  }

  void fillsTheRequest() {
    PromptPanel panel;
    panel.promptEdit()->setPlainText(QStringLiteral("  a cat  "));
    panel.negativeEdit()->setPlainText(QStringLiteral("dog"));
    GenerationSettings* s = panel.settings();
    s->samplerBox()->setCurrentIndex(s->samplerBox()->findData(QStringLiteral("dpmpp_2m")));
    s->scheduleBox()->setCurrentIndex(s->scheduleBox()->findData(QStringLiteral("karras")));
    s->stepsBox()->setValue(12);
    s->cfgBox()->setValue(4.5);
    s->seedField()->setSeed(77);
    s->widthBox()->setValue(640);
    s->heightBox()->setValue(384);
    s->batchBox()->setValue(3);
    stipple::GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.prompt, std::string("a cat"));
    QCOMPARE(r.negative_prompt, std::string("dog"));
    QCOMPARE(r.sampler, std::string("dpmpp_2m"));
    QCOMPARE(r.schedule, std::string("karras"));
    QCOMPARE(r.steps, 12);
    QCOMPARE(r.cfg, 4.5);
    QCOMPARE(r.seed, quint64(77));
    QCOMPARE(r.width, 640);
    QCOMPARE(r.height, 384);
    QCOMPARE(r.batch_count, 3);
    QVERIFY(stipple::validate_request(r).empty());

    // Random seeds differ between requests.
    s->seedField()->setSeed(std::nullopt);
    stipple::GenerationRequest a, b;
    panel.fillRequest(a);
    panel.fillRequest(b);
    QVERIFY(a.seed != b.seed);

    // img2img works at the canvas size, rounded to multiples of 8.
    panel.setCanvasSize(QSize(1001, 747));
    panel.setMode(GenerationMode::ImageToImage);
    panel.fillRequest(r);
    QCOMPARE(r.width, 1000);
    QCOMPARE(r.height, 744);
  }

  void samplerShowsA1111Names() {
    PromptPanel panel;
    QComboBox* box = panel.settings()->samplerBox();
    QCOMPARE(box->count(), 11);
    QStringList names;
    for (int i = 0; i < box->count(); ++i) names << box->itemText(i);
    for (const char* n : {"Euler", "Euler a", "Heun", "DPM2", "DPM2 a", "DPM++ 2M", "DPM++ 2M SDE", "DPM++ SDE", "LMS",
                          "DDIM", "DDPM"})
      QVERIFY2(names.contains(QLatin1String(n)), n);
  }

  void infotextFillsTheFields() {
    PromptPanel panel;
    panel.applyInfotext(stipple::jobs::parseInfotext(QStringLiteral(
        "castle on a hill\nNegative prompt: people\n"
        "Steps: 33, Sampler: Heun, Schedule type: Exponential, CFG scale: 9, Seed: 123, Size: 768x512, "
        "Denoising strength: 0.4, Mask blur: 8")));
    QCOMPARE(panel.promptEdit()->toPlainText(), QStringLiteral("castle on a hill"));
    QCOMPARE(panel.negativeEdit()->toPlainText(), QStringLiteral("people"));
    GenerationSettings* s = panel.settings();
    QCOMPARE(s->stepsBox()->value(), 33);
    QCOMPARE(s->samplerBox()->currentData().toString(), QStringLiteral("heun"));
    QCOMPARE(s->scheduleBox()->currentData().toString(), QStringLiteral("exponential"));
    QCOMPARE(s->cfgBox()->value(), 9.0);
    QCOMPARE(*s->seedField()->seed(), quint64(123));
    QCOMPARE(s->widthBox()->value(), 768);
    QCOMPARE(s->heightBox()->value(), 512);
    QCOMPARE(s->strengthBox()->value(), 0.4);
    QCOMPARE(s->maskBlurBox()->value(), 8);
  }

  void settingsPersist() {
    {
      PromptPanel panel;
      panel.promptEdit()->setPlainText(QStringLiteral("remember me"));
      panel.settings()->stepsBox()->setValue(42);
      panel.settings()->cfgBox()->setValue(3.5);
      panel.settings()->inpaintAreaBox()->setCurrentIndex(1);
      panel.modelChooser()->addModel(QStringLiteral("/tmp"));  // a folder: a diffusers model
    }  // saved when the panel goes
    PromptPanel again;
    QCOMPARE(again.promptEdit()->toPlainText(), QStringLiteral("remember me"));
    QCOMPARE(again.settings()->stepsBox()->value(), 42);
    QCOMPARE(again.settings()->cfgBox()->value(), 3.5);
    QCOMPARE(again.settings()->inpaintAreaBox()->currentIndex(), 1);
    QCOMPARE(again.modelPath(), QStringLiteral("/tmp"));
  }

  void tokenCounter() {
    PromptEdit edit;
    QCOMPARE(edit.counterText(), QStringLiteral("~0/75"));
    edit.setPlainText(QStringLiteral("a cat, sitting"));
    QCOMPARE(edit.counterText(), QStringLiteral("~4/75"));
    edit.setTokenCounts(edit.toPlainText(), {34});
    QCOMPARE(edit.counterText(), QStringLiteral("34/75"));
    edit.setTokenCounts(edit.toPlainText(), {75, 5});
    QCOMPARE(edit.counterText(), QStringLiteral("80/150"));
    edit.setPlainText(QStringLiteral("changed"));  // exact counts belong to the old text
    QVERIFY(edit.counterText().startsWith(QLatin1Char('~')));
  }

  void settingsFollowEachNewModelUntilChosen() {
    using stipple::jobs::ModelDefaults;
    const QString bundled = QStringLiteral("/models/stipple-shapes");
    const QString sd15 = QStringLiteral("/models/sd15.safetensors");
    const QString sd21 = QStringLiteral("/models/sd21-v.safetensors");
    auto sampler = [](GenerationSettings* s) { return s->samplerBox()->currentData().toString(); };
    {
      PromptPanel panel;
      GenerationSettings* s = panel.settings();
      QSignalSpy changed(s, &GenerationSettings::changed);
      // First start: the bundled model's size and recommended sampling.
      s->adoptModelDefaults(bundled, ModelDefaults{128, 3.0, QStringLiteral("dpmpp_2m")});
      QCOMPARE(s->outputSize(), QSize(128, 128));
      QCOMPARE(s->cfgBox()->value(), 3.0);
      QCOMPARE(sampler(s), QStringLiteral("dpmpp_2m"));
      QVERIFY(!changed.isEmpty());
      s->widthBox()->setValue(256);  // chosen by hand: a reload of the same model keeps it
      s->adoptModelDefaults(bundled, ModelDefaults{128, 3.0, QStringLiteral("dpmpp_2m")});
      QCOMPARE(s->outputSize(), QSize(256, 128));
      // A model that recommends nothing: its size, and the defaults back in place of the
      // bundled model's recommendation.
      panel.modelChooser()->addModel(sd15);
      s->adoptModelDefaults(sd15, ModelDefaults{512, 0, {}});
      QCOMPARE(s->outputSize(), QSize(512, 512));
      QCOMPARE(s->cfgBox()->value(), 7.0);
      QCOMPARE(sampler(s), QStringLiteral("euler_a"));
      // Set before the next model finished loading: those fields stay.
      panel.modelChooser()->addModel(sd21);
      s->heightBox()->setValue(640);
      s->cfgBox()->setValue(5.5);
      s->adoptModelDefaults(sd21, ModelDefaults{768, 9.0, QStringLiteral("ddim")});
      QCOMPARE(s->outputSize(), QSize(512, 640));
      QCOMPARE(s->cfgBox()->value(), 5.5);
      QCOMPARE(sampler(s), QStringLiteral("ddim"));  // not set by hand: the recommendation
    }
    PromptPanel again;  // after a restart the settings chosen with the model stay
    GenerationSettings* s = again.settings();
    s->adoptModelDefaults(sd21, ModelDefaults{768, 9.0, QStringLiteral("ddim")});
    QCOMPARE(s->outputSize(), QSize(512, 640));
    QCOMPARE(s->cfgBox()->value(), 5.5);
    // A new model without recommendations: the sampler was another model's, so the default
    // comes back; the CFG was the user's, so it stays.
    s->adoptModelDefaults(QStringLiteral("/models/small"), ModelDefaults{64, 0, {}});
    QCOMPARE(s->outputSize(), QSize(64, 64));
    QCOMPARE(s->cfgBox()->value(), 5.5);
    QCOMPARE(sampler(s), QStringLiteral("euler_a"));
  }

  void modeFollowsTheCanvas() {
    PromptPanel panel;
    panel.inferMode(false, false);
    QCOMPARE(panel.mode(), GenerationMode::Generate);
    panel.inferMode(true, false);
    QCOMPARE(panel.mode(), GenerationMode::ImageToImage);
    panel.inferMode(true, true);
    QCOMPARE(panel.mode(), GenerationMode::Inpaint);
    panel.inferMode(false, true);
    QCOMPARE(panel.mode(), GenerationMode::Inpaint);
  }
};

QTEST_MAIN(TestPromptPanel)
#include "test_promptpanel.moc"
