// The job layer's helpers: the preview sink under a flood, image conversions, infotext parsing,
// ComfyUI and InvokeAI metadata read as infotext, the sampler table and the preview region of an "only masked" inpaint.
#include <QImage>
#include <QSignalSpy>
#include <QThread>
#include <QElapsedTimer>
#include <QtTest>

#include <opencv2/core.hpp>

#include "jobs/foreignmetadata.h"
#include "jobs/imageconvert.h"
#include "jobs/infotext.h"
#include "jobs/previewregion.h"
#include "jobs/previewsink.h"
#include "jobs/samplercatalog.h"
#include "pipeline/request.h"

using namespace stipple::jobs;

class TestJobSupport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // ComfyUI's API graph as it saves it in the "prompt" chunk: the default workflow with a LoRA
  // between the checkpoint and the sampler.
  void readsComfyUiGraphs() {
    const QString graph = QStringLiteral(R"json({
      "3": {"class_type": "KSampler", "inputs": {"seed": 156680208700286, "steps": 20, "cfg": 8,
            "sampler_name": "euler_ancestral", "scheduler": "karras", "denoise": 1,
            "model": ["10", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
      "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd15\\v1-5-pruned-emaonly.safetensors"}},
      "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 768, "batch_size": 1}},
      "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a glass bottle, purple galaxy inside", "clip": ["10", 1]}},
      "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["4", 1]}},
      "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
      "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}},
      "10": {"class_type": "LoraLoader", "inputs": {"lora_name": "x.safetensors", "strength_model": 1,
             "strength_clip": 1, "model": ["4", 0], "clip": ["4", 1]}}})json");
    const QString text = infotextFromPngTexts({{QStringLiteral("prompt"), graph},
                                               {QStringLiteral("workflow"), QStringLiteral("{}")}});
    QCOMPARE(text, QStringLiteral("a glass bottle, purple galaxy inside\nNegative prompt: text, watermark\n"
                                  "Steps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 8, "
                                  "Seed: 156680208700286, Size: 512x768, Model: v1-5-pruned-emaonly"));
    const Infotext info = parseInfotext(text);
    QCOMPARE(info.sampler, QStringLiteral("euler_a"));
    QCOMPARE(info.schedule, QStringLiteral("karras"));
    QCOMPARE(*info.seed, Q_UINT64_C(156680208700286));
    QCOMPARE(*info.size, QSize(512, 768));
    QCOMPARE(info.modelName, QStringLiteral("v1-5-pruned-emaonly"));

    // Img2img (denoise < 1), the seed from a seed node, an advanced sampler, DPM2.
    const QString advanced = QStringLiteral(R"json({
      "1": {"class_type": "KSamplerAdvanced", "inputs": {"noise_seed": ["2", 0], "steps": 30, "cfg": 5.5,
            "sampler_name": "dpm_2", "scheduler": "normal", "denoise": 0.45, "positive": ["3", 0],
            "negative": ["4", 0]}},
      "2": {"class_type": "Seed (rgthree)", "inputs": {"seed": 42}},
      "3": {"class_type": "CLIPTextEncodeSDXL", "inputs": {"text_g": "a harbour at dawn", "text_l": "harbour"}},
      "4": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}})json");
    QCOMPARE(infotextFromComfyUi(advanced),
             QStringLiteral("a harbour at dawn\nSteps: 30, Sampler: DPM2, CFG scale: 5.5, Seed: 42, Denoising strength: 0.45"));
  }

  void readsInvokeAiMetadata() {
    const QString metadata = QStringLiteral(
        R"json({"app_version": "3.3.0post3", "generation_mode": "txt2img", "positive_prompt": "landscape, mountains",
            "negative_prompt": "low quality", "width": 768, "height": 432, "seed": 356120443, "rand_device": "cpu",
            "cfg_scale": 7.5, "steps": 50, "scheduler": "dpmpp_2m_sde_k", "clip_skip": 0,
            "model": {"model_name": "amixx_3Prunedfp16", "base_model": "sd-1", "model_type": "main"}})json");
    const QString text = infotextFromPngTexts({{QStringLiteral("invokeai_metadata"), metadata}});
    QCOMPARE(text, QStringLiteral("landscape, mountains\nNegative prompt: low quality\n"
                                  "Steps: 50, Sampler: DPM++ 2M SDE, Schedule type: Karras, CFG scale: 7.5, "
                                  "Seed: 356120443, Size: 768x432, Model: amixx_3Prunedfp16"));
    QCOMPARE(parseInfotext(text).sampler, QStringLiteral("dpmpp_2m_sde"));
    // A scheduler Stipple does not have leaves the sampler (and its schedule) out.
    QVERIFY(!infotextFromInvokeAi(QStringLiteral(R"json({"positive_prompt": "x", "scheduler": "unipc_k"})json"))
                 .contains(QStringLiteral("Sampler")));
  }

  void a1111ParametersComeFirstAndJunkGivesNothing() {
    QCOMPARE(infotextFromPngTexts({{QStringLiteral("parameters"), QStringLiteral("a cat\nSteps: 5")},
                                   {QStringLiteral("prompt"), QStringLiteral(R"json({"1": {}})json")}}),
             QStringLiteral("a cat\nSteps: 5"));
    QCOMPARE(infotextFromPngTexts({{QStringLiteral("Software"), QStringLiteral("GIMP")}}), QString());
    for (const char* junk : {"", "null", "[]", "{", "{\"1\": 5}", "{\"1\": {\"class_type\": 3}}",
                             "{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": -5, \"steps\": 1e300}}}"})
      QCOMPARE(infotextFromComfyUi(QString::fromUtf8(junk)), QString());
    // Links that loop back on themselves end after a bounded number of hops.
    const QString loop = QStringLiteral(R"json({
      "1": {"class_type": "KSampler", "inputs": {"positive": ["2", 0], "model": ["3", 0], "latent_image": ["4", 0],
            "seed": ["5", 0], "steps": 4}},
      "2": {"class_type": "ConditioningCombine", "inputs": {"conditioning_1": ["2", 0]}},
      "3": {"class_type": "LoraLoader", "inputs": {"model": ["3", 0]}},
      "4": {"class_type": "LatentUpscale", "inputs": {"samples": ["4", 0]}},
      "5": {"class_type": "Primitive", "inputs": {"value": ["5", 0]}}})json");
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(infotextFromComfyUi(loop), QStringLiteral("Steps: 4").prepend(QLatin1Char('\n')));
    QVERIFY(timer.elapsed() < 1000);
  }

  void previewFloodDeliversOnlyTheLast() {
    PreviewSink sink;
    QSignalSpy spy(&sink, &PreviewSink::previewReady);
    // 1,000 frames from a worker thread while the GUI thread is busy elsewhere.
    QThread* worker = QThread::create([&sink] {
      for (int i = 0; i < 1000; ++i) {
        QImage frame(8, 8, QImage::Format_RGB888);
        frame.fill(QColor(i % 256, 0, 0));
        sink.post(Preview{frame, 7, 0, i});
      }
    });
    worker->start();
    QVERIFY(worker->wait(10000));
    delete worker;
    QTRY_COMPARE(spy.count(), 1);
    QTest::qWait(50);  // nothing else arrives later
    QCOMPARE(spy.count(), 1);
    const auto preview = spy.at(0).at(0).value<Preview>();
    QCOMPARE(preview.step, 999);
    QCOMPARE(preview.jobId, quint64(7));
    QCOMPARE(preview.image.pixelColor(0, 0).red(), 999 % 256);
  }

  void previewAfterDeliveryIsDeliveredAgain() {
    PreviewSink sink;
    QSignalSpy spy(&sink, &PreviewSink::previewReady);
    sink.post(Preview{QImage(4, 4, QImage::Format_RGB888), 1, 0, 1});
    QTRY_COMPARE(spy.count(), 1);
    sink.post(Preview{QImage(4, 4, QImage::Format_RGB888), 1, 0, 2});
    QTRY_COMPARE(spy.count(), 2);
    sink.post(Preview{QImage(4, 4, QImage::Format_RGB888), 1, 0, 3});
    sink.discard();
    QTest::qWait(30);
    QCOMPARE(spy.count(), 2);
  }

  void matAndImageRoundTrip() {
    cv::Mat rgb(3, 5, CV_8UC3);
    for (int y = 0; y < rgb.rows; ++y)
      for (int x = 0; x < rgb.cols; ++x) rgb.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 40, y * 80, 7);
    const QImage image = imageFromMat(rgb);
    QCOMPARE(image.format(), QImage::Format_RGB888);
    QCOMPARE(image.size(), QSize(5, 3));
    QCOMPARE(image.pixelColor(4, 2), QColor(160, 160, 7));  // RGB order kept, not BGR
    const cv::Mat back = rgbMatFromImage(image);
    QCOMPARE(cv::norm(back, rgb, cv::NORM_INF), 0.0);

    cv::Mat gray(2, 3, CV_8UC1, cv::Scalar(200));
    const QImage g = imageFromMat(gray);
    QCOMPARE(g.format(), QImage::Format_Grayscale8);
    QCOMPARE(cv::norm(grayMatFromImage(g), gray, cv::NORM_INF), 0.0);
  }

  void alphaIsFlattenedOntoWhite() {
    QImage argb(2, 1, QImage::Format_ARGB32);
    argb.setPixelColor(0, 0, QColor(0, 0, 0, 0));
    argb.setPixelColor(1, 0, QColor(255, 0, 0, 255));
    const cv::Mat rgb = rgbMatFromImage(argb);
    QCOMPARE(rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    QCOMPARE(rgb.at<cv::Vec3b>(0, 1), cv::Vec3b(255, 0, 0));
  }

  void parsesA1111Infotext() {
    const Infotext info = parseInfotext(QStringLiteral(
        "a red fox, (autumn forest:1.2),\nvolumetric light\n"
        "Negative prompt: blurry, lowres\n"
        "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 3141592653, "
        "Size: 768x512, Model hash: abc123, Model: tiny-sd1, Denoising strength: 0.6, "
        "Lora hashes: \"a: 1, b: 2\", Version: v1.9.0"));
    QCOMPARE(info.prompt, QStringLiteral("a red fox, (autumn forest:1.2),\nvolumetric light"));
    QCOMPARE(info.negativePrompt, QStringLiteral("blurry, lowres"));
    QCOMPARE(*info.steps, 28);
    QCOMPARE(info.sampler, QStringLiteral("dpmpp_2m"));
    QCOMPARE(info.schedule, QStringLiteral("karras"));
    QCOMPARE(*info.cfg, 6.5);
    QCOMPARE(*info.seed, Q_UINT64_C(3141592653));
    QCOMPARE(*info.size, QSize(768, 512));
    QCOMPARE(*info.strength, 0.6);
    QCOMPARE(info.modelName, QStringLiteral("tiny-sd1"));
    QCOMPARE(info.fields.value(QStringLiteral("Lora hashes")), QStringLiteral("a: 1, b: 2"));
  }

  void parsesOldStyleSamplerAndPromptOnly() {
    const Infotext old = parseInfotext(QStringLiteral("cat\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1"));
    QCOMPARE(old.sampler, QStringLiteral("dpmpp_2m"));
    QCOMPARE(old.schedule, QStringLiteral("karras"));
    QCOMPARE(old.negativePrompt, QString());
    const Infotext bare = parseInfotext(QStringLiteral("just a prompt, with commas"));
    QCOMPARE(bare.prompt, QStringLiteral("just a prompt, with commas"));
    QVERIFY(bare.fields.isEmpty());
    QVERIFY(!bare.steps);
  }

  void roundTripsTheEnginesInfotext() {
    stipple::GenerationRequest r;
    r.prompt = "lighthouse";
    r.negative_prompt = "fog";
    r.steps = 12;
    r.sampler = "euler";
    r.schedule = "exponential";
    r.cfg = 5.5;
    r.seed = 42;
    r.width = 640;
    r.height = 384;
    const Infotext info = parseInfotext(QString::fromStdString(stipple::format_infotext(r, {"m", ""}, 0)));
    QCOMPARE(info.prompt, QStringLiteral("lighthouse"));
    QCOMPARE(info.negativePrompt, QStringLiteral("fog"));
    QCOMPARE(*info.steps, 12);
    QCOMPARE(info.sampler, QStringLiteral("euler"));
    QCOMPARE(info.schedule, QStringLiteral("exponential"));
    QCOMPARE(*info.cfg, 5.5);
    QCOMPARE(*info.seed, Q_UINT64_C(42));
    QCOMPARE(*info.size, QSize(640, 384));
  }

  void samplerTableHasA1111Names() {
    const auto names = samplerNames();
    QCOMPARE(names.size(), 11);
    QCOMPARE(samplerFromDisplayName(QStringLiteral("Euler a")), QStringLiteral("euler_a"));
    QCOMPARE(samplerDisplayName(QStringLiteral("dpmpp_2m_sde")), QStringLiteral("DPM++ 2M SDE"));
    QCOMPARE(scheduleFromDisplayName(QStringLiteral("Automatic")), QStringLiteral("default"));
  }

  void previewRegionOfOnlyMaskedInpaint() {
    stipple::GenerationRequest r;
    r.width = 64;
    r.height = 64;
    r.init_image = cv::Mat(200, 300, CV_8UC3, cv::Scalar(0, 0, 0));
    QCOMPARE(previewRegion(r), QRect(0, 0, 300, 200));  // img2img: the whole image
    r.mask = cv::Mat(200, 300, CV_8UC1, cv::Scalar(0));
    r.mask(cv::Rect(100, 80, 20, 10)).setTo(255);
    r.inpaint_area = stipple::InpaintArea::Masked;
    r.mask_blur = 0;
    r.padding = 10;
    const QRect region = previewRegion(r);
    QVERIFY(region.contains(QRect(90, 70, 40, 30)));
    QCOMPARE(region.width(), region.height());  // widened to the output's 1:1 aspect
    r.inpaint_area = stipple::InpaintArea::Whole;
    QCOMPARE(previewRegion(r), QRect(0, 0, 300, 200));

    // The soft mask previews show through: the engine's blend mask at the image's size.
    const QImage mask = previewMask(r);
    QCOMPARE(mask.size(), QSize(300, 200));
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(mask.pixel(110, 85)), 255);
    QCOMPARE(qGray(mask.pixel(10, 10)), 0);
    r.mask_blur = 4;
    QVERIFY(qGray(previewMask(r).pixel(99, 85)) > 0);  // blurred past the painted edge
    r.mask = cv::Mat();
    QVERIFY(previewMask(r).isNull());
  }
};

QTEST_GUILESS_MAIN(TestJobSupport)
#include "test_jobsupport.moc"
