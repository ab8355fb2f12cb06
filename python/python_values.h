// Python objects from the library's JSON tree, without writing and re-parsing the text.
//
// The dict equals json.loads of the text AnalysisToJson writes from the same tree. Making the
// objects is what costs (the GIL is held throughout), so member names and offsets are made once
// and shared, and the cyclic garbage collector is paused while a result is built (JSON holds no
// cycles).
#ifndef CLAIMSCAN_PYTHON_PYTHON_VALUES_H_
#define CLAIMSCAN_PYTHON_PYTHON_VALUES_H_

#include <pybind11/pybind11.h>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/json_parts.h"

namespace claimscan::python {

class PythonValues {
 public:
  // `value` as Python objects. REQUIRES: the GIL is held.
  pybind11::object Convert(const internal::Json& value);

 private:
  // A new reference, or nullptr with a Python error set (a string that is not UTF-8).
  PyObject* Make(const internal::Json& value);
  PyObject* Key(const std::string& s);
  PyObject* Text(const std::string& s);
  PyObject* Integer(int64_t v);

  // Member names, made once (bounded).
  std::unordered_map<std::string, pybind11::object> keys_;
  // Integers below kSharedIntegers (offsets, most counts), made once each.
  std::vector<pybind11::object> integers_;
};

// Offsets into any article under 64 KiB are shared; above that they are made as needed.
inline constexpr size_t kSharedIntegers = 1 << 16;

}  // namespace claimscan::python

#endif  // CLAIMSCAN_PYTHON_PYTHON_VALUES_H_
