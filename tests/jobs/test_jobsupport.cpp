// The job layer's helpers: the preview sink under a flood, image conversions, infotext parsing,
// the sampler table and the preview region of an "only masked" inpaint.
#include <QImage>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <opencv2/core.hpp>

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
