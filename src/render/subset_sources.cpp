#include "render/subset_sources.h"

#include <hb-subset.h>

namespace annals::render {

SubsetSources::~SubsetSources() {
  for (auto& [key, e] : faces_) {
    if (e.preprocessed != nullptr) hb_face_destroy(e.preprocessed);
    hb_face_destroy(e.original);
  }
}

hb_face_t* SubsetSources::source(hb_face_t* face) {
  const std::lock_guard lock(mutex_);
  auto [it, first] = faces_.try_emplace(face);
  Entry& e = it->second;
  if (first) {
    e.original = hb_face_reference(face);
    return face;
  }
  if (!e.tried) {
    e.tried = true;
    hb_face_t* prepared = hb_subset_preprocess(face);
    // HarfBuzz gives its empty face when it cannot: subset the face itself.
    if (prepared != nullptr && hb_face_get_glyph_count(prepared) > 0)
      e.preprocessed = prepared;
    else
      hb_face_destroy(prepared);
  }
  return e.preprocessed != nullptr ? e.preprocessed : face;
}

}  // namespace annals::render
