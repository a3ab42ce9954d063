#include "io/weights.h"

#include <sstream>
#include <stdexcept>

#include "io/tensor_io.h"

namespace stipple {

namespace {

std::string shape_text(const std::vector<int64_t>& s) {
  std::string t = "[";
  for (size_t i = 0; i < s.size(); ++i) t += (i ? "," : "") + std::to_string(s[i]);
  return t + "]";
}

int64_t numel_of(const std::vector<int64_t>& s) {
  int64_t n = 1;
  for (auto d : s) n *= d;
  return n;
}

}  // namespace

void WeightSource::add(const SafetensorsBundle& bundle, const Rename& rename, const Reshape& reshape) {
  for (const auto& stored : bundle.names()) {
    const std::string name = rename ? rename(stored) : stored;
    if (name.empty()) continue;
    auto ref = bundle.find(stored);
    std::vector<int64_t> shape = ref.info->shape;
    if (reshape) {
      auto s = reshape(name, shape);
      if (!s.empty()) {
        if (numel_of(s) != ref.info->numel())
          throw std::runtime_error(bundle.path().string() + ": tensor '" + stored + "' " + shape_text(shape) +
                                   " cannot be viewed as " + shape_text(s) + " for '" + name + "'");
        shape = std::move(s);
      }
    }
    auto [it, inserted] = entries_.emplace(name, Entry{ref, shape});
    if (!inserted)
      throw std::runtime_error(bundle.path().string() + ": tensor '" + stored + "' maps to '" + name +
                               "', which " + origin(name) + " already provides");
  }
  for (const auto& [k, v] : bundle.metadata()) metadata_.emplace(k, v);
}

std::vector<std::string> WeightSource::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [k, _] : entries_) out.push_back(k);
  return out;
}

const std::vector<int64_t>& WeightSource::shape(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw std::out_of_range("no weight named '" + name + "'");
  return it->second.shape;
}

DType WeightSource::dtype(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw std::out_of_range("no weight named '" + name + "'");
  return it->second.ref.info->dtype;
}

torch::Tensor WeightSource::tensor(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw std::out_of_range("no weight named '" + name + "'");
  auto t = to_torch(it->second.ref.file, *it->second.ref.info);
  if (it->second.shape != it->second.ref.info->shape) t = t.reshape(it->second.shape);
  return t;
}

void WeightSource::evict(const std::string& name) const {
  auto it = entries_.find(name);
  if (it != entries_.end()) it->second.ref.file->evict(*it->second.ref.info);
}

std::string WeightSource::origin(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) return "(nowhere)";
  return it->second.ref.file->path().filename().string() + ": " + it->second.ref.info->name;
}

std::vector<std::filesystem::path> WeightSource::files() const {
  std::set<std::filesystem::path> seen;
  for (const auto& [_, e] : entries_) seen.insert(e.ref.file->path());
  return {seen.begin(), seen.end()};
}

std::string LoadProblems::message(const std::string& what) const {
  std::ostringstream os;
  os << what << ": " << missing.size() << " missing, " << unexpected.size() << " unexpected, " << wrong_shape.size()
     << " wrong-shape keys";
  if (!wrong_dtype.empty()) os << ", " << wrong_dtype.size() << " of a non-floating-point type";
  if (!non_finite.empty())
    os << "; " << non_finite.size() << " tensors hold NaN or infinite values (the file is damaged)";
  auto list = [&](const char* label, const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    os << "\n  " << label << ":";
    const size_t shown = std::min<size_t>(keys.size(), 40);
    for (size_t i = 0; i < shown; ++i) os << "\n    " << keys[i];
    if (keys.size() > shown) os << "\n    ... and " << (keys.size() - shown) << " more";
  };
  list("wrong shape", wrong_shape);
  list("missing", missing);
  list("unexpected", unexpected);
  list("not floating point", wrong_dtype);
  list("NaN or infinite values", non_finite);
  return os.str();
}

void load_module(torch::nn::Module& module, const WeightSource& source, const std::string& prefix,
                 LoadProblems& problems, std::set<std::string>& consumed, const std::set<std::string>& optional) {
  torch::NoGradGuard no_grad;
  auto assign = [&](const std::string& rel, torch::Tensor& target) {
    const std::string key = prefix + rel;
    if (!source.contains(key)) {
      if (!optional.count(rel)) problems.missing.push_back(key);
      return;
    }
    consumed.insert(key);
    const auto& shape = source.shape(key);
    if (target.sizes().vec() != shape) {
      problems.wrong_shape.push_back(key + ": file " + shape_text(shape) + ", model " +
                                     shape_text(target.sizes().vec()) + " (" + source.origin(key) + ")");
      return;
    }
    const torch::Tensor t = source.tensor(key);
    if (target.is_floating_point() && !t.is_floating_point()) {
      problems.wrong_dtype.push_back(key + ": file " + std::string(c10::toString(t.scalar_type())) + " (" + source.origin(key) + ")");
      return;
    }
    // One pass over the file's values; counted only when something is wrong.
    if (t.is_floating_point() && !torch::isfinite(t).all().item<bool>()) {
      const auto nan = torch::isnan(t).sum().item<int64_t>();
      const auto inf = torch::isinf(t).sum().item<int64_t>();
      problems.non_finite.push_back(key + ": " + std::to_string(nan) + " NaN, " + std::to_string(inf) + " infinite of " +
                                    std::to_string(t.numel()) + " values (" + source.origin(key) + ")");
      return;
    }
    target.copy_(t.to(target.device()));
    source.evict(key);  // peak memory: the model plus one tensor, not the model plus the file
  };
  for (auto& item : module.named_parameters(/*recurse=*/true)) assign(item.key(), item.value());
  for (auto& item : module.named_buffers(/*recurse=*/true)) assign(item.key(), item.value());
}

}  // namespace stipple
