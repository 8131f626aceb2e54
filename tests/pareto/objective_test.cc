#include "prpnas/pareto/objective.h"

#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

TEST(Objective, ParsesSenseAndConvertsToMinimisation) {
  const Objective acc = parse_objective("accuracy:max"), lat = parse_objective("latency_ms:min");
  EXPECT_EQ(acc.name, "accuracy");
  EXPECT_EQ(acc.sense, Sense::kMaximize);
  EXPECT_EQ(lat.sense, Sense::kMinimize);
  EXPECT_EQ(to_minimized(acc, 93.5), -93.5);
  EXPECT_EQ(from_minimized(acc, to_minimized(acc, 93.5)), 93.5);
  EXPECT_EQ(to_minimized(lat, 4.0), 4.0);
  EXPECT_EQ(parse_objective("a:b:min").name, "a:b");  // the sense is after the last colon
  EXPECT_EQ(to_minimized({acc, lat}, {{90, 5}, {80, 3}}), (Points{{-90, 5}, {-80, 3}}));
}

TEST(Objective, RejectsBadSpecs) {
  for (const char* spec : {"accuracy", ":max", "accuracy:", "accuracy:maximise", ""}) {
    EXPECT_THROW(parse_objective(spec), ParseError) << spec;
  }
}

TEST(Objective, ParsesReferenceInAnyOrder) {
  const std::vector<Objective> o = {parse_objective("accuracy:max"), parse_objective("latency_ms:min")};
  EXPECT_EQ(parse_reference("latency_ms=100,accuracy=0.5", o), (Point{-0.5, 100}));
  for (const char* spec : {"accuracy=0", "accuracy=0,latency_ms=1,accuracy=2", "accuracy=0,lat=1",
                           "accuracy=0,latency_ms=", "accuracy=0,latency_ms=nan", "accuracy=0;latency_ms=1", ""}) {
    EXPECT_THROW(parse_reference(spec, o), ParseError) << spec;
  }
}

}  // namespace
}  // namespace prpnas::pareto
