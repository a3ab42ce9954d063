#pragma once
// The request options shared by the verbs that generate (generate, batch): negative prompt,
// size, steps, cfg, sampler, schedule, seed, clip skip, img2img and inpainting settings, device
// and precision. One place parses them into a GenerationRequest, so both verbs accept the same
// options with the same defaults and messages.
#include <QCommandLineOption>
#include <QCommandLineParser>

#include "pipeline/engine.h"
#include "pipeline/model_tools.h"

namespace stipple::cli {

struct RequestOptions {
  QCommandLineOption negative{QStringLiteral("negative"), QStringLiteral("What to avoid."), QStringLiteral("TEXT"),
                              QString()};
  QCommandLineOption width{QStringLiteral("width"),
                           QStringLiteral("Width in pixels (multiple of 8; default: the model's size or the init "
                                          "image's)."),
                           QStringLiteral("PX")};
  QCommandLineOption height{QStringLiteral("height"), QStringLiteral("Height in pixels (multiple of 8)."),
                            QStringLiteral("PX")};
  QCommandLineOption steps{QStringLiteral("steps"), QStringLiteral("Sampling steps."), QStringLiteral("N"),
                           QStringLiteral("20")};
  QCommandLineOption cfg{QStringLiteral("cfg"),
                         QStringLiteral("Classifier-free guidance scale (default: the model's recommendation, else 7)."),
                         QStringLiteral("S"), QStringLiteral("7")};
  QCommandLineOption sampler{QStringLiteral("sampler"),
                             QStringLiteral("euler|euler_a|heun|dpm2|dpm2_a|dpmpp_2m|dpmpp_2m_sde|dpmpp_sde|lms|ddim|"
                                            "ddpm (default: the model's recommendation, else euler_a)."),
                             QStringLiteral("NAME"), QStringLiteral("euler_a")};
  QCommandLineOption schedule{QStringLiteral("schedule"), QStringLiteral("default|karras|exponential|uniform."),
                              QStringLiteral("NAME"), QStringLiteral("default")};
  QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Seed of the first image (image i uses seed+i)."),
                          QStringLiteral("N"), QStringLiteral("0")};
  QCommandLineOption clipSkip{QStringLiteral("clip-skip"),
                              QStringLiteral("Text encoder layer from the end (0: the model's default)."),
                              QStringLiteral("N"), QStringLiteral("0")};
  QCommandLineOption init{QStringLiteral("init"), QStringLiteral("Init image for img2img or inpainting."),
                          QStringLiteral("IMAGE")};
  QCommandLineOption strength{QStringLiteral("strength"),
                              QStringLiteral("Denoising strength for img2img (0 keeps the image, 1 ignores it)."),
                              QStringLiteral("F"), QStringLiteral("0.75")};
  QCommandLineOption mask{QStringLiteral("mask"), QStringLiteral("Inpainting mask (white = repaint)."),
                          QStringLiteral("IMAGE")};
  QCommandLineOption maskBlur{QStringLiteral("mask-blur"), QStringLiteral("Blur of the mask edge in pixels."),
                              QStringLiteral("PX"), QStringLiteral("4")};
  QCommandLineOption maskGrow{QStringLiteral("mask-grow"),
                              QStringLiteral("Grow (or, negative, shrink) the mask by pixels."), QStringLiteral("PX"),
                              QStringLiteral("0")};
  QCommandLineOption invertMask{QStringLiteral("invert-mask"),
                                QStringLiteral("Repaint the black part of the mask instead.")};
  QCommandLineOption area{QStringLiteral("inpaint-area"),
                          QStringLiteral("whole|masked: generate over the whole picture or only the masked region."),
                          QStringLiteral("AREA"), QStringLiteral("whole")};
  QCommandLineOption padding{QStringLiteral("padding"),
                             QStringLiteral("Pixels around the mask for --inpaint-area masked."), QStringLiteral("PX"),
                             QStringLiteral("32")};
  QCommandLineOption fill{QStringLiteral("fill"),
                          QStringLiteral("original|fill|noise|nothing: what the masked region starts from."),
                          QStringLiteral("MODE"), QStringLiteral("original")};
  QCommandLineOption eta{QStringLiteral("eta"),
                         QStringLiteral("Noise of DDIM and the ancestral/SDE samplers (default: DDIM 0, others 1)."),
                         QStringLiteral("F")};
  QCommandLineOption guidanceRescale{QStringLiteral("guidance-rescale"),
                                     QStringLiteral("Guidance rescale phi in [0,1] (0: off)."), QStringLiteral("F"),
                                     QStringLiteral("0")};
  QCommandLineOption zeroTerminalSnr{QStringLiteral("zero-terminal-snr"),
                                     QStringLiteral("Rescale the noise schedule to zero SNR at the last step.")};
  QCommandLineOption device{QStringLiteral("device"), QStringLiteral("auto|cpu|cuda."), QStringLiteral("NAME"),
                            QStringLiteral("auto")};
  QCommandLineOption precision{QStringLiteral("precision"),
                               QStringLiteral("auto|fp32|bf16|fp16 (auto: bf16 on CPUs with bf16 units, fp16 on "
                                              "CUDA)."),
                               QStringLiteral("NAME"), QStringLiteral("auto")};

  void addTo(QCommandLineParser& parser) const;
  // Fills everything but the size (which may need the model) and the prompt; loads --init and
  // --mask. Returns kOk, or the exit code after printing what is wrong.
  int read(const QCommandLineParser& parser, GenerationRequest* request) const;
  // Width and height: given, else the init image's (rounded down to a multiple of 8), else the
  // model's native size. Returns kOk or kUsage after printing.
  int readSize(const QCommandLineParser& parser, GenerationRequest* request, int nativeSize) const;
  // CFG and sampler not given: the model's recommendation, where it makes one.
  void applyModelSampling(const QCommandLineParser& parser, GenerationRequest* request,
                          const SamplingDefaults& recommended) const;
  bool sizeGiven(const QCommandLineParser& parser) const { return parser.isSet(width) || parser.isSet(height); }
  // The engine spec: the model from ModelOptions plus --device and --precision.
  EngineModelSpec engineSpec(const QCommandLineParser& parser, const ModelSource& source) const;
};

}  // namespace stipple::cli
