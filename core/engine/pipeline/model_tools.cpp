#include "pipeline/model_tools.h"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "io/model_detect.h"
#include "io/tensor_io.h"
#include "pipeline/sd_model.h"
#include "text/tokenizer_files.h"

namespace stipple {

namespace {

std::string component_of(const std::string& key) {
  if (key.rfind(kUNetPrefix, 0) == 0) return "unet";
  if (key.rfind(kVaePrefix, 0) == 0) return "vae";
  if (key.rfind("cond_stage_model.", 0) == 0) return "text_encoder";
  return {};
}

nlohmann::json config_json(const ModelConfig& c) {
  const auto& u = c.unet;
  const auto& v = c.vae;
  const auto& t = c.text;
  return {
      {"family", to_string(c.family)},
      {"prediction", to_string(c.prediction)},
      {"unet",
       {{"in_channels", u.in_channels}, {"out_channels", u.out_channels}, {"model_channels", u.model_channels},
        {"channel_mult", u.channel_mult}, {"num_res_blocks", u.num_res_blocks},
        {"attention_resolutions", u.attention_resolutions}, {"num_heads", u.num_heads},
        {"num_head_channels", u.num_head_channels}, {"transformer_depth", u.transformer_depth},
        {"context_dim", u.context_dim}, {"use_linear_in_transformer", u.use_linear_in_transformer},
        {"inpainting", u.in_channels == 9}}},
      {"vae",
       {{"ch", v.ch}, {"ch_mult", v.ch_mult}, {"num_res_blocks", v.num_res_blocks}, {"z_channels", v.z_channels},
        {"embed_dim", v.embed_dim}, {"scale_factor", v.scale_factor}, {"downsample_factor", v.downsample_factor()}}},
      {"text",
       {{"kind", t.kind == TextKind::HfClip ? "hf_clip" : "open_clip"}, {"width", t.width}, {"layers", t.layers},
        {"heads", t.heads}, {"vocab_size", t.vocab_size}, {"context_length", t.context_length},
        {"layer", t.default_skip == 2 ? "penultimate" : "last"}, {"pad_id", t.pad_id}}},
  };
}

std::string join(const std::vector<int>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

}  // namespace

ModelSummary describe_model(const ModelSource& source) {
  const ResolvedCheckpoint r = resolve_checkpoint(source.model, source.config, source.prediction);
  ModelSummary s;
  s.path = source.model;
  s.config = r.config;
  s.config_source = r.config_source;
  std::map<std::string, ComponentSummary> parts;
  std::map<std::string, std::set<std::string>> dtypes;
  for (const auto& key : r.weights.names()) {
    const std::string comp = component_of(key);
    if (comp.empty()) {
      ++s.other_tensors;
      continue;
    }
    int64_t n = 1;
    for (auto d : r.weights.shape(key)) n *= d;
    auto& cs = parts[comp];
    cs.name = comp;
    cs.parameters += n;
    dtypes[comp].insert(std::string(dtype_name(r.weights.dtype(key))));
  }
  for (const char* name : {"text_encoder", "unet", "vae"}) {
    auto it = parts.find(name);
    if (it == parts.end()) continue;
    it->second.dtypes.assign(dtypes[name].begin(), dtypes[name].end());
    s.components.push_back(it->second);
  }
  return s;
}

std::string describe_model_text(const ModelSummary& s) {
  const auto& c = s.config;
  std::ostringstream os;
  os << s.path.string() << "\n";
  os << "family: " << to_string(c.family) << (c.unet.in_channels == 9 ? " (inpainting)" : "") << "\n";
  os << "prediction: " << to_string(c.prediction) << "\n";
  os << "unet: " << c.unet.in_channels << " -> " << c.unet.out_channels << " channels, width "
     << c.unet.model_channels << " x (" << join(c.unet.channel_mult) << "), " << c.unet.num_res_blocks
     << " res blocks, attention at (" << join(c.unet.attention_resolutions) << "), ";
  if (c.unet.num_head_channels > 0)
    os << c.unet.num_head_channels << "-channel heads";
  else
    os << c.unet.num_heads << " heads";
  os << ", context " << c.unet.context_dim << ", " << (c.unet.use_linear_in_transformer ? "linear" : "conv")
     << " projections\n";
  os << "vae: width " << c.vae.ch << " x (" << join(c.vae.ch_mult) << "), latent " << c.vae.embed_dim
     << " channels, factor " << c.vae.downsample_factor() << ", scale " << c.vae.scale_factor << "\n";
  os << "text encoder: " << (c.text.kind == TextKind::HfClip ? "CLIP (HF layout)" : "OpenCLIP") << ", width "
     << c.text.width << ", " << c.text.layers << " layers, " << c.text.heads << " heads, conditions on the "
     << (c.text.default_skip == 2 ? "penultimate" : "last") << " layer\n";
  for (const auto& comp : s.components) {
    os << "parameters " << comp.name << ": " << comp.parameters << " (";
    for (size_t i = 0; i < comp.dtypes.size(); ++i) os << (i ? ", " : "") << comp.dtypes[i];
    os << ")\n";
  }
  if (s.config_source) os << "config: " << s.config_source->string() << "\n";
  return os.str();
}

std::string describe_model_json(const ModelSummary& s) {
  nlohmann::json j = config_json(s.config);
  j["path"] = s.path.string();
  j["config_source"] = s.config_source ? nlohmann::json(s.config_source->string()) : nlohmann::json();
  nlohmann::json comps = nlohmann::json::object();
  int64_t total = 0;
  for (const auto& c : s.components) {
    comps[c.name] = {{"parameters", c.parameters}, {"dtypes", c.dtypes}};
    total += c.parameters;
  }
  j["components"] = comps;
  j["parameters"] = total;
  j["other_tensors"] = s.other_tensors;
  return j.dump(2);
}

std::vector<std::vector<int64_t>> tokenize_texts(const ModelSource& source, const std::vector<std::string>& texts) {
  const ResolvedCheckpoint r = resolve_checkpoint(source.model, source.config, source.prediction);
  const ClipTokenizer tok = load_tokenizer_for(source.model, source.tokenizer);
  std::vector<std::vector<int64_t>> out;
  for (const auto& t : texts) out.push_back(tok.encode_padded(t, r.config.text.pad_id, r.config.text.context_length));
  return out;
}

void eval_component(const ModelSource& source, const std::string& component, const std::filesystem::path& inputs,
                    const std::filesystem::path& out) {
  ModelLoadOptions opts;
  opts.config = source.config;
  opts.prediction = source.prediction;
  opts.unet = component == "unet";
  opts.vae = component == "vae-decode" || component == "vae-encode";
  opts.text = component == "text";
  if (!opts.unet && !opts.vae && !opts.text)
    throw std::invalid_argument("unknown component '" + component + "' (expected text, unet, vae-decode, vae-encode)");
  auto model = load_stable_diffusion(source.model, opts);
  const auto in = load_tensors(inputs);
  auto need = [&](const char* name) -> torch::Tensor {
    auto it = in.find(name);
    if (it == in.end())
      throw std::invalid_argument(inputs.string() + ": the " + component + " component needs a tensor named '" + name +
                                  "'");
    return it->second;
  };
  torch::InferenceMode guard;
  std::vector<std::pair<std::string, torch::Tensor>> results;
  if (opts.text) {
    auto ids = need("input_ids");
    if (ids.scalar_type() != torch::kLong && ids.scalar_type() != torch::kInt)
      throw std::invalid_argument(inputs.string() + ": 'input_ids' must be int64 or int32");
    ids = ids.to(torch::kLong);
    auto all = model->text->encode_all(ids);
    results = {{"last_hidden_state", all.last},
               {"penultimate_hidden_state", all.penultimate},
               {"cond", model->encode_text(ids)}};
  } else if (opts.unet) {
    auto x = need("x"), t = need("t"), context = need("context");
    results = {{"out", model->unet->forward(x.to(torch::kFloat), t, context.to(torch::kFloat))}};
  } else if (component == "vae-decode") {
    results = {{"out", model->vae->decode(need("z").to(torch::kFloat))}};
  } else {
    auto m = model->vae->encode(need("x").to(torch::kFloat));
    results = {{"mean", m.mean}, {"logvar", m.logvar}};
  }
  for (auto& [_, t] : results) t = t.to(torch::kCPU).contiguous().clone();
  save_tensors(out, results, {{"component", component}, {"model", source.model.string()}});
}

ModelConfig architecture_config(const std::string& arch) {
  ModelConfig c;  // defaults are SD 1.x
  if (arch == "sd15" || arch == "sd15-inpaint") {
    c.family = Family::SD1;
    c.unet.in_channels = arch == "sd15-inpaint" ? 9 : 4;
    return c;
  }
  if (arch == "sd21" || arch == "sd21-inpaint") {
    c.family = Family::SD2;
    c.prediction = arch == "sd21" ? Prediction::V : Prediction::Epsilon;
    c.unet.in_channels = arch == "sd21" ? 4 : 9;
    c.unet.num_head_channels = 64;
    c.unet.use_linear_in_transformer = true;
    c.unet.context_dim = 1024;
    c.text.kind = TextKind::OpenClip;
    c.text.width = 1024;
    c.text.heads = 16;
    c.text.layers = 24;
    c.text.projection_dim = 1024;
    c.text.default_skip = 2;
    c.text.pad_id = 0;
    return c;
  }
  throw std::invalid_argument("unknown architecture '" + arch + "' (expected sd15, sd15-inpaint, sd21, sd21-inpaint)");
}

void init_random_model(const std::string& arch, const std::filesystem::path& out, const std::string& dtype,
                       uint64_t seed) {
  const ModelConfig config = architecture_config(arch);
  torch::ScalarType st;
  if (dtype == "f32" || dtype == "fp32")
    st = torch::kFloat;
  else if (dtype == "f16" || dtype == "fp16")
    st = torch::kHalf;
  else if (dtype == "bf16")
    st = torch::kBFloat16;
  else
    throw std::invalid_argument("unknown dtype '" + dtype + "' (expected f32, f16, bf16)");
  auto model = make_random_stable_diffusion(config, seed);
  save_stable_diffusion(*model, out, st);
}

}  // namespace stipple
