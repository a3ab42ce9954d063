#include "hostile_corpus.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#ifdef STIPPLE_HAVE_LIBJPEG
#include <cstdio>
#include <jpeglib.h>
#endif

namespace stipple::hostile {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("hostile corpus: cannot read " + p.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

fs::path write_bytes(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

std::string le64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

// The golden checkpoint split into its header (JSON) and data area.
struct Checkpoint {
  json header;
  std::string data;
  std::string raw;
  uint64_t header_len = 0;

  static Checkpoint read(const fs::path& golden) {
    Checkpoint c;
    c.raw = read_bytes(golden / "tiny-sd1.safetensors");
    for (int i = 7; i >= 0; --i) c.header_len = (c.header_len << 8) | static_cast<unsigned char>(c.raw[static_cast<size_t>(i)]);
    c.header = json::parse(c.raw.substr(8, c.header_len));
    c.data = c.raw.substr(8 + c.header_len);
    return c;
  }
  std::string bytes() const {
    const std::string h = header.dump();
    return le64(h.size()) + h + data;
  }
  // Data-area offset where the tensor starts, for the k-th tensor in offset order.
  std::vector<std::pair<uint64_t, std::string>> starts() const {
    std::vector<std::pair<uint64_t, std::string>> s;
    for (const auto& [k, v] : header.items())
      if (k != "__metadata__") s.emplace_back(v.at("data_offsets")[0].get<uint64_t>(), k);
    std::sort(s.begin(), s.end());
    return s;
  }
};

const char* kUnetWeight = "model.diffusion_model.input_blocks.1.0.in_layers.2.weight";  // a 3x3 conv
const char* kUnetWidening = "model.diffusion_model.input_blocks.3.0.in_layers.2.weight";  // 3x3, 32 -> 64

// A model case from an edit of the golden checkpoint's header and data.
Case edited(const std::string& name, std::function<void(Checkpoint&)> edit, const std::string& expect) {
  return {name, Kind::Model,
          [edit](const fs::path& dir, const fs::path& golden) {
            Checkpoint c = Checkpoint::read(golden);
            edit(c);
            return write_bytes(dir / "model.safetensors", c.bytes());
          },
          expect};
}

// A model case from raw bytes (`make` gets the golden file's bytes).
Case raw(const std::string& name, std::function<std::string(const std::string&)> make, const std::string& expect,
         const std::string& file = "model.safetensors") {
  return {name, Kind::Model,
          [make, file](const fs::path& dir, const fs::path& golden) {
            return write_bytes(dir / file, make(read_bytes(golden / "tiny-sd1.safetensors")));
          },
          expect};
}

void fill_tensor(Checkpoint& c, const std::string& name, float value, size_t count) {
  const auto& e = c.header.at(name);
  if (e.at("dtype") != "F32") throw std::logic_error("hostile corpus: " + name + " is not F32");
  const uint64_t begin = e.at("data_offsets")[0].get<uint64_t>();
  for (size_t i = 0; i < count; ++i) std::memcpy(&c.data[begin + 4 * i], &value, 4);
}

// ---- diffusers folders: written once from the golden checkpoint per scratch folder -------------

using FolderEdit = std::function<void(const fs::path& folder)>;
// Set by the test that owns the engine (it writes the folder with save_diffusers); the corpus
// itself stays free of torch.
std::function<void(const fs::path& golden, const fs::path& folder)>& diffusers_writer() {
  static std::function<void(const fs::path&, const fs::path&)> writer;
  return writer;
}

Case folder_case(const std::string& name, FolderEdit edit, const std::string& expect) {
  return {name, Kind::Model,
          [edit](const fs::path& dir, const fs::path& golden) {
            const fs::path folder = dir / "model";
            if (!diffusers_writer()) throw std::logic_error("hostile corpus: no diffusers writer set");
            diffusers_writer()(golden, folder);
            edit(folder);
            return folder;
          },
          expect};
}

void edit_json(const fs::path& file, const std::function<void(json&)>& f) {
  json j = json::parse(read_bytes(file));
  f(j);
  write_bytes(file, j.dump(2));
}

// ---- images ------------------------------------------------------------------------------------

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
  const std::string body = type + data;
  const auto crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  return be32(static_cast<uint32_t>(data.size())) + body + be32(crc);
}

std::string zlib_compress(const std::string& raw) {
  uLongf n = compressBound(static_cast<uLong>(raw.size()));
  std::string out(n, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()));
  out.resize(n);
  return out;
}

const std::string kPngSig("\x89PNG\r\n\x1a\n", 8);

std::string ihdr(uint32_t w, uint32_t h, int depth, int colour) {
  return png_chunk("IHDR", be32(w) + be32(h) + std::string{static_cast<char>(depth), static_cast<char>(colour), 0, 0, 0});
}

// A PNG from rows of raw samples (filter byte 0 added per row).
std::string png(uint32_t w, uint32_t h, int depth, int colour, const std::string& row, const std::string& extra = {}) {
  std::string raw;
  for (uint32_t y = 0; y < h; ++y) raw += '\0' + row;
  return kPngSig + ihdr(w, h, depth, colour) + extra + png_chunk("IDAT", zlib_compress(raw)) + png_chunk("IEND", "");
}

std::string repeat(const std::string& px, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += px;
  return s;
}

// An 8-bit RGB 32x32 PNG, orange.
std::string orange_png() { return png(32, 32, 8, 2, repeat(std::string("\xff\x80\x00", 3), 32)); }

std::string jpeg_bytes(int w, int h) {
  cv::Mat bgr(h, w, CV_8UC3, cv::Scalar(0, 128, 255));
  std::vector<uchar> buf;
  cv::imencode(".jpg", bgr, buf);
  return std::string(buf.begin(), buf.end());
}

// Offsets of the JPEG markers (FF xx outside entropy-coded data) up to SOS.
std::vector<size_t> jpeg_markers(const std::string& b) {
  std::vector<size_t> at;
  size_t i = 2;
  while (i + 4 <= b.size() && static_cast<unsigned char>(b[i]) == 0xFF) {
    at.push_back(i);
    const unsigned m = static_cast<unsigned char>(b[i + 1]);
    const size_t len = (size_t(static_cast<unsigned char>(b[i + 2])) << 8) | static_cast<unsigned char>(b[i + 3]);
    if (m == 0xDA) break;
    i += 2 + len;
  }
  return at;
}

Case image(const std::string& name, std::function<std::string()> make, const std::string& expect,
           const std::string& file = "image.png") {
  return {name, Kind::Image, [make, file](const fs::path& dir, const fs::path&) { return write_bytes(dir / file, make()); },
          expect};
}

Case image_at(const std::string& name, std::function<fs::path(const fs::path&)> make, const std::string& expect) {
  return {name, Kind::Image, [make](const fs::path& dir, const fs::path&) { return make(dir); }, expect};
}

#ifdef STIPPLE_HAVE_LIBJPEG
// A CMYK JPEG (as print workflows and Photoshop write), orange: C 0, M 50%, Y 100%, K 0, stored
// inverted as Adobe does.
std::string cmyk_jpeg() {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* mem = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &mem, &size);
  c.image_width = 16;
  c.image_height = 16;
  c.input_components = 4;
  c.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&c);
  jpeg_set_colorspace(&c, JCS_CMYK);
  c.write_Adobe_marker = TRUE;
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(16 * 4);
  for (int x = 0; x < 16; ++x) {
    row[static_cast<size_t>(4 * x)] = 255;      // C 0 (inverted)
    row[static_cast<size_t>(4 * x + 1)] = 128;  // M 50%
    row[static_cast<size_t>(4 * x + 2)] = 0;    // Y 100%
    row[static_cast<size_t>(4 * x + 3)] = 255;  // K 0
  }
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  std::string out(reinterpret_cast<char*>(mem), size);
  jpeg_destroy_compress(&c);
  free(mem);
  return out;
}
#endif

}  // namespace

