#pragma once
// The fonts an SVG embeds as subsets, kept ready for the next page: a chart
// laid out over many pages subsets the same faces once per page file, and
// HarfBuzz subsets a face much faster from its preprocessed form
// (hb_subset_preprocess), which costs about one whole subset to make. So a
// face is preprocessed the second time it is asked for, never for a chart
// of one page. Internal to render/; shared by the renders of one Renderer.
#include <hb.h>

#include <map>
#include <mutex>

namespace annals::render {

class SubsetSources {
 public:
  SubsetSources() = default;
  ~SubsetSources();
  SubsetSources(const SubsetSources&) = delete;
  SubsetSources& operator=(const SubsetSources&) = delete;

  // The face to subset `face` from: `face` itself the first time, its
  // preprocessed form from then on. Valid as long as this object and `face`.
  hb_face_t* source(hb_face_t* face);

 private:
  struct Entry {
    hb_face_t* original = nullptr;      // referenced, so the key stays that face
    hb_face_t* preprocessed = nullptr;  // owned, once asked for twice
    bool tried = false;
  };
  std::mutex mutex_;  // the text layer of each SVG is written on its own thread
  std::map<hb_face_t*, Entry> faces_;
};

}  // namespace annals::render
