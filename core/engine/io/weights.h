#pragma once
// Named weights gathered from one or more safetensors files under the ORIGINAL (ldm) key names,
// plus the strict loader that copies them into a LibTorch module.
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/safetensors.h"

namespace stipple {

class WeightSource {
 public:
  // Adds every tensor of `bundle`, renamed by `rename` (return "" to skip a tensor). A
  // `reshape` hook may give a new shape for a renamed key (e.g. a Linear [C,C] stored where the
  // original has a 1x1 conv [C,C,1,1]); it returns an empty vector to keep the stored shape.
  using Rename = std::function<std::string(const std::string&)>;
  using Reshape = std::function<std::vector<int64_t>(const std::string& name, const std::vector<int64_t>& shape)>;
  void add(const SafetensorsBundle& bundle, const Rename& rename = {}, const Reshape& reshape = {});

  bool contains(const std::string& name) const { return entries_.count(name) != 0; }
  std::vector<std::string> names() const;
  const std::vector<int64_t>& shape(const std::string& name) const;  // throws if absent
  DType dtype(const std::string& name) const;
  // Zero-copy, read-only view of the stored data (reshaped if a hook asked for it).
  torch::Tensor tensor(const std::string& name) const;
  // Releases the mapped pages of a weight once it has been copied (see SafetensorsFile::evict).
  void evict(const std::string& name) const;
  // Where a key came from, for error messages: "file.safetensors: stored.name".
  std::string origin(const std::string& name) const;
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  std::vector<std::filesystem::path> files() const;

 private:
  struct Entry {
    SafetensorsBundle::TensorRef ref;
    std::vector<int64_t> shape;
  };
  std::map<std::string, Entry> entries_;
  std::map<std::string, std::string> metadata_;
};

// Collects problems from several strict loads so the user sees all of them in one error.
struct LoadProblems {
  std::vector<std::string> missing, wrong_shape, unexpected;
  std::vector<std::string> wrong_dtype;  // integer or boolean data where the network has floats
  std::vector<std::string> non_finite;   // "key: 7 NaN, 0 infinite of 1152 values (file)"
  bool empty() const {
    return missing.empty() && wrong_shape.empty() && unexpected.empty() && wrong_dtype.empty() && non_finite.empty();
  }
  // "model.safetensors: 3 missing, 1 unexpected, 2 wrong-shape keys:\n  missing: ...".
  std::string message(const std::string& what) const;
};

// Copies the weights under `prefix` into `module` (every parameter and buffer by its
// named_parameters() name), converting to the module's dtype. Missing, wrong-shape and
// wrong-dtype keys, and tensors holding NaN or infinite values, are recorded in `problems`; keys in `optional` (module-relative) may be absent.
// Every key used is added to `consumed`.
void load_module(torch::nn::Module& module, const WeightSource& source, const std::string& prefix,
                 LoadProblems& problems, std::set<std::string>& consumed,
                 const std::set<std::string>& optional = {});

}  // namespace stipple