void set_diffusers_writer(std::function<void(const fs::path& golden, const fs::path& folder)> writer) {
  diffusers_writer() = std::move(writer);
}

std::vector<Case> model_cases() {
  std::vector<Case> cases;
  // Files cut short: nothing, a few bytes, inside the header, and at tensor boundaries.
  cases.push_back(raw("empty-file", [](const std::string&) { return std::string(); }, "file is empty"));
  cases.push_back(raw("five-bytes", [](const std::string& b) { return b.substr(0, 5); }, "file is only 5 bytes"));
  cases.push_back(raw("only-length", [](const std::string& b) { return b.substr(0, 8); }, "runs past the end of the file"));
  cases.push_back(raw("cut-in-header", [](const std::string& b) { return b.substr(0, 1000); }, "runs past the end of the file"));
  {
    const std::vector<int> picks = {0, 1, 2, 10, 50, 100, 200, 300, 400, -1};
    for (int k : picks) {
      cases.push_back(raw("cut-at-tensor-" + std::to_string(k),
                          [k](const std::string& b) {
                            Checkpoint c;
                            uint64_t len = 0;
                            for (int i = 7; i >= 0; --i) len = (len << 8) | static_cast<unsigned char>(b[static_cast<size_t>(i)]);
                            c.header = json::parse(b.substr(8, len));
                            const auto s = c.starts();
                            const size_t idx = k < 0 ? s.size() - 1 : static_cast<size_t>(k);
                            return b.substr(0, 8 + len + s.at(idx).first + (k < 0 ? 1 : 0));
                          },
                          "extend past the end of the data area"));
    }
  }
  cases.push_back(raw("one-byte-short", [](const std::string& b) { return b.substr(0, b.size() - 1); },
                      "extend past the end of the data area"));
  cases.push_back(raw("header-length-huge", [](const std::string& b) { return le64(1ull << 40) + b.substr(8); },
                      "exceeds the limit"));
  cases.push_back(raw("header-length-zero", [](const std::string& b) { return le64(0) + b.substr(8); }, "header"));
  cases.push_back(raw("header-garbage",
                      [](const std::string& b) {
                        std::string g = b;
                        for (size_t i = 8; i < 400; ++i) g[i] = static_cast<char>('A' + i % 26);
                        return g;
                      },
                      "JSON"));
  cases.push_back(raw("header-array", [](const std::string&) { return le64(2) + "[]"; }, "not a JSON object"));
  cases.push_back(raw("text-file", [](const std::string&) { return std::string("hello, this is not a model\n"); },
                      "exceeds the limit"));
  cases.push_back(raw("html-error-page",
                      [](const std::string&) { return std::string("<!DOCTYPE html><html><body>404 Not Found</body></html>"); },
                      "exceeds the limit"));
  // Header entries that lie.
  cases.push_back(edited("offsets-past-end",
                         [](Checkpoint& c) {
                           auto s = c.starts();
                           auto& e = c.header[s.back().second]["data_offsets"];
                           e[1] = e[1].get<uint64_t>() + 4;
                           e[0] = e[0].get<uint64_t>() + 4;
                         },
                         "extend past the end of the data area"));
  cases.push_back(edited("offsets-overlap",
                         [](Checkpoint& c) {
                           auto s = c.starts();
                           auto& e = c.header[s[5].second]["data_offsets"];
                           e[0] = e[0].get<uint64_t>() - 4;
                           e[1] = e[1].get<uint64_t>() - 4;
                         },
                         "overlap"));
  cases.push_back(edited("begin-after-end",
                         [](Checkpoint& c) {
                           auto& e = c.header[kUnetWeight]["data_offsets"];
                           const auto b = e[0].get<uint64_t>();
                           e[0] = e[1];
                           e[1] = b;
                         },
                         "begin is greater than end"));
  cases.push_back(edited("offsets-negative", [](Checkpoint& c) { c.header[kUnetWeight]["data_offsets"][0] = -8; },
                         "non-negative integers"));
  cases.push_back(edited("dtype-unknown", [](Checkpoint& c) { c.header[kUnetWeight]["dtype"] = "F128"; },
                         "unknown dtype 'F128'"));
  cases.push_back(edited("dtype-not-string", [](Checkpoint& c) { c.header[kUnetWeight]["dtype"] = 32; },
                         "dtype is not a string"));
  cases.push_back(edited("shape-size-mismatch",
                         [](Checkpoint& c) {
                           auto& sh = c.header[kUnetWeight]["shape"];
                           sh[0] = sh[0].get<int64_t>() * 2;
                         },
                         "do not match shape"));
  cases.push_back(edited("shape-negative", [](Checkpoint& c) { c.header[kUnetWeight]["shape"][1] = -32; },
                         "negative dimension"));
  cases.push_back(edited("shape-rank-9",
                         [](Checkpoint& c) { c.header[kUnetWeight]["shape"] = json::array({1, 1, 1, 1, 1, 1, 1, 1, 1}); },
                         "rank 9"));
  cases.push_back(edited("shape-overflow",
                         [](Checkpoint& c) {
                           c.header[kUnetWeight]["shape"] = json::array({4294967296ll, 4294967296ll, 4294967296ll});
                         },
                         "shape"));
  cases.push_back(edited("shape-not-array", [](Checkpoint& c) { c.header[kUnetWeight]["shape"] = "3x3"; },
                         "shape is not an array"));
  cases.push_back(edited("field-missing", [](Checkpoint& c) { c.header[kUnetWeight].erase("dtype"); },
                         "missing field 'dtype'"));
  cases.push_back(edited("field-unexpected", [](Checkpoint& c) { c.header[kUnetWeight]["offset"] = 0; },
                         "unexpected field 'offset'"));
  cases.push_back(edited("entry-not-object", [](Checkpoint& c) { c.header[kUnetWeight] = "weights"; },
                         "entry is not an object"));
  cases.push_back(edited("metadata-not-object", [](Checkpoint& c) { c.header["__metadata__"] = json::array(); },
                         "__metadata__ is not an object"));
  cases.push_back(edited("metadata-value-number", [](Checkpoint& c) { c.header["__metadata__"]["format"] = 1; },
                         "is not a string"));
  cases.push_back(edited("empty-tensor-name",
                         [](Checkpoint& c) {
                           c.header[""] = c.header[kUnetWeight];
                           c.header.erase(kUnetWeight);
                         },
                         "tensor name is empty"));
  // Well-formed files whose weights cannot be this model.
  cases.push_back(edited("nan-weights",
                         [](Checkpoint& c) { fill_tensor(c, kUnetWeight, std::numeric_limits<float>::quiet_NaN(), 7); },
                         "NaN"));
  cases.push_back(edited("inf-weights",
                         [](Checkpoint& c) { fill_tensor(c, "first_stage_model.decoder.conv_out.weight", INFINITY, 3); },
                         "infinite"));
  cases.push_back(edited("integer-weights", [](Checkpoint& c) { c.header[kUnetWeight]["dtype"] = "I32"; },
                         kUnetWeight));
  cases.push_back(edited("transposed-conv",
                         [](Checkpoint& c) {
                           auto& sh = c.header[kUnetWidening]["shape"];
                           const auto a = sh[0], b = sh[1];
                           if (a == b) throw std::logic_error("hostile corpus: pick a conv with in != out");
                           sh[0] = b;
                           sh[1] = a;
                         },
                         kUnetWidening));
  cases.push_back(edited("missing-unet-tensor", [](Checkpoint& c) { c.header.erase(kUnetWeight); }, kUnetWeight));
  cases.push_back(edited("no-unet",
                         [](Checkpoint& c) {
                           for (auto it = c.header.begin(); it != c.header.end();)
                             it = it.key().rfind("model.diffusion_model.", 0) == 0 ? c.header.erase(it) : std::next(it);
                         },
                         "UNet"));
  cases.push_back(edited("no-text-encoder",
                         [](Checkpoint& c) {
                           for (auto it = c.header.begin(); it != c.header.end();)
                             it = it.key().rfind("cond_stage_model.", 0) == 0 ? c.header.erase(it) : std::next(it);
                         },
                         "text encoder"));
  cases.push_back(edited("no-tensors",
                         [](Checkpoint& c) {
                           c.header = json::object();
                           c.data.clear();
                         },
                         "not a Stable Diffusion checkpoint"));
  cases.push_back(edited("renamed-keys",
                         [](Checkpoint& c) {
                           json h;
                           for (auto& [k, v] : c.header.items()) h[k == "__metadata__" ? k : "prefix." + k] = v;
                           c.header = h;
                         },
                         "not a Stable Diffusion checkpoint"));
  cases.push_back({"wrong-family-config", Kind::Model,
                   [](const fs::path& dir, const fs::path& golden) {
                     fs::copy_file(golden / "tiny-sd1.safetensors", dir / "model.safetensors");
                     // A sidecar config that claims SD2's 1024-wide text conditioning.
                     write_bytes(dir / "model.json", R"({"model": {"params": {"unet_config": {"params": {"context_dim": 1024}}}}})");
                     return dir / "model.safetensors";
                   },
                   "shape"});
  // Not safetensors at all, or not a file.
  cases.push_back(raw("pickle-ckpt", [](const std::string&) { return std::string("\x80\x02}q\x00.", 6); }, "pickle",
                      "model.ckpt"));
  cases.push_back(raw("torch-zip-ckpt", [](const std::string&) { return std::string("PK\x03\x04archive/data.pkl", 20); },
                      "pickle", "model.ckpt"));
  cases.push_back(raw("pickle-named-safetensors", [](const std::string&) { return std::string("\x80\x04\x95\x10", 4) + std::string(60, 'x'); },
                      "pickle"));
  cases.push_back({"folder-named-like-a-file", Kind::Model,
                   [](const fs::path& dir, const fs::path&) {
                     fs::create_directories(dir / "model.safetensors");
                     return dir / "model.safetensors";
                   },
                   "model_index.json"});
  cases.push_back({"symlink-loop", Kind::Model,
                   [](const fs::path& dir, const fs::path&) {
                     fs::create_symlink("b.safetensors", dir / "a.safetensors");
                     fs::create_symlink("a.safetensors", dir / "b.safetensors");
                     return dir / "a.safetensors";
                   },
                   "symbolic links"});
  cases.push_back({"dangling-symlink", Kind::Model,
                   [](const fs::path& dir, const fs::path&) {
                     fs::create_symlink("gone.safetensors", dir / "model.safetensors");
                     return dir / "model.safetensors";
                   },
                   "no such file"});
  cases.push_back({"missing-file", Kind::Model, [](const fs::path& dir, const fs::path&) { return dir / "absent.safetensors"; },
                   "no such file"});
  cases.push_back({"fifo", Kind::Model,
                   [](const fs::path& dir, const fs::path&) {
                     const fs::path p = dir / "model.safetensors";
                     if (std::system(("mkfifo '" + p.string() + "'").c_str()) != 0) throw std::runtime_error("mkfifo failed");
                     return p;
                   },
                   "not a regular file"});
  // Diffusers folders with broken parts.
  cases.push_back(folder_case("diffusers-index-not-json", [](const fs::path& f) { write_bytes(f / "model_index.json", "{\"unet\": ["); },
                              "model_index.json: is not valid JSON"));
  cases.push_back(folder_case("diffusers-index-array", [](const fs::path& f) { write_bytes(f / "model_index.json", "[]"); },
                              "model_index.json: is not a JSON object"));
  cases.push_back(folder_case("diffusers-unet-config-missing", [](const fs::path& f) { fs::remove(f / "unet" / "config.json"); },
                              "config.json: missing"));
  cases.push_back(folder_case("diffusers-unet-weights-missing",
                              [](const fs::path& f) { fs::remove(f / "unet" / "diffusion_pytorch_model.safetensors"); },
                              "no weights"));
  cases.push_back(folder_case("diffusers-unet-weights-truncated",
                              [](const fs::path& f) {
                                const fs::path w = f / "unet" / "diffusion_pytorch_model.safetensors";
                                fs::resize_file(w, fs::file_size(w) / 2);
                              },
                              "extend past the end of the data area"));
  cases.push_back(folder_case("diffusers-text-weights-empty",
                              [](const fs::path& f) { write_bytes(f / "text_encoder" / "model.safetensors", ""); },
                              "file is empty"));
  cases.push_back(folder_case("diffusers-in-channels-string",
                              [](const fs::path& f) { edit_json(f / "unet" / "config.json", [](json& j) { j["in_channels"] = "four"; }); },
                              "'in_channels' must be an integer"));
  cases.push_back(folder_case("diffusers-channels-huge",
                              [](const fs::path& f) {
                                edit_json(f / "unet" / "config.json", [](json& j) { j["block_out_channels"] = {1000000000, 1000000000}; });
                              },
                              "block_out_channels"));
  cases.push_back(folder_case("diffusers-layers-negative",
                              [](const fs::path& f) { edit_json(f / "unet" / "config.json", [](json& j) { j["layers_per_block"] = -1; }); },
                              "layers_per_block"));
  cases.push_back(folder_case("diffusers-heads-zero",
                              [](const fs::path& f) { edit_json(f / "unet" / "config.json", [](json& j) { j["attention_head_dim"] = 0; }); },
                              "attention"));
  cases.push_back(folder_case("diffusers-vae-latents-zero",
                              [](const fs::path& f) { edit_json(f / "vae" / "config.json", [](json& j) { j["latent_channels"] = 0; }); },
                              "latent"));
  cases.push_back(folder_case("diffusers-text-heads-indivisible",
                              [](const fs::path& f) {
                                edit_json(f / "text_encoder" / "config.json", [](json& j) { j["num_attention_heads"] = 7; });
                              },
                              "heads"));
  cases.push_back(folder_case("diffusers-text-vocab-huge",
                              [](const fs::path& f) {
                                edit_json(f / "text_encoder" / "config.json", [](json& j) { j["vocab_size"] = 2000000000; });
                              },
                              "vocab"));
  cases.push_back(folder_case("diffusers-config-disagrees-with-weights",
                              [](const fs::path& f) {
                                edit_json(f / "unet" / "config.json", [](json& j) {
                                  auto b = j["block_out_channels"];
                                  for (auto& v : b) v = v.get<int>() * 2;
                                  j["block_out_channels"] = b;
                                });
                              },
                              "shape"));
  cases.push_back(folder_case("diffusers-scheduler-prediction-unknown",
                              [](const fs::path& f) {
                                fs::create_directories(f / "scheduler");
                                edit_json(f / "scheduler" / "scheduler_config.json", [](json& j) { j["prediction_type"] = "flow"; });
                              },
                              "prediction_type"));
  cases.push_back(folder_case("diffusers-index-names-nothing",
                              [](const fs::path& f) {
                                write_bytes(f / "model_index.json", R"({"_class_name": "StableDiffusionPipeline"})");
                                for (const char* part : {"unet", "vae", "text_encoder"}) fs::remove_all(f / part);
                              },
                              "names no unet, vae or text_encoder"));
  Case no_tokenizer = folder_case("diffusers-missing-tokenizer", [](const fs::path&) {}, "tokenizer");
  no_tokenizer.tokenizer_override = false;
  cases.push_back(no_tokenizer);
  Case bad_tokenizer = folder_case("diffusers-tokenizer-corrupt",
                                   [](const fs::path& f) {
                                     write_bytes(f / "tokenizer" / "vocab.json", "{\"a\": 1,");
                                     write_bytes(f / "tokenizer" / "merges.txt", "#version: 0.2\na b\n");
                                   },
                                   "vocab.json");
  bad_tokenizer.tokenizer_override = false;
  cases.push_back(bad_tokenizer);
  return cases;
}

std::vector<Case> image_cases() {
  std::vector<Case> cases;
  cases.push_back(image("empty", [] { return std::string(); }, "the file is empty"));
  cases.push_back(image("text", [] { return std::string("not an image at all\n"); }, "not a readable image"));
  cases.push_back(image("html-named-jpg", [] { return std::string("<html><body>403 Forbidden</body></html>"); },
                        "not a readable image", "image.jpg"));
  cases.push_back(image_at("folder-named-png", [](const fs::path& d) {
    fs::create_directories(d / "image.png");
    return d / "image.png";
  }, "is a folder"));
  cases.push_back(image_at("symlink-loop", [](const fs::path& d) {
    fs::create_symlink("b.png", d / "a.png");
    fs::create_symlink("a.png", d / "b.png");
    return d / "a.png";
  }, "symbolic links"));
  cases.push_back(image_at("dangling-symlink", [](const fs::path& d) {
    fs::create_symlink("gone.png", d / "image.png");
    return d / "image.png";
  }, "no such file"));
  cases.push_back(image_at("missing", [](const fs::path& d) { return d / "absent.png"; }, "no such file"));
  cases.push_back(image_at("fifo", [](const fs::path& d) {
    const fs::path p = d / "image.png";
    if (std::system(("mkfifo '" + p.string() + "'").c_str()) != 0) throw std::runtime_error("mkfifo failed");
    return p;
  }, "not a regular file"));
  // PNG cut at each structural boundary and broken inside.
  const std::string good = orange_png();
  const size_t idat = good.find("IDAT") - 4, iend = good.find("IEND") - 4;
  for (const auto& [name, at] : std::vector<std::pair<std::string, size_t>>{
           {"png-cut-signature", 8}, {"png-cut-in-ihdr", 20}, {"png-cut-after-ihdr", 33}, {"png-cut-idat-header", idat + 8},
           {"png-cut-mid-idat", idat + 8 + (iend - idat - 8) / 2}, {"png-cut-before-iend", iend}})
    cases.push_back(image(name, [good, at = at] { return good.substr(0, at); }, "truncated"));
  cases.push_back(image("png-bad-crc", [good] {
    std::string b = good;
    b[29] = static_cast<char>(b[29] ^ 0x55);  // IHDR's CRC
    return b;
  }, "not a readable image"));
  cases.push_back(image("png-bad-zlib", [good] {
    std::string b = good;
    const size_t data = good.find("IDAT") + 4;
    for (size_t i = data; i < data + 8; ++i) b[i] = '\x7f';
    return b;
  }, "not a readable image"));
  cases.push_back(image("png-0x0", [] { return kPngSig + ihdr(0, 0, 8, 2) + png_chunk("IDAT", zlib_compress("")) + png_chunk("IEND", ""); },
                        "0x0"));
  cases.push_back(image("png-0x100", [] { return kPngSig + ihdr(0, 100, 8, 2) + png_chunk("IEND", ""); }, "0x100"));
  cases.push_back(image("png-claims-40000x40000",
                        [] { return kPngSig + ihdr(40000, 40000, 8, 2) + png_chunk("IDAT", zlib_compress(std::string(1000, '\0'))) + png_chunk("IEND", ""); },
                        "claims 40000x40000 pixels, more than the limit"));
  cases.push_back(image("png-claims-2g-wide", [] { return kPngSig + ihdr(0x7fffffff, 1, 8, 2) + png_chunk("IEND", ""); },
                        "more than the limit"));
  cases.push_back(image("jpeg-claims-40000x40000", [] {
    std::string j = jpeg_bytes(16, 16);
    const size_t sof = j.find("\xff\xc0");
    j[sof + 5] = static_cast<char>(40000 >> 8);
    j[sof + 6] = static_cast<char>(40000 & 0xFF);
    j[sof + 7] = static_cast<char>(40000 >> 8);
    j[sof + 8] = static_cast<char>(40000 & 0xFF);
    return j;
  }, "claims 40000x40000 pixels, more than the limit", "image.jpg"));
  cases.push_back(image("bmp-claims-40000x40000", [] {
    std::vector<uchar> buf;
    cv::imencode(".bmp", cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)), buf);
    std::string b(buf.begin(), buf.end());
    for (int off : {18, 22}) {
      const uint32_t v = 40000;
      for (int i = 0; i < 4; ++i) b[static_cast<size_t>(off + i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
    }
    return b;
  }, "claims 40000x40000 pixels, more than the limit", "image.bmp"));
  cases.push_back(image("webp-claims-16000x16000", [] {
    // VP8X header with a 16000x16000 canvas (24-bit fields hold size - 1).
    std::string body = "WEBPVP8X";
    body += std::string("\x0a\x00\x00\x00", 4);
    body += std::string(4, '\0');
    const uint32_t w = 16000 - 1, h = 16000 - 1;
    body += {static_cast<char>(w & 0xFF), static_cast<char>((w >> 8) & 0xFF), static_cast<char>(w >> 16)};
    body += {static_cast<char>(h & 0xFF), static_cast<char>((h >> 8) & 0xFF), static_cast<char>(h >> 16)};
    const uint32_t size = static_cast<uint32_t>(body.size());
    return std::string("RIFF") + std::string{static_cast<char>(size & 0xFF), static_cast<char>(size >> 8), 0, 0} + body;
  }, "claims 16000x16000 pixels, more than the limit", "image.webp"));
  // JPEG cut at each marker and inside the scan.
  const std::string jpg = jpeg_bytes(32, 32);
  const auto markers = jpeg_markers(jpg);
  for (size_t m = 0; m < markers.size(); ++m)
    cases.push_back(image("jpeg-cut-at-marker-" + std::to_string(m), [jpg, at = markers[m]] { return jpg.substr(0, at); },
                          "truncated", "image.jpg"));
  cases.push_back(image("jpeg-cut-mid-scan", [jpg, at = markers.back()] { return jpg.substr(0, at + (jpg.size() - at) / 2); },
                        "truncated", "image.jpg"));
  cases.push_back(image("jpeg-cut-before-eoi", [jpg] { return jpg.substr(0, jpg.size() - 2); }, "truncated", "image.jpg"));
  cases.push_back(image("gif-animated", [] { return std::string("GIF89a\x02\x00\x02\x00\x80\x00\x00", 13) + std::string(20, '\0'); },
                        "not a readable image", "image.gif"));
  // Unusual but valid: each must load, in the right colours (checked by the test).
  cases.push_back(image("png-16bit-rgb", [] { return png(8, 8, 16, 2, repeat(std::string("\xff\xff\x80\x80\x00\x00", 6), 8)); }, ""));
  cases.push_back(image("png-palette", [] {
    return png(8, 8, 8, 3, std::string(8, '\x01'), png_chunk("PLTE", std::string("\x00\x00\x00\xff\x80\x00", 6)));
  }, ""));
  cases.push_back(image("png-palette-1bit", [] {
    return png(8, 8, 1, 3, std::string(1, '\xff'), png_chunk("PLTE", std::string("\x00\x00\x00\xff\x80\x00", 6)));
  }, ""));
  Case transparent = image("png-gray-alpha-transparent", [] { return png(8, 8, 8, 4, repeat(std::string("\x00\x00", 2), 8)); }, "");
  transparent.rgb = {255, 255, 255};  // composited on white paper
  cases.push_back(transparent);
  cases.push_back(image("png-rgba-opaque", [] { return png(8, 8, 8, 6, repeat(std::string("\xff\x80\x00\xff", 4), 8)); }, ""));
  cases.push_back(image("png-animated", [] {
    // APNG: the default image is orange; a second frame (fdAT) would be black.
    std::string actl = png_chunk("acTL", be32(2) + be32(0));
    std::string fctl = png_chunk("fcTL", be32(0) + be32(8) + be32(8) + be32(0) + be32(0) + std::string("\x00\x01\x00\x64\x00\x00", 6));
    std::string raw;
    for (int y = 0; y < 8; ++y) raw += '\0' + repeat(std::string("\xff\x80\x00", 3), 8);
    std::string black;
    for (int y = 0; y < 8; ++y) black += '\0' + std::string(24, '\0');
    std::string fctl2 = png_chunk("fcTL", be32(1) + be32(8) + be32(8) + be32(0) + be32(0) + std::string("\x00\x01\x00\x64\x00\x00", 6));
    return kPngSig + ihdr(8, 8, 8, 2) + actl + fctl + png_chunk("IDAT", zlib_compress(raw)) + fctl2 +
           png_chunk("fdAT", be32(2) + zlib_compress(black)) + png_chunk("IEND", "");
  }, ""));
  cases.push_back(image("png-named-jpg", [] { return orange_png(); }, "", "image.jpg"));
  cases.push_back(image("jpeg-named-png", [] { return jpeg_bytes(16, 16); }, "", "image.png"));
#ifdef STIPPLE_HAVE_LIBJPEG
  cases.push_back(image("jpeg-cmyk", [] { return cmyk_jpeg(); }, "", "image.jpg"));
#endif
  return cases;
}

std::vector<Case> all_cases() {
  auto cases = model_cases();
  auto images = image_cases();
  cases.insert(cases.end(), images.begin(), images.end());
  return cases;
}

}  // namespace stipple::hostile
